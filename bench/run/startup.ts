import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface Startup {
  /** Milliseconds from starting the process to its first successful health check, each run. */
  runsMs: number[];
  medianMs: number;
  command: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the built server (`npm run build` makes it) once on `dataDir`, times it to a healthy answer, and stops it. */
async function startOnce(root: string, dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'packages/server/dist/tandem.mjs'), 'serve'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'development', SEED_DEMO: 'never' },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`tandem serve exited with ${child.exitCode} before it answered`);
      const healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (healthy) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/**
 * Start-up on an existing embedded database, as an operator sees it: `tandem serve` (after the
 * build) until /api/health answers 200 — opening the data folder, checking migrations, building the
 * app, listening. The median of `runs`.
 */
export async function measureStartup(options: { root: string; dataDir: string; runs: number }): Promise<Startup> {
  if (!fs.existsSync(path.join(options.root, 'packages/server/dist/tandem.mjs'))) throw new Error('There is no built server to time: run `npm run build` first.');
  const runsMs: number[] = [];
  for (let i = 0; i < options.runs; i++) runsMs.push(await startOnce(options.root, options.dataDir));
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { runsMs, medianMs: sorted[Math.floor(sorted.length / 2)]!, command: 'node packages/server/dist/tandem.mjs serve' };
}
