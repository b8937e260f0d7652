import { randomUUID } from 'node:crypto';
import { bookSession, createClient, createStaff, endCare, signedInApi, signInByApi, uniqueSuffix, type ClientPerson, type Person } from './accounts';
import { axeViolations, expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';
import { pseudoOpen } from '../src/shared/i18n/pseudo';

/**
 * The client's own reminders (when they are asked how they feel, and quiet hours) and "How you
 * have been": their check-ins and questionnaire scores over time, as charts with tables — still
 * there, read-only, after care has ended.
 */

/** 12:00 UTC `days` ago: the same calendar day in London whatever the season. */
const noonDaysAgo = (days: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() - days, 12)).toISOString();

async function checkIn(baseURL: string, client: ClientPerson, mood: number, recordedAt: string): Promise<void> {
  const api = await signedInApi(baseURL, client);
  try {
    const saved = await api.post('/api/check-ins', { data: { id: randomUUID(), mood, note: null, recordedAt } });
    expect(saved.status(), await saved.text()).toBe(201);
  } finally {
    await api.dispose();
  }
}

/** As the practitioner: answers given in a session, item by item (none on question 9). */
async function recordInSession(baseURL: string, practitioner: Person, clientId: string, instrumentId: 'phq9' | 'gad7', values: number[], authoredAt: string): Promise<void> {
  const api = await signedInApi(baseURL, practitioner);
  try {
    const answers = Object.fromEntries(values.map((value, i) => [`${instrumentId}-${i + 1}`, value]));
    const saved = await api.post(`/api/clients/${clientId}/questionnaire-responses`, {
      data: { id: randomUUID(), instrumentId, appointmentId: null, answers, authoredAt, source: 'in_session' },
    });
    expect(saved.status(), await saved.text()).toBe(201);
  } finally {
    await api.dispose();
  }
}

/** A client in care with a practitioner, with a check-in and a PHQ-9 from yesterday. */
async function clientWithData(baseURL: string, givenName: string) {
  const practitioner = await createStaff(baseURL, ['practitioner'], `Val ${uniqueSuffix()}`);
  const client = await createClient(baseURL, practitioner, givenName);
  const care = await bookSession(baseURL, practitioner, client);
  await checkIn(baseURL, client, 8, noonDaysAgo(1));
  await recordInSession(baseURL, practitioner, care.clientId, 'phq9', [1, 1, 1, 1, 1, 1, 1, 1, 0], noonDaysAgo(1));
  return { practitioner, client, care };
}

test.describe('reminders to check in', () => {
  test('a client sets their times and quiet hours: a time in quiet hours is refused, then saved; a change made elsewhere is reloaded', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Val ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Ari');
    await signInByApi(page.request, client.email, client.password, baseURL);
    await visit('/');
    await page.getByRole('link', { name: 'Reminders to check in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reminders to check in' })).toBeVisible();
    await expect(page.getByText('They never come in your quiet hours.', { exact: false })).toBeVisible();
    const later = page.getByRole('group', { name: 'Each day after your first week' });
    const firstWeek = page.getByRole('group', { name: /Each day in your first week, until/ });
    await expect(later.getByLabel('Time 1')).toHaveValue('19:30');
    await expect(firstWeek.getByLabel('Time 3')).toHaveValue('19:30');
    expect(await axeViolations(page)).toEqual([]);

    const quiet = page.getByRole('group', { name: 'Quiet hours' });
    await quiet.getByLabel('From').fill('21:00');
    await quiet.getByLabel('Until').fill('08:00');
    await later.getByRole('button', { name: 'Add a time' }).click();
    await later.getByLabel('Time 2').fill('22:30');
    await page.getByRole('button', { name: 'Save my reminder times' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('22:30 is in your quiet hours. Choose another time, or change your quiet hours');
    await expect(later.getByLabel('Time 2')).toHaveAttribute('aria-invalid', 'true');
    expect(await axeViolations(page)).toEqual([]);

    await later.getByLabel('Time 2').fill('20:45');
    await page.getByRole('button', { name: 'Save my reminder times' }).click();
    await expect(page.getByRole('status')).toHaveText('Your reminder times are saved.');
    const api = await signedInApi(baseURL!, client);
    try {
      const state = await (await api.get('/api/me/mood-schedule')).json();
      expect(state.schedule).toMatchObject({ laterTimes: ['19:30', '20:45'], quietHours: { start: '21:00', end: '08:00' } });
      expect(state.version).toBe(1);

      // Someone else (here, the client on another device) saves first: this page's save is refused.
      const changed = await api.put('/api/me/mood-schedule', { data: { schedule: { ...state.schedule, laterTimes: ['18:00'] }, version: 1 } });
      expect(changed.status(), await changed.text()).toBe(200);
    } finally {
      await api.dispose();
    }
    await later.getByLabel('Time 1').fill('19:00');
    await page.getByRole('button', { name: 'Save my reminder times' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Someone else' })).toContainText('Someone else changed your reminder times while you were on this page');
    await expect(later.getByLabel('Time 1')).toHaveValue('18:00');
    await expect(later.getByLabel('Time 2')).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);

    // Six a day at most: the form offers no more.
    for (let i = 0; i < 3; i++) await firstWeek.getByRole('button', { name: 'Add a time' }).click();
    await expect(firstWeek.getByRole('button', { name: 'Add a time' })).toHaveCount(0);
    await expect(firstWeek).toContainText('You have 6 times. That is the most you can have in a day.');
    await firstWeek.getByRole('button', { name: 'Remove time 6' }).click();
    await expect(firstWeek.getByRole('button', { name: 'Add a time' })).toBeVisible();
  });
});

test.describe('how you have been', () => {
  test('a client sees their mood and scores over time as charts with tables, in plain words; after care ends it is still there, read-only', async ({ page, visit, baseURL }) => {
    const { practitioner, client, care } = await clientWithData(baseURL!, 'Eden');
    await checkIn(baseURL!, client, 4, noonDaysAgo(3));
    await checkIn(baseURL!, client, 6, noonDaysAgo(2));
    await checkIn(baseURL!, client, 7, new Date(Date.parse(noonDaysAgo(2)) + 3600_000).toISOString());
    await recordInSession(baseURL!, practitioner, care.clientId, 'phq9', [2, 2, 2, 2, 2, 2, 1, 1, 0], noonDaysAgo(6));
    await recordInSession(baseURL!, practitioner, care.clientId, 'gad7', [1, 1, 1, 1, 1, 1, 1], noonDaysAgo(1));

    await signInByApi(page.request, client.email, client.password, baseURL);
    await visit('/');
    await page.getByRole('link', { name: 'How you have been', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'How you have been' })).toBeVisible();
    await expect(page.getByRole('img', { name: /A chart of how you felt on 3 days/ })).toBeVisible();
    const moodTable = page.getByRole('table', { name: 'How you felt each day, newest first' });
    await expect(moodTable.getByRole('row')).toHaveCount(4);
    await expect(moodTable.getByRole('row').nth(1)).toContainText('8 out of 10');
    await expect(moodTable.getByRole('row').nth(2)).toContainText('6.5 out of 10');
    await expect(moodTable.getByRole('row').nth(2)).toContainText('2');

    const phq9 = page.getByRole('table', { name: 'Your scores, newest first: A short questionnaire about how you have been feeling' });
    await expect(phq9.getByRole('row').nth(1)).toContainText('8 out of 27');
    await expect(phq9.getByRole('row').nth(2)).toContainText('14 out of 27');
    await expect(page.getByRole('img', { name: /A chart of your 2 scores from 0 to 27/ })).toBeVisible();
    await expect(page.getByText('A lower score means fewer problems over the last two weeks.')).toBeVisible();
    await expect(page.getByRole('table', { name: /Your scores, newest first: A short questionnaire about worry/ })).toContainText('7 out of 21');
    // Never a band or a diagnosis.
    await expect(page.locator('main')).not.toContainText(/mild|moderate|severe|minimal|depress/i);
    expect(await axeViolations(page)).toEqual([]);

    await endCare(baseURL!, practitioner, care);
    await visit('/');
    await expect(page.getByRole('heading', { name: 'Your care has ended' })).toBeVisible();
    await expect(page.getByText('If you need help now, call NHS 111', { exact: false })).toBeVisible();
    await expect(page.getByRole('link', { name: 'I need help now' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Check in: how are you feeling?' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Reminders to check in' })).toHaveCount(0);
    await expect(page.locator('.due-questionnaires')).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'How you have been', exact: true }).click();
    await expect(page.getByText('Your care has ended. You can look back at what you did here, but you cannot add anything new.')).toBeVisible();
    await expect(page.getByRole('table', { name: 'How you felt each day, newest first' }).getByRole('row')).toHaveCount(4);
    expect(await axeViolations(page)).toEqual([]);
    for (const path of ['/check-in', '/reminders']) {
      await visit(path);
      await expect(page.getByRole('heading', { level: 1, name: 'Hello Eden' })).toBeVisible();
    }
  });

  test('with nothing yet, the page says so kindly', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Val ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Fin');
    await signInByApi(page.request, client.email, client.password, baseURL);
    await visit('/progress');
    await expect(page.getByText('You have no check-ins yet.')).toBeVisible();
    await expect(page.getByText('You have not answered any questionnaires yet.')).toBeVisible();
  });
});

test.describe('pseudo-locale, reminders and progress', () => {
  test('every string on the reminders and progress pages comes through i18n', async ({ page, visit, baseURL }) => {
    const { client } = await clientWithData(baseURL!, 'Gus');
    await signInByApi(page.request, client.email, client.password, baseURL);
    await visit('/reminders?locale=en-XA');
    await expect(page.locator('main h1')).toContainText(pseudoOpen);
    await page.locator('main input[type="time"]').first().fill('');
    await page.locator('main button[type="submit"]').click();
    await expect(page.locator('.error-summary')).toBeFocused();
    expect(await untranslatedStrings(page)).toEqual([]);
    await visit('/progress?locale=en-XA');
    await expect(page.locator('main table')).toHaveCount(2);
    expect(await untranslatedStrings(page)).toEqual([]);
  });
});
