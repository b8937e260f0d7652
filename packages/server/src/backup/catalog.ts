import { sql, type Kysely } from 'kysely';

/**
 * What a backup covers, read from the database's own catalog — never a hand-kept list, so a table a
 * new migration adds is backed up without anyone remembering to (HAZ-102). Every ordinary table in
 * the schema Tandem migrates into (`current_schema()`, `public` by default) is included: the data,
 * the audit log and its seals, the job table and the migration tables alike. The queries use only
 * catalog columns that PostgreSQL 15 and PGlite (PostgreSQL 18) share.
 */
export interface CatalogColumn {
  name: string;
  /** `format_type` text, e.g. `timestamp with time zone`, `uuid[]`, `numeric(10,2)`. */
  type: string;
  /** A stored generated column: the database computes it again on restore. */
  generated: boolean;
}

export interface CatalogTable {
  name: string;
  columns: CatalogColumn[];
  /** The table has a foreign key to itself: its rows are restored in one statement. */
  selfReferencing: boolean;
}

export interface CatalogSequence {
  name: string;
  table: string;
  column: string;
}

/** The database's tables in an order where every table comes after the tables it references. */
export async function readCatalog<DB>(db: Kysely<DB>): Promise<{ tables: CatalogTable[]; sequences: CatalogSequence[] }> {
  const tables = await sql<{ oid: number; name: string }>`
    select c.oid::int as oid, c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname`.execute(db);
  const columns = await sql<{ table_oid: number; name: string; type: string; generated: boolean }>`
    select a.attrelid::int as table_oid, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
           a.attgenerated <> '' as generated
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
    order by a.attrelid, a.attnum`.execute(db);
  const references = await sql<{ child: number; parent: number }>`
    select k.conrelid::int as child, k.confrelid::int as parent
    from pg_constraint k join pg_namespace n on n.oid = k.connamespace
    where k.contype = 'f' and n.nspname = current_schema()`.execute(db);
  const sequences = await sql<CatalogSequence>`
    select s.relname as name, t.relname as "table", a.attname as "column"
    from pg_class s
    join pg_namespace n on n.oid = s.relnamespace
    join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
    join pg_class t on t.oid = d.refobjid
    join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
    where s.relkind = 'S' and n.nspname = current_schema() and d.deptype in ('a', 'i')
    order by s.relname`.execute(db);

  // An array of json(b) cannot tell a JSON null element from a NULL one in the backup's JSON: refuse
  // loudly (a migration adding one fails the backup tests) rather than restore it changed.
  const jsonArray = columns.rows.find((c) => c.type === 'json[]' || c.type === 'jsonb[]');
  if (jsonArray) throw new Error(`Column ${jsonArray.name} is an array of json; the backup format cannot keep its null elements exactly.`);
  const byOid = new Map(tables.rows.map((t) => [t.oid, { name: t.name, columns: [] as CatalogColumn[], selfReferencing: false }]));
  for (const c of columns.rows) byOid.get(c.table_oid)?.columns.push({ name: c.name, type: c.type, generated: c.generated });
  const parents = new Map<number, Set<number>>(tables.rows.map((t) => [t.oid, new Set<number>()]));
  for (const r of references.rows) {
    if (r.child === r.parent) byOid.get(r.child)!.selfReferencing = true;
    else if (byOid.has(r.child) && byOid.has(r.parent)) parents.get(r.child)!.add(r.parent);
  }

  // Kahn's order, alphabetical among the tables that are ready, so the order is the same every run.
  const ordered: CatalogTable[] = [];
  const done = new Set<number>();
  while (done.size < byOid.size) {
    const ready = [...byOid.keys()].filter((oid) => !done.has(oid) && [...parents.get(oid)!].every((p) => done.has(p)));
    if (!ready.length) {
      const left = [...byOid.entries()].filter(([oid]) => !done.has(oid)).map(([, t]) => t.name);
      throw new Error(`The tables ${left.join(', ')} reference each other in a cycle; a backup cannot order them.`);
    }
    ready.sort((a, b) => byOid.get(a)!.name.localeCompare(byOid.get(b)!.name));
    const next = ready[0]!;
    done.add(next);
    ordered.push(byOid.get(next)!);
  }
  return { tables: ordered, sequences: sequences.rows };
}

/** json and jsonb columns travel wrapped in the backup (write-backup.ts, rowJson). */
export const isJsonType = (type: string) => type === 'json' || type === 'jsonb';

/** The tables Kysely's migrator keeps: restored like any other, but not "data" when asking whether a database is empty. */
export const migrationTables: readonly string[] = ['tandem_migration', 'tandem_migration_lock'];
