#!/usr/bin/env node
// Runs the Playwright suite against Debian's Chromium on a free port with a throwaway embedded
// database. Outside CI a missing Chromium prints one clear skip line; with CI=true it is a failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const inCi = process.env.CI === 'true';
if (!fs.existsSync(chromium)) {
  if (inCi) {
    console.error(`Browser tests cannot run: no Chromium at ${chromium} (CI=true requires every suite).`);
    process.exit(1);
  }
  console.log(`SKIPPED browser tests: no Chromium at ${chromium}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  process.exit(0);
}

const port = await new Promise((resolve, reject) => {
  const server = net.createServer();
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});
const dataParent = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-e2e-'));
const root = path.resolve(import.meta.dirname, '..');
// The tests start the bundled server (as production does): bundle the sources under test now (about
// a second), so a run never tests an older bundle than the code beside it.
const bundled = spawnSync(process.execPath, [path.join(root, 'packages/server/scripts/bundle.mjs')], { cwd: root, stdio: 'inherit' });
if (bundled.status !== 0) process.exit(bundled.status ?? 1);
const result = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test', '-c', 'packages/web/playwright.config.ts', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TANDEM_E2E_PORT: String(port), TANDEM_E2E_DATA_DIR: path.join(dataParent, 'data'), CHROMIUM_PATH: chromium },
  },
);
fs.rmSync(dataParent, { recursive: true, force: true });
process.exit(result.status ?? 1);
