import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Clock } from '@tandem/domain';
import { BackupError, type BackupProgress } from '../backup/backup-format';
import { writeBackup } from '../backup/write-backup';
import { DataDirLockedError } from '../db/data-lock';
import type { Database } from '../db/database';

export const backupUsage = `Usage: tandem backup --out <file> [--quiet]

Writes every table of the database to <file> (gzip'd JSON lines, checksummed; see
docs/operations/backup-and-restore.md). The embedded database must not be in use: stop the server
first. On PostgreSQL it may run while the server runs (it reads one consistent snapshot). Progress
goes to standard error, one line per table (and every 2000 rows on large tables), unless --quiet.`;

export interface CommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
  clock: Clock;
}

/** Progress lines for standard error: each table as it goes, rows done of its total. */
export function progressPrinter(err: (text: string) => void, quiet: boolean): BackupProgress | undefined {
  if (quiet) return undefined;
  return ({ table, done, total }) => {
    if (done === 0 && total > 0) return;
    err(`  ${table}: ${done} / ${total} rows\n`);
  };
}

type Values = Record<string, string | boolean | undefined>;

/**
 * The shared frame of `tandem backup` and `tandem restore`: parse the options (exit 2 on a
 * mistake), open the database — on the embedded engine a running server holds the data folder's
 * lock, and the command refuses with exit 78 (HAZ-103, HAZ-002) — run, and turn a BackupError
 * into its message and exit 1.
 */
export async function runDatabaseCommand(
  argv: string[],
  io: CommandIo,
  command: {
    name: 'backup' | 'restore';
    usage: string;
    options: NonNullable<ParseArgsConfig['options']>;
    required: string;
    open: () => Promise<Database>;
    /** A problem with the file that needs no database (so none is opened, or made): its message. */
    checkFile: (file: string) => string | null;
    run: (database: Database, values: Values, onProgress: BackupProgress | undefined) => Promise<string>;
  },
): Promise<number> {
  let values: Values;
  try {
    ({ values } = parseArgs({ args: argv, options: { ...command.options, quiet: { type: 'boolean', default: false } }, strict: true }));
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${command.usage}\n`);
    return 2;
  }
  if (typeof values[command.required] !== 'string') {
    io.err(`An --${command.required} file is required.\n\n${command.usage}\n`);
    return 2;
  }
  const problem = command.checkFile(values[command.required] as string);
  if (problem) {
    io.err(`${problem}\n`);
    return 1;
  }
  let database: Database;
  try {
    database = await command.open();
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    io.err(
      `The embedded database in ${error.dataDir} is in use by a running Tandem server (pid ${error.pid}). ` +
        `Stop the server, then run tandem ${command.name} again: two processes on one data folder corrupt it. Nothing was done.\n`,
    );
    return 78;
  }
  try {
    io.out(await command.run(database, values, progressPrinter(io.err, values.quiet === true)));
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      io.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

export const engineName = (database: Database) => (database.engine === 'postgres' ? 'PostgreSQL' : 'embedded');

/** Runs `tandem backup`; returns the exit code (78 when the embedded database is in use). */
export function runBackup(argv: string[], open: () => Promise<Database>, io: CommandIo): Promise<number> {
  return runDatabaseCommand(argv, io, {
    name: 'backup',
    usage: backupUsage,
    options: { out: { type: 'string' } },
    required: 'out',
    open,
    checkFile: (file) => (fs.existsSync(file) ? `${path.resolve(file)} already exists. Choose a new name: a backup never replaces another.` : null),
    run: async (database, values, onProgress) => {
      const file = values.out as string;
      if (onProgress) io.err(`Backing up the ${engineName(database)} database to ${file}\n`);
      const result = await writeBackup(database, { file, clock: io.clock, ...(onProgress ? { onProgress } : {}) });
      const rows = result.header.tables.reduce((sum, t) => sum + t.rows, 0);
      return (
        `Backed up ${result.header.tables.length} tables, ${rows} rows, to ${file} (${(result.bytes / 1024).toFixed(0)} KiB, SHA-256 ${result.sha256}).\n` +
        `The audit log ${result.header.audit.ok ? 'matched' : 'did NOT match'} its seals (${result.header.audit.seals} seals over ${result.header.audit.rows} rows).\n`
      );
    },
  });
}

