import { request as playwrightRequest, type Page } from '@playwright/test';
import { bootstrapAdmin, signInByApi, uniqueSuffix } from './accounts';
import { expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';
import { noViolations } from './sessions';

/**
 * Integrations on the service settings page (decision 0041): an admin adds a system, makes it a
 * token with only what it needs — shown once — and revokes it, after which the token opens nothing.
 */

/** What the API answers the token: 403 where tokens are not taken (it works), 401 once it does not. */
async function tokenAnswer(baseURL: string, secret: string): Promise<{ status: number; code: string }> {
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  try {
    const res = await api.get('/api/me');
    return { status: res.status(), code: ((await res.json()) as { error: { code: string } }).error.code };
  } finally {
    await api.dispose();
  }
}

async function openService(page: Page, visit: (url: string) => Promise<unknown>, baseURL: string): Promise<void> {
  await signInByApi(page.request, bootstrapAdmin.email, bootstrapAdmin.password, baseURL);
  await visit('/staff/service');
  await expect(page.getByRole('heading', { level: 2, name: 'Integrations' })).toBeVisible();
}

test.describe('integrations', () => {
  test('an admin adds a system, makes it a token shown once, and revokes it: the token then opens nothing', async ({ page, visit, baseURL }) => {
    await openService(page, visit, baseURL!);
    const section = page.getByRole('region', { name: 'Integrations' });
    const name = `Record system ${uniqueSuffix()}`;

    // An empty name is caught at the field.
    await section.getByRole('button', { name: 'Add integration' }).click();
    await expect(section.locator('.error-summary')).toBeFocused();
    await expect(section.getByLabel('Name of the system')).toHaveAttribute('aria-invalid', 'true');
    await noViolations(page);
    await section.getByLabel('Name of the system').fill(name);
    await section.getByRole('button', { name: 'Add integration' }).click();
    const integration = section.getByRole('region', { name, exact: true });
    await expect(integration).toContainText('No tokens yet.');

    // A token needs at least one thing it may do, and a life of 1 to 365 days.
    const form = integration.getByRole('form', { name: `Make a token for ${name}` });
    await form.getByLabel('Days until it ends').fill('366');
    await form.getByRole('button', { name: 'Make a token' }).click();
    await expect(form.locator('.error-summary')).toBeFocused();
    await expect(form.locator('.error-summary')).toContainText('Choose at least one thing the token may do');
    await expect(form.locator('.error-summary')).toContainText('Enter a number of days from 1 to 365');
    await noViolations(page);
    await form.getByLabel('Read clients’ records as FHIR').check();
    await form.getByLabel('Days until it ends').fill('30');
    await form.getByRole('button', { name: 'Make a token' }).click();

    const secret = (await integration.locator('code.secret-key').innerText()).trim();
    expect(secret).toMatch(/^tandem_[A-Za-z0-9_-]{43}$/);
    await expect(integration).toContainText('Tandem keeps no copy');
    const row = integration.getByRole('row').filter({ hasText: `tandem_${secret.slice(7, 13)}…` });
    await expect(row).toContainText('Read clients’ records as FHIR');
    await expect(row).toContainText('Working');
    await noViolations(page);
    expect(await tokenAnswer(baseURL!, secret)).toEqual({ status: 403, code: 'auth.token_not_accepted' });

    // After a reload the secret is gone for good.
    await page.reload();
    await expect(page.getByRole('region', { name, exact: true })).toBeVisible();
    expect(await page.content()).not.toContain(secret.slice(7));

    // Revoking asks first, then works at once.
    const reloaded = page.getByRole('region', { name, exact: true });
    await reloaded.getByRole('button', { name: `Revoke token ${secret.slice(7, 13)}` }).click();
    const confirm = reloaded.getByRole('group', { name: `Revoke token ${secret.slice(7, 13)}?` });
    await expect(confirm).toContainText('stops working with Tandem at once');
    await noViolations(page);
    await confirm.getByRole('button', { name: 'Yes, revoke it' }).click();
    await expect(reloaded.getByRole('row').filter({ hasText: `tandem_${secret.slice(7, 13)}…` })).toContainText('Revoked');
    expect(await tokenAnswer(baseURL!, secret)).toEqual({ status: 401, code: 'auth.token_invalid' });
  });

  test('pseudo-locale: every string of the integrations section comes through i18n', async ({ page, visit, baseURL }) => {
    await signInByApi(page.request, bootstrapAdmin.email, bootstrapAdmin.password, baseURL);
    await visit('/staff/service?locale=en-XA');
    await expect(page.locator('#integrations-heading')).toBeVisible();
    expect(await untranslatedStrings(page)).toEqual([]);
  });
});
