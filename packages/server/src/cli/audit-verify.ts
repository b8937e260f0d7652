import type { Kysely } from 'kysely';
import { verifyAuditChain } from '../audit/seal';
import type { Schema } from '../db/schema';

/**
 * `tandem audit verify`: recomputes the audit log's hash chain from its rows and compares every
 * seal (decision 0011). Exit 0 when every sealed row is as it was sealed; 1 with the seals that
 * disagree otherwise. Rows written since the last seal are counted, not checked.
 */
export async function runAuditVerify(db: Kysely<Schema>, out: (text: string) => void): Promise<number> {
  const result = await verifyAuditChain(db);
  out(`Checked ${result.seals} seals over ${result.rows} audit rows; ${result.unsealed} rows are newer than the last seal.\n`);
  if (result.ok) {
    out('The audit log matches its seals.\n');
    return 0;
  }
  const words = { 'rows-changed': 'a row in it was changed', 'row-count': 'a row in it was removed or added', 'chain-broken': 'it does not follow the seal before it' };
  for (const p of result.problems) out(`Seal ${p.seal} (rows after ${p.afterSeq} up to ${p.lastSeq}): ${words[p.problem]}.\n`);
  out('The audit log does NOT match its seals.\n');
  return 1;
}
