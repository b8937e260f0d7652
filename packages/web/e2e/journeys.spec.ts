import { randomUUID } from 'node:crypto';
import { devices } from '@playwright/test';
import {
  bootstrapAdmin,
  createClient,
  createStaff,
  goodPassword,
  invitationLink,
  invitationLinkOnPage,
  randomNhsNumber,
  signInByApi,
  signInWithForm,
  spacedNhsNumber,
  uniqueEmail,
  uniqueSuffix,
} from './accounts';
import { axeViolations, expect, test, visitPage } from './fixtures';
import { untranslatedStrings } from './pseudo';
import { pseudoOpen } from '../src/shared/i18n/pseudo';
import { enrolInBrowser } from './two-step';

/**
 * The journeys people take through both apps, on the real server. Each test makes its own people
 * (unique emails), so the tests are independent of each other and of their order. They need the
 * bootstrap admin (TANDEM_E2E_BOOTSTRAP_ADMIN, see e2e/accounts.ts).
 */

test.describe('staff onboarding', () => {
  test('an admin invites a practitioner, who sets a password and lands on an empty caseload', async ({ page, visit, baseURL }) => {
    await visit('/staff/');
    await signInWithForm(page, bootstrapAdmin.email, bootstrapAdmin.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // Inviting staff has no screen yet: the admin's signed-in browser session calls the API.
    const email = uniqueEmail('practitioner');
    const name = `Priya ${uniqueSuffix()}`;
    const invited = await page.request.post('/api/staff', {
      data: { id: randomUUID(), email, displayName: name, roles: ['practitioner'] },
      headers: { origin: baseURL! },
    });
    expect(invited.status(), await invited.text()).toBe(201);

    // Not our page (a plain server page for developers), so no axe run here.
    await expect
      .poll(async () => {
        await page.goto('/dev/outbox');
        return page.content();
      })
      .toContain(`To: ${email} `);
    const link = await invitationLinkOnPage(page, email);
    expect(link).toContain('/staff/invite#');

    await visit(link);
    expect(page.url()).not.toContain('#');
    await expect(page.getByRole('heading', { level: 1, name: 'Set up your account' })).toBeVisible();
    await expect(page.getByText('has invited you to use Tandem')).toBeVisible();
    await expect(page.getByRole('group', { name: /date of birth/i })).toHaveCount(0);
    await page.getByLabel('Make a password', { exact: true }).fill(goodPassword);
    await page.getByRole('button', { name: 'Set up my account' }).click();
    // Staff must use two-step sign-in: they set up an authenticator app before anything else.
    await enrolInBrowser(page, email);

    await expect(page.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();
    await expect(page.getByText('There are no clients on your caseload yet.')).toBeVisible();
    await expect(page.getByRole('banner')).toContainText(name);
    await expect(page.getByRole('link', { name: 'Register a client' })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/staff/');
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('registering and inviting a client', () => {
  test('a practitioner registers a client, who sets up their account on a phone', async ({ page, visit, newPage, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Sam ${uniqueSuffix()}`);
    await visit('/staff/');
    await signInWithForm(page, practitioner.email, practitioner.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();

    await page.getByRole('link', { name: 'Register a client' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Register a client' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    const givenName = 'Robin';
    const familyName = `Tester${uniqueSuffix()}`;
    const email = uniqueEmail('client');
    const nhsNumber = randomNhsNumber();
    await page.getByLabel('Given name').fill(givenName);
    await page.getByLabel('Family name').fill(familyName);
    await page.getByLabel('Day').fill('12');
    await page.getByLabel('Month').fill('4');
    await page.getByLabel('Year').fill('1990');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('NHS number (optional)').fill(spacedNhsNumber(nhsNumber));
    await page.getByRole('button', { name: 'Register client' }).click();

    const banner = page.getByRole('region', { name: 'Client details' });
    await expect(banner.getByRole('heading', { level: 1 })).toHaveText(`${givenName} ${familyName}`);
    await expect(banner).toContainText('12 Apr 1990');
    await expect(banner).toContainText(spacedNhsNumber(nhsNumber));
    await expect(page.getByText('This client has not been invited to Tandem yet.')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Email an invitation' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Invitation sent' })).toHaveText('Invitation sent. It works for 7 days.');

    // The caseload lists the new client, linked to their record.
    await page.getByRole('link', { name: 'Caseload' }).click();
    const row = page.getByRole('row').filter({ hasText: familyName });
    await expect(row).toContainText('12 Apr 1990');
    await expect(row).toContainText(spacedNhsNumber(nhsNumber));
    await expect(row).toContainText('Invited');
    expect(await axeViolations(page)).toEqual([]);
    await row.getByRole('link', { name: `${givenName} ${familyName}` }).click();
    await expect(page.getByRole('region', { name: 'Client details' })).toContainText(familyName);

    // The client opens the emailed link on their own phone.
    const link = await invitationLink(page.request, email);
    expect(link).toMatch(/\/invite#/);
    expect(link).not.toContain('/staff/');
    const phone = await newPage({ ...devices['Pixel 7'] });
    await visitPage(phone, link);
    await expect(phone.getByRole('heading', { level: 1, name: 'Set up your account' })).toBeVisible();

    const password = phone.getByLabel('Make a password', { exact: true });
    await password.fill(goodPassword);
    const show = phone.getByRole('button', { name: 'Show password' });
    await expect(show).toHaveAttribute('aria-pressed', 'false');
    await show.click();
    await expect(show).toHaveAttribute('aria-pressed', 'true');
    await expect(password).toHaveAttribute('type', 'text');

    await phone.getByLabel('Day').fill('1');
    await phone.getByLabel('Month').fill('1');
    await phone.getByLabel('Year').fill('1991');
    await phone.getByRole('button', { name: 'Set up my account' }).click();
    await expect(phone.locator('.error-summary')).toBeFocused();
    await expect(phone.getByRole('group', { name: 'Your date of birth' })).toContainText('That date of birth does not match our records.');
    expect(await axeViolations(phone)).toEqual([]);

    await phone.getByLabel('Day').fill('12');
    await phone.getByLabel('Month').fill('04');
    await phone.getByLabel('Year').fill('1990');
    await phone.getByRole('button', { name: 'Set up my account' }).click();
    // First sign-in: the consent questions come before home.
    await expect(phone.getByRole('heading', { level: 1, name: 'Before you start' })).toBeVisible();
    expect(await axeViolations(phone)).toEqual([]);
    await phone.getByRole('radio', { name: 'Yes' }).check();
    await phone.getByRole('checkbox', { name: 'I understand that nobody watches Tandem all the time' }).check();
    await phone.getByRole('button', { name: 'Save my choices' }).click();
    await expect(phone.getByRole('heading', { level: 1, name: `Hello ${givenName}` })).toBeVisible();
    await expect(phone.getByText('Tandem is not watched all the time.')).toBeVisible();
    expect(await axeViolations(phone)).toEqual([]);

    await phone.getByRole('button', { name: 'Sign out' }).click();
    await expect(phone.getByRole('heading', { level: 1, name: 'Sign in to Tandem' })).toBeVisible();
    await expect(phone.getByLabel('Email address')).toBeVisible();
    expect(await axeViolations(phone)).toEqual([]);
  });
});

test.describe('sign-in backoff', () => {
  test('after five wrong passwords the next attempt says how long to wait', async ({ page, visit, baseURL }) => {
    // A dedicated account, so nobody else's sign-in is slowed down.
    const person = await createStaff(baseURL!, ['practitioner'], `Backoff ${uniqueSuffix()}`);
    await visit('/staff/');
    await page.getByLabel('Email address').fill(person.email);
    await page.getByLabel('Password', { exact: true }).fill('this is not the password');
    const summary = page.locator('.error-summary');
    const attempt = async () => {
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/auth/sign-in'));
      await page.getByRole('button', { name: 'Sign in' }).click();
      return (await answered).status();
    };
    for (let i = 1; i <= 5; i++) {
      expect(await attempt(), `attempt ${i}`).toBe(401);
      await expect(summary).toContainText('The email or password is not right.');
    }
    expect(await attempt()).toBe(429);
    await expect(summary).toContainText(/Too many attempts\. Please wait \d+ seconds? and try again\./);
    await expect(summary).toBeFocused();
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('keyboard only', () => {
  test('a client signs in, reaches home and signs out with the keyboard alone', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Kim ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Alex');
    await visit('/');

    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Email address')).toBeFocused();
    await page.keyboard.type(client.email);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
    await page.keyboard.type(client.password);
    await page.keyboard.press('Tab');
    const remember = page.getByRole('checkbox', { name: 'Remember this device for 30 days' });
    await expect(remember).toBeFocused();
    await page.keyboard.press('Space');
    await expect(remember).toBeChecked();
    await page.keyboard.press('Space');
    await expect(remember).not.toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 1, name: 'Hello Alex' })).toBeVisible();
    await expect(page.locator('main')).toBeFocused();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Check in: how are you feeling?' })).toBeFocused();
    for (const name of ['What depression is', 'Your programme', 'Your plan', 'Things I want to talk about', 'Messages with your care team', 'How you have been', 'Reminders to check in', 'Your choices']) {
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name, exact: true })).toBeFocused();
    }
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Get help now' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Tandem' })).toBeVisible();
    await expect(page.locator('main')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('staff session expiry', () => {
  test('when the session ends, the next action shows sign-in with the reason, then returns to the page', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Lee ${uniqueSuffix()}`);
    await visit('/staff/');
    await signInWithForm(page, practitioner.email, practitioner.password);
    await page.getByRole('link', { name: 'Register a client' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Register a client' })).toBeVisible();

    // The session ends (as after 30 idle minutes): the browser no longer holds it.
    await page.context().clearCookies();
    await page.getByLabel('Given name').fill('Casey');
    await page.getByLabel('Family name').fill(`Expiry${uniqueSuffix()}`);
    await page.getByLabel('Day').fill('3');
    await page.getByLabel('Month').fill('11');
    await page.getByLabel('Year').fill('1979');
    await page.getByLabel('Email address').fill(uniqueEmail('client'));
    await page.getByRole('button', { name: 'Register client' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Tandem for practitioners' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Your session has ended');
    expect(await axeViolations(page)).toEqual([]);
    await signInWithForm(page, practitioner.email, practitioner.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Register a client' })).toBeVisible();
  });
});

test.describe('pseudo-locale, signed in', () => {
  test('every string on the caseload, and its table, comes through i18n', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Noor ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner);
    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
    await visit('/staff/?locale=en-XA');
    await expect(page.locator('main h1')).toContainText(pseudoOpen);
    await expect(page.locator('main [role="status"]')).toHaveCount(0);
    await expect(page.getByRole('banner')).toContainText(practitioner.name);
    await expect(page.getByRole('row').filter({ hasText: client.familyName })).toBeVisible();
    expect(await untranslatedStrings(page)).toEqual([]);
  });
});
