import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import {
  bootstrapAdmin,
  createClient,
  createStaff,
  openReferral,
  signInByApi,
  signedInApi,
  uniqueSuffix,
  type Person,
} from './accounts';
import { pseudoOpen } from '../src/shared/i18n/pseudo';
import { axeViolations, expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';
import { createSupervised } from './sessions';

/**
 * Service settings as an admin meets them (a site's hours, closure days and duty rota; the risk
 * policy; the care settings), "Away" for any member of staff and "Supervision" for supervisors,
 * on the real server. The suite runs once per browser project against one database, so each test
 * either makes its own people or leaves organisation settings as safe as it found them.
 */

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 'YYYY-MM-DD' as the app shows a date: "6 Jan 2026". */
function shown(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${months[month - 1]} ${year}`;
}

/** Signs `page` in as `person` through the API (its cookies), as a returning user would be. */
async function signIn(page: Page, baseURL: string, person: { email: string; password: string }): Promise<void> {
  await signInByApi(page.request, person.email, person.password, baseURL);
}

/** Opens `url`, waits for its heading and checks it with axe. */
async function open(page: Page, url: string, heading: string | RegExp): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
}

/**
 * A weekday from 2 to 27 days ahead on which `site` has no duty period yet, as 'YYYY-MM-DD' (the
 * server checks the rota 28 days ahead; another project's run may have used a day already).
 */
async function freeWeekday(admin: APIRequestContext, siteId: string): Promise<string> {
  const duty = await (await admin.get(`/api/sites/${siteId}/duty`)).json();
  const used = new Set((duty.rota as { startsAt: string }[]).map((p) => p.startsAt.slice(0, 10)));
  for (let ahead = 2; ahead < 28; ahead++) {
    const day = new Date(Date.now() + ahead * 24 * 3600_000);
    const date = day.toISOString().slice(0, 10);
    if (day.getUTCDay() >= 1 && day.getUTCDay() <= 5 && !used.has(date)) return date;
  }
  throw new Error('no free weekday in the next four weeks');
}

/** A practitioner whose supervisor is `supervisor` (invited by the bootstrap admin, invitation accepted). */
async function createSupervisee(baseURL: string, supervisor: Person): Promise<Person> {
  const supervisorApi = await signedInApi(baseURL, supervisor);
  const supervisorId = (await (await supervisorApi.get('/api/me')).json()).actor.staffId as string;
  await supervisorApi.dispose();
  // Invited by the bootstrap admin; accepting sets up two-step sign-in (staff must use it).
  return createSupervised(baseURL, supervisorId, `Pat ${uniqueSuffix()}`);
}

test.describe('service settings (admins)', () => {
  test('an admin sets a site’s hours and a closure day, and adds duty periods: an overlap is refused, a gap reported', async ({ page, baseURL }) => {
    const lead = await createStaff(baseURL!, ['practitioner'], `Lee ${uniqueSuffix()}`);
    const duty = await createStaff(baseURL!, ['practitioner'], `Dana ${uniqueSuffix()}`);
    const other = await createStaff(baseURL!, ['practitioner'], `Omar ${uniqueSuffix()}`);
    const admin = await signedInApi(baseURL!, bootstrapAdmin);
    const sites = (await (await admin.get('/api/sites')).json()).sites as { id: string; name: string }[];
    expect(sites.length, 'the test organisation has a site to set hours for').toBeGreaterThan(0);
    const site = sites[0]!;

    await signIn(page, baseURL!, bootstrapAdmin);
    await open(page, '/staff/', 'Your caseload');
    await page.getByRole('navigation').getByRole('link', { name: 'Service settings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Service settings' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Service settings' })).toHaveAttribute('aria-current', 'page');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: `Hours and duty at ${site.name}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Hours and duty: ${site.name}` })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // Hours: Monday to Friday 09:00-17:00; a day that cannot be read is pointed out first.
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) await page.getByLabel(day, { exact: true }).fill('09:00-17:00');
    await page.getByLabel('Saturday', { exact: true }).fill('nine till five');
    await page.getByLabel('Closure days', { exact: true }).fill('2026-12-25\n2026-12-28');
    await page.getByLabel('Site lead', { exact: true }).selectOption({ label: lead.name });
    await page.getByRole('button', { name: 'Save hours' }).click();
    await expect(page.getByRole('alert').getByRole('link', { name: /Saturday/ })).toBeVisible();
    await expect(page.locator('.error-summary')).toBeFocused();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Saturday', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save hours' }).click();
    await expect(page.getByText('The opening hours, closure days and site lead are saved.')).toBeVisible();
    await expect(page.getByLabel('Closure days', { exact: true })).toHaveValue('2026-12-25\n2026-12-28');

    // The rota: a morning on a free weekday leaves the afternoon as a gap, which is reported.
    const date = await freeWeekday(admin, site.id);
    await page.getByLabel('Who is on duty').selectOption({ label: duty.name });
    await page.getByLabel('From', { exact: true }).fill(`${date}T09:00`);
    await page.getByLabel('To', { exact: true }).fill(`${date}T12:00`);
    await page.getByRole('button', { name: 'Add duty period' }).click();
    await expect(page.getByText('The duty period is added.')).toBeVisible();
    await expect(page.getByRole('cell', { name: duty.name })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: `Nobody on duty from ${shown(date)}, 12:00 to ${shown(date)}, 17:00` })).toBeVisible();

    // An overlapping period is refused, nothing is saved, and the clash is named.
    await page.getByLabel('Who is on duty').selectOption({ label: other.name });
    await page.getByLabel('From', { exact: true }).fill(`${date}T11:00`);
    await page.getByLabel('To', { exact: true }).fill(`${date}T13:00`);
    await page.getByRole('button', { name: 'Add duty period' }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.locator('.error-summary')).toContainText('overlap');
    await expect(page.getByRole('listitem').filter({ hasText: `${duty.name}, from ${shown(date)}, 09:00 to ${shown(date)}, 12:00` })).toBeVisible();
    await expect(page.getByRole('cell', { name: other.name })).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
    await admin.dispose();
  });

  test('an admin edits the risk policy: each tier says what it does, a bad deadline is refused', async ({ page, baseURL }) => {
    const escalation = await createStaff(baseURL!, ['practitioner', 'supervisor'], `Eli ${uniqueSuffix()}`);
    await signIn(page, baseURL!, bootstrapAdmin);
    await open(page, '/staff/service/risk-policy', 'Risk policy');
    await expect(page.getByText(/policy is in force/)).toBeVisible();
    const rule = page.getByRole('group', { name: '“Several days” again, when the last such answer was reviewed' });
    await expect(rule.getByRole('radio', { name: 'Recorded' })).toHaveCount(0);
    // Tighter than the default, never looser: the suite's other journeys rely on alerts being raised.
    await rule.getByRole('radio', { name: 'Immediate' }).check();
    await expect(rule.getByText(/must acknowledge it within/)).toBeVisible();
    await page.getByLabel('Immediate: minutes to acknowledge').fill('2');
    await page.getByLabel('Named person at the end of the escalation path').selectOption({ label: escalation.name });
    await page.getByRole('button', { name: 'Save risk policy' }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.getByRole('alert').getByRole('link', { name: /minutes to acknowledge an immediate alert/ })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Immediate: minutes to acknowledge').fill('60');
    await expect(rule.getByText('must acknowledge it within 1 hour')).toBeVisible();
    await page.getByRole('button', { name: 'Save risk policy' }).click();
    await expect(page.getByText('Your changes to the risk policy are saved and apply from now.')).toBeVisible();
    await expect(page.getByText(/own policy is in force/)).toBeVisible();
    await expect(page.getByLabel('Named person at the end of the escalation path')).toHaveValue(/.+/);

    // Saved meanwhile by someone else: this page's version is stale, nothing is saved, it reloads.
    const other = await signedInApi(baseURL!, bootstrapAdmin);
    const state = await (await other.get('/api/organisation/risk-policy')).json();
    expect((await other.put('/api/organisation/risk-policy', { data: { policy: state.policy, version: state.version } })).status()).toBe(200);
    await other.dispose();
    await page.getByRole('button', { name: 'Save risk policy' }).click();
    await expect(page.getByText('Nothing was saved')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('an admin edits the care settings: a limit of 0 is refused', async ({ page, baseURL }) => {
    await signIn(page, baseURL!, bootstrapAdmin);
    await open(page, '/staff/service/care-settings', 'Care settings');
    const limit = page.getByLabel('Session limit, low intensity (step 2)');
    await limit.fill('0');
    await page.getByRole('button', { name: 'Save care settings' }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.getByRole('alert').getByRole('link', { name: 'Enter the step 2 session limit as a whole number from 1 to 60' })).toBeVisible();
    await expect(limit).toHaveAttribute('aria-invalid', 'true');
    expect(await axeViolations(page)).toEqual([]);
    // Back to the default, so the suite's other journeys see the usual limits.
    await limit.fill('8');
    await page.getByLabel('Questionnaires due, hours before an appointment').fill('72');
    await page.getByRole('button', { name: 'Save care settings' }).click();
    await expect(page.getByText('Your changes to the care settings are saved and apply from now.')).toBeVisible();
    await expect(page.getByText(/own settings are in force/)).toBeVisible();
  });

  test('someone who is not an admin sees no link to the settings, and their addresses are not found', async ({ page, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Sam ${uniqueSuffix()}`);
    await signIn(page, baseURL!, practitioner);
    await open(page, '/staff/', 'Your caseload');
    const nav = page.getByRole('navigation');
    await expect(nav.getByRole('link', { name: 'Away' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Service settings' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Supervision' })).toHaveCount(0);
    for (const url of ['/staff/service', '/staff/service/risk-policy', '/staff/service/care-settings', `/staff/service/sites/${randomUUID()}`, '/staff/supervision']) {
      await open(page, url, 'Page not found');
    }
  });
});

test('a practitioner marks themself away and sees the period', async ({ page, baseURL }) => {
  const practitioner = await createStaff(baseURL!, ['practitioner'], `Ana ${uniqueSuffix()}`);
  await signIn(page, baseURL!, practitioner);
  await open(page, '/staff/', 'Your caseload');
  await page.getByRole('navigation').getByRole('link', { name: 'Away' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Away' })).toBeVisible();
  await expect(page.getByText('You are not marked away now or in the future.')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // Back before away: refused with the reason.
  await page.getByLabel('Away from').fill('2030-03-10T09:00');
  await page.getByLabel('Back on').fill('2030-03-09T09:00');
  await page.getByRole('button', { name: 'Mark me away' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: 'The time you are back must be after the time you are away from' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel('Back on').fill('2030-03-17T09:00');
  await page.getByRole('button', { name: 'Mark me away' }).click();
  await expect(page.locator('.focus-notice')).toBeFocused();
  await expect(page.locator('.focus-notice')).toContainText('You are marked away');
  await expect(page.getByRole('listitem').filter({ hasText: 'From 10 Mar 2030, 09:00 to 17 Mar 2030, 09:00' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('a supervisor sees a supervisee’s open episode and opens the client', async ({ page, baseURL }) => {
  const supervisor = await createStaff(baseURL!, ['practitioner', 'supervisor'], `Sue ${uniqueSuffix()}`);
  const supervisee = await createSupervisee(baseURL!, supervisor);
  const client = await createClient(baseURL!, supervisee, 'Robin');
  await openReferral(baseURL!, supervisee, client);

  await signIn(page, baseURL!, supervisor);
  await open(page, '/staff/', 'Your caseload');
  await page.getByRole('navigation').getByRole('link', { name: 'Supervision' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Supervision' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: client.name });
  await expect(row).toBeVisible();
  await expect(row).toContainText(supervisee.name);
  await expect(row).toContainText('23 Sep 1988');
  await expect(row).toContainText('0 of 8');
  expect(await axeViolations(page)).toEqual([]);
  await row.getByRole('link', { name: client.name }).click();
  await expect(page).toHaveURL(/\/staff\/clients\//);
});

test.describe('treatment plan templates', () => {
  test('an admin adds a service template from a copy, makes it where step 2 plans start, and a new referral’s plan comes from it', async ({ page, baseURL }) => {
    await signIn(page, baseURL!, bootstrapAdmin);
    await open(page, '/staff/service', 'Service settings');
    await page.getByRole('link', { name: 'Treatment plan templates' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Treatment plan templates' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    // Research examples are in the catalogue, labelled, but never offered as where plans start.
    const catalogue = page.getByRole('region', { name: 'Templates' });
    await expect(catalogue.getByText(/Research example/).first()).toBeVisible();
    const stepTwo = page.getByLabel('Low intensity (step 2)');
    const offered = await stepTwo.locator('option').allTextContents();
    expect(offered.length).toBeGreaterThan(0);
    const list = await (await page.request.get('/api/plan-templates')).json();
    const examples = (list.templates as { name: string; isExample: boolean }[]).filter((t) => t.isExample).map((t) => t.name);
    expect(offered.filter((name) => examples.includes(name))).toEqual([]);

    // A copy with more sessions at least than at most: refused at the field, nothing added.
    const name = `Our step 2 ${uniqueSuffix()}`;
    const add = page.getByRole('region', { name: "Add your service's own template" });
    await add.getByLabel('Copy the steps of').selectOption({ label: 'England, step 2 (low intensity) — NHS Talking Therapies default' });
    await add.getByLabel('Name').fill(name);
    await add.getByLabel('Description').fill('Our step 2 course, which always includes behavioural activation.');
    await add.getByLabel('Fewest sessions planned').fill('9');
    await add.getByLabel('Most sessions planned').fill('7');
    await add.getByRole('button', { name: 'Add template' }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(add.getByLabel('Most sessions planned')).toHaveAttribute('aria-invalid', 'true');
    expect(await axeViolations(page)).toEqual([]);

    await add.getByLabel('Fewest sessions planned').fill('6');
    await add.getByLabel('Most sessions planned').fill('8');
    await add.getByLabel('Behavioural activation').check();
    await add.getByRole('button', { name: 'Add template' }).click();
    await expect(page.getByText(`Added “${name}”. It can now be chosen for new plans.`)).toBeVisible();
    await expect(catalogue.getByRole('heading', { name })).toBeVisible();

    // Where step 2 plans start: the new template; a referral opened now gets a plan from it.
    await stepTwo.selectOption({ label: name });
    await page.getByRole('button', { name: 'Save where plans start' }).click();
    await expect(page.getByText('Saved. New referrals will start from these templates.')).toBeVisible();
    try {
      const practitioner = await createStaff(baseURL!, ['practitioner'], `Pat ${uniqueSuffix()}`);
      const client = await createClient(baseURL!, practitioner, 'Lee');
      const referral = await openReferral(baseURL!, practitioner, client);
      const api = await signedInApi(baseURL!, practitioner);
      const plan = await (await api.get(`/api/episodes/${referral.episodeId}/plan`)).json();
      await api.dispose();
      expect(plan.template.name).toBe(name);
      expect(plan.requiredComponents).toEqual(['behavioural_activation']);
    } finally {
      // Back to the England default, so the suite's other journeys start from it.
      const admin = await signedInApi(baseURL!, bootstrapAdmin);
      const state = (await (await admin.get('/api/plan-templates')).json()).defaults;
      const reset = await admin.put('/api/plan-templates/defaults', { data: { defaults: { ...state.defaults, low_intensity: 'england-step-2' }, version: state.version } });
      expect(reset.status()).toBe(200);
      await admin.dispose();
    }
  });

  test('every string on the templates page comes through i18n', async ({ page, baseURL }) => {
    await signIn(page, baseURL!, bootstrapAdmin);
    await page.goto('/staff/service/plan-templates?locale=en-XA');
    await expect(page.locator('main h1')).toContainText(pseudoOpen);
    await expect(page.locator('main h3').first()).toBeVisible();
    expect(await untranslatedStrings(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });
});
