import crypto from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { Clock } from '@tandem/domain';
import { sql, type Kysely } from 'kysely';
import { writeAudit } from '../audit/audit';
import { verifyAuditChain } from '../audit/seal';
import type { Database } from '../db/database';
import type { Schema } from '../db/schema';
import { backupFormat, backupFormatVersion, BackupError, type BackupHeader, type BackupProgress } from './backup-format';
import { isJsonType, readCatalog, type CatalogColumn } from './catalog';
import { serverPackageDir } from '../package-paths';

/** Rows read (and restored) per statement. */
export const defaultBatchRows = 2000;

export const tandemVersion: string = (JSON.parse(fs.readFileSync(path.join(serverPackageDir, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * One row as JSON. `to_jsonb` writes SQL NULL and a JSON `null` stored in a jsonb column alike, so
 * json/jsonb values travel wrapped in a one-element array (`[value]`, or null for SQL NULL); the
 * restore unwraps them (restore-backup.ts). Found by the type test: without it a stored JSON null
 * came back as SQL NULL.
 */
function rowJson(columns: CatalogColumn[]) {
  const wrapped = columns.filter((c) => isJsonType(c.type));
  if (!wrapped.length) return sql`to_jsonb(tandem_backup_row)`;
  const pairs = wrapped.map((c) => {
    const value = sql`tandem_backup_row.${sql.id(c.name)}`;
    return sql`${c.name}::text, case when ${value} is null then null else jsonb_build_array(${value}) end`;
  });
  return sql`(to_jsonb(tandem_backup_row) || jsonb_build_object(${sql.join(pairs)}))`;
}

/** Makes a rename durable: the folder's entry is on disk too (not possible on every platform). */
async function syncFolder(folder: string): Promise<void> {
  const handle = await fs.promises.open(folder, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => {});
  await handle.close();
}

export interface BackupResult {
  header: BackupHeader;
  sha256: string;
  bytes: number;
}

async function readHeader(trx: Kysely<Schema>, engine: Database['engine'], clock: Clock): Promise<BackupHeader> {
  const hasSchema = (await sql<{ found: boolean }>`select to_regclass('tandem_migration') is not null as found`.execute(trx)).rows[0]!.found;
  if (!hasSchema) throw new BackupError('This database has no Tandem schema (it was never migrated): there is nothing to back up.');
  const migrations = (await sql<{ name: string }>`select name from tandem_migration order by name`.execute(trx)).rows.map((r) => r.name);
  const catalog = await readCatalog(trx);
  const tables: BackupHeader['tables'] = [];
  for (const table of catalog.tables) {
    const { n } = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table.name)}`.execute(trx)).rows[0]!;
    tables.push({ name: table.name, rows: n, columns: table.columns, selfReferencing: table.selfReferencing });
  }
  const sequences: BackupHeader['sequences'] = [];
  for (const s of catalog.sequences) {
    const state = (await sql<{ last_value: number; is_called: boolean }>`select last_value, is_called from ${sql.table(s.name)}`.execute(trx)).rows[0]!;
    sequences.push({ ...s, lastValue: Number(state.last_value), isCalled: state.is_called });
  }
  const audit = await verifyAuditChain(trx);
  return {
    format: backupFormat,
    formatVersion: backupFormatVersion,
    tandemVersion,
    engine,
    createdAt: clock.now().toISOString(),
    migrations,
    tables,
    sequences,
    audit: { ok: audit.ok, seals: audit.seals, rows: audit.rows, unsealed: audit.unsealed },
  };
}

/**
 * Writes a complete, consistent backup of the database to `file` (decision 0040): every table in
 * the catalog, read in one REPEATABLE READ, READ ONLY transaction, so the file is one moment's
 * snapshot even on PostgreSQL with the server running. The file is written under a temporary name,
 * flushed to disk and only then renamed: a backup under the final name is always whole. Refuses to
 * replace an existing file. Records a `database.backup` audit event afterwards.
 */
export async function writeBackup(
  database: Database,
  options: { file: string; clock: Clock; onProgress?: BackupProgress; batchRows?: number },
): Promise<BackupResult> {
  const file = path.resolve(options.file);
  if (fs.existsSync(file)) throw new BackupError(`${file} already exists. Choose a new name: a backup never replaces another.`);
  if (!fs.existsSync(path.dirname(file))) throw new BackupError(`The folder ${path.dirname(file)} does not exist.`);
  const batchRows = Math.max(1, Math.floor(options.batchRows ?? defaultBatchRows));
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.partial-${process.pid}`);
  const hash = crypto.createHash('sha256');
  const gzip = zlib.createGzip();
  // Backups hold health data: readable by the owner only.
  const output = fs.createWriteStream(temporary, { flags: 'wx', mode: 0o600 });
  gzip.pipe(output);
  const written = finished(output);
  // Awaited below; this keeps an early failure from counting as unhandled in the meantime.
  written.catch(() => {});
  const write = async (line: string) => {
    const text = `${line}\n`;
    hash.update(text);
    // A disk that fails (full, gone) ends the wait with its error instead of leaving it hanging.
    if (!gzip.write(text)) await Promise.race([once(gzip, 'drain'), written]);
  };

  try {
    const header = await database.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const header = await readHeader(trx, database.engine, options.clock);
        await write(JSON.stringify(header));
        for (const table of header.tables) {
          await write(JSON.stringify({ table: table.name, rows: table.rows }));
          options.onProgress?.({ table: table.name, done: 0, total: table.rows });
          let done = 0;
          // A cursor in the snapshot: pages without re-reading, so a large table costs no more per
          // row than a small one, and needs no large memory.
          await sql`declare tandem_backup_cursor no scroll cursor for
            select ${rowJson(table.columns)}::text as row from ${sql.table(table.name)} as tandem_backup_row`.execute(trx);
          for (;;) {
            const page = await sql<{ row: string }>`fetch forward ${sql.raw(String(batchRows))} from tandem_backup_cursor`.execute(trx);
            for (const r of page.rows) await write(r.row);
            done += page.rows.length;
            if (page.rows.length) options.onProgress?.({ table: table.name, done, total: table.rows });
            if (page.rows.length < batchRows) break;
          }
          await sql`close tandem_backup_cursor`.execute(trx);
          if (done !== table.rows) throw new Error(`Read ${done} rows of ${table.name}, expected ${table.rows}`);
        }
        return header;
      });
    const sha256 = hash.digest('hex');
    gzip.end(`${JSON.stringify({ end: true, sha256 })}\n`);
    await written;
    const handle = await fs.promises.open(temporary, 'r+');
    await handle.sync();
    await handle.close();
    if (fs.existsSync(file)) throw new BackupError(`${file} appeared while the backup was written. Choose a new name.`);
    await fs.promises.rename(temporary, file);
    await syncFolder(path.dirname(file));
    const bytes = (await fs.promises.stat(file)).size;
    const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
    await writeAudit(database.db, { actor: { type: 'system', component: 'cli:backup', organisationId: null }, clock: options.clock, requestId: null }, {
      action: 'database.backup',
      entityType: 'database',
      details: { tables: header.tables.length, rows, sha256 },
    });
    return { header, sha256, bytes };
  } catch (error) {
    gzip.destroy();
    output.destroy();
    await written.catch(() => {});
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
