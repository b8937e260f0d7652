import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { resultsDir } from './e2e/two-step';

/**
 * Browser tests: Debian's Chromium driven by Playwright (never a downloaded browser), against the
 * real server on the embedded database. scripts/run-browser-tests.mjs picks the port and data
 * folder, and skips with a clear line when Chromium is missing outside CI.
 */
const port = Number(process.env.TANDEM_E2E_PORT ?? 3100);
const dataDir = process.env.TANDEM_E2E_DATA_DIR ?? path.resolve(import.meta.dirname, '../../.tmp/e2e-data');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The built server (npm run build makes it), as production runs it.
const tandem = path.resolve(import.meta.dirname, '../server/dist/tandem.mjs');

/** The admin the browser tests start from (see e2e/users.ts). */
export const e2eAdmin = { email: 'admin@e2e.test', password: 'e2e admin passphrase ok' };

// Debian's Chromium with the flags in STACK-NOTES (shared with bench/lighthouse): without the
// background-networking ones it floods the closed network with refused connections.
const chromiumFlags: string[] = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../scripts/chromium-flags.json'), 'utf8'));
const launchOptions = { executablePath: chromium, args: chromiumFlags };

export default defineConfig({
  testDir: 'e2e',
  // Also holds the two-step sign-in secrets and the bootstrap admin's session (e2e/two-step.ts).
  outputDir: resultsDir,
  // The bootstrap admin sets up two-step sign-in once, after the server starts.
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  // In CI a failed test runs once more and, if it then passes, is listed as "flaky" in the
  // summary (decision 0008): a slower machine must not hide work, and a flaky test stays visible.
  retries: process.env.CI === 'true' ? 1 : 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions,
    trace: 'off',
  },
  projects: [
    // Checks on the build output; they need no browser and run once.
    { name: 'build', testMatch: 'bundle.spec.ts' },
    { name: 'phone', testIgnore: 'bundle.spec.ts', use: { ...devices['Pixel 7'], browserName: 'chromium', launchOptions } },
    {
      name: 'desktop',
      testIgnore: 'bundle.spec.ts',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions },
    },
  ],
  webServer: {
    // A real admin made with the real CLI on the empty test database, then the server (the data
    // folder's lock is free again once create-admin exits).
    command:
      `printf %s '${e2eAdmin.password}' | node ${tandem} create-admin --email ${e2eAdmin.email} --name 'E2E Admin' ` +
      `--organisation 'E2E Talking Therapies' --password-stdin && exec node ${tandem} serve`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      // The browser's origin: the API refuses state-changing requests from any other (CSRF
      // defence), and invitation links in the dev outbox are built from it.
      PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
      // Makes `tandem serve` (NODE_ENV=test only) create this admin at start-up when missing, so
      // the journeys have a first account; see e2e/accounts.ts.
    },
  },
});
