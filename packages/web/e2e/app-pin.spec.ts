import type { Page } from '@playwright/test';
import { pseudoOpen } from '../src/shared/i18n/pseudo';
import { createClient, createStaff, uniqueSuffix, type ClientPerson } from './accounts';
import { expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';
import { noViolations } from './sessions';

/**
 * The app PIN of a remembered phone (issue 11 item 1; decision 0035). The app locks itself after
 * 5 minutes without use: the browser's clock is moved with `page.clock` (the server's own 5-minute
 * lock cannot be waited for here; the PIN is still checked by the server). Keyboard only.
 */

/** Signs in with the form, ticking "Remember this device", keyboard only. */
async function signInRemembered(page: Page, client: ClientPerson) {
  await page.goto('/');
  await page.getByLabel('Email address').fill(client.email);
  await page.getByLabel('Password', { exact: true }).fill(client.password);
  await page.getByLabel('Remember this device for 30 days').focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Sign in' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'I need help now' })).toBeVisible();
}

/** Signs in with "remember" and sets the PIN through the API, as the Your choices page does. */
async function rememberedWithPin(page: Page, baseURL: string, client: ClientPerson, pin: string) {
  const headers = { origin: baseURL };
  const signedIn = await page.request.post('/api/auth/sign-in', { data: { email: client.email, password: client.password, remember: true }, headers });
  expect(signedIn.status()).toBe(200);
  const set = await page.request.put('/api/auth/pin', { data: { pin }, headers });
  expect(set.status(), await set.text()).toBe(204);
}

async function typePin(page: Page, pin: string) {
  await page.getByLabel('Your app PIN').fill(pin);
  await page.getByRole('button', { name: 'Open Tandem' }).focus();
  await page.keyboard.press('Enter');
}

const lockHeading = (page: Page) => page.getByRole('heading', { level: 1, name: 'Enter your PIN' });

async function newClient(baseURL: string, name: string) {
  const practitioner = await createStaff(baseURL, ['practitioner'], `Pat ${uniqueSuffix()}`);
  return createClient(baseURL, practitioner, name);
}

test.describe('app PIN', () => {
  test('a client sets a PIN; unused for 5 minutes the app locks; a wrong PIN is refused, the right one opens it where they were', async ({ page, visit, baseURL }) => {
    const client = await newClient(baseURL!, 'Sol');
    await page.clock.install();
    await signInRemembered(page, client);

    await visit('/choices');
    const section = page.getByRole('region', { name: 'App PIN' });
    await expect(section).toContainText('After 5 minutes without use, Tandem asks for your PIN before showing anything.');
    await expect(section).toContainText('5 times');
    await section.getByRole('link', { name: 'Set a PIN' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Set a PIN' })).toBeVisible();
    await noViolations(page);
    await page.getByLabel('New PIN').fill('1234');
    await page.getByLabel('Type the PIN again').fill('1234');
    await page.keyboard.press('Enter');
    await expect(page.getByText('not numbers in a row like 1234').first()).toBeVisible();
    await page.getByLabel('New PIN').fill('2580');
    await page.getByLabel('Type the PIN again').fill('2580');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Your PIN is saved.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'App PIN' })).toContainText('This phone has an app PIN.');
    await noViolations(page);

    await visit('/progress');
    const where = page.getByRole('heading', { level: 1, name: 'How you have been' });
    await page.clock.runFor(4 * 60_000);
    await expect(where).toBeVisible();
    await page.clock.runFor(60_000 + 1_000);

    await expect(lockHeading(page)).toBeVisible();
    await expect(page).toHaveURL(/\/progress$/);
    // Nothing of the client's is left on the page, nor for a screen reader.
    await expect(where).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText(client.familyName);
    await expect(page.getByRole('link', { name: 'I need help now' })).toBeVisible();
    await noViolations(page);

    await typePin(page, '9999');
    await expect(page.getByText('That PIN is not right.').first()).toBeVisible();
    await expect(lockHeading(page)).toBeVisible();
    await typePin(page, '2580');
    await expect(where).toBeVisible();
    await expect(lockHeading(page)).toHaveCount(0);
    await expect(page).toHaveURL(/\/progress$/);
  });

  test('after time away (a hidden app whose timers did not run), it locks as it comes back; "I need help now" works from the lock screen', async ({ page, baseURL }) => {
    const client = await newClient(baseURL!, 'Ash');
    await page.clock.install();
    await rememberedWithPin(page, baseURL!, client, '4826');
    await page.goto('/talk-about');
    await expect(page.getByRole('heading', { level: 1, name: 'Things I want to talk about' })).toBeVisible();

    // The browser's clock jumps without running timers, as in a background tab; then the app is shown again.
    await page.clock.setSystemTime(Date.now() + 6 * 60_000);
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect(lockHeading(page)).toBeVisible();

    // Offline, the lock screen says what to do, and that help still works.
    await page.context().setOffline(true);
    await expect(page.getByText('Connect to the internet to open Tandem with your PIN. Help now still works.')).toBeVisible();
    await page.context().setOffline(false);

    // Keyboard only: the lock screen's main content has focus; "I need help now" is just before it, in the header.
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('link', { name: 'I need help now' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Get help now' })).toBeVisible();
    await noViolations(page);

    // Opening the app again still asks for the PIN.
    await page.goto('/talk-about');
    await expect(lockHeading(page)).toBeVisible();
    await typePin(page, '4826');
    await expect(page.getByRole('heading', { level: 1, name: 'Things I want to talk about' })).toBeVisible();
  });

  test('5 wrong PINs end the session: the client signs in with their password and is told nothing is lost', async ({ page, baseURL }) => {
    const client = await newClient(baseURL!, 'Kit');
    await page.clock.install();
    await rememberedWithPin(page, baseURL!, client, '3917');
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'I need help now' })).toBeVisible();
    await page.clock.runFor(5 * 60_000 + 1_000);
    await expect(lockHeading(page)).toBeVisible();
    for (let i = 0; i < 4; i++) {
      await typePin(page, '0000');
      await expect(page.getByText('That PIN is not right.').first()).toBeVisible();
    }
    await typePin(page, '0000');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Tandem' })).toBeVisible();
    await expect(page.getByText('Please sign in again with your password. Nothing is lost')).toBeVisible();
    expect((await page.request.get('/api/me')).status()).toBe(401);
  });

  test('"Forgot your PIN? Sign out" signs out from the lock screen', async ({ page, baseURL }) => {
    const client = await newClient(baseURL!, 'Lou');
    await page.clock.install();
    await rememberedWithPin(page, baseURL!, client, '7395');
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'I need help now' })).toBeVisible();
    await page.clock.runFor(5 * 60_000 + 1_000);
    await expect(lockHeading(page)).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Forgot your PIN?' })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Tandem' })).toBeVisible();
    expect((await page.request.get('/api/me')).status()).toBe(401);
    // Nothing of the lock is kept for the next person.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('tandem.pin') || key.startsWith('tandem.last')))).toEqual([]);
  });

  test('the lock screen and the PIN parts of Your choices in the pseudo-locale: every string through i18n', async ({ page, baseURL }) => {
    const client = await newClient(baseURL!, 'Bo');
    await page.clock.install();
    await rememberedWithPin(page, baseURL!, client, '6140');
    await page.goto('/choices?locale=en-XA');
    await expect(page.locator('main h1')).toContainText(pseudoOpen);
    await expect(page.locator('#app-pin-heading')).toBeVisible();
    await expect(page.locator('#two-step-heading')).toBeVisible();
    await expect(page.locator('a[href="/choices/two-step"]')).toBeVisible();
    expect(await untranslatedStrings(page)).toEqual([]);
    await page.goto('/choices/pin?locale=en-XA');
    await expect(page.locator('main h1')).toContainText(pseudoOpen);
    expect(await untranslatedStrings(page)).toEqual([]);
    await page.clock.runFor(5 * 60_000 + 1_000);
    await expect(page.locator('main h1')).toContainText(pseudoOpen);
    await expect(page.locator('input[inputmode="numeric"]')).toHaveCount(1);
    expect(await untranslatedStrings(page)).toEqual([]);
  });
});
