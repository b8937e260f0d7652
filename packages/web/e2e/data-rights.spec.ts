import type { Page } from '@playwright/test';
import { pseudoOpen } from '../src/shared/i18n/pseudo';
import { clientIdOf, createClient, createStaff, signedInApi, signInByApi, uniqueSuffix } from './accounts';
import { expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';
import { noViolations } from './sessions';

/**
 * A request to remove a client's data, as an admin meets it (decision 0042): from the service
 * settings, the client found by email, processing restricted with the keyboard, the banner on the
 * client record for their practitioner, the restriction lifted; erasure refused while the records
 * must be kept. Someone who is not an admin finds no such page.
 */

async function fitsTheScreen(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

/** Types into the field with that label, reached and filled with the keyboard. */
async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.focus();
  await page.keyboard.type(text);
}

test.describe('requests about a client’s data', () => {
  test('an admin restricts processing, the practitioner sees it on the record, and the admin lifts it', async ({ page, visit, newPage, baseURL }) => {
    test.setTimeout(120_000);
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Pat ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Noor');
    const admin = await createStaff(baseURL!, ['admin'], `Ada ${uniqueSuffix()}`);
    await signInByApi(page.request, admin.email, admin.password, baseURL);
    await visit('/staff/service');
    await page.getByRole('link', { name: 'Requests about a client’s data' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Requests about a client’s data' })).toBeVisible();
    await noViolations(page);

    await typeInto(page, 'Client’s email address or NHS number', client.email);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: client.name })).toBeVisible();
    await expect(page.getByText('Processing is not restricted.')).toBeVisible();
    await expect(page.getByText(/These records must be kept until .* \(20 years after the last contact\)/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Erase this client’s data' })).toHaveCount(0);
    await noViolations(page);
    await fitsTheScreen(page);

    // A form sent empty says what is missing; then filled with the keyboard and sent with Enter.
    await page.getByRole('button', { name: 'Restrict processing' }).click();
    await expect(page.getByText('Enter a real date')).toBeVisible();
    const today = new Date();
    await typeInto(page, 'Day', String(today.getDate()));
    await typeInto(page, 'Month', String(today.getMonth() + 1));
    await typeInto(page, 'Year', String(today.getFullYear()));
    await typeInto(page, 'What the client asked, and how', 'Asked on the phone to remove all their data.');
    await page.getByRole('button', { name: 'Restrict processing' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toHaveText('Processing is now restricted.');
    await expect(page.getByText(/^Processing restricted: Tandem keeps this client’s records/)).toBeVisible();
    const history = page.getByRole('region', { name: 'Restrictions, newest first' });
    await expect(history).toContainText('Asked on the phone to remove all their data.');
    await expect(history).toContainText('Still in place');
    await noViolations(page);
    await fitsTheScreen(page);

    // The practitioner sees the banner on the client's record.
    const staffPage = await newPage();
    await signInByApi(staffPage.request, practitioner.email, practitioner.password, baseURL);
    const api = await signedInApi(baseURL!, practitioner);
    const clientId = await clientIdOf(api, client).finally(() => api.dispose());
    await staffPage.goto(`/staff/clients/${clientId}`);
    await expect(staffPage.getByRole('status').filter({ hasText: 'Processing restricted: the client asked us to stop using their data.' })).toBeVisible();
    await noViolations(staffPage);

    // Lifted, with a reason.
    await typeInto(page, 'Why the restriction can be lifted', 'The client changed their mind.');
    await page.getByRole('button', { name: 'Lift the restriction' }).click();
    await expect(page.getByRole('status')).toHaveText('The restriction is lifted.');
    await expect(history).toContainText('The client changed their mind.');
    await expect(page.getByText('Processing is not restricted.')).toBeVisible();
    await staffPage.reload();
    await expect(staffPage.locator('main h1')).toBeVisible();
    await expect(staffPage.locator('.restriction-banner')).toHaveCount(0);
  });

  test('someone who is not an admin finds no such page; every string comes through i18n', async ({ page, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Pat ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Kit');
    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
    await page.goto('/staff/service/data-requests');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();

    const admin = await createStaff(baseURL!, ['admin'], `Ada ${uniqueSuffix()}`);
    await page.context().clearCookies();
    await signInByApi(page.request, admin.email, admin.password, baseURL);
    await page.goto('/staff/service/data-requests?locale=en-XA');
    await expect(page.locator('main h1')).toContainText(pseudoOpen);
    await page.locator('#dr-query').fill(client.email);
    await page.locator('main form button[type="submit"]').first().click();
    await expect(page.locator('#dr-client')).toBeVisible();
    expect(await untranslatedStrings(page)).toEqual([]);
    await noViolations(page);
  });
});
