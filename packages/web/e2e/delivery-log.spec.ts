import { randomUUID } from 'node:crypto';
import { createClient, createStaff, openReferral, signedInApi, signInByApi, uniqueSuffix } from './accounts';
import { expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';
import { noViolations } from './sessions';

/**
 * The delivery log (issue 10 item 5) as an admin meets it: from the service settings to the last
 * week's email with its state. The browser-test server keeps mail in the development outbox, so
 * that is the state seen here; sent, retrying and given-up are proven against a real SMTP server
 * in delivery.test.ts.
 */
test.describe('the delivery log', () => {
  test('an admin opens it from the service settings and sees the invitation just sent, address hidden', async ({ page, visit, baseURL }) => {
    const admin = await createStaff(baseURL!, ['admin'], `Ada ${uniqueSuffix()}`);
    await signInByApi(page.request, admin.email, admin.password, baseURL);
    await visit('/staff/service');
    await page.getByRole('link', { name: 'Delivery log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Delivery log' })).toBeVisible();
    await expect(page).toHaveTitle('Delivery log – Tandem for practitioners');
    const table = page.getByRole('region', { name: /Emails and notifications of the last 7 days/ });
    const rows = table.locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    // The admin's own invitation is among them, kept for development, with the address masked.
    const [local, domain] = admin.email.split('@') as [string, string];
    const mine = rows.filter({ hasText: `${local[0]}•••@${domain}` }).filter({ hasText: 'Kept in the development outbox' });
    await expect(mine.first()).toBeVisible();
    await expect(table).not.toContainText(admin.email);
    await noViolations(page);
  });

  test('someone who is not an admin finds no such page; every string comes through i18n', async ({ page, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Pat ${uniqueSuffix()}`);
    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
    await page.goto('/staff/service/delivery-log');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();

    // A risk alert's notice is sent by the risk pathway itself, not through a job: its row has no limit to show.
    const client = await createClient(baseURL!, practitioner, 'Rae');
    await openReferral(baseURL!, practitioner, client);
    const api = await signedInApi(baseURL!, client);
    try {
      const help = await api.post('/api/help-requests', { data: { id: randomUUID(), recordedAt: new Date().toISOString() }, headers: { origin: baseURL! } });
      expect(help.ok(), await help.text()).toBe(true);
    } finally {
      await api.dispose();
    }
    const admin = await createStaff(baseURL!, ['admin'], `Ada ${uniqueSuffix()}`);
    await page.context().clearCookies();
    await signInByApi(page.request, admin.email, admin.password, baseURL);
    await expect(async () => {
      await page.goto('/staff/service/delivery-log?locale=en-XA');
      await expect(page.locator('tbody tr').filter({ hasText: 'a risk alert needs you' }).first()).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    expect(await untranslatedStrings(page)).toEqual([]);
  });
});
