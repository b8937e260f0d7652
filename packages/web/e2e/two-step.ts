import fs from 'node:fs';
import path from 'node:path';
import { expect, request, type APIRequestContext, type Page } from '@playwright/test';
import { generateSync } from 'otplib';

/**
 * Two-step sign-in for the browser tests (staff must use it: decision 0035). Each member of staff
 * the tests make sets up an authenticator app through the real API; their secret, the last
 * 30-second step whose code was used and their unused recovery codes are kept in a registry, so
 * any later sign-in can give the code an app would show.
 *
 * The registry is a file in the test output folder, not only memory: the bootstrap admin enrols
 * once, in the global setup (another process), and a worker that Playwright restarts after a
 * failure must still know which steps were used. The browser tests run one worker at a time
 * (playwright.config.ts), so the file is never written by two processes at once.
 *
 * The server accepts a code one step either side of its clock, and each step only once per
 * account: a person can sign in at most about 3 times in 30 seconds with codes. Beyond that a
 * recovery code is used (they do not use steps), and the set is renewed when a step is free.
 */

/** The Playwright output folder (emptied at the start of every run, before the global setup). */
export const resultsDir = path.resolve(import.meta.dirname, '../../../.tmp/playwright-results');
const registryFile = path.join(resultsDir, 'two-step-registry.json');

interface Entry {
  secret: string;
  /** The last 30-second step whose code was sent; the server refuses it and any earlier one. */
  lastStep: number;
  recoveryCodes: string[];
}

const periodMs = 30_000;
/** How late the server may check a code after it was made (a slow request on a busy machine). */
const transitMs = 3_000;

function keyOf(baseURL: string, email: string): string {
  return `${new URL(baseURL).origin} ${email.toLowerCase()}`;
}

function readRegistry(): Record<string, Entry> {
  try {
    return JSON.parse(fs.readFileSync(registryFile, 'utf8')) as Record<string, Entry>;
  } catch {
    return {};
  }
}

function writeEntry(key: string, entry: Entry | null): void {
  const registry = readRegistry();
  if (entry) registry[key] = entry;
  else delete registry[key];
  fs.mkdirSync(resultsDir, { recursive: true });
  const temporary = `${registryFile}.${process.pid}`;
  fs.writeFileSync(temporary, JSON.stringify(registry));
  fs.renameSync(temporary, registryFile);
}

/** The registry's entry for a person, if they have set up two-step sign-in in these tests. */
function entryOf(baseURL: string, email: string): Entry | undefined {
  return readRegistry()[keyOf(baseURL, email)];
}

/** Whether `email` has set up two-step sign-in on the server at `baseURL` (as far as the tests know). */
export function hasTwoStep(baseURL: string, email: string): boolean {
  return entryOf(baseURL, email) !== undefined;
}

/** The authenticator secret the tests hold for `email` (for specs about two-step sign-in itself). */
export function secretOf(baseURL: string, email: string): string | undefined {
  return entryOf(baseURL, email)?.secret;
}

/** Forgets `email` (after an admin reset: their next sign-in sets the app up again). */
export function forgetTwoStep(baseURL: string, email: string): void {
  writeEntry(keyOf(baseURL, email), null);
}

/** The code an app holding `secret` shows in 30-second step `step`. */
export function codeForStep(secret: string, step: number): string {
  return generateSync({ secret, epoch: step * (periodMs / 1000) });
}

/** The next step the server will surely accept for someone whose last used step is `lastStep`, or null if none is free now. */
function freeStep(lastStep: number): number | null {
  const now = Date.now();
  const earliest = Math.max(lastStep + 1, Math.floor((now + transitMs) / periodMs) - 1);
  return earliest <= Math.floor(now / periodMs) + 1 ? earliest : null;
}

/**
 * A fresh code from the app of `email`, waiting for the clock when every step the server would
 * accept now has been used.
 */
export async function nextAppCode(baseURL: string, email: string): Promise<string> {
  const key = keyOf(baseURL, email);
  for (;;) {
    const entry = readRegistry()[key];
    if (!entry) throw new Error(`no authenticator secret for ${email}: was this person made with createStaff?`);
    const step = freeStep(entry.lastStep);
    if (step !== null) {
      writeEntry(key, { ...entry, lastStep: step });
      return codeForStep(entry.secret, step);
    }
    await new Promise((resolve) => setTimeout(resolve, periodMs - (Date.now() % periodMs) + 50));
  }
}

/** The code for a sign-in: from the app when a step is free, else one recovery code (used up here). */
export async function nextSecondStep(baseURL: string, email: string): Promise<{ kind: 'app' | 'recovery'; code: string }> {
  const key = keyOf(baseURL, email);
  const entry = readRegistry()[key];
  if (entry && freeStep(entry.lastStep) === null && entry.recoveryCodes.length > 0) {
    const [code, ...rest] = entry.recoveryCodes;
    writeEntry(key, { ...entry, recoveryCodes: rest });
    return { kind: 'recovery', code: code! };
  }
  return { kind: 'app', code: await nextAppCode(baseURL, email) };
}

/**
 * With `api` signed in as `email`: makes a new set of recovery codes when some have been used and a
 * step is free (never waits), so later sign-ins in a hurry still have some — the bootstrap admin
 * signs in many times a minute in some specs.
 */
export async function topUpRecoveryCodes(api: APIRequestContext, baseURL: string, email: string): Promise<void> {
  const key = keyOf(baseURL, email);
  const entry = readRegistry()[key];
  if (!entry || entry.recoveryCodes.length >= 7 || freeStep(entry.lastStep) === null) return;
  const code = await nextAppCode(baseURL, email);
  const response = await api.post('/api/auth/mfa/recovery-codes', { data: { code }, headers: { origin: new URL(baseURL).origin } });
  expect(response.status(), `new recovery codes for ${email}: ${await response.text()}`).toBe(200);
  const { recoveryCodes } = (await response.json()) as { recoveryCodes: string[] };
  writeEntry(key, { ...readRegistry()[key]!, recoveryCodes });
}

/**
 * With `api` half-way signed in (or signed in, not yet enrolled) as `email`: sets up the
 * authenticator app through the API, as a person would with the app, and remembers the secret.
 */
export async function enrolByApi(api: APIRequestContext, baseURL: string, email: string): Promise<void> {
  const origin = new URL(baseURL).origin;
  const started = await api.post('/api/auth/mfa/enrolment', { data: {}, headers: { origin } });
  expect(started.status(), `starting two-step set-up for ${email}: ${await started.text()}`).toBe(200);
  const { secret } = (await started.json()) as { secret: string };
  writeEntry(keyOf(baseURL, email), { secret, lastStep: 0, recoveryCodes: [] });
  const code = await nextAppCode(baseURL, email);
  const confirmed = await api.post('/api/auth/mfa/enrolment/confirm', { data: { code }, headers: { origin } });
  expect(confirmed.status(), `confirming two-step set-up for ${email}: ${await confirmed.text()}`).toBe(200);
  const { recoveryCodes } = (await confirmed.json()) as { recoveryCodes: string[] };
  writeEntry(keyOf(baseURL, email), { ...readRegistry()[keyOf(baseURL, email)]!, recoveryCodes });
}

/** Remembers a secret set up in the browser (two-step.spec.ts), with the step its confirming code used. */
export function rememberTwoStep(baseURL: string, email: string, secret: string, lastStep: number, recoveryCodes: string[] = []): void {
  writeEntry(keyOf(baseURL, email), { secret, lastStep, recoveryCodes });
}

/**
 * With `api` just past the password (the sign-in answered `answer`): gives the second step the
 * server asks for — a code, or (first time, or after an admin reset) setting up the app.
 */
export async function finishSignIn(api: APIRequestContext, baseURL: string, email: string, answer: { next: 'mfa' | 'enrol' }): Promise<void> {
  if (answer.next === 'enrol') {
    await enrolByApi(api, baseURL, email);
    return;
  }
  const { code } = await nextSecondStep(baseURL, email);
  const verified = await api.post('/api/auth/mfa/verify', { data: { code }, headers: { origin: new URL(baseURL).origin } });
  expect(verified.status(), `the second step for ${email}: ${await verified.text()}`).toBe(200);
  await topUpRecoveryCodes(api, baseURL, email);
}

/** Where a signed-in session of the bootstrap admin is kept for the server at `baseURL`. */
function adminStateFile(baseURL: string): string {
  return path.join(resultsDir, `bootstrap-admin-${new URL(baseURL).port}.json`);
}

/**
 * An API session signed in as the bootstrap admin, reusing one signed-in session for the whole run
 * (it is used to invite every member of staff; signing in each time would use up the admin's
 * codes). Signs in afresh — with the second step — when that session has ended.
 */
export async function bootstrapAdminApi(baseURL: string, admin: { email: string; password: string }): Promise<APIRequestContext> {
  const origin = new URL(baseURL).origin;
  const file = adminStateFile(baseURL);
  if (fs.existsSync(file)) {
    const kept = await request.newContext({ baseURL, extraHTTPHeaders: { origin }, storageState: file });
    if ((await kept.get('/api/me')).status() === 200) {
      await topUpRecoveryCodes(kept, baseURL, admin.email);
      return kept;
    }
    await kept.dispose();
  }
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin } });
  const response = await api.post('/api/auth/sign-in', { data: admin });
  const status = response.status();
  expect([200, 202], `sign-in as ${admin.email}: ${await response.text()}`).toContain(status);
  if (status === 202) await finishSignIn(api, baseURL, admin.email, await response.json());
  fs.mkdirSync(resultsDir, { recursive: true });
  await api.storageState({ path: file });
  return api;
}

/**
 * On the "Set up two-step sign-in" page: reads the key shown beside the QR code (as someone
 * typing it into their app would), types the app's code, ticks "I have saved these codes" and
 * continues. Remembers the secret and the recovery codes; returns them.
 */
export async function enrolInBrowser(page: Page, email: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  await expect(page.getByRole('heading', { level: 1, name: 'Set up two-step sign-in' })).toBeVisible();
  const secret = (await page.locator('.secret-key').innerText()).replace(/\s/g, '');
  const baseURL = new URL(page.url()).origin;
  rememberTwoStep(baseURL, email, secret, 0);
  await page.getByLabel('Code from your app').fill(await nextAppCode(baseURL, email));
  await page.getByRole('button', { name: 'Check the code' }).click();
  await expect(page.getByRole('heading', { name: 'Save your recovery codes' })).toBeVisible();
  const recoveryCodes = await page.getByRole('list', { name: 'Your recovery codes' }).getByRole('listitem').allInnerTexts();
  writeEntry(keyOf(baseURL, email), { ...readRegistry()[keyOf(baseURL, email)]!, recoveryCodes });
  await page.getByLabel('I have saved these codes').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  return { secret, recoveryCodes };
}
