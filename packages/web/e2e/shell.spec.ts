import { axeViolations, expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';
import { pseudoOpen } from '../src/shared/i18n/pseudo';

test.describe('the client app shell', () => {
  test('shows the sign-in page through i18n when nobody is signed in', async ({ page, visit }) => {
    await visit('/');
    await expect(page).toHaveTitle('Sign in – Tandem');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Tandem' })).toBeVisible();
    await expect(page.getByText('If you need help now')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const remember = page.getByRole('checkbox', { name: 'Remember this device for 30 days' });
    await expect(remember).not.toBeChecked();
    await expect(remember).toHaveAccessibleDescription('Do not tick this on a shared or public device.');
  });

  test('serves deep links from the same app', async ({ page, visit }) => {
    await visit('/some/deep/link');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Tandem' })).toBeVisible();
  });

  test('an empty sign-in shows an error summary that takes focus and links to each field', async ({ page, visit }) => {
    await visit('/');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    const email = page.getByLabel('Email address');
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription('Error: Enter your email address');
    await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    expect(await axeViolations(page)).toEqual([]);
    await summary.getByRole('link', { name: 'Enter your password' }).click();
    await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
  });

  test('a wrong email or password says so plainly', async ({ page, visit }) => {
    await visit('/');
    await page.getByLabel('Email address').fill('nobody@e2e.test');
    await page.getByLabel('Password', { exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('The email or password is not right.');
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('invitation links', () => {
  test('an incomplete link is explained without asking the server', async ({ page, visit }) => {
    await visit('/invite#too-short');
    await expect(page.getByRole('heading', { level: 1, name: 'This invite cannot be used' })).toBeVisible();
    await expect(page.getByText('This invite link is not complete')).toBeVisible();
    expect(new URL(page.url()).hash).toBe('');
  });

  test('an unknown link shows the server’s message, and the token leaves the address bar', async ({ page, visit }) => {
    await visit(`/staff/invite#${'A'.repeat(43)}`);
    await expect(page.getByRole('heading', { level: 1, name: 'This invite cannot be used' })).toBeVisible();
    await expect(page.getByText('This invitation link is not right.')).toBeVisible();
    expect(page.url()).not.toContain('#');
  });
});

test.describe('the practitioner app shell', () => {
  test('shows its sign-in page, without "remember this device", when nobody is signed in', async ({ page, visit }) => {
    await visit('/staff/');
    await expect(page).toHaveTitle('Sign in – Tandem for practitioners');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Tandem for practitioners' })).toBeVisible();
    await expect(page.getByLabel('Email address')).toBeVisible();
    await expect(page.getByRole('checkbox')).toHaveCount(0);
  });

  test('a deep link shows sign-in at the same address', async ({ page, visit }) => {
    await visit('/staff/clients/new');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Tandem for practitioners' })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/staff/clients/new');
  });
});

test.describe('keyboard', () => {
  test('the first Tab reaches the skip link, which moves focus to the main content', async ({ page, visit }) => {
    await visit('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });
});

test.describe('pseudo-locale', () => {
  for (const url of ['/', '/staff/', '/invite#too-short']) {
    test(`shows every string on ${url} translated, so a hard-coded one would stand out`, async ({ page, visit }) => {
      const [path, hash] = url.split('#');
      await visit(`${path}?locale=en-XA${hash === undefined ? '' : `#${hash}`}`);
      await expect(page.locator('main h1')).toContainText(pseudoOpen);
      expect(await untranslatedStrings(page)).toEqual([]);
    });
  }

  test('can be chosen from the language menu and is remembered', async ({ page, visit }) => {
    await visit('/');
    await page.getByLabel('Language').selectOption('en-XA');
    await expect(page.locator('main h1')).toContainText(pseudoOpen);
    await page.reload();
    await expect(page.locator('main h1')).toContainText(pseudoOpen);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
  });
});

test.describe('axe negative control', () => {
  test('axe finds violations on a page built to have them', async ({ page }) => {
    await page.setContent(
      '<!doctype html><html><head><title>bad</title></head><body><main><img src="data:,"><button></button><p style="color:#eee;background:#fff">faint</p></main></body></html>',
    );
    const ids = (await axeViolations(page)).map((v) => v.id).sort();
    expect(ids).toEqual(expect.arrayContaining(['button-name', 'color-contrast', 'html-has-lang', 'image-alt']));
  });
});
