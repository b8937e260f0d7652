import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = path.resolve(import.meta.dirname, '../../bin/tandem.mjs');
const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-serve-'));
const dataDir = path.join(parent, 'data');
afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('tandem serve', () => {
  it('stops the server it runs when the command is stopped (SIGTERM), releasing the embedded database', async () => {
    const port = await freePort();
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'development', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' } as NodeJS.ProcessEnv;
    const child = spawn(process.execPath, [bin, 'serve'], { env, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 60_000;
    let up = false;
    while (!up && Date.now() < deadline) {
      up = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
      if (!up) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(up).toBe(true);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Nothing answers any more, and the data folder is free for another process.
    expect(await fetch(`http://127.0.0.1:${port}/api/health`).then(() => 'answered', () => 'refused')).toBe('refused');
    const admin = spawnSync(process.execPath, [bin, 'create-admin', '--email', 'a@example.test', '--name', 'A', '--organisation', 'O', '--password-stdin'], {
      input: 'a long admin passphrase\n',
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(admin.stderr).toBe('');
    expect(admin.status).toBe(0);
  }, 120_000);
});
