#!/usr/bin/env node
// Lighthouse on the client app as a signed-in client sees it: the home page and the check-in page,
// on a phone (Lighthouse's default mobile settings: emulated phone screen, simulated slow 4G and a
// four-times slower CPU). Each page is measured three times and the median kept, since this
// machine is shared and noisy. The table goes to the terminal and between the markers in
// docs/performance.md. Exits non-zero when a run fails; a score under target is reported, not failed.
//
// Needs a built web app (`npm run build`) and Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
// It starts `tandem serve` on a new embedded database in a temporary folder, which seeds the demo
// organisation, and signs in as the demo organisation's first client. With LIGHTHOUSE_REPORTS set
// to a folder, every run's full report is kept there as JSON (to read its opportunities).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const root = path.resolve(import.meta.dirname, '../..');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const resultsFile = path.join(root, 'docs/performance.md');
const markers = { start: '<!-- lighthouse:results -->', end: '<!-- /lighthouse:results -->' };
const runsPerPage = 3;
const targets = { performance: 95, accessibility: 100 };

/** The pages measured, and the title each shows once it has loaded for a signed-in client. */
const pages = [
  { name: 'Client home', path: '/', title: 'Home – Tandem' },
  { name: 'Check-in', path: '/check-in', title: 'Check in – Tandem' },
];

// The browser tests' flags (scripts/chromium-flags.json): without the background-networking ones
// Chromium floods the closed network with refused connections.
const chromiumFlags = JSON.parse(fs.readFileSync(path.join(root, 'scripts/chromium-flags.json'), 'utf8'));

const out = (line = '') => process.stdout.write(`${line}\n`);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The built `tandem serve` (dist/tandem.mjs, as production runs it) in its own process group, on a new
 * embedded database in `dataDir`. Resolves once /api/health answers, with what it printed so far.
 */
async function startServer(dataDir, port) {
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(root, 'packages/server/dist/tandem.mjs'), 'serve'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      NODE_ENV: 'development',
      SEED_DEMO: 'auto',
      LOG_LEVEL: 'warn',
      PUBLIC_ORIGIN: origin,
    },
  });
  let printed = '';
  child.stdout.on('data', (chunk) => (printed += chunk));
  child.stderr.on('data', (chunk) => (printed += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const server = {
    origin,
    printed: () => printed,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // SIGTERM lets the server close the embedded database cleanly; the group kill is the fallback.
      process.kill(child.pid, 'SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)]);
      if (!stopped) process.kill(-child.pid, 'SIGKILL');
    },
  };
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server stopped while starting:\n${printed}`);
    const healthy = await fetch(`${origin}/api/health`).then((r) => r.ok, () => false);
    // The demo sign-ins are printed just after the server starts listening.
    if (healthy && /password for every demo account/.test(printed)) return server;
    await sleep(500);
  }
  await server.stop();
  throw new Error(`the server did not start within three minutes:\n${printed}`);
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The first demo client's email and the demo password, as `tandem serve` prints them. */
function demoClient(printed) {
  const email = printed.match(/^\s+client\s+(\S+@\S+)/m)?.[1];
  const password = printed.match(/password for every demo account: (.+)$/m)?.[1]?.trim();
  if (!email || !password) throw new Error(`no demo client in the server's output:\n${printed}`);
  return { email, password };
}

/** Signs in over the API as the browser would; returns the session cookie and the client's id. */
async function signIn(origin, { email, password }) {
  const response = await fetch(`${origin}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`signing in as ${email}: ${response.status} ${await response.text()}`);
  const me = await response.json();
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0].split('='))
    .find(([name]) => name === 'tandem_session');
  if (!cookie || !me.actor?.clientId) throw new Error(`signing in as ${email} gave no client session`);
  return { cookie: { name: cookie[0], value: cookie.slice(1).join('=') }, clientId: me.actor.clientId };
}

/** A new demo client meets the consent page first; agree as e2e/accounts.ts does, so the app opens. */
async function agreeToUse(origin, session) {
  const headers = { 'content-type': 'application/json', origin, cookie: `${session.cookie.name}=${session.cookie.value}` };
  const url = `${origin}/api/clients/${session.clientId}/consent`;
  const current = await fetch(url, { headers });
  if (!current.ok) throw new Error(`reading consent: ${current.status} ${await current.text()}`);
  const { wordingVersion } = await current.json();
  const choices = { blendedTreatment: true, messagingUnderstood: true, channels: { email: false, sms: false, push: false }, research: false };
  const recorded = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ id: randomUUID(), wordingVersion, choices }) });
  if (recorded.status !== 201) throw new Error(`recording consent: ${recorded.status} ${await recorded.text()}`);
}

/**
 * Chromium with the session cookie set, in a fresh profile (chrome-launcher makes one and removes
 * it on kill). `use` gets the DevTools port and a Puppeteer handle on the browser.
 */
async function withChromium(origin, session, use) {
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: chromiumFlags, logLevel: 'silent' });
  let browser;
  try {
    browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
    const cdp = await browser.target().createCDPSession();
    await cdp.send('Storage.setCookies', {
      cookies: [{ ...session.cookie, url: origin, path: '/', httpOnly: true, sameSite: 'Lax' }],
    });
    await cdp.detach();
    return await use(chrome.port, browser);
  } finally {
    await browser?.disconnect();
    await chrome.kill();
  }
}

/** Fails unless the page shows its own title: a measurement of the sign-in page would be worthless. */
async function checkPageOpens(browser, url, title) {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForFunction((expected) => globalThis.document.title === expected, { timeout: 30_000 }, title).catch(async () => {
      throw new Error(`${url} shows "${await page.title()}", not "${title}": the client is not signed in or the page moved`);
    });
  } finally {
    await page.close();
  }
}

/** One Lighthouse run: default (mobile) settings, performance and accessibility only. */
async function measure(port, url) {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (id) => {
    const value = lhr.categories[id]?.score;
    if (typeof value !== 'number') throw new Error(`Lighthouse gave no ${id} score for ${url} (${lhr.runWarnings.join('; ')})`);
    return Math.round(value * 100);
  };
  const metric = (id) => lhr.audits[id].numericValue;
  return {
    lhr,
    performance: score('performance'),
    accessibility: score('accessibility'),
    fcp: metric('first-contentful-paint'),
    lcp: metric('largest-contentful-paint'),
    tbt: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
  };
}

/**
 * A run in a new Chromium. Lighthouse 12.2 sometimes loses the trace of a load on this newer
 * Chromium (NO_NAVSTART) or times out on a busy machine, so a failed run is tried once more;
 * a second failure fails the whole measurement.
 */
async function measureOnce(origin, session, url, label) {
  try {
    return await withChromium(origin, session, (port) => measure(port, url));
  } catch (error) {
    out(`${label} failed (${error instanceof Error ? error.message : error}); trying it once more`);
    return withChromium(origin, session, (port) => measure(port, url));
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** What Lighthouse suggests on a run that missed a target: the opportunities and failed checks. */
function advice(lhr) {
  const lines = [];
  for (const ref of lhr.categories.performance.auditRefs) {
    const audit = lhr.audits[ref.id];
    const saving = audit.metricSavings && Object.entries(audit.metricSavings).filter(([, ms]) => ms > 0);
    if (audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative' && (saving?.length || ref.weight > 0)) {
      lines.push(`  performance: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}${saving?.length ? ` — saves ${saving.map(([m, ms]) => `${m} ${Math.round(ms)}`).join(', ')}` : ''}`);
    }
  }
  for (const ref of lhr.categories.accessibility.auditRefs) {
    const audit = lhr.audits[ref.id];
    if (audit.score !== null && audit.score < 1) lines.push(`  accessibility: ${audit.title}`);
  }
  return lines;
}

const ms = (value) => `${(value / 1000).toFixed(2)} s`;

function table(rows, date, chromium) {
  const header = ['Page', 'Performance', 'Accessibility', 'FCP', 'LCP', 'TBT', 'CLS', 'Date', 'Chromium'];
  const cells = rows.map((r) => [r.name, String(r.performance), String(r.accessibility), ms(r.fcp), ms(r.lcp), `${Math.round(r.tbt)} ms`, r.cls.toFixed(3), date, chromium]);
  return [header, header.map(() => '---'), ...cells].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

/** Puts `body` between the markers in docs/performance.md, making the file if there is none. */
function writeResults(body) {
  const existing = fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, 'utf8') : `# Performance\n\n${markers.start}\n${markers.end}\n`;
  const start = existing.indexOf(markers.start);
  const end = existing.indexOf(markers.end);
  if (start < 0 || end < start) throw new Error(`${path.relative(root, resultsFile)} has no ${markers.start} … ${markers.end} section`);
  fs.writeFileSync(resultsFile, `${existing.slice(0, start + markers.start.length)}\n${body}\n${existing.slice(end)}`);
}

function saveReport(dir, name, lhr) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(lhr));
}

async function main() {
  if (!fs.existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);
  if (!fs.existsSync(path.join(root, 'packages/web/dist/index.html'))) throw new Error('the web app is not built: run `npm run build` first');

  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-lighthouse-'));
  let server;
  const stopAll = async () => {
    await server?.stop();
    fs.rmSync(temp, { recursive: true, force: true });
  };
  const interrupted = (signal) => void stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    out('Starting tandem serve on a new embedded database (the demo organisation is seeded)…');
    server = await startServer(path.join(temp, 'data'), await freePort());
    const session = await signIn(server.origin, demoClient(server.printed()));
    await agreeToUse(server.origin, session);

    const rows = [];
    let chromium = '';
    let lighthouseVersion = '';
    // Lighthouse's measure of how fast this machine was at each run: a busy machine scores low.
    const benchmarkIndexes = [];
    for (const page of pages) {
      const url = `${server.origin}${page.path}`;
      const runs = [];
      await withChromium(server.origin, session, async (_port, browser) => {
        chromium = (await browser.version()).replace(/^\D*\//, '');
        await checkPageOpens(browser, url, page.title);
      });
      for (let run = 1; run <= runsPerPage; run++) {
        const result = await measureOnce(server.origin, session, url, `${page.name} run ${run}`);
        out(`${page.name} run ${run}: performance ${result.performance}, accessibility ${result.accessibility}`);
        runs.push(result);
        if (process.env.LIGHTHOUSE_REPORTS) saveReport(process.env.LIGHTHOUSE_REPORTS, `${page.name.toLowerCase().replace(/\W+/g, '-')}-${run}`, result.lhr);
        lighthouseVersion = result.lhr.lighthouseVersion;
        benchmarkIndexes.push(Math.round(result.lhr.environment.benchmarkIndex));
      }
      const row = { name: page.name };
      for (const key of ['performance', 'accessibility', 'fcp', 'lcp', 'tbt', 'cls']) row[key] = median(runs.map((r) => r[key]));
      rows.push(row);
      if (row.performance < targets.performance || row.accessibility < targets.accessibility) {
        const medianRun = runs.find((r) => r.performance === row.performance) ?? runs[0];
        out(`${page.name} is under target; Lighthouse suggests:`);
        for (const line of advice(medianRun.lhr)) out(line);
      }
    }

    const date = new Date().toISOString().slice(0, 10);
    const results = [
      table(rows, date, chromium),
      '',
      `Median of ${runsPerPage} runs of Lighthouse ${lighthouseVersion} per page (default mobile settings: emulated phone, ` +
        `simulated slow 4G, 4× CPU slowdown), signed in as a demo client, against \`tandem serve\` on the embedded ` +
        `database. Lighthouse's benchmark index of the machine during the runs: ${Math.min(...benchmarkIndexes)}–` +
        `${Math.max(...benchmarkIndexes)}. Targets: performance ≥ ${targets.performance}, accessibility ` +
        `${targets.accessibility}. Made by \`node bench/lighthouse/run.mjs\`.`,
    ].join('\n');
    out();
    out(results);
    writeResults(results);
    out(`\nWritten to ${path.relative(root, resultsFile)}.`);
  } finally {
    await stopAll();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`Lighthouse run failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
