import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../packages/server/src/config/config';
import { DataDirLockedError } from '../../packages/server/src/db/data-lock';
import { openDatabase } from '../../packages/server/src/db/database';
import { migrateToLatest } from '../../packages/server/src/db/migrate';
import { generateOrganisation } from './generate';

const usage = `Usage: tsx bench/generate/cli.ts [--clients N] [--seed S] [--now ISO-TIME] [--out FILE] [--connections C] [--force]

Writes a generated organisation (practitioners with caseloads of 60, a year of client history) to
the database the server would use: DATABASE_URL, or the embedded database in DATA_DIR (stop the
server first). Refuses a database that already holds an organisation unless --force, which adds
one more beside them. Writes what a benchmark needs to sign in to --out.

  --clients  number of clients (default 1000)
  --seed     seed of the generator (default 1)
  --now      end of the year of history (default: the current time)
  --out      the JSON summary (default bench/.generated.json)
  --connections  chunks written at once on PostgreSQL (default 2; the embedded database has one)`;

function progressLine(started: number) {
  let last = 0;
  return (done: number, total: number, phase: string) => {
    const now = performance.now();
    if (done < total && now - last < 250) return;
    last = now;
    const seconds = (now - started) / 1000;
    const rate = phase === 'clients' && seconds > 0 ? ` ${Math.round(done / seconds)} clients/s` : '';
    process.stderr.write(`\r${phase} ${done}/${total}${rate} ${seconds.toFixed(1)} s   `);
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { clients: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, now: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean', default: false }, connections: { type: 'string', default: '2' }, help: { type: 'boolean', default: false } },
  });
  const clients = Number(values.clients);
  const seed = Number(values.seed);
  const connections = Number(values.connections);
  const now = values.now ? new Date(values.now) : new Date();
  if (values.help || !Number.isSafeInteger(clients) || clients < 1 || !Number.isSafeInteger(seed) || !Number.isSafeInteger(connections) || connections < 1 || Number.isNaN(now.getTime())) {
    process.stderr.write(`${usage}\n`);
    return values.help ? 0 : 2;
  }
  const out = path.resolve(values.out ?? path.join(import.meta.dirname, '../.generated.json'));
  const config = loadConfig();
  const database = await openDatabase(config.database.kind === 'postgres' ? { kind: 'postgres', url: config.database.url, poolSize: connections } : { kind: 'pglite', dataDir: config.database.dataDir });
  try {
    await migrateToLatest(database.db);
    const existing = await database.db.selectFrom('organisation').select('name').limit(1).executeTakeFirst();
    if (existing && !values.force) {
      process.stderr.write(`The database already holds an organisation ("${existing.name}"): use an empty database, or --force to add one beside it.\n`);
      return 1;
    }
    const result = await generateOrganisation(database.db, { clients, now, seed, connections: database.engine === 'postgres' ? connections : 1, onProgress: progressLine(performance.now()) });
    const rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
    process.stderr.write(`\nWrote ${clients} clients, ${rows} rows in ${result.seconds} s (${Math.round(rows / result.seconds)} rows/s) to the ${database.engine === 'postgres' ? 'PostgreSQL database' : 'embedded database'}; summary in ${out}\n`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
