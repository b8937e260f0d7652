import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { pseudoOpen } from '../src/shared/i18n/pseudo';
import { createClient, createStaff, openReferral, signInByApi, uniqueSuffix } from './accounts';
import { expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';
import { noViolations } from './sessions';

/**
 * Exports (issue 12 items 3 and 4; decision 0043) on the real server: an admin chooses dates by
 * keyboard alone (a wrong range is refused with the error summary), then downloads the
 * service-system export (holding a referral made here) and the research export; a supervisor sees
 * the research export only; a practitioner has no link and no page. Axe, phone width, pseudo-locale.
 */

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Types a date into a Day / Month / Year group by keyboard: select each part, type, Tab on. */
async function typeDate(page: Page, iso: string) {
  const [year, month, dayOfMonth] = iso.split('-');
  for (const part of [String(Number(dayOfMonth)), String(Number(month)), year!]) {
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(part);
    await page.keyboard.press('Tab');
  }
}

async function download(page: Page, name: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  return { name: file.suggestedFilename(), body: fs.readFileSync((await file.path())!).toString('utf8') };
}

test.describe('exports', () => {
  test('an admin picks the dates by keyboard, is told what is wrong, then downloads both exports', async ({ page, baseURL }) => {
    test.setTimeout(90_000);
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Pat ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Rowan');
    const referral = await openReferral(baseURL!, practitioner, client);
    const admin = await createStaff(baseURL!, ['admin'], `Ada ${uniqueSuffix()}`);
    await signInByApi(page.request, admin.email, admin.password, baseURL);
    await page.goto('/staff/');
    await page.getByRole('navigation').getByRole('link', { name: 'Exports' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exports');
    await noViolations(page);

    // "To" a year before "From": refused, the summary takes focus and links to the field.
    await page.getByRole('group', { name: 'From' }).getByLabel('Day').focus();
    await typeDate(page, day(-30));
    await typeDate(page, day(-400));
    await expect(page.getByRole('button', { name: 'Get the files ready' })).toBeFocused();
    await page.keyboard.press('Enter');
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link', { name: '‘To’ must be the same day as ‘From’ or later' })).toBeVisible();
    await noViolations(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('group', { name: 'To' }).getByLabel('Day')).toBeFocused();
    await typeDate(page, day(0));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: /^Files for / })).toBeVisible();
    await expect(page.locator('.error-summary')).toHaveCount(0);
    await noViolations(page);

    const service = await download(page, 'Download for the record system (zip)');
    expect(service.name).toBe(`tandem-service-system-${day(-30)}-to-${day(0)}.zip`);
    expect(service.body).toContain('ServiceRequestId,LocalPatientId,NHSNumber,ReferralRequestReceivedDate');
    expect(service.body).toContain(referral.episodeId);
    const research = await download(page, 'Download research data (zip)');
    expect(research.name).toBe(`tandem-research-${day(-30)}-to-${day(0)}.zip`);
    expect(research.body).toContain('client,episode,age_band_at_referral');
    expect(research.body).not.toContain(referral.episodeId);
    expect(research.body).not.toContain(client.givenName);
  });

  test('a supervisor has the research export only; a practitioner has no exports', async ({ page, baseURL }) => {
    const supervisor = await createStaff(baseURL!, ['practitioner', 'supervisor'], `Sam ${uniqueSuffix()}`);
    await signInByApi(page.request, supervisor.email, supervisor.password, baseURL);
    await page.goto('/staff/exports');
    await page.getByRole('button', { name: 'Get the files ready' }).click();
    await expect(page.getByRole('link', { name: 'Download research data (zip)' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Download for the record system (zip)' })).toHaveCount(0);
    await noViolations(page);

    const practitioner = await createStaff(baseURL!, ['practitioner'], `Pip ${uniqueSuffix()}`);
    await page.context().clearCookies();
    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
    await page.goto('/staff/');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Alerts' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Exports' })).toHaveCount(0);
    await page.goto('/staff/exports');
    await expect(page.getByRole('heading', { name: 'Exports' })).toHaveCount(0);
  });

  test('pseudo-locale: every string of the exports page comes through i18n', async ({ page, baseURL }) => {
    const admin = await createStaff(baseURL!, ['admin'], `Ari ${uniqueSuffix()}`);
    await signInByApi(page.request, admin.email, admin.password, baseURL);
    await page.goto('/staff/exports?locale=en-XA');
    await expect(page.locator('main h1')).toContainText(pseudoOpen);
    await page.locator('main button[type="submit"]').click();
    await expect(page.locator('main a[download]')).toHaveCount(2);
    expect(await untranslatedStrings(page)).toEqual([]);
  });
});
