import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import { briefWordLimit, countWords } from '../../domain/src/brief/brief';
import { pseudoOpen } from '../src/shared/i18n/pseudo';
import { bookTreatment, createClient, createStaff, openReferral, signedInApi, signInByApi, uniqueSuffix, type ClientPerson, type Person, type Referral } from './accounts';
import { expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';
import { noViolations, sessionPath } from './sessions';

/**
 * The pre-session brief (issue 9 item 2; decision 0026), on the real server: a client with
 * something in every section, seeded through the API as the practitioner and the client would
 * make it; the brief shows that data, stays within 250 words, works by keyboard, in the
 * pseudo-locale, on a phone, and prints without the navigation.
 */

interface Setup {
  practitioner: Person;
  client: ClientPerson;
  referral: Referral;
  nextId: string;
}

const longAgenda = `I keep waking at four and lying there going over everything at work ${'and then more of the same worry '.repeat(8)}`;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

async function post(api: APIRequestContext, origin: string, url: string, data: unknown, want = 201) {
  const res = await api.post(url, { data, headers: { origin } });
  expect(res.status(), `${url}: ${await res.text()}`).toBe(want);
  return res.json();
}

async function setUp(baseURL: string): Promise<Setup> {
  const practitioner = await createStaff(baseURL, ['practitioner'], `Priya ${uniqueSuffix()}`);
  const client = await createClient(baseURL, practitioner, 'Robin');
  const referral = await openReferral(baseURL, practitioner, client);
  // The last session two days ago (attended), the next in two days with homework for it.
  const last = await bookTreatment(baseURL, practitioner, referral.episodeId, -48);
  const nextId = await bookTreatment(baseURL, practitioner, referral.episodeId, 48);
  const staff = await signedInApi(baseURL, practitioner);
  await post(staff, baseURL, `/api/appointments/${last}/status`, { status: 'attended', version: 1 }, 200);
  const items = [
    { kind: 'step', moduleId: 'understanding-depression', stepId: 'what-depression-is' },
    { kind: 'exercise', moduleId: 'understanding-depression', exerciseId: 'goals' },
  ];
  await post(staff, baseURL, `/api/episodes/${referral.episodeId}/homework`, { id: randomUUID(), items });
  // Scores: PHQ-9 9 at the start, 16 since the last session (question 9 answered 1); GAD-7 once.
  const record = (instrumentId: 'phq9' | 'gad7', values: number[], authoredAt: string) =>
    post(staff, baseURL, `/api/clients/${referral.clientId}/questionnaire-responses`, {
      id: randomUUID(),
      instrumentId,
      answers: Object.fromEntries(values.map((v, i) => [`${instrumentId}-${i + 1}`, v])),
      authoredAt,
      source: 'imported',
    });
  await record('phq9', [1, 1, 1, 1, 1, 1, 1, 2, 0], hoursAgo(24 * 20));
  await record('phq9', [2, 2, 2, 2, 2, 2, 2, 1, 1], hoursAgo(20));
  await record('gad7', [1, 1, 1, 1, 1, 1, 2], hoursAgo(20));
  await staff.dispose();
  // The client's days: check-ins, the step done (after the homework was set), an agenda item (long), the help button.
  const phone = await signedInApi(baseURL, client);
  for (const [mood, h] of [[3, 40], [4, 30], [6, 20], [7, 10]] as const) await post(phone, baseURL, '/api/check-ins', { id: randomUUID(), mood, recordedAt: hoursAgo(h) });
  const stepDone = await phone.put('/api/me/programme/steps/understanding-depression/what-depression-is', { data: { contentVersion: '1.0.0', recordedAt: new Date().toISOString() }, headers: { origin: baseURL } });
  expect(stepDone.status(), await stepDone.text()).toBe(200);
  await post(phone, baseURL, '/api/me/agenda-items', { id: randomUUID(), text: longAgenda, recordedAt: hoursAgo(3) });
  await post(phone, baseURL, '/api/me/agenda-items', { id: randomUUID(), text: 'Seeing my sister', recordedAt: hoursAgo(2) });
  await post(phone, baseURL, '/api/help-requests', { id: randomUUID(), recordedAt: hoursAgo(1) });
  await phone.dispose();
  return { practitioner, client, referral, nextId };
}

const brief = (page: Page) => page.locator('article.brief');

async function openBrief(page: Page, s: Setup): Promise<void> {
  await page.goto(`/staff/clients/${s.referral.clientId}`);
  await page.getByRole('link', { name: 'Pre-session brief' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Pre-session brief' })).toBeVisible();
}

test.describe('pre-session brief', () => {
  test('matches the data in every section and stays within 250 words; prints without navigation', async ({ page, baseURL }) => {
    test.setTimeout(90_000);
    const s = await setUp(baseURL!);
    await signInByApi(page.request, s.practitioner.email, s.practitioner.password, baseURL);
    await openBrief(page, s);
    await expect(page).toHaveTitle('Pre-session brief – Tandem for practitioners');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${s.client.givenName} ${s.client.familyName}`);
    const b = brief(page);
    await expect(b.locator('.brief-as-of')).toContainText(/^As of \d+ \w+ \d{4}, \d\d:\d\d$/);
    await expect(b).toContainText(/Next appointment: .+, Treatment/);
    await expect(b).toContainText(/Since the last session: .+ to .+, 2 days/);
    // Flagged: the help button's open alert comes first, and question 9 too.
    const flagged = b.locator('.brief-flagged li');
    await expect(flagged.first()).toContainText(/Help button, .+: alert open/);
    await expect(b.locator('.brief-flagged')).toContainText('Question 9 answered 1');
    await expect(b).toContainText('Due');
    await expect(b).toContainText('1 done, 0 partly, 1 not done');
    await expect(b.getByRole('link', { name: /What depression is: done/ })).toHaveAttribute('href', new RegExp(`/staff/clients/${s.referral.clientId}#client-programme-heading$`));
    await expect(b).toContainText('4 check-ins, from 3 to 7, average 5, higher');
    await expect(b.getByRole('img', { name: /Mood over the last/ })).toBeVisible();
    await expect(b).toContainText(/PHQ-9: 16, moderately severe range \(15 to 19\)/);
    await expect(b).toContainText('up 7 since the first');
    await expect(b.locator('.brief-reliable-deteriorated')).toHaveText('(reliable deterioration)');
    await expect(b).toContainText(/GAD-7: 8, mild range \(5 to 9\)/);
    await expect(b).toContainText('A range describes a score, not a diagnosis.');
    // The long agenda item is cut to a few words, the short one whole.
    await expect(b.locator('.brief-agenda-item').first()).toHaveText('I keep waking at four and lying there going over…');
    await expect(b.locator('.brief-agenda-item').nth(1)).toHaveText('Seeing my sister');
    await expect(b).toContainText(/\d+ of \d+ steps delivered/);
    await expect(b.locator('ol li').first()).toHaveText('Risk first');
    const words = countWords(await b.innerText());
    expect(words).toBeGreaterThan(100);
    expect(words).toBeLessThanOrEqual(briefWordLimit);
    await noViolations(page);

    // Print: no navigation, no buttons, black on white.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation')).toBeHidden();
    await expect(page.locator('.app-header')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
    await expect(b).toBeVisible();
    const colours = await b.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(document.body).backgroundColor]);
    expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
    await page.emulateMedia({ media: 'screen' });
    await expect(page.getByRole('navigation')).toBeVisible();
  });

  test('works by keyboard alone: from the client record to the brief, print and back', async ({ page, baseURL }) => {
    test.setTimeout(90_000);
    const s = await setUp(baseURL!);
    await signInByApi(page.request, s.practitioner.email, s.practitioner.password, baseURL);
    await page.goto(`/staff/clients/${s.referral.clientId}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const tabTo = async (name: string, role: 'link' | 'button') => {
      const target = page.getByRole(role, { name, exact: true }).first();
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        if (await target.evaluate((el) => el === document.activeElement)) return;
      }
      throw new Error(`could not reach ${name} with Tab`);
    };
    await tabTo('Pre-session brief', 'link');
    await page.keyboard.press('Enter');
    await expect(brief(page)).toBeVisible();
    await expect(page.locator('main')).toBeFocused();
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await tabTo('Print', 'button');
    await page.keyboard.press('Enter');
    await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
    await tabTo('Refresh', 'button');
    await page.keyboard.press('Enter');
    await expect(brief(page)).toBeVisible();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('link', { name: 'Back to the client record' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/staff/clients/${s.referral.clientId}$`));
    // From session mode: on the private notes side, in its own tab (never in the shared view).
    await page.goto(sessionPath(s.nextId, s.referral.clientId, s.referral.episodeId));
    const fromSession = page.locator('.session-notes').getByRole('link', { name: 'Pre-session brief' });
    await expect(fromSession).toHaveAttribute('href', `/staff/clients/${s.referral.clientId}/brief`);
    await expect(fromSession).toHaveAttribute('target', '_blank');
    await expect(page.locator('.together').getByRole('link', { name: 'Pre-session brief' })).toHaveCount(0);
  });

  test('pseudo-locale: every string of the brief comes through i18n', async ({ page, baseURL }) => {
    test.setTimeout(90_000);
    const s = await setUp(baseURL!);
    await signInByApi(page.request, s.practitioner.email, s.practitioner.password, baseURL);
    await page.goto(`/staff/clients/${s.referral.clientId}/brief?locale=en-XA`);
    await expect(brief(page).locator('h2')).toContainText(pseudoOpen);
    await expect(brief(page).locator('.brief-agenda-item').first()).toBeVisible();
    expect(await untranslatedStrings(page)).toEqual([]);
    await noViolations(page);
  });

  test('another practitioner’s client is not found; the owner’s same address works', async ({ page, baseURL }) => {
    test.setTimeout(90_000);
    const s = await setUp(baseURL!);
    const other = await createStaff(baseURL!, ['practitioner'], `Omar ${uniqueSuffix()}`);
    await signInByApi(page.request, other.email, other.password, baseURL);
    await page.goto(`/staff/clients/${s.referral.clientId}/brief`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Client not found');
    await expect(page.locator('body')).not.toContainText('Seeing my sister');
    await noViolations(page);
    await page.context().clearCookies();
    await signInByApi(page.request, s.practitioner.email, s.practitioner.password, baseURL);
    await page.goto(`/staff/clients/${s.referral.clientId}/brief`);
    await expect(brief(page)).toContainText('Seeing my sister');
  });
});
