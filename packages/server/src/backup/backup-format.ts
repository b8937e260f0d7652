import { z } from 'zod';

/**
 * The backup file (decision 0040): gzip over lines of JSON (UTF-8, one value a line).
 *
 *   line 1        the header (below): format, versions, when, the migrations applied, every table
 *                 with its columns and row count, the sequences, the audit chain's state
 *   per table     `{"table":"<name>","rows":<n>}`, then exactly n lines: each row as PostgreSQL's
 *                 own `to_jsonb(row)::text` — Tandem never parses a row, so timestamps keep their
 *                 microseconds, numerics their digits, bytea its bytes, arrays and jsonb their shape
 *   last line     `{"end":true,"sha256":"<hex>"}`: the SHA-256 of every byte before this line
 *
 * A file without the last line, with a different hash, or whose sections disagree with the header
 * is refused before the database is touched.
 */
export const backupFormat = 'tandem-backup';
export const backupFormatVersion = 1;

export const BackupHeaderSchema = z.object({
  format: z.literal(backupFormat),
  formatVersion: z.number().int(),
  tandemVersion: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  createdAt: z.string(),
  migrations: z.array(z.string()),
  tables: z.array(
    z.object({
      name: z.string(),
      rows: z.number().int().nonnegative(),
      columns: z.array(z.object({ name: z.string(), type: z.string(), generated: z.boolean() })),
      selfReferencing: z.boolean(),
    }),
  ),
  sequences: z.array(z.object({ name: z.string(), table: z.string(), column: z.string(), lastValue: z.number().int(), isCalled: z.boolean() })),
  audit: z.object({ ok: z.boolean(), seals: z.number().int(), rows: z.number().int(), unsealed: z.number().int() }),
});
export type BackupHeader = z.infer<typeof BackupHeaderSchema>;

export const SectionLineSchema = z.object({ table: z.string(), rows: z.number().int().nonnegative() });
export const EndLineSchema = z.object({ end: z.literal(true), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/** A backup or restore that cannot go ahead; the message is for the operator, the database is unchanged. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Progress of a long run: one table, rows done of its total. */
export type BackupProgress = (event: { table: string; done: number; total: number }) => void;
