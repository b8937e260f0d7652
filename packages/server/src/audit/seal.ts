import crypto from 'node:crypto';
import type { Clock } from '@tandem/domain';
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema';
import { enqueueJob, type JobHandler } from '../jobs/jobs';

/**
 * Tamper evidence for the audit log (decision 0011): rows are inserted freely; a sealer, now and
 * then, chains the rows after the last seal — hash_n = SHA-256(hash_{n-1} ‖ row_n) in `seq` order —
 * and appends one seal with the last hash. `verifyAuditChain` recomputes every seal from the rows:
 * a changed row changes a hash, a deleted one the count and the hash, one slipped into a sealed
 * range both. Writers never wait for the sealer beyond one short lock (below).
 */

/** The hash before the first row. */
export const auditChainStart = '0'.repeat(64);

/** The most rows one seal covers; a sealer run makes several seals when more are waiting. */
const rowsPerSeal = 5000;

/**
 * A row in one canonical form, made by the database: a JSON array of its columns in a fixed order
 * (PostgreSQL's jsonb text is deterministic, and sessions are UTC, so times print the same way on
 * PGlite and PostgreSQL 15).
 */
const canonicalRow = sql<string>`jsonb_build_array(seq, id, occurred_at, organisation_id, actor_type, actor_id, actor_role, action, outcome, entity_type, entity_id, client_id, request_id, subject_ids, details)::text`;

export function chainHash(previous: string, canonical: string): string {
  return crypto.createHash('sha256').update(previous).update('\n').update(canonical).digest('hex');
}

async function rowsAfter(db: Kysely<Schema>, afterSeq: number, upTo: number, limit: number) {
  return db
    .selectFrom('audit_event')
    .select(['seq', canonicalRow.as('canonical')])
    .where('seq', '>', afterSeq)
    .where('seq', '<=', upTo)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/**
 * The highest `seq` below which every audit row is settled (committed, or rolled back and never to
 * appear). Sequence numbers are taken in insert order but transactions commit in any order, so a
 * row with a lower number may still be on its way. A SHARE lock waits for every transaction that
 * has inserted rows and not yet finished, then is let go at once; it gives up after a short wait
 * (a long transaction in flight) rather than hold up writers queued behind it — the next run
 * seals instead.
 */
async function settledSeq(db: Kysely<Schema>): Promise<number | null> {
  try {
    return await db.transaction().execute(async (trx) => {
      await sql`set local lock_timeout = '500ms'`.execute(trx);
      await sql`lock table audit_event in share mode`.execute(trx);
      const row = await trx.selectFrom('audit_event').select((eb) => eb.fn.max('seq').as('max')).executeTakeFirst();
      return row?.max === null || row?.max === undefined ? 0 : Number(row.max);
    });
  } catch (error) {
    if ((error as { code?: string }).code === '55P03') return null; // lock_not_available
    throw error;
  }
}

/** Seals every settled row not yet sealed; returns how many seals and rows it added. */
export async function sealAudit(db: Kysely<Schema>, clock: Clock): Promise<{ seals: number; rows: number }> {
  const upTo = await settledSeq(db);
  if (upTo === null) return { seals: 0, rows: 0 };
  let seals = 0;
  let rows = 0;
  for (;;) {
    const sealed = await db.transaction().execute(async (trx) => {
      // One sealer at a time across instances; another already at work means nothing to do here.
      const { locked } = (await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtext('tandem.audit.seal')) as locked`.execute(trx)).rows[0]!;
      if (!locked) return 0;
      const last = await trx.selectFrom('audit_seal').select(['last_seq', 'last_hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      const afterSeq = last ? Number(last.last_seq) : 0;
      const batch = await rowsAfter(trx, afterSeq, upTo, rowsPerSeal);
      if (!batch.length) return 0;
      const previous = last?.last_hash ?? auditChainStart;
      const lastHash = batch.reduce((hash, row) => chainHash(hash, row.canonical), previous);
      await trx
        .insertInto('audit_seal')
        .values({ after_seq: afterSeq, last_seq: Number(batch.at(-1)!.seq), row_count: batch.length, previous_hash: previous, last_hash: lastHash, sealed_at: clock.now() })
        .execute();
      return batch.length;
    });
    if (!sealed) return { seals, rows };
    seals++;
    rows += sealed;
  }
}

export interface AuditVerification {
  ok: boolean;
  seals: number;
  rows: number;
  /** Rows after the last seal (not yet sealed: not checked). */
  unsealed: number;
  problems: { seal: number; afterSeq: number; lastSeq: number; problem: 'rows-changed' | 'row-count' | 'chain-broken' }[];
}

/**
 * Recomputes every seal from the rows (`tandem audit verify`). Each seal must follow the previous
 * one exactly (its range and its previous hash), cover the same number of rows, and end on the
 * same hash. Reads in batches, so a large log needs no large memory.
 */
export async function verifyAuditChain(db: Kysely<Schema>): Promise<AuditVerification> {
  const seals = await db.selectFrom('audit_seal').selectAll().orderBy('seq').execute();
  const result: AuditVerification = { ok: true, seals: seals.length, rows: 0, unsealed: 0, problems: [] };
  let expectedAfter = 0;
  let expectedPrevious = auditChainStart;
  for (const seal of seals) {
    const afterSeq = Number(seal.after_seq);
    const lastSeq = Number(seal.last_seq);
    const problem = (kind: AuditVerification['problems'][number]['problem']) => result.problems.push({ seal: Number(seal.seq), afterSeq, lastSeq, problem: kind });
    if (afterSeq !== expectedAfter || seal.previous_hash !== expectedPrevious) problem('chain-broken');
    let hash = seal.previous_hash;
    let count = 0;
    let cursor = afterSeq;
    for (;;) {
      const batch = await rowsAfter(db, cursor, lastSeq, rowsPerSeal);
      for (const row of batch) hash = chainHash(hash, row.canonical);
      count += batch.length;
      if (batch.length < rowsPerSeal) break;
      cursor = Number(batch.at(-1)!.seq);
    }
    result.rows += count;
    if (count !== Number(seal.row_count)) problem('row-count');
    else if (hash !== seal.last_hash) problem('rows-changed');
    expectedAfter = lastSeq;
    expectedPrevious = seal.last_hash;
  }
  const after = await db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).where('seq', '>', expectedAfter).executeTakeFirstOrThrow();
  result.unsealed = Number(after.n);
  result.ok = result.problems.length === 0;
  return result;
}

/** Job kind: seal the audit rows written since the last seal, every few minutes. */
export const auditSealJob = 'audit.seal';

/**
 * How often the sealer runs: every five minutes (decision 0011 said every minute; five keeps the
 * job table small — 288 runs a day — and a row is still sealed within minutes of being written).
 */
export const auditSealEveryMs = 5 * 60_000;

function sealKey(at: Date): string {
  return `${auditSealJob}:${at.toISOString().slice(0, 16)}`;
}

/** Queues a sealer run now (a server starting); several instances starting queue one. */
export async function enqueueAuditSeal(db: Kysely<Schema>, clock: Clock): Promise<void> {
  const now = clock.now();
  await enqueueJob(db, clock, { kind: auditSealJob, deliveryKey: sealKey(now), dueAt: now, maxAttempts: 3 });
}

/** Seals, then queues the next run at the next five-minute mark. */
export const auditSealHandler: JobHandler = async (_payload, ctx) => {
  const { seals, rows } = await sealAudit(ctx.db, ctx.clock);
  const now = ctx.clock.now().getTime();
  const next = new Date((Math.floor(now / auditSealEveryMs) + 1) * auditSealEveryMs);
  await enqueueJob(ctx.db, ctx.clock, { kind: auditSealJob, deliveryKey: sealKey(next), dueAt: next, maxAttempts: 3 });
  return `sealed ${rows} rows in ${seals} seals`;
};
