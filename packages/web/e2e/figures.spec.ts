import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { pseudoOpen } from '../src/shared/i18n/pseudo';
import { createClient, createStaff, openReferral, signedInApi, signInByApi, uniqueSuffix, type Person } from './accounts';
import { expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';
import { createSupervised, noViolations } from './sessions';

/**
 * Value and burden (issue 9 items 5 and 6; decision 0028), on the real server with a real clock:
 * active time on a client page reaches the practitioner's own week (the accounting rule itself —
 * idle cut-off, caps — is unit-tested; here only its wiring), the monthly check answered once by
 * keyboard, the supervisor's figures with the CSV download, axe, phone width and the pseudo-locale.
 */

async function staffIdOf(baseURL: string, person: Person): Promise<string> {
  const api = await signedInApi(baseURL, person);
  try {
    return (await (await api.get('/api/me')).json()).actor.staffId as string;
  } finally {
    await api.dispose();
  }
}

async function openFigures(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: /^Figures/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Value and burden');
  await expect(page.getByRole('heading', { name: 'Your week' })).toBeVisible();
}

test.describe('value and burden figures', () => {
  test('time on a client page shows in my week; the monthly check is answered once, by keyboard', async ({ page, baseURL }) => {
    test.setTimeout(60_000);
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Fay ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Robin');
    const referral = await openReferral(baseURL!, practitioner, client);
    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);

    await page.goto(`/staff/clients/${referral.clientId}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Robin');
    // A few seconds of real use: pointer moves, a second apart.
    for (let i = 0; i < 3; i++) {
      await page.mouse.move(200 + i * 20, 300);
      await page.waitForTimeout(1000);
    }
    // Leaving the record sends what was counted.
    await openFigures(page);
    await expect(async () => {
      await page.reload();
      await expect(page.getByText('Client records with any time: 1')).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByRole('region', { name: 'Your active time each day' })).toContainText('Less than a minute');
    await expect(page.getByText('Episodes in Tandem. These are not official statistics.')).toBeVisible();
    await noViolations(page);

    // The monthly check waits (marked in the navigation), answered by keyboard alone.
    const nav = page.getByRole('navigation');
    await expect(nav.getByRole('link', { name: 'Figures monthly check waiting' })).toBeVisible();
    const value = page.getByRole('group', { name: 'Did online work add value this month?' });
    await value.getByLabel('1 – not at all').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect(value.getByLabel('4', { exact: true })).toBeChecked();
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('group', { name: 'Did online work add burden this month?' }).getByLabel('2', { exact: true })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Anything to add? (optional)')).toBeFocused();
    await page.keyboard.type('Entries were quick to read');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Send my answers' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Thank you' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Figures', exact: true })).toBeVisible();
    await noViolations(page);

    // Answered once: after a reload it is kept, changeable, and no longer offered.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Change my answers' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Not this month' })).toHaveCount(0);
    await expect(page.getByRole('group', { name: 'Did online work add value this month?' }).getByLabel('4', { exact: true })).toBeChecked();
    await expect(page.getByLabel('Anything to add? (optional)')).toHaveValue('Entries were quick to read');
    await expect(nav.getByRole('link', { name: 'Figures', exact: true })).toBeVisible();
    // Not a supervisor or admin: no one's figures but their own.
    await expect(page.getByRole('heading', { name: 'Your service and your supervisees' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: /everyone's answers/ })).toHaveCount(0);
  });

  test('a supervisor sees the service and their supervisee, labelled, and downloads the CSV', async ({ page, baseURL }) => {
    test.setTimeout(60_000);
    const supervisor = await createStaff(baseURL!, ['practitioner', 'supervisor'], `Sue ${uniqueSuffix()}`);
    const supervisee = await createSupervised(baseURL!, await staffIdOf(baseURL!, supervisor), `Dee ${uniqueSuffix()}`);
    await signInByApi(page.request, supervisor.email, supervisor.password, baseURL);
    await page.goto('/staff/supervision');
    await page.getByRole('link', { name: 'Value and burden figures for the service and your supervisees' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Value and burden');
    await expect(page.getByRole('heading', { name: 'Your service and your supervisees' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'The whole service' })).toBeVisible();
    await expect(page.getByRole('heading', { name: supervisee.name })).toBeVisible();
    const outcomes = page.getByRole('region', { name: `${supervisee.name}: Outcomes` });
    await expect(outcomes.getByRole('row', { name: /^Recovery/ })).toContainText('finished treatment and were at caseness at the start');
    await expect(page.getByText('Episodes in Tandem. These are not official statistics.')).toBeVisible();
    await expect(page.getByRole('heading', { name: "Monthly check: everyone's answers" })).toBeVisible();
    await noViolations(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download these figures (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^tandem-figures-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('Episodes in Tandem — not official statistics');
    expect(csv).toContain(`\r\nsupervisee,${supervisee.name},recovery,`);
    expect(csv).toContain('\r\nservice,all,reliableImprovement,');
  });

  test('pseudo-locale: every string of the figures page comes through i18n', async ({ page, baseURL }) => {
    const supervisor = await createStaff(baseURL!, ['practitioner', 'supervisor'], `Sid ${uniqueSuffix()}`);
    await createSupervised(baseURL!, await staffIdOf(baseURL!, supervisor), `Dot ${uniqueSuffix()}`);
    await signInByApi(page.request, supervisor.email, supervisor.password, baseURL);
    await page.goto('/staff/figures?locale=en-XA');
    await expect(page.locator('main h1')).toContainText(pseudoOpen);
    await expect(page.locator('#supervision-figures-heading ~ section').last().locator('table').first()).toBeVisible();
    await expect(page.locator('#pulse-summary-heading ~ p').first()).toBeVisible();
    await expect(page.locator('#own-week-heading ~ div table').first()).toBeVisible();
    expect(await untranslatedStrings(page)).toEqual([]);
  });
});
