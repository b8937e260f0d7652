import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '@tandem/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { sealAudit } from '../audit/seal';
import { canonicalDump } from '../backup/canonical-dump';
import { lockDataDir } from '../db/data-lock';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { seedDemo } from '../demo/seed-demo';

/*
 * The real `tandem backup` and `tandem restore` commands on embedded databases (issue 12 item 6;
 * HAZ-102, HAZ-103): refused while a server holds the data folder's lock, progress on standard
 * error (none with --quiet), backup → a fresh data folder → restore → `tandem audit verify`, and a
 * second restore refused until --force. Each command is a new process (slow): the rest is in
 * backup-restore.test.ts, in process.
 */
const bin = path.resolve(import.meta.dirname, '../../bin/tandem.mjs');
const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-backup-cli-'));
const sourceDir = path.join(parent, 'source');
const targetDir = path.join(parent, 'target');
afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

function tandem(dataDir: string, args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'development' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

const backupRow = (row: string) => row.includes(',database.backup,') || row.includes(',database.restore,');

describe('tandem backup and tandem restore (embedded database)', () => {
  it('refuses while the server holds the lock, shows progress, and round-trips into a fresh data folder', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    const source = await openDatabase({ kind: 'pglite', dataDir: sourceDir });
    let before: Map<string, string[]>;
    try {
      await migrateToLatest(source.db);
      await seedDemo(source.db, clock);
      await sealAudit(source.db, clock);
      before = await canonicalDump(source.db);
    } finally {
      await source.close();
    }
    const file = path.join(parent, 'tandem.backup.gz');

    // A running server holds the lock (the same lock `tandem serve` takes): refused, no file.
    const held = lockDataDir(sourceDir);
    try {
      const refused = tandem(sourceDir, ['backup', '--out', file]);
      expect(refused.status).toBe(78);
      expect(refused.stderr).toContain('is in use by a running Tandem server');
      expect(refused.stderr).toContain('Stop the server, then run tandem backup again');
      expect(fs.readdirSync(parent).filter((f) => f.includes('backup'))).toEqual([]);
    } finally {
      held.release();
    }

    const made = tandem(sourceDir, ['backup', '--out', file]);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/Backed up \d+ tables, \d+ rows, to .*tandem\.backup\.gz/);
    expect(made.stdout).toContain('The audit log matched its seals');
    // Progress: a line per table with rows done of the total.
    const checkIns = before.get('check_in')!.length;
    expect(made.stderr).toContain(`  check_in: ${checkIns} / ${checkIns} rows\n`);
    expect(made.stderr).toContain('  audit_seal: 1 / 1 rows\n');
    expect(made.stderr.split('\n').filter((l) => / \d+ \/ \d+ rows$/.test(l)).length).toBeGreaterThanOrEqual(before.size);


    // File problems are found before any database is opened (or a data folder made).
    const again = tandem(sourceDir, ['backup', '--out', file]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
    const missing = tandem(targetDir, ['restore', '--in', path.join(parent, 'no-such.backup.gz')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('does not exist. Nothing was restored.');
    expect(fs.existsSync(targetDir)).toBe(false);

    // The wipe: a new, empty data folder. Restore, then the audit log checks out there.
    const restored = tandem(targetDir, ['restore', '--in', file]);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stderr).toContain(`  check_in: ${checkIns} / ${checkIns} rows\n`);
    expect(restored.stdout).toContain('Every table has the backup\'s row count; the audit log checks out');
    const verify = tandem(targetDir, ['audit', 'verify']);
    expect(verify.status, verify.stdout).toBe(0);
    expect(verify.stdout).toContain('The audit log matches its seals.');

    // A second restore finds data there: refused until --force; refused while locked.
    const over = tandem(targetDir, ['restore', '--in', file, '--quiet']);
    expect(over.status).toBe(1);
    expect(over.stderr).toContain('The database is not empty');
    expect(over.stderr).toContain('run again with --force');
    const locked = lockDataDir(targetDir);
    try {
      const refused = tandem(targetDir, ['restore', '--in', file, '--force']);
      expect(refused.status).toBe(78);
      expect(refused.stderr).toContain('Stop the server, then run tandem restore again');
    } finally {
      locked.release();
    }
    const forced = tandem(targetDir, ['restore', '--in', file, '--force', '--quiet']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stderr).toBe('');

    const target = await openDatabase({ kind: 'pglite', dataDir: targetDir });
    try {
      const after = await canonicalDump(target.db);
      for (const [table, rows] of before) {
        expect(after.get(table)!.filter((r) => !backupRow(r)), table).toEqual(rows);
      }
      expect(after.get('audit_event')!.filter(backupRow)).toHaveLength(1);
    } finally {
      await target.close();
    }
  }, 480_000);
});
