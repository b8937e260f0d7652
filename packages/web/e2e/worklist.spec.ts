import { randomUUID } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { pseudoOpen } from '../src/shared/i18n/pseudo';
import { bootstrapAdmin, createClient, createStaff, openReferral, signedInApi, signInByApi, uniqueSuffix, type ClientPerson, type Person } from './accounts';
import { expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';
import { noViolations } from './sessions';

/**
 * The practitioner's home is the worklist: the caseload ordered by need with each client's
 * reasons, one link to the pre-session brief, and live updates (server-sent events) when
 * something changes — here a client asking for help from their own phone.
 */

async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

/** As the client: shares a goals entry (it then waits for the practitioner's feedback). */
async function shareGoals(baseURL: string, client: ClientPerson): Promise<void> {
  const api = await signedInApi(baseURL, client);
  try {
    const saved = await api.put(`/api/exercise-entries/${randomUUID()}`, {
      data: { exercise: 'goals', moduleId: null, stepId: null, contentVersion: '1.0.0', status: 'submitted', shared: true, data: { goals: [{ text: 'Walk in the park', progress: 3 }] }, recordedAt: new Date(Date.now() - 60_000).toISOString() },
    });
    expect(saved.status(), await saved.text()).toBe(200);
  } finally {
    await api.dispose();
  }
}

/** As the client: "I need help now" (raises a risk alert). */
async function askForHelp(baseURL: string, client: ClientPerson): Promise<void> {
  const api = await signedInApi(baseURL, client);
  try {
    const asked = await api.post('/api/help-requests', { data: { id: randomUUID(), recordedAt: new Date().toISOString() } });
    expect(asked.status(), await asked.text()).toBe(201);
  } finally {
    await api.dispose();
  }
}

async function caseload(baseURL: string): Promise<{ practitioner: Person; first: ClientPerson; second: ClientPerson }> {
  const practitioner = await createStaff(baseURL, ['practitioner'], `Ola ${uniqueSuffix()}`);
  const first = await createClient(baseURL, practitioner, 'Mina');
  const second = await createClient(baseURL, practitioner, 'Ravi');
  await openReferral(baseURL, practitioner, first);
  await openReferral(baseURL, practitioner, second);
  await shareGoals(baseURL, first);
  return { practitioner, first, second };
}

const rowOf = (page: Page, client: ClientPerson) => page.getByRole('row').filter({ hasText: client.familyName });

test.describe('the worklist', () => {
  test('shows reasons in order of need, updates live when a client asks for help, and reaches the brief by keyboard', async ({ page, visit, baseURL }) => {
    const { practitioner, first, second } = await caseload(baseURL!);
    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
    await visit('/staff/');
    await expect(page.getByRole('heading', { level: 1, name: 'Your caseload' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Register a client' })).toBeVisible();

    const rows = page.getByRole('region', { name: 'Your caseload, most in need first' }).getByRole('row');
    await expect(rows.nth(1)).toContainText(first.familyName);
    await expect(rowOf(page, first)).toContainText('A shared entry is waiting for your feedback');
    await expect(rows.nth(2)).toContainText(second.familyName);
    await expect(rowOf(page, second)).toContainText('Nothing at the moment');
    await noViolations(page);

    // The client asks for help on their phone; the open page moves them to the top without a reload.
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    await askForHelp(baseURL!, second);
    await expect(rows.nth(1)).toContainText(second.familyName);
    await expect(rowOf(page, second)).toContainText('Risk alert open (Immediate)');
    await expect(page.locator('[aria-live="polite"]').filter({ hasText: 'The list was updated at' })).toBeVisible();
    expect(navigations).toEqual([]);
    await noViolations(page);

    // Keyboard only: Tab to the brief link on the client's line and open it.
    const brief = rowOf(page, second).getByRole('link', { name: 'Open the brief' });
    await tabTo(page, brief);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/staff\/clients\/[^/]+\/brief$/);
  });

  test('a second practitioner’s open worklist is not told about a client who is not theirs', async ({ page, visit, newPage, baseURL }) => {
    const { practitioner, second } = await caseload(baseURL!);
    const other = await createStaff(baseURL!, ['practitioner'], `Uma ${uniqueSuffix()}`);
    const theirs = await createClient(baseURL!, other, 'Lior');
    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
    await visit('/staff/');
    const otherPage = await newPage();
    await signInByApi(otherPage.request, other.email, other.password, baseURL);
    await otherPage.goto('/staff/');
    await expect(rowOf(otherPage, theirs)).toBeVisible();

    await askForHelp(baseURL!, second);
    await expect(rowOf(page, second)).toContainText('Risk alert open');
    await expect(page.locator('[aria-live="polite"]')).toContainText('The list was updated at');
    // Long enough for a debounced refetch to have happened on the other page, had it been told.
    await page.waitForTimeout(1500);
    await expect(otherPage.locator('[aria-live="polite"]')).toHaveText('');
    await expect(otherPage.getByRole('row').filter({ hasText: second.familyName })).toHaveCount(0);
  });

  test('every string on the worklist comes through i18n (pseudo-locale)', async ({ page, visit, baseURL }) => {
    const { practitioner, first } = await caseload(baseURL!);
    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
    await visit('/staff/?locale=en-XA');
    await expect(page.locator('main h1')).toContainText(pseudoOpen);
    await expect(rowOf(page, first)).toBeVisible();
    expect(await untranslatedStrings(page)).toEqual([]);
  });

  test('the care settings page edits the “no online activity” days, refusing a value out of range', async ({ page, visit, baseURL }) => {
    await signInByApi(page.request, bootstrapAdmin.email, bootstrapAdmin.password, baseURL);
    await visit('/staff/service/care-settings');
    const days = page.getByLabel('No online activity: days before a client is listed');
    await expect(days).toHaveValue(/^\d+$/);
    await days.fill('1');
    await page.getByRole('button', { name: 'Save care settings' }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.getByRole('alert').getByRole('link', { name: 'Enter the days as a whole number from 2 to 60' })).toBeVisible();
    await expect(days).toHaveAttribute('aria-invalid', 'true');
    await noViolations(page);
  });
});
