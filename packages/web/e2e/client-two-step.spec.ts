import type { Page } from '@playwright/test';
import { createClient, createStaff, uniqueSuffix } from './accounts';
import { expect, test } from './fixtures';
import { codeForStep } from './two-step';
import { noViolations } from './sessions';

/**
 * Two-step sign-in is optional for clients (issue 11 item 1): a client turns it on in Your
 * choices, signs in with their password and a code, makes new recovery codes, and turns it off.
 * Codes are computed from the secret shown on the page, as an authenticator app would.
 */

const periodMs = 30_000;

/**
 * An authenticator app for one secret. The server accepts each 30-second step once, one step
 * either side of its clock: when every step it would take now is used, wait for the next.
 */
function authenticator(secret: string) {
  let lastStep = -1;
  return async (): Promise<string> => {
    for (;;) {
      const now = Date.now();
      const step = Math.max(lastStep + 1, Math.floor((now + 3_000) / periodMs) - 1);
      if (step <= Math.floor(now / periodMs) + 1) {
        lastStep = step;
        return codeForStep(secret, step);
      }
      await new Promise((resolve) => setTimeout(resolve, periodMs - (now % periodMs) + 50));
    }
  };
}

async function submitCode(page: Page, code: string, button: string) {
  await page.getByLabel('Code from your app').fill(code);
  await page.getByRole('button', { name: button }).focus();
  await page.keyboard.press('Enter');
}

test('a client turns on two-step sign-in, signs in with a code, makes new recovery codes and turns it off', async ({ page, visit, baseURL }) => {
  test.setTimeout(150_000);
  const practitioner = await createStaff(baseURL!, ['practitioner'], `Pat ${uniqueSuffix()}`);
  const client = await createClient(baseURL!, practitioner, 'Rae');
  const signInWithPassword = async () => {
    await page.getByLabel('Email address').fill(client.email);
    await page.getByLabel('Password', { exact: true }).fill(client.password);
    await page.getByRole('button', { name: 'Sign in' }).focus();
    await page.keyboard.press('Enter');
  };
  await page.goto('/');
  await signInWithPassword();
  await expect(page.getByRole('link', { name: 'I need help now' })).toBeVisible();

  await visit('/choices');
  const section = page.getByRole('region', { name: 'Two-step sign-in (optional)' });
  await expect(section).toContainText('a code from an app on your phone');
  await expect(section).toContainText('Two-step sign-in is off.');
  await section.getByRole('link', { name: 'Turn on two-step sign-in' }).focus();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Set up two-step sign-in' })).toBeVisible();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  await noViolations(page);
  const secret = (await page.locator('.secret-key').innerText()).replace(/\s/g, '');
  const nextCode = authenticator(secret);
  await submitCode(page, await nextCode(), 'Check the code');
  await expect(page.getByRole('heading', { level: 1, name: 'Save your recovery codes' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Your recovery codes' }).getByRole('listitem')).toHaveCount(10);
  await page.getByLabel('I have saved these codes').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Two-step sign-in is on. Next time you sign in')).toBeVisible();
  await expect(section).toContainText('Recovery codes left: 10');
  await noViolations(page);

  // New recovery codes need a code; a wrong one is refused kindly.
  await section.getByRole('link', { name: 'Make new recovery codes' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Make new recovery codes' })).toBeVisible();
  await noViolations(page);
  await submitCode(page, '000000', 'Make new codes');
  await expect(page.getByText('That code did not work').first()).toBeVisible();
  await submitCode(page, await nextCode(), 'Make new codes');
  await expect(page.getByRole('list', { name: 'Your recovery codes' }).getByRole('listitem')).toHaveCount(10);
  await page.getByLabel('I have saved these codes').check();
  await page.getByRole('button', { name: 'Back to your choices' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your choices' })).toBeVisible();

  // Signing in again: the password, then the code. A reload on the code step shows it again.
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Tandem' })).toBeVisible();
  await signInWithPassword();
  const codeStep = page.getByRole('heading', { level: 1, name: 'Enter the code from your app' });
  await expect(codeStep).toBeVisible();
  await expect(page.getByRole('link', { name: 'I need help now' })).toBeVisible();
  await noViolations(page);
  await page.reload();
  await expect(codeStep).toBeVisible();
  await submitCode(page, await nextCode(), 'Continue');
  await expect(codeStep).toBeHidden();
  await expect(page.getByRole('link', { name: 'I need help now' })).toBeVisible();

  // Turning it off needs a code too.
  await visit('/choices');
  await section.getByRole('link', { name: 'Turn off two-step sign-in' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Turn off two-step sign-in' })).toBeVisible();
  await submitCode(page, await nextCode(), 'Turn it off');
  await expect(page.getByText('Two-step sign-in is off. You sign in with just your password.')).toBeVisible();
  await expect(section).toContainText('Two-step sign-in is off.');
  const status = await page.request.get('/api/auth/mfa');
  expect((await status.json()).enrolled).toBe(false);
});
