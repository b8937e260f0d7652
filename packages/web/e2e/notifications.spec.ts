import type { Locator, Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { createClient, createStaff, openReferral, signedInApi, signInByApi, uniqueSuffix } from './accounts';
import { expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';
import { noViolations } from './sessions';

/**
 * The notification centre (issue 9 item 4), on the real server: work a client shares reaches the
 * practitioner's centre at once, quietly (a count in the navigation, no pop-up), summed up at the
 * top; opening it marks it read; the daily summary email's time and quiet hours are the person's
 * own, set by keyboard alone. axe runs on every state.
 */

async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('could not reach the element with Tab');
}

/** A practitioner with a client in treatment who has shared their goals sheet. */
async function sharedWork(baseURL: string) {
  const practitioner = await createStaff(baseURL, ['practitioner'], `Pat ${uniqueSuffix()}`);
  const client = await createClient(baseURL, practitioner, 'Nia');
  const referral = await openReferral(baseURL, practitioner, client);
  const api = await signedInApi(baseURL, client);
  try {
    const entry = await api.put(`/api/exercise-entries/${randomUUID()}`, {
      data: { exercise: 'goals', moduleId: 'understanding-depression', stepId: 'setting-goals', contentVersion: '1.0.0', status: 'submitted', shared: true, data: { goals: [{ text: 'Walk each day', progress: 1 }] }, recordedAt: new Date().toISOString() },
      headers: { origin: baseURL },
    });
    expect(entry.ok(), await entry.text()).toBe(true);
  } finally {
    await api.dispose();
  }
  return { practitioner, client, referral };
}

test.describe('notifications', () => {
  test('shared work shows quietly in the centre, and opening it marks it read', async ({ page, visit, baseURL }) => {
    const { practitioner, client, referral } = await sharedWork(baseURL!);
    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
    await visit('/staff/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const link = nav.getByRole('link', { name: /Notifications/ });
    await expect(link).toContainText('1 unread');
    await link.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    await expect(page).toHaveTitle('Notifications – Tandem for practitioners');
    await expect(page.locator('.notification-summary')).toHaveText(['Work shared with you: 1']);
    const item = page.locator('.notification-list > li');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('New');
    await expect(item).toContainText(client.name);
    await noViolations(page);

    await item.getByRole('link', { name: 'Work shared with you' }).click();
    await expect(page).toHaveURL(new RegExp(`/staff/clients/${referral.clientId}$`));
    await expect(link).not.toContainText('unread');
    await link.click();
    await expect(page.getByText('You have read everything.')).toBeVisible();
    await expect(page.locator('.notification-list > li')).not.toContainText('New');
    await noViolations(page);
  });

  test('the daily summary’s time and quiet hours, by keyboard alone; a wrong time is caught at the field', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Pat ${uniqueSuffix()}`);
    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
    await visit('/staff/notifications');
    await expect(page.getByText('Nothing in the last 30 days.')).toBeVisible();
    await expect(page.getByText(/Risk alerts are always emailed at once/)).toBeVisible();
    await expect(page.getByText(/your next summary comes on .*, 08:00/)).toBeVisible();

    const time = page.getByLabel('Time of the summary');
    await tabTo(page, time);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('25:00');
    await tabTo(page, page.getByRole('button', { name: 'Save' }), 8);
    await page.keyboard.press('Enter');
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.locator('.error-summary')).toContainText('Enter a time like 08:00');
    await noViolations(page);

    await time.fill('7:30');
    await page.getByLabel('Quiet hours start (optional)').fill('19:00');
    await page.getByLabel('Quiet hours end').fill('07:45');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('.focus-notice')).toBeFocused();
    await expect(page.locator('.focus-notice')).toHaveText('Your choices are saved.');
    // 07:30 falls in the quiet hours, so the summary comes when they end.
    await expect(page.getByText(/your next summary comes on .*, 07:45/)).toBeVisible();

    await page.getByLabel('Email me a daily summary').uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('You get no summary email. Updates stay here until you read them.')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Email me a daily summary')).not.toBeChecked();
    await expect(page.getByLabel('Time of the summary')).toHaveValue('07:30');
    await noViolations(page);
  });

  test('every string on the notifications page comes through i18n', async ({ page, baseURL }) => {
    const { practitioner } = await sharedWork(baseURL!);
    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
    await page.goto('/staff/notifications?locale=en-XA');
    await expect(page.locator('.notification-list > li')).toHaveCount(1);
    await expect(page.locator('form button[type="submit"]')).toBeVisible();
    expect(await untranslatedStrings(page)).toEqual([]);
  });
});
