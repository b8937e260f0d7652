import crypto from 'node:crypto';
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { backupFormat, backupFormatVersion, BackupError, BackupHeaderSchema, EndLineSchema, SectionLineSchema, type BackupHeader } from './backup-format';

async function* readLines(file: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of fs.createReadStream(file).pipe(zlib.createGunzip()) as AsyncIterable<Buffer>) {
    pending += decoder.write(chunk);
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      yield pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
  }
  pending += decoder.end();
  if (pending) yield pending;
}

function damaged(file: string, why: string): BackupError {
  return new BackupError(`${file} is not a whole Tandem backup (${why}). Nothing was restored.`);
}

function parseLine<T>(file: string, line: string | undefined, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, what: string): T {
  if (line === undefined) throw damaged(file, `it ends before ${what}`);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw damaged(file, `${what} is not readable`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw damaged(file, `${what} is not as expected`);
  return parsed.data;
}

export interface ReadHandlers {
  /** Called once, after the header is read and checked. */
  onHeader?(header: BackupHeader): Promise<void>;
  /** Rows of one table, in file order: up to `batchRows` lines a call (a self-referencing table's rows all at once). */
  onRows?(table: BackupHeader['tables'][number], rows: string[]): Promise<void>;
}

/**
 * Reads a backup file from start to end, checking as it goes: gzip intact, the header's format,
 * each table's section where the header says and with the rows it says, and the SHA-256 on the
 * last line over everything before it. Any difference throws a BackupError naming it. Restore
 * reads a file twice: once with no handlers (nothing touched until the file is known whole),
 * then again to load it.
 */
export async function readBackup(file: string, handlers: ReadHandlers = {}, batchRows = 2000): Promise<{ header: BackupHeader; sha256: string }> {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist.`);
  const hash = crypto.createHash('sha256');
  const lines = readLines(file);
  const next = async (): Promise<string | undefined> => {
    const r = await lines.next();
    return r.done ? undefined : r.value;
  };
  const hashed = (line: string | undefined) => {
    if (line !== undefined) hash.update(`${line}\n`);
    return line;
  };
  try {
    const first = hashed(await next());
    const format = first === undefined ? null : (() => {
      try {
        return JSON.parse(first) as { format?: unknown; formatVersion?: unknown };
      } catch {
        return null;
      }
    })();
    if (format?.format !== backupFormat) throw damaged(file, 'it does not start with a Tandem backup header');
    if (format.formatVersion !== backupFormatVersion) {
      throw new BackupError(`${file} is in backup format ${String(format.formatVersion)}; this version of Tandem reads format ${backupFormatVersion}. Nothing was restored.`);
    }
    const header = parseLine(file, first, BackupHeaderSchema, 'the header');
    await handlers.onHeader?.(header);
    for (const table of header.tables) {
      const section = parseLine(file, hashed(await next()), SectionLineSchema, `the start of table ${table.name}`);
      if (section.table !== table.name || section.rows !== table.rows) throw damaged(file, `table ${table.name} is not where the header says`);
      const size = table.selfReferencing ? Math.max(1, table.rows) : batchRows;
      let batch: string[] = [];
      for (let i = 0; i < table.rows; i++) {
        const row = hashed(await next());
        if (row === undefined || !row.startsWith('{') || !row.endsWith('}')) throw damaged(file, `table ${table.name} has fewer rows than the header says`);
        batch.push(row);
        if (batch.length >= size) {
          await handlers.onRows?.(table, batch);
          batch = [];
        }
      }
      if (batch.length) await handlers.onRows?.(table, batch);
    }
    const end = parseLine(file, await next(), EndLineSchema, 'its last line');
    const sha256 = hash.digest('hex');
    if (end.sha256 !== sha256) throw damaged(file, 'its checksum does not match: it was changed or damaged');
    if ((await next()) !== undefined) throw damaged(file, 'there is more after its last line');
    return { header, sha256 };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR' || code === 'ERR_STRING_TOO_LONG' || /unexpected end of file|incorrect header check/i.test(String(error))) {
      throw damaged(file, 'it is cut short or is not a gzip file');
    }
    throw error;
  } finally {
    await lines.return(undefined);
  }
}
