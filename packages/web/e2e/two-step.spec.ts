import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { pseudoOpen } from '../src/shared/i18n/pseudo';
import { bootstrapAdmin, createStaff, goodPassword, invitationLink, signedInApi, signInByApi, signInWithForm, tokenOf, typeAppCodeByKeyboard, typeSecondStep, uniqueEmail, uniqueSuffix } from './accounts';
import { expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';
import { noViolations } from './sessions';
import { bootstrapAdminApi, enrolInBrowser, forgetTwoStep, nextAppCode, rememberTwoStep } from './two-step';

/**
 * Two-step sign-in for staff (issue 11 item 1; decision 0035): set up at the invitation with an
 * authenticator app (QR code, or the key typed by hand), recovery codes saved, then a code after
 * every password; a recovery code works once; an admin reset (HAZ-094: a member of staff who lost
 * their phone is locked out — the reset is the control) makes them set it up again.
 */

/** As the bootstrap admin: invites a practitioner; returns their email, name and invitation link. */
async function invitePractitioner(baseURL: string): Promise<{ email: string; name: string; link: string }> {
  const admin = await bootstrapAdminApi(baseURL, bootstrapAdmin);
  try {
    const email = uniqueEmail('two-step');
    const name = `Tal ${uniqueSuffix()}`;
    const invited = await admin.post('/api/staff', { data: { id: randomUUID(), email, displayName: name, roles: ['practitioner'] } });
    expect(invited.status(), await invited.text()).toBe(201);
    return { email, name, link: await invitationLink(admin, email) };
  } finally {
    await admin.dispose();
  }
}

const codeHeading = (page: Page) => page.getByRole('heading', { level: 1, name: 'Enter the code from your app' });
const caseload = (page: Page) => page.getByRole('heading', { level: 1, name: 'Your caseload' });

async function signOut(page: Page): Promise<void> {
  // Waits for the server's answer first, so a slow or refused sign-out says which it was.
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/auth/sign-out'),
    page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click(),
  ]);
  expect(answer.status(), await answer.text()).toBe(204);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Tandem for practitioners' })).toBeVisible({ timeout: 10_000 });
}

async function passwordOnly(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(goodPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(codeHeading(page)).toBeVisible();
}

test.describe('two-step sign-in for staff', () => {
  test('HAZ-094 set-up at the invitation, then a code at sign-in (keyboard only), and a recovery code that works once', async ({ page, visit, baseURL }) => {
    // Four codes from the app for one person: each 30-second step is accepted once, so the last
    // may wait for the clock (e2e/two-step.ts).
    test.setTimeout(90_000);
    const { email, link } = await invitePractitioner(baseURL!);
    await visit(link);
    await page.getByLabel('Make a password', { exact: true }).fill(goodPassword);
    await page.getByRole('button', { name: 'Set up my account' }).click();

    // Setting up the app: numbered steps, the QR code with a name, the key as text to type.
    await expect(page.getByRole('heading', { level: 1, name: 'Set up two-step sign-in' })).toBeVisible();
    await expect(page.getByRole('img', { name: /QR code for adding Tandem/ })).toBeVisible();
    const key = page.locator('.secret-key');
    await expect(key).toHaveAttribute('translate', 'no');
    await expect(key).toHaveText(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    await noViolations(page);
    const secret = (await key.innerText()).replace(/\s/g, '');
    rememberTwoStep(baseURL!, email, secret, 0);

    await page.getByLabel('Code from your app').fill('12345');
    await page.getByRole('button', { name: 'Check the code' }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.locator('.error-summary')).toContainText('Enter the 6 numbers from your app, like 123456');
    await noViolations(page);
    await page.getByLabel('Code from your app').fill(await nextAppCode(baseURL!, email));
    await page.getByRole('button', { name: 'Check the code' }).click();

    // The recovery codes, shown once: they must say they saved them.
    await expect(page.getByRole('heading', { level: 1, name: 'Save your recovery codes' })).toBeFocused();
    const codes = await page.getByRole('list', { name: 'Your recovery codes' }).getByRole('listitem').allInnerTexts();
    expect(codes).toHaveLength(10);
    await expect(page.getByRole('button', { name: 'Print the codes' })).toBeVisible();
    await noViolations(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.error-summary')).toContainText('Tick the box to say you have saved your recovery codes');
    await page.getByLabel('I have saved these codes').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(caseload(page)).toBeVisible();
    await signOut(page);

    // Password, then the code from the app — with the keyboard alone. A reload keeps the step.
    await passwordOnly(page, email);
    await page.reload();
    await expect(codeHeading(page)).toBeVisible();
    await noViolations(page);
    const field = page.getByLabel('Code from your app');
    await expect(field).toHaveAttribute('inputmode', 'numeric');
    await expect(field).toHaveAttribute('autocomplete', 'one-time-code');
    await typeAppCodeByKeyboard(page, email);
    await expect(caseload(page)).toBeVisible();
    await signOut(page);

    // A recovery code instead of the app: it works once.
    await passwordOnly(page, email);
    await typeSecondStep(page, { kind: 'recovery', code: codes[0]! });
    await expect(caseload(page)).toBeVisible();
    await signOut(page);
    await passwordOnly(page, email);
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(codes[0]!);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.getByLabel('Recovery code')).toHaveAttribute('aria-invalid', 'true');
    await noViolations(page);
    await page.getByRole('button', { name: 'Use the code from my app instead' }).click();
    await page.getByLabel('Code from your app').fill(await nextAppCode(baseURL!, email));
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(caseload(page)).toBeVisible();

    // Their settings: on, and 9 recovery codes left; a new set needs a code from the app.
    await page.goto('/staff/notifications');
    const section = page.getByRole('region', { name: 'Two-step sign-in' });
    await expect(section).toContainText('On. Tandem asks all staff to use it.');
    await expect(section).toContainText('9 of 10');
    await section.getByRole('button', { name: 'Make new recovery codes' }).click();
    await section.getByLabel('Code from your app').fill(await nextAppCode(baseURL!, email));
    await section.getByRole('button', { name: 'Make new codes' }).click();
    await expect(section.getByRole('list', { name: 'Your recovery codes' }).getByRole('listitem')).toHaveCount(10);
    await noViolations(page);
    await section.getByLabel('I have saved these codes').check();
    await section.getByRole('button', { name: 'Done' }).click();
    await expect(section).toContainText('10 of 10');
  });

  test('HAZ-094 an admin resets a member of staff: their sessions end and their next sign-in sets it up again', async ({ page, visit, newPage, baseURL }) => {
    const person = await createStaff(baseURL!, ['practitioner'], `Kit ${uniqueSuffix()}`);
    const theirDevice = await signedInApi(baseURL!, person);
    try {
      await signInByApi(page.request, bootstrapAdmin.email, bootstrapAdmin.password, baseURL);
      await visit('/staff/service');
      const table = page.getByRole('region', { name: 'Staff of your service' });
      // Not for themselves: another admin must reset an admin's.
      const ownRow = table.getByRole('row').filter({ hasText: bootstrapAdmin.email });
      await expect(ownRow).toBeVisible();
      await expect(ownRow.getByRole('button')).toHaveCount(0);
      await table.getByRole('button', { name: `Reset two-step sign-in for ${person.name}` }).click();
      const confirm = page.getByRole('group', { name: `Reset two-step sign-in for ${person.name}?` });
      await expect(confirm).toBeFocused();
      await expect(confirm).toContainText('They will be signed out everywhere at once');
      await noViolations(page);
      await confirm.getByRole('button', { name: 'Yes, reset two-step sign-in' }).click();
      await expect(page.locator('.focus-notice').filter({ hasText: `Two-step sign-in is reset for ${person.name}. Sessions ended:` })).toBeFocused();
      expect((await theirDevice.get('/api/me')).status()).toBe(401);
    } finally {
      await theirDevice.dispose();
    }

    forgetTwoStep(baseURL!, person.email);
    const theirs = await newPage();
    await theirs.goto('/staff/');
    await signInWithForm(theirs, person.email, person.password);
    await expect(theirs.getByText('Tandem asks all staff to use two-step sign-in')).toBeVisible();
    await noViolations(theirs);
    await enrolInBrowser(theirs, person.email);
    await expect(caseload(theirs)).toBeVisible();
  });

  test('pseudo-locale: the code step, setting up the app and the settings section come through i18n', async ({ page, visit, baseURL }) => {
    // Setting up, reached by reloading half-way: the invitation was accepted through the API.
    const { link } = await invitePractitioner(baseURL!);
    const accepted = await page.request.post('/api/invitations/accept', { data: { token: tokenOf(link), password: goodPassword }, headers: { origin: baseURL! } });
    expect(accepted.status(), await accepted.text()).toBe(202);
    await visit('/staff/?locale=en-XA');
    await expect(page.locator('main h1')).toContainText(pseudoOpen);
    await expect(page.locator('.qr-code')).toBeVisible();
    expect(await untranslatedStrings(page)).toEqual([]);
    await page.request.post('/api/auth/sign-out', { headers: { origin: baseURL! } });

    // The code step, half-way through a sign-in.
    const person = await createStaff(baseURL!, ['practitioner'], `Ari ${uniqueSuffix()}`);
    const half = await page.request.post('/api/auth/sign-in', { data: { email: person.email, password: person.password }, headers: { origin: baseURL! } });
    expect(half.status()).toBe(202);
    await visit('/staff/?locale=en-XA');
    await expect(page.locator('main h1')).toContainText(pseudoOpen);
    await expect(page.locator('main input')).toHaveCount(1);
    expect(await untranslatedStrings(page)).toEqual([]);

    // The settings section, signed in.
    const verified = await page.request.post('/api/auth/mfa/verify', { data: { code: await nextAppCode(baseURL!, person.email) }, headers: { origin: baseURL! } });
    expect(verified.status(), await verified.text()).toBe(200);
    await visit('/staff/notifications?locale=en-XA');
    await expect(page.locator('#two-step-heading')).toContainText(pseudoOpen);
    await expect(page.locator('.two-step-settings dl')).toBeVisible();
    expect(await untranslatedStrings(page)).toEqual([]);
  });
});
