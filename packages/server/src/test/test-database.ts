import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/database';
import { adminQuery, withDatabase } from './postgres-admin';

/** Which engine this run tests: PostgreSQL when TEST_DATABASE_URL is set, otherwise PGlite. */
export const testEngine: 'postgres' | 'pglite' = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/**
 * A database of its own for one test file, already migrated: loaded from the migrated dump on
 * PGlite, copied from the migrated template on PostgreSQL. Close it in afterAll.
 */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `tandem_test_${randomUUID().replaceAll('-', '')}`;
    await adminQuery(url, `create database ${name} template ${inject('postgresTemplate')}`);
    const database = await openDatabase({ kind: 'postgres', url: withDatabase(url, name), poolSize: 5 });
    return {
      ...database,
      async close() {
        await database.close();
        await adminQuery(url, `drop database if exists ${name} with (force)`);
      },
    };
  }
  const dump = new Blob([fs.readFileSync(inject('pgliteDumpPath'))]);
  return openDatabase({ kind: 'pglite-memory', loadDataDir: dump });
}
