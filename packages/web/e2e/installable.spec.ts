import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { createClient, createStaff, signInByApi, uniqueSuffix } from './accounts';
import { expect, test } from './fixtures';

/** Waits until a service worker looks after the page. */
async function workerInCharge(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
}

/** Every URL kept in the page's caches, by cache. */
async function cached(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const all: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      all[name] = (await cache.keys()).map((request) => new URL(request.url).pathname + new URL(request.url).search);
    }
    return all;
  });
}

test.describe('the installable client app', () => {
  test('Chromium reports no installability errors for the client app', async ({ baseURL }, testInfo) => {
    // An ordinary (not incognito) profile: Chromium never offers to install from incognito.
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-profile-'));
    const context = await chromium.launchPersistentContext(profile, { ...testInfo.project.use.launchOptions, baseURL });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto('/');
      await page.locator('main h1').waitFor();
      await workerInCharge(page);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
      expect(installabilityErrors).toEqual([]);
      const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
      expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
      expect(manifest.errors).toEqual([]);
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });

  test('the practitioner app has no manifest, and nothing of it is kept by the client app’s worker', async ({ page, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Pat ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Ada');
    // A client used this browser first: the worker is installed and keeps their reads.
    await signInByApi(page.request, client.email, client.password, baseURL);
    await page.goto('/');
    await expect(page.getByRole('region', { name: 'Your next step' })).toBeVisible();
    await workerInCharge(page);
    // Reads on the first visit came before the worker; the next visit's go through it.
    await page.reload();
    await expect(page.getByRole('region', { name: 'Your next step' })).toBeVisible();
    await expect.poll(async () => (await cached(page))['tandem-data'] ?? []).toContain('/api/me');
    const shell = Object.entries(await cached(page)).find(([name]) => name.startsWith('tandem-shell-'))![1];
    expect(shell).toContain('/index.html');
    expect(shell.filter((url) => url.startsWith('/staff'))).toEqual([]);

    // Signing out forgets the client's copies.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect.poll(async () => (await cached(page))['tandem-data'] ?? []).toEqual([]);

    // Then a practitioner at the same desk: their pages and reads pass the worker by.
    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
    await page.goto('/staff/');
    await expect(page.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();
    expect(await page.locator('link[rel="manifest"]').count()).toBe(0);
    const after = await cached(page);
    expect(after['tandem-data'] ?? []).toEqual([]);
    expect(Object.values(after).flat().filter((url) => url.startsWith('/staff') || url.startsWith('/api/clients'))).toEqual([]);
  });
});
