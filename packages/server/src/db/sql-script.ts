import { sql, type Kysely } from 'kysely';

/**
 * Splits a migration script into statements: on `;` outside quotes, `--` comments and `$$`
 * bodies. Both drivers run statements through the extended protocol, which takes one at a time.
 */
export function splitSqlStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  let inDollar = false;
  let inQuote = false;
  while (i < script.length) {
    const ch = script[i]!;
    const next = script[i + 1];
    if (!inQuote && !inDollar && ch === '-' && next === '-') {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end;
      continue;
    }
    if (!inQuote && ch === '$' && next === '$') {
      inDollar = !inDollar;
      current += '$$';
      i += 2;
      continue;
    }
    if (!inDollar && ch === "'") inQuote = !inQuote;
    if (!inQuote && !inDollar && ch === ';') {
      if (current.trim()) statements.push(current.trim());
      current = '';
      i++;
      continue;
    }
    current += ch;
    i++;
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

/** Runs a multi-statement script, one statement at a time, inside the migration's transaction. */
export async function runSqlScript(db: Kysely<unknown>, script: string): Promise<void> {
  for (const statement of splitSqlStatements(script)) await sql.raw(statement).execute(db);
}
