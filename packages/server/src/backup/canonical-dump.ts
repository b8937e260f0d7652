import { sql, type Kysely } from 'kysely';
import { readCatalog } from './catalog';

/**
 * Every table's rows in one canonical text form each (PostgreSQL's record output, `row::text`:
 * exact for every type, and a NULL differs from a JSON null; sorted),
 * read from the catalog like the backup itself. Two databases with equal dumps hold the same
 * records; the backup tests compare a database before its backup and after its restore with it.
 */
export async function canonicalDump<DB>(db: Kysely<DB>): Promise<Map<string, string[]>> {
  const { tables } = await readCatalog(db);
  const dump = new Map<string, string[]>();
  for (const table of tables) {
    const rows = await sql<{ row: string }>`select tandem_backup_row::text as row from ${sql.table(table.name)} as tandem_backup_row order by 1`.execute(db);
    dump.set(table.name, rows.rows.map((r) => r.row));
  }
  return dump;
}
