import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPGlite } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { PGliteDialect } from '../db/pglite-dialect';
import { Kysely } from 'kysely';
import type { Schema } from '../db/schema';
import { adminQuery, templateDatabaseName, withDatabase } from './postgres-admin';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDumpPath: string;
    postgresTemplate: string;
  }
}

/**
 * Migrates once per run: on PGlite into a data-folder dump that each test file loads into its own
 * in-memory database (a fresh initdb costs ≈ 2 s); on PostgreSQL into a template database that each
 * test file copies with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    // One template a vitest project (server, bench): their set-ups and teardowns do not meet.
    const template = templateDatabaseName(project.name);
    await adminQuery(url, `drop database if exists ${template}`);
    await adminQuery(url, `create database ${template}`);
    const { openDatabase } = await import('../db/database');
    const database = await openDatabase({ kind: 'postgres', url: withDatabase(url, template), poolSize: 1 });
    await migrateToLatest(database.db);
    await database.close();
    project.provide('postgresTemplate', template);
    project.provide('pgliteDumpPath', '');
    return async () => {
      await adminQuery(url, `drop database if exists ${template} with (force)`);
    };
  }
  const pglite = await openPGlite({});
  const db = new Kysely<Schema>({ dialect: new PGliteDialect(pglite) });
  await migrateToLatest(db);
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-test-'));
  const dumpPath = path.join(dir, 'migrated.tar');
  fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDumpPath', dumpPath);
  project.provide('postgresTemplate', '');
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
