import { systemClock, type Clock } from '@tandem/domain';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { enqueueAuditSeal } from './audit/seal';
import type { Config } from './config/config';
import { openDatabase, type Database } from './db/database';
import { migrateToLatest } from './db/migrate';
import { seedDemo, type SeedResult } from './demo/seed-demo';
import { createMailer } from './email/mailer';
import { createJobHandlers } from './jobs/handlers';
import { startWorker } from './jobs/jobs';
import { enqueueMoodPromptSweep } from './modules/checkins/mood-prompt.jobs';
import { pushSubject } from './modules/push/push.sender';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  /** The demo organisation's sign-ins, when there is one (never in production). */
  demo: SeedResult | undefined;
  stop(): Promise<void>;
}

/**
 * A new embedded database (its first migration just ran) outside production gets the demo
 * organisation, unless SEED_DEMO=never. PostgreSQL is never seeded unless asked
 * (`tandem seed-demo`). An existing demo's sign-ins are returned for printing.
 */
export async function demoOnStart(config: Config, database: Database, clock: Clock, applied: string[]): Promise<SeedResult | undefined> {
  if (config.nodeEnv === 'production') return undefined;
  const fresh = applied.includes('0001-scheduled-work');
  if (config.database.kind === 'pglite' && fresh && config.seedDemo === 'auto') return seedDemo(database.db, clock);
  const existing = await database.db.selectFrom('organisation').select('id').where('is_demo', '=', true).executeTakeFirst();
  return existing ? { ...(await seedDemo(database.db, clock)), created: false } : undefined;
}

/** Opens the database, migrates it, starts the job worker and listens. */
export async function startServer(config: Config, clock: Clock = systemClock): Promise<RunningServer> {
  const database = await openDatabase(
    config.database.kind === 'postgres'
      ? { kind: 'postgres', url: config.database.url, poolSize: config.database.poolSize }
      : { kind: 'pglite', dataDir: config.database.dataDir },
  );
  try {
    const applied = await migrateToLatest(database.db);
    const demo = await demoOnStart(config, database, clock, applied);
    // Every client in care has their next mood prompt queued (decision 0032); then daily.
    await enqueueMoodPromptSweep(database.db, clock);
    // The audit log is sealed now and every five minutes (decision 0011).
    await enqueueAuditSeal(database.db, clock);
    const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, production: config.nodeEnv === 'production' });
    const app = await buildApp({ config, database, clock, mailer });
    const stopWorker = startWorker({
      db: database.db,
      clock,
      handlers: createJobHandlers({ mailer, log: app.log, publicOrigin: config.publicOrigin, push: { subject: pushSubject(config), extraOrigins: config.pushServiceOrigins } }),
      pollMs: config.jobPollMs,
      onError: (error, job) =>
        app.log.error({ jobKind: job?.kind, jobId: job?.id, errName: (error as Error)?.name }, 'scheduled job failed'),
    });
    const address = await app.listen({ host: config.host, port: config.port });
    let stopping: Promise<void> | undefined;
    return {
      app,
      database,
      url: address,
      demo,
      stop() {
        stopping ??= (async () => {
          await app.close();
          await stopWorker();
          mailer.close();
          await database.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
