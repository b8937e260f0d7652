import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDocumentedFigure } from '../test/documented-figures';
import { testPassword } from '../test/factories';
import { freePort, seedClientBeforeStart } from '../test/real-server';

/*
 * A crash loses no acknowledged write (issue 11 item 5; HAZ-001): a real `tandem serve` on the
 * embedded database takes a stream of check-ins from a client and is killed with SIGKILL while
 * requests are in flight. After a restart on the same data folder every check-in the server
 * acknowledged is there, and sending every check-in again — as the phone's outbox does — adds each
 * missing one once and duplicates none.
 */
const bin = path.resolve(import.meta.dirname, '../../bin/tandem.mjs');
const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-crash-'));
const dataDir = path.join(parent, 'data');
let child: ChildProcess | null = null;
afterAll(() => {
  child?.kill('SIGKILL');
  fs.rmSync(parent, { recursive: true, force: true });
});

async function serve(port: number): Promise<{ child: ChildProcess; exited: Promise<unknown> }> {
  const origin = `http://127.0.0.1:${port}`;
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'test', SEED_DEMO: 'never', HOST: '127.0.0.1', PORT: String(port), PUBLIC_ORIGIN: origin, LOG_LEVEL: 'warn' } as NodeJS.ProcessEnv;
  const started = spawn(process.execPath, [bin, 'serve'], { env, stdio: 'ignore' });
  const exited = new Promise((resolve) => started.once('exit', resolve));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (started.exitCode !== null) throw new Error(`the server exited with ${started.exitCode}`);
    if (await fetch(`${origin}/api/health`).then((r) => r.ok, () => false)) return { child: started, exited };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server did not start within 60 s');
}

describe('a server killed mid-stream (SIGKILL)', () => {
  it('keeps every acknowledged check-in, and a resend adds each missing one once', async () => {
    // The client and their practitioner, made directly in the data folder before the server starts.
    const email = await seedClientBeforeStart({ kind: 'pglite', dataDir });

    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    let server = await serve(port);
    child = server.child;
    const signIn = async () => {
      const res = await fetch(`${origin}/api/auth/sign-in`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ email, password: testPassword }) });
      expect(res.status).toBe(200);
      return res.headers.get('set-cookie')!.split(';')[0]!;
    };
    let cookie = await signIn();
    const sent: string[] = [];
    const bodies = new Map<string, string>();
    const acknowledged = new Set<string>();
    // A resend carries the same body, as the outbox's does.
    const checkIn = (id: string) => {
      if (!bodies.has(id)) bodies.set(id, JSON.stringify({ id, mood: 1 + (bodies.size % 10), note: `entry ${id.slice(0, 8)}`, recordedAt: new Date().toISOString() }));
      return fetch(`${origin}/api/check-ins`, { method: 'POST', headers: { origin, cookie, 'content-type': 'application/json' }, body: bodies.get(id)! });
    };

    // Four senders at once, each sending one after another, until the server is killed under them:
    // at the very moment the 40th acknowledgement arrives, while the other senders' requests are in
    // flight. Answers already on their way count as acknowledged too, but only the 40 are a
    // documented figure (the rest vary from run to run).
    const killAt = 40;
    let killed = false;
    let beforeKill: string[] = [];
    const sender = async () => {
      while (!killed) {
        const id = crypto.randomUUID();
        sent.push(id);
        const res = await checkIn(id).catch(() => null);
        if (res && (res.status === 201 || res.status === 200)) acknowledged.add(id);
        if (!killed && acknowledged.size === killAt) {
          server.child.kill('SIGKILL');
          killed = true;
          beforeKill = [...acknowledged];
        }
      }
    };
    const senders = [sender(), sender(), sender(), sender()];
    await Promise.all(senders);
    await server.exited;
    expect(beforeKill.length).toBe(killAt);

    server = await serve(port);
    child = server.child;
    cookie = await signIn();
    const stored = async () => {
      const res = await fetch(`${origin}/api/check-ins?days=2`, { headers: { cookie } });
      expect(res.status).toBe(200);
      return ((await res.json()) as { checkIns: { id: string }[] }).checkIns.map((c) => c.id);
    };
    const afterCrash = new Set(await stored());
    const lost = [...acknowledged].filter((id) => !afterCrash.has(id));
    expect(lost).toEqual([]);
    const found = beforeKill.filter((id) => afterCrash.has(id)).length;

    // The outbox sends everything again: what arrived answers 200, what did not is added once.
    for (const id of sent) {
      const res = await checkIn(id);
      expect([200, 201], id).toContain(res.status);
      expect(res.status === 200, id).toBe(afterCrash.has(id));
    }
    const final = await stored();
    expect(final.length).toBe(new Set(final).size);
    expect(new Set(final)).toEqual(new Set(sent));
    checkDocumentedFigure('crash-acknowledged', beforeKill.length);
    checkDocumentedFigure('crash-found', found);
    checkDocumentedFigure('crash-duplicates', final.length - new Set(final).size);
    server.child.kill('SIGTERM');
    await server.exited;
    child = null;
  }, 180_000);
});
