import { sql, type Insertable, type Kysely } from 'kysely';
import type { Schema } from '../../packages/server/src/db/schema';

/** The PostgreSQL type of each column written, for the arrays handed to `unnest`. */
export type ColumnTypes<T extends keyof Schema> = Partial<Record<keyof Insertable<Schema[T]> & string, 'uuid' | 'text' | 'timestamptz' | 'date' | 'integer' | 'smallint' | 'boolean' | 'jsonb'>>;

const rowsPerStatement = 5_000;

/**
 * Inserts rows as one array per column (`insert … select * from unnest($1::uuid[], …)`): one
 * parameter per column whatever the number of rows, so a statement is never near PostgreSQL's
 * 65,535-parameter limit and the server parses one short statement instead of thousands of
 * placeholders. Works the same on PGlite. JSON columns take their text (JSON.stringify).
 * Adds the rows written to `counts`, by table.
 */
export async function insertRows<T extends keyof Schema & string>(db: Kysely<Schema>, table: T, types: ColumnTypes<T>, rows: readonly Insertable<Schema[T]>[], counts: Record<string, number>): Promise<void> {
  counts[table] = (counts[table] ?? 0) + rows.length;
  const columns = Object.keys(types) as (keyof Insertable<Schema[T]> & string)[];
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const batch = rows.slice(start, start + rowsPerStatement);
    const arrays = columns.map((column) => {
      const values = batch.map((row) => (row[column] as unknown) ?? null);
      return sql`${values}::${sql.raw(types[column]!)}[]`;
    });
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})`.execute(db);
  }
}
