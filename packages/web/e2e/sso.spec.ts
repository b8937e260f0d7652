import { startTestProvider, type TestProvider } from '../../server/src/modules/sso/test-provider';
import { createStaff, uniqueEmail, uniqueSuffix, type Person } from './accounts';
import { expect, test } from './fixtures';
import { OwnServer } from './own-server';
import { untranslatedStrings } from './pseudo';
import { noViolations } from './sessions';
import { nextAppCode } from './two-step';

/**
 * Staff single sign-on (decision 0036): a member of staff clicks "Sign in with NHSmail", signs in
 * at the organisation's provider — a real OpenID Connect provider on loopback
 * (packages/server/src/modules/sso/test-provider.ts) — and lands signed in in the practitioner
 * workspace. The server is the test's own, configured with that provider and told to trust the
 * provider's own second step (its ID token says `amr: ['mfa']`).
 */

let provider: TestProvider;
let server: OwnServer;
let staff: Person;
let staffLogin: string;

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  provider = await startTestProvider();
  server = await OwnServer.start({
    env: {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_LABEL: 'NHSmail',
      OIDC_TRUSTS_PROVIDER_MFA: 'true',
    },
  });
  provider.registerClient(`${server.url}/api/auth/oidc/callback`);
  staff = await createStaff(server.url, ['practitioner'], `Sam ${uniqueSuffix()}`);
  staffLogin = `sam-${uniqueSuffix()}`;
  provider.users.set(staffLogin, { subject: `subject-${staffLogin}`, email: staff.email, emailVerified: true, amr: ['pwd', 'mfa'] });
});

test.afterAll(async () => {
  await server?.dispose();
  await provider?.close();
});

test('a member of staff signs in with their work account, by keyboard, and lands in the workspace', async ({ page }) => {
  await page.goto(`${server.url}/staff/`);
  const button = page.getByRole('link', { name: 'Sign in with NHSmail' });
  await expect(button).toBeVisible();
  await noViolations(page);

  await button.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(`${provider.issuer}/interaction/**`);
  await page.getByLabel('Username').fill(staffLogin);
  await page.keyboard.press('Enter');

  await page.waitForURL(`${server.url}/staff/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
});

test("without the provider's second step, Tandem asks for the code from the person's own app first", async ({ page }) => {
  const colleague = await createStaff(server.url, ['practitioner'], `Kim ${uniqueSuffix()}`);
  const login = `kim-${uniqueSuffix()}`;
  provider.users.set(login, { subject: `subject-${login}`, email: colleague.email, emailVerified: true, amr: ['pwd'] });
  await page.goto(`${server.url}/staff/`);
  await page.getByRole('link', { name: 'Sign in with NHSmail' }).click();
  await page.getByLabel('Username').fill(login);
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Enter the code from your app' })).toBeVisible();
  await noViolations(page);
  await page.getByLabel('Code from your app').fill(await nextAppCode(server.url, colleague.email));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();
});

test('someone with no staff account here is told so in plain words, and stays signed out', async ({ page }) => {
  const login = `nobody-${uniqueSuffix()}`;
  provider.users.set(login, { subject: `subject-${login}`, email: uniqueEmail('nobody'), emailVerified: true, amr: ['mfa'] });
  await page.goto(`${server.url}/staff/`);
  await page.getByRole('link', { name: 'Sign in with NHSmail' }).click();
  await page.getByLabel('Username').fill(login);
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.waitForURL(`${server.url}/staff/**`);
  await expect(page.getByRole('alert')).toHaveText(/could not find an active Tandem staff account/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Tandem for practitioners' })).toBeVisible();
  // The reason is said once: it has left the address.
  expect(new URL(page.url()).search).toBe('');
  await noViolations(page);
});

test('the single sign-on words come through i18n (pseudo-locale)', async ({ page }) => {
  await page.goto(`${server.url}/staff/?locale=en-XA&sso=expired`);
  await expect(page.getByRole('link', { name: /NHSmail/ })).toBeVisible();
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await untranslatedStrings(page)).toEqual([]);
});
