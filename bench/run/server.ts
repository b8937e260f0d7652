/**
 * The server side of `npm run bench` (bench/run/run.ts starts it as a child process): the real
 * Tandem server (startServer, as `tandem serve` runs it, with its job worker) and, beside it, a
 * bare Fastify with no plugins whose two routes do one request's least possible database work —
 * the same single-row INSERT as a check-in, the same one-row SELECT by primary key — through the
 * same Kysely instance and pool. The bare routes are the ceiling each Tandem route is compared to.
 *
 * Prints one line of JSON when both listen; stops both on SIGTERM.
 */
import { systemClock } from '@tandem/domain';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { loadConfig } from '../../packages/server/src/config/config';
import { startServer } from '../../packages/server/src/server';

const config = loadConfig();
const startedAt = new Date();
/** The client whose check-ins the write scenarios add (removed again at the end). */
const writerClientId = process.env.BENCH_WRITER_CLIENT_ID;
const server = await startServer(config, systemClock);
const db = server.database.db;

const bare = Fastify({ logger: false });
bare.post<{ Body: { id: string; organisationId: string; clientId: string; mood: number; recordedAt: string } }>('/bare/check-in', async (request, reply) => {
  const { id, organisationId, clientId, mood, recordedAt } = request.body;
  await db
    .insertInto('check_in')
    .values({ id, organisation_id: organisationId, client_id: clientId, mood, note: null, recorded_at: new Date(recordedAt), received_at: new Date() })
    .execute();
  return reply.status(201).send({ id });
});
bare.get<{ Params: { id: string } }>('/bare/clients/:id', async (request) => {
  return db.selectFrom('client').selectAll().where('id', '=', request.params.id).executeTakeFirstOrThrow();
});
const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });

const { rows } = await sql<{ version: string }>`select current_setting('server_version') as version`.execute(db);
process.stdout.write(`${JSON.stringify({ tandem: server.url, bare: bareUrl, engine: server.database.engine, postgres: rows[0]!.version })}\n`);

process.once('SIGTERM', () => {
  void (async () => {
    await bare.close();
    // The write scenarios' check-ins go, so the next run reads the same data as this one did.
    if (writerClientId) await db.deleteFrom('check_in').where('client_id', '=', writerClientId).where('received_at', '>=', startedAt).execute();
    await server.stop();
    process.exit(0);
  })();
});
