import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { ManualClock } from '@tandem/domain';
import { Migrator, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../audit/audit';
import { enqueueAuditSeal, sealAudit, verifyAuditChain } from '../audit/seal';
import { BackupError } from '../backup/backup-format';
import { canonicalDump } from '../backup/canonical-dump';
import { readCatalog } from '../backup/catalog';
import { restoreBackup } from '../backup/restore-backup';
import { writeBackup } from '../backup/write-backup';
import { openDatabase, type Database } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { migrations } from '../db/migrations/index';
import { seedDemo } from '../demo/seed-demo';
import { adminQuery, withDatabase } from '../test/postgres-admin';
import { createTestDatabase, testEngine } from '../test/test-database';

/*
 * Backup and restore (issue 12 item 6; decision 0040; HAZ-102, HAZ-103): the demo organisation —
 * so every kind of record exists — plus the audit log's seals and a queued job are backed up,
 * restored into a database that was never migrated (a wiped data folder), and every table's rows
 * are compared before and after. Runs on PGlite, and on PostgreSQL 15 with TEST_DATABASE_URL.
 */
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-backup-'));
const toClose: Database[] = [];
afterAll(async () => {
  for (const d of toClose) await d.close();
  fs.rmSync(folder, { recursive: true, force: true });
});
const fileFor = (name: string) => path.join(folder, `${name}.tandem-backup.gz`);

async function migrated(): Promise<Database> {
  const d = await createTestDatabase();
  toClose.push(d);
  return d;
}

/** A database that was never migrated: a new data folder, or a new empty PostgreSQL database. */
async function blank(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  let d: Database;
  if (url) {
    const name = `tandem_blank_${randomUUID().replaceAll('-', '')}`;
    await adminQuery(url, `create database ${name}`);
    const opened = await openDatabase({ kind: 'postgres', url: withDatabase(url, name), poolSize: 2 });
    d = { ...opened, close: async () => { await opened.close(); await adminQuery(url, `drop database if exists ${name} with (force)`); } };
  } else {
    d = await openDatabase({ kind: 'pglite-memory' });
  }
  toClose.push(d);
  return d;
}
/** A never-migrated embedded database, whichever engine the run tests. */
blank.embedded = async (): Promise<Database> => {
  const d = await openDatabase({ kind: 'pglite-memory' });
  toClose.push(d);
  return d;
};

async function close(d: Database) {
  toClose.splice(toClose.indexOf(d), 1);
  await d.close();
}

const isRestoreEvent = (row: string) => row.includes(',database.restore,');

/** The restored database holds exactly the backed-up rows, plus the restore's own audit event. */
function expectSameRecords(after: Map<string, string[]>, before: Map<string, string[]>) {
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [table, rows] of before) {
    const restored = after.get(table)!;
    if (table === 'audit_event') {
      expect(restored.filter(isRestoreEvent)).toHaveLength(rows.filter(isRestoreEvent).length + 1);
      expect(restored.filter((r) => !isRestoreEvent(r)), table).toEqual(rows.filter((r) => !isRestoreEvent(r)));
    } else {
      expect(restored, table).toEqual(rows);
    }
  }
}

describe('tandem backup → wipe → restore', () => {
  it('round-trips every record of every table, keeps the audit chain verifiable and sequences ahead', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    const source = await migrated();
    await seedDemo(source.db, clock);
    await enqueueAuditSeal(source.db, clock);
    expect((await sealAudit(source.db, clock)).seals).toBeGreaterThan(0);
    // A row after the last seal: counted, not yet sealed.
    await writeAudit(source.db, { actor: null, clock, requestId: null }, { action: 'test.unsealed', entityType: 'test' });
    const before = await canonicalDump(source.db);
    // The catalog, not a list, says what is backed up: the audit log, its seals, jobs and migrations too.
    for (const table of ['audit_event', 'audit_seal', 'scheduled_job', 'tandem_migration', 'client', 'check_in', 'account']) {
      expect(before.get(table)?.length, table).toBeGreaterThan(0);
    }

    const progress: { table: string; done: number; total: number }[] = [];
    const file = fileFor('demo');
    const made = await writeBackup(source, { file, clock, batchRows: 50, onProgress: (p) => progress.push(p) });
    expect(made.header.tables.map((t) => t.name).sort()).toEqual([...before.keys()].sort());
    expect(made.header.audit).toMatchObject({ ok: true, unsealed: 1 });
    expect(fs.readdirSync(folder).filter((f) => f.includes('.partial'))).toEqual([]);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    // A backup never replaces another.
    await expect(writeBackup(source, { file, clock })).rejects.toThrow(/already exists/);
    // Long tables report as they go: pages of 50 rows, each with its running total.
    const checkIns = progress.filter((p) => p.table === 'check_in' && p.done > 0);
    expect(checkIns.length).toBeGreaterThan(2);
    expect(checkIns.map((p) => p.done)).toEqual(checkIns.map((_, i) => Math.min(50 * (i + 1), checkIns[0]!.total)));
    // Foreign keys in order: every referenced table comes before the tables that reference it.
    const order = made.header.tables.map((t) => t.name);
    expect(order.indexOf('organisation')).toBeLessThan(order.indexOf('client'));
    expect(order.indexOf('client')).toBeLessThan(order.indexOf('check_in'));

    const target = await blank();
    const restoredProgress: string[] = [];
    const result = await restoreBackup(target, { file, clock, batchRows: 50, onProgress: (p) => restoredProgress.push(p.table) });
    expect(result.rows).toBe([...before.values()].reduce((n, rows) => n + rows.length, 0));
    expect(restoredProgress).toContain('check_in');
    expectSameRecords(await canonicalDump(target.db), before);
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true, seals: made.header.audit.seals, unsealed: 2 });

    // Identity sequences continue after the restored values: new audit rows and seals still chain.
    const maxSeq = Number((await target.db.selectFrom('audit_event').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirstOrThrow()).m);
    await writeAudit(target.db, { actor: null, clock, requestId: null }, { action: 'test.after-restore', entityType: 'test' });
    const added = await target.db.selectFrom('audit_event').select('seq').where('action', '=', 'test.after-restore').executeTakeFirstOrThrow();
    expect(Number(added.seq)).toBeGreaterThan(maxSeq);
    expect((await sealAudit(target.db, clock)).seals).toBe(1);
    expect((await verifyAuditChain(target.db)).ok).toBe(true);
    // The append-only triggers are on again.
    await expect(sql`delete from audit_event`.execute(target.db)).rejects.toThrow(/append-only/);
    await close(target);
  }, 180_000);

  it('keeps every type exactly: microseconds, numerics, bytea, jsonb, arrays, text, and a table that references itself', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    const probe = sql`create table backup_type_probe (
      id integer primary key, parent integer references backup_type_probe (id), at timestamptz, day date,
      n numeric(40, 12), f float8, b bytea, j jsonb, words text[], ids uuid[], span interval, big bigint, note text,
      twice integer generated always as (id * 2) stored)`;
    const source = await migrated();
    const target = await migrated();
    for (const d of [source, target]) await probe.execute(d.db);
    // The child is stored first (it refers to a row later in the same statement).
    await sql`insert into backup_type_probe (id, parent, at, day, n, f, b, j, words, ids, span, big, note) values
      (2, 1, '2026-03-01 23:59:59.123456+00', '1960-02-29', 123456789012345678901234567.123456789012, 0.1, '\\x00ff0a5c'::bytea,
       '{"z": [1, 2.50, null], "a": "line\\nbreak \\u00e9 🙂", "n": 1e400}'::jsonb, array['a,b', null, '"q"', ''], array['00000000-0000-4000-8000-000000000001'::uuid],
       '1 year 2 mons 3 days 04:05:06.789', 9007199254740993, e'tab\\tquote'' back\\\\slash\\r\\n end'),
      (1, null, '-infinity', null, -0.000000000001, 'NaN', '\\x'::bytea, 'null'::jsonb, array[]::text[], null, null, -1, '')`.execute(source.db);
    const file = fileFor('types');
    await writeBackup(source, { file, clock, batchRows: 1 });
    await restoreBackup(target, { file, clock, batchRows: 1 });
    const raw = (d: Database) => sql<{ row: string }>`select r::text as row from backup_type_probe r order by id`.execute(d.db).then((r) => r.rows.map((x) => x.row));
    expect(await raw(target)).toEqual(await raw(source));
    expect((await raw(target))[1]).toContain('2026-03-01 23:59:59.123456+00');
    expect((await canonicalDump(target.db)).get('backup_type_probe')).toEqual((await canonicalDump(source.db)).get('backup_type_probe'));
  }, 120_000);

  it('refuses a database with data unless forced, and a damaged, cut-short or newer backup or one that fails half-way — leaving the database as it was', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    const source = await migrated();
    await seedDemo(source.db, clock);
    await sealAudit(source.db, clock);
    const file = fileFor('refusals');
    const snapshot = await canonicalDump(source.db);
    await writeBackup(source, { file, clock });

    const target = await migrated();
    await writeAudit(target.db, { actor: null, clock, requestId: null }, { action: 'test.live-data', entityType: 'test' });
    const live = await canonicalDump(target.db);
    const refused = async (f: string, force: boolean, message: RegExp) => {
      await expect(restoreBackup(target, { file: f, clock, force })).rejects.toThrow(message);
      await expect(restoreBackup(target, { file: f, clock, force })).rejects.toBeInstanceOf(BackupError);
      expect(await canonicalDump(target.db)).toEqual(live);
    };

    // Live data: refused without --force.
    await refused(file, false, /not empty: 1 tables have rows \(audit_event\).*--force/);

    // A byte changed inside the compressed data; the text changed and compressed again (the
    // checksum catches it); the file cut in half; a header from a newer schema.
    const bytes = fs.readFileSync(file);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length / 2)]! ^= 0xff;
    fs.writeFileSync(fileFor('flipped'), flipped);
    await refused(fileFor('flipped'), true, /not a whole Tandem backup/);
    const text = zlib.gunzipSync(bytes).toString('utf8');
    const changed = text.replace('"mood": 7,', '"mood": 8,');
    expect(changed).not.toBe(text);
    fs.writeFileSync(fileFor('changed'), zlib.gzipSync(changed));
    await refused(fileFor('changed'), true, /checksum does not match/);
    fs.writeFileSync(fileFor('cut'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    await refused(fileFor('cut'), true, /cut short/);
    const lines = text.split('\n');
    fs.writeFileSync(fileFor('cut-lines'), zlib.gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
    await refused(fileFor('cut-lines'), true, /fewer rows than the header says|ends before/);
    fs.writeFileSync(fileFor('not-a-backup'), zlib.gzipSync('{"hello": 1}\n'));
    await refused(fileFor('not-a-backup'), true, /does not start with a Tandem backup header/);
    const header = JSON.parse(lines[0]!) as { migrations: string[] };
    header.migrations.push('9999-from-the-future');
    fs.writeFileSync(fileFor('newer'), zlib.gzipSync(resealed([JSON.stringify(header), ...lines.slice(1, -2)])));
    await refused(fileFor('newer'), true, /made by a newer Tandem: its schema has 9999-from-the-future/);

    // Whole files that fail half-way through the load, after --force emptied every table: a row
    // the schema refuses, and an audit row changed (its seal no longer matches). All rolled back.
    const body = lines.slice(0, -2);
    fs.writeFileSync(fileFor('bad-row'), zlib.gzipSync(resealed(body.map((l) => l.replace('"mood": 7,', '"mood": 99,')))));
    await refused(fileFor('bad-row'), true, /failed while loading check_in: .*check_in_mood_check.*Nothing was restored/);
    const auditRow = body.findIndex((l) => l.includes('"action": "demo.seed"'));
    expect(auditRow).toBeGreaterThan(0);
    fs.writeFileSync(fileFor('bad-audit'), zlib.gzipSync(resealed(body.map((l, i) => (i === auditRow ? l.replace('"clients": 6', '"clients": 5') : l)))));
    await refused(fileFor('bad-audit'), true, /restored audit log does not check out/);
    // The append-only triggers are back on after each rollback.
    await expect(sql`delete from audit_event`.execute(target.db)).rejects.toThrow(/append-only/);

    // --force replaces everything, in one transaction.
    await restoreBackup(target, { file, clock, force: true });
    expectSameRecords(await canonicalDump(target.db), snapshot);
    expect((await verifyAuditChain(target.db)).ok).toBe(true);
  }, 180_000);

  it.runIf(testEngine === 'postgres')('moves between engines: a backup of the embedded database restores into PostgreSQL 15, and back', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    const lite = await blank.embedded();
    await migrateToLatest(lite.db);
    await seedDemo(lite.db, clock);
    await sealAudit(lite.db, clock);
    const before = await canonicalDump(lite.db);
    await writeBackup(lite, { file: fileFor('from-pglite'), clock });
    const postgres = await blank();
    expect(postgres.engine).toBe('postgres');
    await restoreBackup(postgres, { file: fileFor('from-pglite'), clock });
    expectSameRecords(await canonicalDump(postgres.db), before);
    expect((await verifyAuditChain(postgres.db)).ok).toBe(true);

    const onPostgres = await canonicalDump(postgres.db);
    await writeBackup(postgres, { file: fileFor('from-postgres'), clock });
    const back = await blank.embedded();
    await restoreBackup(back, { file: fileFor('from-postgres'), clock });
    expectSameRecords(await canonicalDump(back.db), onPostgres);
    expect((await verifyAuditChain(back.db)).ok).toBe(true);
  }, 180_000);

  it('restores a backup from an older schema into a fresh data folder, then upgrades it', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    const old = await blank();
    const level = '0023-audit-seal';
    const migrator = new Migrator({ db: old.db, provider: { getMigrations: async () => migrations }, migrationTableName: 'tandem_migration', migrationLockTableName: 'tandem_migration_lock' });
    expect((await migrator.migrateTo(level)).error).toBeUndefined();
    await writeAudit(old.db, { actor: null, clock, requestId: null }, { action: 'test.old-schema', entityType: 'test' });
    await sealAudit(old.db, clock);
    const file = fileFor('old');
    const before = await canonicalDump(old.db);
    const made = await writeBackup(old, { file, clock });
    expect(made.header.migrations.at(-1)).toBe(level);
    await close(old);

    const target = await blank();
    const result = await restoreBackup(target, { file, clock });
    const newer = Object.keys(migrations).filter((name) => name > level);
    expect(result.upgradedWith).toEqual(newer);
    const after = await canonicalDump(target.db);
    expect(after.get('audit_event')!.filter((r) => !isRestoreEvent(r))).toEqual(before.get('audit_event'));
    expect(after.get('audit_seal')).toEqual(before.get('audit_seal'));
    expect((await verifyAuditChain(target.db)).ok).toBe(true);
    expect((await readCatalog(target.db)).tables.length).toBeGreaterThan(made.header.tables.length);
  }, 180_000);
});

/** Lines of a backup (without its last line) made whole again with a fresh checksum. */
function resealed(lines: string[]): string {
  const body = lines.map((l) => `${l}\n`).join('');
  return `${body}${JSON.stringify({ end: true, sha256: createHash('sha256').update(body).digest('hex') })}\n`;
}
