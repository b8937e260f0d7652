import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { bootstrapAdmin } from './accounts';
import { bootstrapAdminApi } from './two-step';

// The built server, as the shared test server and production run it.
const tandem = path.resolve(import.meta.dirname, '../../server/dist/tandem.mjs');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

/**
 * A Tandem server of a test's own, on its own port and embedded database, that the test can stop
 * and start again — the only honest way to take the connection away from a page a service worker
 * looks after (Playwright's offline switch does not reach the worker; STACK-NOTES.md "Browser").
 * It has the same bootstrap admin as the shared test server, made with the real CLI, with
 * two-step sign-in set up.
 */
export class OwnServer {
  private child: ChildProcess | null = null;
  private log = '';

  private constructor(
    readonly url: string,
    private readonly port: number,
    private readonly dataParent: string,
    private readonly extraEnv: Record<string, string>,
  ) {}

  /** `env`: more configuration for this server, e.g. `PUSH_SERVICE_ORIGINS` for a loopback push service. */
  static async start({ env = {} }: { env?: Record<string, string> } = {}): Promise<OwnServer> {
    const port = await freePort();
    const server = new OwnServer(`http://127.0.0.1:${port}`, port, fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-own-')), env);
    const made = spawnSync(
      process.execPath,
      [tandem, 'create-admin', '--email', bootstrapAdmin.email, '--name', 'E2E Admin', '--organisation', 'Own Server Talking Therapies', '--password-stdin'],
      { input: bootstrapAdmin.password, env: server.env(), encoding: 'utf8' },
    );
    if (made.status !== 0) throw new Error(`create-admin failed: ${made.stderr}`);
    await server.resume();
    // Staff must use two-step sign-in: the admin sets it up now, as the global setup does for
    // the shared server (e2e/global-setup.ts).
    await (await bootstrapAdminApi(server.url, bootstrapAdmin)).dispose();
    return server;
  }

  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(this.port),
      DATA_DIR: path.join(this.dataParent, 'data'),
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      PUBLIC_ORIGIN: this.url,
      ...this.extraEnv,
    };
  }

  /** Starts the server (again, on the same port and data) and waits until it answers. */
  async resume(): Promise<void> {
    const child = spawn(process.execPath, [tandem, 'serve'], { env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    this.child = child;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${this.log}`);
      const healthy = await fetch(`${this.url}/api/health`).then((r) => r.ok, () => false);
      if (healthy) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`the server did not answer within 60 s:\n${this.log}`);
  }

  /** Stops the server and waits until it has exited (its port refuses connections). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    this.child = null;
  }

  async dispose(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dataParent, { recursive: true, force: true });
  }
}
