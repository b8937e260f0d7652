import { ManualClock } from '@tandem/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAuditVerify } from '../cli/audit-verify';
import { openDatabase, type Database } from '../db/database';
import { withDatabase } from '../test/postgres-admin';
import { createTestApp, type TestApp } from '../test/test-app';
import { checkDocumentedFigure } from '../test/documented-figures';
import { testEngine } from '../test/test-database';
import { writeAudit } from './audit';
import { auditSealJob, enqueueAuditSeal, sealAudit, verifyAuditChain } from './seal';

// The audit log's tamper evidence (decision 0011), on a real database: rows are changed, removed
// and slipped in directly in the database, as an attacker with the owner's rights could.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const db = () => t.database.db;
const write = async (n: number, action = 'test.read') => {
  for (let i = 0; i < n; i++) await writeAudit(db(), { actor: null, clock: t.clock, requestId: `r-${i}` }, { action, entityType: 'test', details: { i } });
};
const seqs = async () => (await db().selectFrom('audit_event').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));
/** As the schema owner, with the append-only trigger off for one statement's worth of tampering. */
const tamper = (statement: ReturnType<typeof sql>) =>
  db().transaction().execute(async (trx) => {
    await sql`alter table audit_event disable trigger audit_event_no_update_delete`.execute(trx);
    await statement.execute(trx);
    await sql`alter table audit_event enable trigger audit_event_no_update_delete`.execute(trx);
  });
const problems = async () => (await verifyAuditChain(db())).problems.map((p) => [p.seal, p.problem]);
/** Each kind of tampering tried, and whether verifying found it: a documented figure (docs/security.md). */
const tampering = new Map<string, boolean>();
const noted = async (kind: string) => {
  const found = await problems();
  tampering.set(kind, found.length > 0);
  return found;
};

describe('the audit seal', () => {
  it('chains every settled row into seals that follow one another; new rows wait for the next', async () => {
    await write(12);
    expect(await sealAudit(db(), t.clock)).toMatchObject({ seals: 1 });
    await write(7);
    expect(await sealAudit(db(), t.clock)).toEqual({ seals: 1, rows: 7 });
    expect(await sealAudit(db(), t.clock)).toEqual({ seals: 0, rows: 0 });
    await write(1);
    const verified = await verifyAuditChain(db());
    expect(verified).toMatchObject({ ok: true, seals: 2, unsealed: 1, problems: [] });
    expect(verified.rows).toBe((await seqs()).length - 1);
    const seals = await db().selectFrom('audit_seal').selectAll().orderBy('seq').execute();
    expect(Number(seals[1]!.after_seq)).toBe(Number(seals[0]!.last_seq));
    expect(seals[1]!.previous_hash).toBe(seals[0]!.last_hash);
    // The seals are append-only too.
    await expect(sql`update audit_seal set last_hash = 'x'`.execute(db())).rejects.toThrow(/append-only/);
    await sealAudit(db(), t.clock);
  });

  it('finds a changed row, and is satisfied again when it is put back', async () => {
    const [, target] = await seqs();
    await tamper(sql`update audit_event set action = 'test.nothing-to-see' where seq = ${target}`);
    expect(await noted('a row changed')).toEqual([[expect.any(Number), 'rows-changed']]);
    const lines: string[] = [];
    expect(await runAuditVerify(db(), (s) => lines.push(s))).toBe(1);
    expect(lines.join('')).toContain('a row in it was changed');
    await tamper(sql`update audit_event set action = 'test.read' where seq = ${target}`);
    expect(await problems()).toEqual([]);
    expect(await runAuditVerify(db(), () => undefined)).toBe(0);
  });

  it('finds a removed row', async () => {
    const target = (await seqs())[3]!;
    await sql`create temporary table kept as select * from audit_event where seq = ${target}`.execute(db());
    await tamper(sql`delete from audit_event where seq = ${target}`);
    expect(await noted('a row removed')).toEqual([[expect.any(Number), 'row-count']]);
    await tamper(sql`insert into audit_event overriding system value select * from kept`);
    expect(await problems()).toEqual([]);
  });

  it('finds a row slipped into a sealed range (where a rolled-back write left a gap)', async () => {
    await db()
      .transaction()
      .execute(async (trx) => {
        await writeAudit(trx, { actor: null, clock: t.clock, requestId: null }, { action: 'test.rolled-back', entityType: 'test' });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await write(2);
    await sealAudit(db(), t.clock);
    const all = await seqs();
    const gap = all.find((s, i) => i > 0 && s !== all[i - 1]! + 1)! - 1;
    expect(all).not.toContain(gap);
    await tamper(sql`insert into audit_event (seq, id, occurred_at, actor_type, actor_role, action, outcome, entity_type)
      overriding system value values (${gap}, gen_random_uuid(), now(), 'system', 'system', 'test.forged', 'success', 'test')`);
    expect(await noted('a row slipped in')).toEqual([[expect.any(Number), 'row-count']]);
    await tamper(sql`delete from audit_event where seq = ${gap}`);
    expect(await problems()).toEqual([]);
  });

  it('finds a seal that was changed or removed', async () => {
    const first = await db().selectFrom('audit_seal').select(['seq', 'last_hash']).orderBy('seq').limit(1).executeTakeFirstOrThrow();
    await db()
      .transaction()
      .execute(async (trx) => {
        await sql`alter table audit_seal disable trigger audit_seal_no_update_delete`.execute(trx);
        await sql`update audit_seal set last_hash = ${'f'.repeat(64)} where seq = ${first.seq}`.execute(trx);
        await sql`alter table audit_seal enable trigger audit_seal_no_update_delete`.execute(trx);
      });
    expect(await noted('a seal changed')).toEqual([
      [Number(first.seq), 'rows-changed'],
      [expect.any(Number), 'chain-broken'],
    ]);
  });

  it('runs as a job every five minutes, once however many instances start', async () => {
    const sealing = await createTestApp();
    try {
      await writeAudit(sealing.database.db, { actor: null, clock: sealing.clock, requestId: null }, { action: 'test.read', entityType: 'test' });
      sealing.clock.set('2026-03-02T09:01:10Z');
      await enqueueAuditSeal(sealing.database.db, sealing.clock);
      await enqueueAuditSeal(sealing.database.db, sealing.clock);
      await sealing.runJobs();
      const jobs = await sealing.database.db.selectFrom('scheduled_job').select(['delivery_key', 'status', 'outcome', 'due_at']).where('kind', '=', auditSealJob).orderBy('due_at').execute();
      expect(jobs.map((j) => [j.delivery_key, j.status, j.outcome])).toEqual([
        [`${auditSealJob}:2026-03-02T09:01`, 'done', expect.stringMatching(/^sealed [1-9]\d* rows in 1 seals$/)],
        [`${auditSealJob}:2026-03-02T09:05`, 'pending', null],
      ]);
      expect((await verifyAuditChain(sealing.database.db)).ok).toBe(true);
    } finally {
      await sealing.close();
    }
  });

  it('found every kind of tampering tried (the figure in docs/security.md)', () => {
    expect([...tampering.keys()]).toEqual(['a row changed', 'a row removed', 'a row slipped in', 'a seal changed']);
    checkDocumentedFigure('tamper-kinds-detected', `${[...tampering.values()].filter(Boolean).length} of ${tampering.size}`);
  });
});

describe.skipIf(testEngine !== 'postgres')('sealing while writes are in flight (PostgreSQL)', () => {
  it('never seals past a row whose transaction has not finished, and never holds writers up for long', async () => {
    const app = await createTestApp();
    const name = (await sql<{ name: string }>`select current_database() as name`.execute(app.database.db)).rows[0]!.name;
    const other: Database = await openDatabase({ kind: 'postgres', url: withDatabase(process.env.TEST_DATABASE_URL!, name), poolSize: 2 });
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    try {
      let finish!: () => void;
      const held = new Promise<void>((resolve) => (finish = resolve));
      let inserted!: () => void;
      const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
      // Transaction A takes a sequence number and stays open.
      const a = other.db.transaction().execute(async (trx) => {
        await writeAudit(trx, { actor: null, clock, requestId: null }, { action: 'test.slow', entityType: 'test' });
        inserted();
        await held;
      });
      await insertedYet;
      // B writes after it (a higher number) and commits first.
      await writeAudit(app.database.db, { actor: null, clock, requestId: null }, { action: 'test.fast', entityType: 'test' });
      const started = Date.now();
      expect(await sealAudit(app.database.db, clock)).toEqual({ seals: 0, rows: 0 });
      expect(Date.now() - started).toBeLessThan(5000);
      finish();
      await a;
      expect((await sealAudit(app.database.db, clock)).rows).toBeGreaterThanOrEqual(2);
      expect(await verifyAuditChain(app.database.db)).toMatchObject({ ok: true, unsealed: 0 });
    } finally {
      await other.close();
      await app.close();
    }
  });
});
