/**
 * `npm run bench`: Tandem against a generated organisation, measured in one run side by side with
 * the bare routes that do the same database work (bench/run/server.ts), on the embedded database
 * (PGlite) by default or on PostgreSQL when DATABASE_URL is set. Writes a Markdown table into
 * docs/performance.md (unless --no-write) and prints it.
 *
 *   npm run bench -- [--clients 1000] [--duration 10] [--connections 10] [--summary FILE] [--only worklist,brief] [--no-write]
 *
 * On PGlite the organisation is generated once into bench/.data/ and reused. On PostgreSQL, run
 * `npm run bench:generate -- --clients N` against DATABASE_URL first (or let this run generate
 * --clients into an empty database); its summary file says how to sign in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { newId } from '@tandem/domain';
import type { GeneratedOrganisation } from '../generate/generate';
import { measure, type Measurement, type Scenario } from './measure';
import { renderResults, replaceBetweenMarkers, type BenchResults } from './report';
import { signIn, type Session } from './sign-in';
import { measureStartup } from './startup';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    summary: { type: 'string' },
    only: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});
const clients = Number(args.clients);
const duration = Number(args.duration);
const connections = Number(args.connections);
/** Some scenarios only (comma-separated keys: select, home, worklist, brief, insert, check-in), with their ceilings. */
const only = args.only?.split(',');
const databaseUrl = process.env.DATABASE_URL;
const engine = databaseUrl ? 'postgres' : 'pglite';
const dataDir = path.join(root, 'bench/.data', `pglite-${clients}`);
const summaryFile = path.resolve(args.summary ?? (databaseUrl ? path.join(root, 'bench/.generated.json') : `${dataDir}.json`));

/** Runs a child to the end, its output passed through; rejects on a non-zero exit. */
function run(command: string, argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(argv[1] ?? command)} exited with ${code}`))));
  });
}

const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', SEED_DEMO: 'never', ...(databaseUrl ? {} : { DATA_DIR: dataDir }) };

if (!fs.existsSync(summaryFile)) {
  process.stderr.write(`No generated organisation for this run yet: generating ${clients} clients (${engine}).\n`);
  await run(process.execPath, [tsx, path.join(root, 'bench/generate/cli.ts'), '--clients', String(clients), '--out', summaryFile], env);
}
const organisation = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as GeneratedOrganisation;

/** Starts bench/run/server.ts on a free port and waits for its line of JSON. */
async function startBenchServer(): Promise<{ child: ChildProcess; tandem: string; bare: string; postgres: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ') ?? []), '--import', 'tsx', path.join(root, 'bench/run/server.ts')], {
    env: { ...env, BENCH_WRITER_CLIENT_ID: organisation.benchClient.clientId, PORT: String(port), HOST: '127.0.0.1', PUBLIC_ORIGIN: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const end = buffer.indexOf('\n');
      if (end >= 0) resolve(buffer.slice(0, end));
    });
    child.on('exit', (code) => reject(new Error(`the bench server exited with ${code} before it was ready`)));
  });
  return { child, ...(JSON.parse(line) as { tandem: string; bare: string; postgres: string }) };
}

function freePort(): Promise<number> {
  return import('node:net').then(
    ({ createServer }) =>
      new Promise((resolve) => {
        const probe = createServer();
        probe.listen(0, '127.0.0.1', () => {
          const { port } = probe.address() as { port: number };
          probe.close(() => resolve(port));
        });
      }),
  );
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

// The start-up is timed on the built server, as production starts it: bundle the sources being
// measured now (about a second), so a fresh clone needs no build first and a run never times an
// older bundle than the code beside it.
await run(process.execPath, [path.join(root, 'packages/server/scripts/bundle.mjs')], process.env);

const server = await startBenchServer();
const measurements: Measurement[] = [];
const startedAt = new Date();
try {
  const practitioner: Session = await signIn(server.tandem, organisation.benchPractitioner.email, organisation.password, organisation.totpSecret);
  const client: Session = await signIn(server.tandem, organisation.benchClient.email, organisation.password, organisation.totpSecret);
  const briefOf = organisation.benchClient.clientId;
  const homeScreen = ['/api/me', '/api/check-ins?days=14', '/api/questionnaires/due', '/api/me/homework?locale=en', '/api/programme?locale=en', '/api/me/programme', '/api/me/messages/unread'];
  const common = { connections, duration };
  const checkInBody = () => JSON.stringify({ id: newId(new Date()), mood: 6, note: null, recordedAt: new Date().toISOString() });

  const bareInsertBody = () =>
    JSON.stringify({ id: newId(new Date()), organisationId: organisation.organisationId, clientId: briefOf, mood: 6, recordedAt: new Date().toISOString() });
  const worklistName = `Practitioner worklist (caseload ${organisation.benchPractitioner.clientIds.length})`;
  // Reads first, so the check-ins the write scenarios add do not change what the reads read. Each
  // Tandem scenario is compared with the bare route run just before it in this same run.
  const plan: { key: string; scenario: Omit<Scenario, 'connections' | 'duration' | 'ceiling'>; ceiling?: string }[] = [
    { key: 'select', scenario: { name: 'Bare SELECT of one row (ceiling for reads)', url: server.bare, requests: [{ method: 'GET', path: `/bare/clients/${briefOf}` }] } },
    { key: 'home', ceiling: 'select', scenario: { name: 'Client home screen (7 requests)', url: server.tandem, session: client, requests: homeScreen.map((p) => ({ method: 'GET', path: p })) } },
    { key: 'worklist', ceiling: 'select', scenario: { name: worklistName, url: server.tandem, session: practitioner, requests: [{ method: 'GET', path: '/api/worklist' }], target: { p99Ms: 50 } } },
    { key: 'brief', ceiling: 'select', scenario: { name: 'Pre-session brief', url: server.tandem, session: practitioner, requests: [{ method: 'GET', path: `/api/clients/${briefOf}/brief` }], target: { p99Ms: 30 } } },
    { key: 'insert', scenario: { name: 'Bare INSERT of one check-in (ceiling for writes)', url: server.bare, requests: [{ method: 'POST', path: '/bare/check-in', body: bareInsertBody }] } },
    { key: 'check-in', ceiling: 'insert', scenario: { name: 'Mood check-in (POST)', url: server.tandem, session: client, requests: [{ method: 'POST', path: '/api/check-ins', body: checkInBody }], target: { ratio: 0.4 } } },
  ];
  const wanted = new Set(only ?? plan.map((p) => p.key));
  for (const step of plan) if (wanted.has(step.key) && step.ceiling) wanted.add(step.ceiling);
  const done = new Map<string, Measurement>();
  for (const step of plan.filter((p) => wanted.has(p.key))) {
    const ceiling = step.ceiling ? done.get(step.ceiling) : undefined;
    const measurement = await measure({ ...common, ...step.scenario, ...(ceiling ? { ceiling } : {}) });
    done.set(step.key, measurement);
    measurements.push(measurement);
  }
} finally {
  await stop(server.child);
}

const startup = databaseUrl ? null : await measureStartup({ root, dataDir, runs: 3 });
const results: BenchResults = {
  engine,
  postgresVersion: server.postgres,
  at: startedAt,
  machine: `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}, Node.js ${process.version}`,
  counts: organisation.counts,
  clients: organisation.counts.client ?? clients,
  connections,
  duration,
  measurements,
  startup,
};
const table = renderResults(results);
process.stdout.write(`\n${table}\n`);
if (!args['no-write']) {
  const file = path.join(root, 'docs/performance.md');
  fs.writeFileSync(file, replaceBetweenMarkers(fs.readFileSync(file, 'utf8'), `bench:${engine}`, table));
  process.stderr.write(`Wrote the ${engine} results into docs/performance.md.\n`);
}
