import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { verifyPassword } from '../modules/auth/secrets';

const bin = path.resolve(import.meta.dirname, '../../bin/tandem.mjs');
const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-cli-'));
const dataDir = path.join(parent, 'data');
afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

function createAdmin(args: string[], password: string) {
  return spawnSync(process.execPath, [bin, 'create-admin', ...args, '--password-stdin'], {
    input: `${password}\n`,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'development' },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('tandem create-admin', () => {
  it('creates the first real admin and their organisation, reading the password from stdin', async () => {
    const result = createAdmin(['--email', 'Lead@Example.Test', '--name', 'Dana Lead', '--organisation', 'Northfield Talking Therapies'], 'a long admin passphrase');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Created the admin lead@example.test in Northfield Talking Therapies');

    const refused = createAdmin(['--email', 'lead@example.test', '--name', 'Again'], 'a long admin passphrase');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('already exists. Nothing was created.');

    const short = createAdmin(['--email', 'second@example.test', '--name', 'Second'], 'too short');
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('at least 15 characters');

    const easy = createAdmin(['--email', 'third@example.test', '--name', 'Third'], 'passwordpassword');
    expect(easy.status).toBe(1);
    expect(easy.stderr).toContain('list of passwords people use a lot');
    expect(easy.stderr).toContain('Nothing was created.');

    // The audit log (one row so far, not yet sealed: the server seals it) checks out.
    const verify = spawnSync(process.execPath, [bin, 'audit', 'verify'], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'development' }, encoding: 'utf8', timeout: 60_000 });
    expect(verify.stderr).toBe('');
    expect(verify.status).toBe(0);
    expect(verify.stdout).toContain('Checked 0 seals over 0 audit rows; 1 rows are newer than the last seal.');
    expect(verify.stdout).toContain('The audit log matches its seals.');

    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const accounts = await database.db
        .selectFrom('account')
        .innerJoin('staff', 'staff.id', 'account.staff_id')
        .select(['account.email', 'account.status', 'account.password_hash', 'staff.roles', 'staff.display_name'])
        .execute();
      expect(accounts).toHaveLength(1);
      expect(accounts[0]).toMatchObject({ email: 'lead@example.test', status: 'active', roles: ['admin'], display_name: 'Dana Lead' });
      expect(await verifyPassword(accounts[0]!.password_hash, 'a long admin passphrase')).toBe(true);
      // A new organisation comes with its first site, named after it, in its time zone.
      expect(await database.db.selectFrom('site').select(['name', 'time_zone']).execute()).toEqual([{ name: 'Northfield Talking Therapies', time_zone: 'Europe/London' }]);
      const audit = await database.db.selectFrom('audit_event').selectAll().where('action', '=', 'staff.create').execute();
      expect(audit).toMatchObject([{ actor_type: 'system', actor_role: 'system' }]);
    } finally {
      await database.close();
    }
  }, 120_000);
});
