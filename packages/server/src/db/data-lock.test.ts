import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-lock';
import { openDatabase } from './database';

const dirs: string[] = [];
function tempDataDir(): string {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-lock-'));
  dirs.push(parent);
  return path.join(parent, 'data');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const serverRoot = path.resolve(import.meta.dirname, '../..');

describe('embedded data folder lock (HAZ-002)', () => {
  it('refuses a second open of a folder that is in use, and allows it after close', async () => {
    const dataDir = tempDataDir();
    const first = await openDatabase({ kind: 'pglite', dataDir });
    await expect(openDatabase({ kind: 'pglite', dataDir })).rejects.toBeInstanceOf(DataDirLockedError);
    await first.close();
    const again = await openDatabase({ kind: 'pglite', dataDir });
    await again.close();
  }, 60_000);

  it('takes over a lock left by a process that no longer runs', () => {
    const dataDir = tempDataDir();
    const lockPath = `${dataDir}.lock`;
    fs.mkdirSync(path.dirname(lockPath), { recursive: true });
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    fs.writeFileSync(lockPath, gone.stdout.toString());
    const lock = lockDataDir(dataDir);
    expect(fs.readFileSync(lockPath, 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('makes `tandem migrate` refuse with a clear message while the folder is in use', () => {
    const dataDir = tempDataDir();
    const lock = lockDataDir(dataDir);
    try {
      const result = spawnSync(process.execPath, [path.join(serverRoot, 'bin/tandem.mjs'), 'migrate'], {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.status).toBe(78);
      expect(result.stderr).toContain(`The embedded database in ${dataDir} is in use by another Tandem process`);
      expect(result.stderr).toContain(`pid ${process.pid}`);
      expect(fs.existsSync(dataDir)).toBe(false);
    } finally {
      lock.release();
    }
  }, 60_000);
});
