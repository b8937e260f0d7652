import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { lockDataDir, type DataDirLock } from './data-lock';
import { PGliteDialect } from './pglite-dialect';
import type { Schema } from './schema';
import { textParsers } from './type-parsers';

export type Engine = 'pglite' | 'postgres';

/** An open database: the one Kysely query layer, whichever engine is underneath. */
export interface Database {
  readonly db: Kysely<Schema>;
  readonly engine: Engine;
  /** Where LISTEN is held (one per app instance; modules/worklist/worklist.listener.ts). */
  readonly notifications: NotificationSource;
  close(): Promise<void>;
}

/**
 * PostgreSQL: a new dedicated client outside the pool (a pooled connection cannot hold LISTEN).
 * PGlite: its own `listen()`, run while holding the query mutex so it never lands inside another
 * caller's transaction.
 */
export type NotificationSource =
  | { engine: 'postgres'; newClient(): pg.Client }
  | { engine: 'pglite'; listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> };

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory'; loadDataDir?: Blob };

const pgliteParsers = Object.fromEntries(
  Object.entries(textParsers).map(([oid, parse]) => [oid, (text: string) => parse(text)]),
);

/** Opens PGlite with Tandem's parsers and a UTC session. Exposed for tests and the dump step. */
export async function openPGlite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<PGlite> {
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: pgliteParsers,
  });
  await pglite.exec(`set time zone 'UTC'`);
  return pglite;
}

/**
 * Opens the database. The embedded engine takes the data folder's lock first (HAZ-002) and
 * releases it on close; PostgreSQL gets a pool whose connections run in UTC with the same parsers.
 */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      options: '-c TimeZone=UTC',
      // A request waits at most this long for a connection, then gets a 503 (HAZ-097); keepalive
      // finds connections a failover left half-open.
      connectionTimeoutMillis: 10_000,
      keepAlive: true,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          const parse = textParsers[oid];
          return parse && format !== 'binary' ? parse : pg.types.getTypeParser(oid, format ?? 'text');
        }) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client losing its server (restart, failover) must not crash the process.
    pool.on('error', () => {});
    // Nor may one that is checked out (in a transaction, between its statements) when PostgreSQL
    // ends it — pg emits 'error' on the client itself, and the pool listens only while it is idle.
    // Its next statement fails (a 503, HAZ-097), and the pool drops it on release.
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    const newClient = () => new pg.Client({ connectionString: target.url, options: '-c TimeZone=UTC' });
    return { db, engine: 'postgres', notifications: { engine: 'postgres', newClient }, close: () => db.destroy() };
  }

  let lock: DataDirLock | undefined;
  if (target.kind === 'pglite') lock = lockDataDir(target.dataDir);
  try {
    const pglite = await openPGlite(
      target.kind === 'pglite' ? { dataDir: target.dataDir } : target.loadDataDir ? { loadDataDir: target.loadDataDir } : {},
    );
    const db = new Kysely<Schema>({ dialect: new PGliteDialect(pglite) });
    return {
      db,
      engine: 'pglite',
      notifications: {
        engine: 'pglite',
        listen: (channel, onPayload) => db.connection().execute(() => pglite.listen(channel, onPayload)),
      },
      async close() {
        try {
          await db.destroy();
          await pglite.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** True when the database answers a trivial query. */
export async function pingDatabase(database: Database): Promise<boolean> {
  try {
    await sql`select 1`.execute(database.db);
    return true;
  } catch {
    return false;
  }
}
