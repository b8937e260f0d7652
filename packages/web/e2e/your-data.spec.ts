import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { pseudoOpen } from '../src/shared/i18n/pseudo';
import { createClient, createStaff, signInByApi, uniqueSuffix } from './accounts';
import { axeViolations, expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';

/**
 * "Your data" (decision 0042), in the browser: a client reaches it from Your choices with the
 * keyboard alone, downloads the readable page and the JSON file, and is told kindly that it
 * needs a connection when the phone is offline. axe runs on every state checked.
 */

async function noViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

async function fitsTheScreen(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

/** Presses Tab until `target` has the focus (at most `limit` presses). */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit && !(await target.evaluate((el) => el === document.activeElement)); presses++) await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
}

async function downloadBy(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), (await tabTo(page, button), page.keyboard.press('Enter'))]);
  return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
}

test.describe('your data', () => {
  test('a client downloads a page to read and a file for other apps, with the keyboard alone', async ({ page, visit, baseURL }) => {
    test.setTimeout(90_000);
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Pat ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Robin');
    await signInByApi(page.request, client.email, client.password, baseURL);
    await visit('/choices');
    await tabTo(page, page.getByRole('link', { name: 'Get a copy of your data' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
    await expect(page).toHaveURL(/\/your-data$/);
    await noViolations(page);
    await fitsTheScreen(page);
    await expect(page.getByText('You can ask your service for them.', { exact: false })).toBeVisible();

    const readable = await downloadBy(page, page.getByRole('button', { name: 'Get a page to read' }));
    expect(readable.name).toBe('tandem-my-data.html');
    expect(readable.text).toContain('<h1>Your data from');
    expect(readable.text).toContain(client.familyName);
    expect(readable.text).not.toMatch(/<script/i);
    await expect(page.getByRole('status')).toHaveText('Your copy is on its way. Look in your downloads.');
    await noViolations(page);

    const file = await downloadBy(page, page.getByRole('button', { name: 'Get a file for other apps' }));
    expect(file.name).toBe('tandem-my-data.json');
    const data = JSON.parse(file.text);
    expect(data.format).toBe('tandem-subject-access/1');
    expect(data.sections.find((s: { key: string }) => s.key === 'about_you').rows[0]).toMatchObject({ email: client.email, family_name: client.familyName });
  });

  test('offline, the page says it needs a connection and offers nothing that would fail', async ({ page, visit, baseURL, context }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Pat ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Sam');
    await signInByApi(page.request, client.email, client.password, baseURL);
    await visit('/your-data');
    await context.setOffline(true);
    await expect(page.getByRole('status')).toHaveText('You need to be online to get your copy. Check your connection and try again.');
    await expect(page.getByRole('button', { name: 'Get a page to read' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Get a file for other apps' })).toBeDisabled();
    await noViolations(page);
    await context.setOffline(false);
    await expect(page.getByRole('button', { name: 'Get a page to read' })).toBeEnabled();
  });

  test('every string goes through translation (pseudo-locale)', async ({ page, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Pat ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Lee');
    await signInByApi(page.request, client.email, client.password, baseURL);
    await page.goto('/your-data?locale=en-XA');
    await expect(page.locator('main h1')).toContainText(pseudoOpen);
    expect(await untranslatedStrings(page)).toEqual([]);
    await noViolations(page);
  });
});
