import fs from 'node:fs';
import { restoreBackup } from '../backup/restore-backup';
import type { Database } from '../db/database';
import { engineName, runDatabaseCommand, type CommandIo } from './backup';

export const restoreUsage = `Usage: tandem restore --in <file> [--force] [--quiet]

Restores a backup made by tandem backup, in one transaction: checked whole first (checksum, format,
schema level), then loaded, counted and the audit log verified — any failure leaves the database
as it was. Refuses a database that holds data unless --force, which replaces everything in it.
Stop the server first.`;

/** Runs `tandem restore`; returns the exit code (78 when the embedded database is in use). */
export function runRestore(argv: string[], open: () => Promise<Database>, io: CommandIo): Promise<number> {
  return runDatabaseCommand(argv, io, {
    name: 'restore',
    usage: restoreUsage,
    options: { in: { type: 'string' }, force: { type: 'boolean', default: false } },
    required: 'in',
    open,
    checkFile: (file) => (fs.existsSync(file) ? null : `${file} does not exist. Nothing was restored.`),
    run: async (database, values, onProgress) => {
      const file = values.in as string;
      if (onProgress) io.err(`Restoring ${file} into the ${engineName(database)} database\n`);
      const result = await restoreBackup(database, { file, clock: io.clock, force: values.force === true, ...(onProgress ? { onProgress } : {}) });
      return (
        `Restored ${result.header.tables.length} tables, ${result.rows} rows, from the backup made at ${result.header.createdAt} (SHA-256 ${result.sha256}).\n` +
        `Every table has the backup's row count; the audit log checks out as it did then (${result.header.audit.seals} seals over ${result.header.audit.rows} rows).\n` +
        (result.upgradedWith.length ? `Then upgraded the schema: ${result.upgradedWith.join(', ')}.\n` : '')
      );
    },
  });
}
