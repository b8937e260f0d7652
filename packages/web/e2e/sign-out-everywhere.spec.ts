import { createClient, createStaff, signedInApi, signInByApi, uniqueSuffix } from './accounts';
import { expect, test } from './fixtures';
import { noViolations } from './sessions';

/**
 * "Sign out on all devices" (issue 11 item 3): for a phone left somewhere or a shared computer.
 * Every session of the person's account ends — this one, and one on another device — and the
 * other device's next request finds itself signed out. Keyboard only.
 */
test.describe('sign out on all devices', () => {
  test('a client signs out everywhere from "Your choices"; their other device is signed out too', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Pat ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Ren');
    const otherDevice = await signedInApi(baseURL!, client);
    try {
      expect((await otherDevice.get('/api/me')).status()).toBe(200);
      await signInByApi(page.request, client.email, client.password, baseURL);
      await visit('/choices');
      const section = page.getByRole('region', { name: 'Signed in somewhere else?' });
      await expect(section).toContainText('Notifications stop on all your phones too');
      await noViolations(page);
      const button = section.getByRole('button', { name: 'Sign out on all devices' });
      await button.focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
      expect((await otherDevice.get('/api/me')).status()).toBe(401);
    } finally {
      await otherDevice.dispose();
    }
  });

  test('a practitioner signs out everywhere from their notification settings', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Pat ${uniqueSuffix()}`);
    const otherDevice = await signedInApi(baseURL!, practitioner);
    try {
      await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
      await visit('/staff/notifications');
      const button = page.getByRole('region', { name: 'Signed in somewhere else?' }).getByRole('button', { name: 'Sign out on all devices' });
      await noViolations(page);
      await button.click();
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
      expect((await otherDevice.get('/api/me')).status()).toBe(401);
    } finally {
      await otherDevice.dispose();
    }
  });
});
