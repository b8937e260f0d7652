import type { Page } from '@playwright/test';
import { apiSession, bootstrapAdmin, bookSession, createClient, createStaff, endCare, signInByApi, signInWithForm, uniqueSuffix, type Person } from './accounts';
import { axeViolations, expect, test, visitPage } from './fixtures';

/**
 * "I need help now", on the real server: one tap away on every signed-in client page; the crisis
 * page's "Let the service know I need help" raises an alert and says honestly when a person will
 * see it (never that anyone will call back); after care has ended it says so kindly. The crisis
 * page shows the organisation's own reviewed contacts under the national ones, and keeps them
 * for when there is no connection and nobody is signed in.
 */

async function helpAlertsOf(baseURL: string, practitioner: Person, clientId: string): Promise<{ trigger: string }[]> {
  const api = await apiSession(baseURL);
  try {
    await signInByApi(api, practitioner.email, practitioner.password);
    return (await (await api.get(`/api/clients/${clientId}/risk-alerts`)).json()).alerts;
  } finally {
    await api.dispose();
  }
}

const whenLine = /Someone from the service will see this (today|from \d{1,2}:\d\d)|The service is closed now|We cannot say when someone will see it/;

/** Presses Tab until the element matching `name` has focus. */
async function tabToButton(page: Page, name: string): Promise<void> {
  const target = page.getByRole('button', { name });
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`could not reach "${name}" with Tab`);
}

test.describe('I need help now', () => {
  test('is one tap away on every signed-in page, and lets the service know', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Mo ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Jay');
    const care = await bookSession(baseURL!, practitioner, client);
    await visit('/');
    await signInWithForm(page, client.email, client.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Hello Jay' })).toBeVisible();
    const helpNow = page.getByRole('banner').getByRole('link', { name: 'I need help now' });
    await expect(helpNow).toHaveAttribute('href', '/help');

    for (const path of ['/check-in', `/questionnaires/${care.appointmentId}/phq9/1`, `/questionnaires/${care.appointmentId}/gad7/check`]) {
      await visitPage(page, path);
      await expect(helpNow).toBeVisible();
    }
    await helpNow.click();
    await expect(page).toHaveURL(/\/help$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Get help now' })).toBeVisible();
    await expect(page.locator('main')).toBeFocused();
    // The crisis page does not link to itself.
    await expect(helpNow).toHaveCount(0);
    await expect(page.getByText('This does not call anyone for you.')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await tabToButton(page, 'Let the service know I need help');
    await page.keyboard.press('Enter');
    const told = page.locator('.tell-service [role="status"] p');
    await expect(told).toContainText('Thank you. The service has been told.');
    await expect(told).toContainText(whenLine);
    await expect(told).toContainText('If you need help before then, use the numbers on this page.');
    await expect(told).not.toContainText(/call you|ring you|call back/i);
    await expect(told).toBeFocused();
    await expect(page.getByRole('button', { name: 'Let the service know I need help' })).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(await helpAlertsOf(baseURL!, practitioner, care.clientId)).toEqual([expect.objectContaining({ trigger: 'help_button' })]);
  });

  test('when the service is closed, says from what time and day someone will see it', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Ira ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Dee');
    await bookSession(baseURL!, practitioner, client);
    await signInByApi(page.request, client.email, client.password, baseURL);
    // The request reaches the real server; its answer is changed to a service that opens at 9:00
    // in three days' time (the test organisation's hours are shared with other tests).
    const opens = new Date(Date.now() + 3 * 24 * 3600_000);
    opens.setUTCHours(9, 0, 0, 0);
    await page.route('**/api/help-requests', async (route) => {
      const response = await route.fetch();
      const notice = await response.json();
      await route.fulfill({ response, json: { ...notice, personOnHandFrom: opens.toISOString(), outOfHours: true, coverKnown: true, timeZone: 'UTC' } });
    });
    await visit('/help');
    await page.getByRole('button', { name: 'Let the service know I need help' }).click();
    const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(opens);
    await expect(page.locator('.tell-service [role="status"] p')).toHaveText(
      `Thank you. The service has been told. The service is closed now. Someone will see this from 9:00 on ${day}. If you need help before then, use the numbers on this page.`,
    );
  });

  test('after care has ended, says so kindly and points to the numbers on the page', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Uma ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Cal');
    const care = await bookSession(baseURL!, practitioner, client);
    await signInByApi(page.request, client.email, client.password, baseURL);
    await visit('/help');
    const button = page.getByRole('button', { name: 'Let the service know I need help' });
    await expect(button).toBeVisible();

    // Care ends while the page is open: the server refuses (409 episode.closed).
    await endCare(baseURL!, practitioner, care);
    await button.click();
    const told = page.locator('.tell-service [role="status"] p');
    await expect(told).toHaveText('Your care with the service has ended, so nobody there will see a message. If you need help now, please use the numbers on this page.');
    expect(await axeViolations(page)).toEqual([]);
    expect(await helpAlertsOf(baseURL!, practitioner, care.clientId)).toEqual([]);

    // Opened again, the page says it at once, with no button.
    await visit('/help');
    await expect(told).toContainText('Your care with the service has ended');
    await expect(button).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Call 999' })).toBeVisible();
  });
});

test.describe('the crisis page', () => {
  test("shows the organisation's reviewed contacts, and keeps them for when offline and signed out", async ({ page, visit, baseURL }) => {
    // An admin records a reviewed version of the local contacts.
    const admin = await apiSession(baseURL!);
    const reviewedBy = `Dr Reviewer ${uniqueSuffix()}`;
    const reviewedOn = new Date(Date.now() - 24 * 3600_000).toISOString().slice(0, 10);
    try {
      await signInByApi(admin, bootstrapAdmin.email, bootstrapAdmin.password);
      const current = (await (await admin.get('/api/crisis-page')).json()).local as { version: number } | null;
      const saved = await admin.put('/api/organisation/crisis-page', {
        data: {
          contacts: [
            { name: 'Riverside Crisis Line', description: 'For people in Riverside, open 24 hours.', phone: '0800 555 0123', textNumber: null, url: 'https://crisis.example.org/' },
            { name: 'Riverside Safe Haven', description: 'A calm place to go in the evening, 6pm to 11pm.', phone: null, textNumber: '07700 900123', url: null },
          ],
          reviewedBy,
          reviewedOn,
          version: current?.version ?? 0,
        },
      });
      expect(saved.status(), await saved.text()).toBe(200);
    } finally {
      await admin.dispose();
    }
    const [y, m, d] = reviewedOn.split('-').map(Number) as [number, number, number];
    const shownDate = `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${y}`;

    const checkLocal = async () => {
      const local = page.getByRole('region', { name: /^Help from / });
      await expect(local).toContainText('Riverside Crisis Line');
      await expect(local.getByRole('link', { name: 'Call 0800 555 0123' })).toHaveAttribute('href', 'tel:08005550123');
      await expect(local.getByRole('link', { name: 'Text 07700 900123' })).toHaveAttribute('href', 'sms:07700900123');
      await expect(local.getByRole('link', { name: 'Go to the Riverside Crisis Line website' })).toHaveAttribute('href', 'https://crisis.example.org/');
      await expect(local).toContainText(`Checked by ${reviewedBy} on ${shownDate}.`);
    };

    // Signed out, online: the national part and, under it, the local contacts.
    await visit('/help');
    await expect(page.getByRole('link', { name: 'Call Samaritans' })).toHaveAttribute('href', 'tel:116123');
    await checkLocal();
    await expect(page.getByText(/^Checked by Tandem clinical safety review/)).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // No API at all (server unreachable): the national part, and the kept local contacts.
    await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await visit('/help');
    await expect(page.getByRole('link', { name: 'Call 999' })).toHaveAttribute('href', 'tel:999');
    await checkLocal();
    await expect(page.getByRole('button', { name: 'Let the service know I need help' })).toHaveCount(0);
  });
});
