import type { Clock } from '@tandem/domain';
import { Migrator, sql, type Kysely, type Transaction } from 'kysely';
import { writeAudit } from '../audit/audit';
import { verifyAuditChain } from '../audit/seal';
import type { Database } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { migrations } from '../db/migrations/index';
import type { Schema } from '../db/schema';
import { BackupError, type BackupHeader, type BackupProgress } from './backup-format';
import { isJsonType, migrationTables, readCatalog } from './catalog';
import { readBackup } from './read-backup';
import { defaultBatchRows } from './write-backup';

export interface RestoreResult {
  header: BackupHeader;
  sha256: string;
  rows: number;
  /** Migrations run after the restore, for a backup made before them. */
  upgradedWith: string[];
}

async function appliedMigrations(db: Kysely<Schema>): Promise<string[]> {
  const exists = (await sql<{ found: boolean }>`select to_regclass('tandem_migration') is not null as found`.execute(db)).rows[0]!.found;
  if (!exists) return [];
  return (await sql<{ name: string }>`select name from tandem_migration order by name`.execute(db)).rows.map((r) => r.name);
}

const isPrefix = (a: string[], b: string[]) => a.length <= b.length && a.every((name, i) => b[i] === name);

/**
 * Brings the target's schema to the backup's migration level, or refuses. A backup from a newer
 * Tandem is refused; one from an older Tandem is restored into a database at its own level (a fresh
 * one is migrated that far) and upgraded afterwards by the ordinary migrations.
 */
async function matchSchema(db: Kysely<Schema>, header: BackupHeader): Promise<void> {
  const known = Object.keys(migrations);
  const unknown = header.migrations.filter((name) => !known.includes(name));
  if (unknown.length) {
    throw new BackupError(`This backup was made by a newer Tandem: its schema has ${unknown.join(', ')}, which this version does not know. Restore it with that version or a later one. Nothing was restored.`);
  }
  if (!header.migrations.length || !isPrefix(header.migrations, known)) {
    throw new BackupError('The backup lists migrations this version of Tandem never ran in that order. Nothing was restored.');
  }
  const applied = await appliedMigrations(db);
  if (isPrefix(applied, header.migrations)) {
    if (applied.length < header.migrations.length) {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableName: 'tandem_migration', migrationLockTableName: 'tandem_migration_lock' });
      const result = await migrator.migrateTo(header.migrations.at(-1)!);
      if (result.error) throw new Error(`Setting up the backup's schema failed: ${String(result.error)}`, { cause: result.error });
    }
    return;
  }
  throw new BackupError(
    `This database's schema (${applied.at(-1)}) is newer than the backup's (${header.migrations.at(-1)}). Restore an older backup into a fresh data folder ` +
      '(an empty DATA_DIR, or a new empty PostgreSQL database): Tandem sets up the schema the backup was made with, restores it, then upgrades it. Nothing was restored.',
  );
}

/** The backup's tables and columns must be this database's, exactly: nothing left behind, nothing guessed. */
async function checkTables(db: Kysely<Schema>, header: BackupHeader): Promise<void> {
  const { tables } = await readCatalog(db);
  const describe = (t: { name: string; columns: { name: string; type: string }[] }) => `${t.name}(${t.columns.map((c) => `${c.name} ${c.type}`).join(', ')})`;
  const here = new Map(tables.map((t) => [t.name, describe(t)]));
  const there = new Map(header.tables.map((t) => [t.name, describe(t)]));
  const differ = [...new Set([...here.keys(), ...there.keys()])].filter((name) => here.get(name) !== there.get(name)).sort();
  if (differ.length) {
    throw new BackupError(`The backup's tables do not match this database's at the same schema level (${differ.join(', ')}). Nothing was restored.`);
  }
}

async function loadRows(trx: Transaction<Schema>, table: BackupHeader['tables'][number], rows: string[]): Promise<void> {
  const columns = table.columns.filter((c) => !c.generated);
  const values = columns.map((c) => {
    const value = sql`tandem_backup_row.${sql.id(c.name)}`;
    // json(b) values arrive wrapped in a one-element array (write-backup.ts, rowJson).
    return isJsonType(c.type) ? sql`case when ${value} is null then null else ${value} -> 0 end` : value;
  });
  // PostgreSQL turns each JSON value back into the column's own type (the reverse of to_jsonb);
  // identity columns keep the backed-up values; generated columns are computed again.
  await sql`insert into ${sql.table(table.name)} (${sql.join(columns.map((c) => sql.id(c.name)))}) overriding system value
    select ${sql.join(values)} from json_populate_recordset(null::${sql.table(table.name)}, ${`[${rows.join(',')}]`}::json) as tandem_backup_row`.execute(trx);
}

async function setSequences(trx: Transaction<Schema>, header: BackupHeader): Promise<void> {
  for (const s of header.sequences) {
    const { max } = (await sql<{ max: number | null }>`select max(${sql.ref(s.column)})::bigint as max from ${sql.table(s.table)}`.execute(trx)).rows[0]!;
    const used = Math.max(s.isCalled ? s.lastValue : s.lastValue - 1, max === null ? 0 : Number(max));
    if (used > 0) await sql`select setval(${s.name}::regclass, ${used}::bigint, true)`.execute(trx);
    else await sql`select setval(${s.name}::regclass, 1, false)`.execute(trx);
  }
}

/**
 * Restores a backup (decision 0040). The file is read through once and checked whole before
 * anything is touched; the schema is matched (above); then, in ONE transaction: every table is
 * locked, the database must hold no data unless `force` (which empties every table first), the
 * rows are loaded table by table with user triggers off (the audit log's append-only triggers
 * would refuse the wipe; nothing else may rewrite a restored row), sequences are set past the
 * restored values, each table's row count and the audit chain are checked against the backup's
 * header, and a `database.restore` audit event is written. Any failure rolls all of it back.
 */
export async function restoreBackup(
  database: Database,
  options: { file: string; clock: Clock; force?: boolean; onProgress?: BackupProgress; batchRows?: number },
): Promise<RestoreResult> {
  const batchRows = options.batchRows ?? defaultBatchRows;
  const { header } = await readBackup(options.file, {}, batchRows);
  const db = database.db;
  await matchSchema(db, header);
  await checkTables(db, header);
  const all = header.tables.map((t) => sql.table(t.name));

  let loading: string | null = null;
  const result = await db.transaction().execute(async (trx) => {
    // On PostgreSQL a running server holds locks: give up after a while rather than queue forever.
    await sql`set local lock_timeout = '15s'`.execute(trx);
    await sql`lock table ${sql.join(all)} in access exclusive mode`.execute(trx);
    await sql`set local lock_timeout = 0`.execute(trx);
    const withData: string[] = [];
    for (const table of header.tables) {
      if (migrationTables.includes(table.name)) continue;
      const { found } = (await sql<{ found: boolean }>`select exists (select 1 from ${sql.table(table.name)}) as found`.execute(trx)).rows[0]!;
      if (found) withData.push(table.name);
    }
    if (withData.length && !options.force) {
      throw new BackupError(
        `The database is not empty: ${withData.length} tables have rows (${withData.slice(0, 5).join(', ')}${withData.length > 5 ? ', …' : ''}). ` +
          'Nothing was restored. To replace everything in it with the backup, run again with --force.',
      );
    }
    for (const table of all) await sql`alter table ${table} disable trigger user`.execute(trx);
    await sql`truncate ${sql.join(all)} restart identity`.execute(trx);
    const done = new Map<string, number>();
    const loaded = await readBackup(
      options.file,
      {
        onRows: async (table, rows) => {
          loading = table.name;
          await loadRows(trx, table, rows);
          done.set(table.name, (done.get(table.name) ?? 0) + rows.length);
          options.onProgress?.({ table: table.name, done: done.get(table.name)!, total: table.rows });
        },
      },
      batchRows,
    );
    loading = null;
    if (JSON.stringify(loaded.header) !== JSON.stringify(header)) throw new BackupError(`${options.file} changed while it was being restored. Nothing was restored.`);
    for (const table of all) await sql`alter table ${table} enable trigger user`.execute(trx);
    await setSequences(trx, header);

    for (const table of header.tables) {
      const { n } = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table.name)}`.execute(trx)).rows[0]!;
      if (n !== table.rows) throw new BackupError(`Table ${table.name} has ${n} rows after the restore; the backup has ${table.rows}. Nothing was restored.`);
    }
    const audit = await verifyAuditChain(trx);
    if (audit.ok !== header.audit.ok || audit.seals !== header.audit.seals || audit.rows !== header.audit.rows) {
      throw new BackupError(
        `The restored audit log does not check out as it did when the backup was made (${audit.seals} seals over ${audit.rows} rows, ${audit.ok ? 'matching' : 'not matching'}; ` +
          `the backup: ${header.audit.seals} over ${header.audit.rows}, ${header.audit.ok ? 'matching' : 'not matching'}). Nothing was restored.`,
      );
    }
    const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
    await writeAudit(trx, { actor: { type: 'system', component: 'cli:restore', organisationId: null }, clock: options.clock, requestId: null }, {
      action: 'database.restore',
      entityType: 'database',
      details: { tables: header.tables.length, rows, sha256: loaded.sha256, backupCreatedAt: header.createdAt, forced: withData.length > 0 },
    });
    return { header, sha256: loaded.sha256, rows };
  }).catch((error: unknown) => {
    if (error instanceof BackupError) throw error;
    if ((error as { code?: string }).code === '55P03') {
      throw new BackupError('The tables are in use: is a Tandem server still running on this database? Stop every server, then restore. Nothing was restored.');
    }
    // The transaction has rolled back: say so, and where it stopped.
    const reason = error instanceof Error ? error.message : String(error);
    throw new BackupError(`The restore failed${loading ? ` while loading ${loading}` : ''}: ${reason}. Nothing was restored: the database is as it was.`);
  });
  const upgradedWith = header.migrations.length < Object.keys(migrations).length ? await migrateToLatest(db) : [];
  return { ...result, upgradedWith };
}
