import { randomUUID } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { clientIdOf, createClient, createStaff, signedInApi, signInWithForm, uniqueSuffix, type ClientPerson } from './accounts';
import { axeViolations, expect, test } from './fixtures';

/**
 * Referral to discharge as practitioners do it, in the browser, on the real server: a referral
 * opened and made active, an assessment and a treatment recorded and attended, a step up, a
 * transfer to a second practitioner — who then has the client on their caseload and discharges,
 * saying whether a staying-well plan was offered. The server's refusals (an overlapping
 * appointment, attendance recorded before an appointment starts) are shown at the form. axe runs
 * on every state checked.
 */

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date `days` from today (UTC; the tests' service is on London time, close enough at these hours). */
function day(days: number): { day: string; month: string; year: string; shown: string } {
  const d = new Date(Date.now() + days * 24 * 3600_000);
  return { day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()), shown: `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}` };
}

async function fillDate(scope: Locator, legend: string, date: { day: string; month: string; year: string }): Promise<void> {
  const group = scope.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(date.day);
  await group.getByLabel('Month').fill(date.month);
  await group.getByLabel('Year').fill(date.year);
}

/** The message that takes focus after an action (FocusNotice). */
function notice(scope: Page | Locator, text: string): Locator {
  return scope.locator('.focus-notice').filter({ hasText: text });
}

async function noViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

/** Opens the "Book or record an appointment" form in `referral` and fills it in. */
async function bookAppointment(
  referral: Locator,
  { date, time, purpose, method, past }: { date: { day: string; month: string; year: string }; time: string; purpose: string; method: string; past: boolean },
): Promise<void> {
  const form = referral.locator('details').filter({ hasText: 'Book or record an appointment' });
  if (!(await form.evaluate((el) => (el as HTMLDetailsElement).open))) await form.getByText('Book or record an appointment', { exact: true }).click();
  await fillDate(form, 'Date', date);
  await form.getByLabel('Start time').fill(time);
  await form.getByLabel('Length in minutes').fill('45');
  await form.getByRole('group', { name: 'Purpose' }).getByLabel(purpose).check();
  await form.getByRole('group', { name: 'How' }).getByLabel(method, { exact: true }).check();
  await form.getByLabel('It has already taken place: I am recording it').setChecked(past);
  await form.getByRole('button', { name: past ? 'Record the appointment' : 'Book the appointment' }).click();
}

/** Records what happened at the appointment in the row showing `when`. */
async function recordOutcome(referral: Locator, when: string, outcome: string): Promise<Locator> {
  const row = referral.getByRole('row').filter({ hasText: when });
  await row.getByLabel(/What happened/).selectOption({ label: outcome });
  await row.getByRole('button', { name: 'Record' }).click();
  return row;
}

/** As the client: completes PHQ-9 for an appointment in the app. */
async function completePhq9(baseURL: string, client: ClientPerson, appointmentId: string, answers: number[]): Promise<void> {
  const api = await signedInApi(baseURL, client);
  try {
    const body = { instrumentId: 'phq9', appointmentId, answers: Object.fromEntries(answers.map((v, i) => [`phq9-${i + 1}`, v])), authoredAt: new Date().toISOString() };
    const sent = await api.post(`/api/questionnaire-responses/${randomUUID()}/complete`, { data: body });
    expect([200, 201], `completing PHQ-9: ${await sent.text()}`).toContain(sent.status());
  } finally {
    await api.dispose();
  }
}

test.describe('referral to discharge', () => {
  test('open, treat, step up, transfer and discharge, with the server’s refusals at the form', async ({ page, newPage, visit, baseURL }) => {
    test.setTimeout(120_000);
    const first = await createStaff(baseURL!, ['practitioner'], `Ada ${uniqueSuffix()}`);
    const second = await createStaff(baseURL!, ['practitioner'], `Ben ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, first, 'Mira');

    await visit('/staff/');
    await signInWithForm(page, first.email, first.password);
    await page.getByRole('link', { name: client.name }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Referrals and appointments' })).toBeVisible();

    // Open a referral.
    const referred = day(-20);
    const episodes = page.getByRole('region', { name: 'Referrals and appointments' });
    await episodes.getByText('Open a referral', { exact: true }).click();
    await episodes.getByRole('button', { name: 'Open the referral' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('Choose who made the referral');
    await noViolations(page);
    await fillDate(episodes, 'Referral date', referred);
    await episodes.getByRole('group', { name: 'Referred by' }).getByLabel('GP', { exact: true }).check();
    await episodes.getByLabel('Presenting problem').fill('Depression');
    await episodes.getByRole('group', { name: 'Step' }).getByLabel('Low intensity (step 2)').check();
    await episodes.getByLabel('Practitioner').selectOption({ label: first.name });
    await episodes.getByRole('button', { name: 'Open the referral' }).click();
    await expect(notice(page, 'Referral opened.')).toBeFocused();
    const referral = page.getByRole('region', { name: `Referral of ${referred.shown}` });
    await expect(referral).toContainText('Waiting');

    // Make it active.
    await referral.getByText('Change the status', { exact: true }).click();
    await referral.getByRole('group', { name: 'New status' }).getByLabel('In treatment').check();
    await referral.getByRole('button', { name: 'Save the status' }).click();
    await expect(notice(referral, 'Status changed.')).toBeFocused();
    await expect(referral.locator('dd').first()).toHaveText('In treatment');
    await noViolations(page);

    // An assessment and a treatment appointment, recorded after the event, both attended.
    const yesterday = day(-1);
    await bookAppointment(referral, { date: yesterday, time: '10:00', purpose: 'Assessment', method: 'Phone', past: true });
    await expect(notice(referral, 'Appointment saved.')).toBeFocused();
    await bookAppointment(referral, { date: yesterday, time: '14:00', purpose: 'Treatment', method: 'Face to face', past: true });
    await expect(referral.getByRole('row').filter({ hasText: `${yesterday.shown}, 14:00` })).toContainText('Treatment');
    await expect(await recordOutcome(referral, `${yesterday.shown}, 10:00`, 'Attended')).toContainText('Attended');
    await expect(await recordOutcome(referral, `${yesterday.shown}, 14:00`, 'Attended')).toContainText('Attended');

    // Refused: an appointment overlapping one of the practitioner's own.
    await bookAppointment(referral, { date: yesterday, time: '14:30', purpose: 'Review', method: 'Video', past: true });
    await expect(referral.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('The practitioner already has an appointment at this time.');
    await expect(referral.locator('.field-error')).toContainText('already has an appointment');
    await noViolations(page);

    // A future appointment: attendance cannot be recorded before it starts.
    const tomorrow = day(1);
    await bookAppointment(referral, { date: tomorrow, time: '11:00', purpose: 'Treatment', method: 'Video', past: false });
    const future = await recordOutcome(referral, `${tomorrow.shown}, 11:00`, 'Attended');
    await expect(future).toContainText('This appointment has not started yet, so attendance cannot be recorded.');
    await noViolations(page);

    // The history of an appointment, on demand.
    const assessment = referral.getByRole('row').filter({ hasText: `${yesterday.shown}, 10:00` });
    await assessment.getByText('History').click();
    await expect(assessment.getByRole('listitem')).toHaveCount(2);

    // Step up, with a reason.
    const stepUp = referral.locator('details').filter({ hasText: 'Step up to High intensity (step 3)' });
    await stepUp.getByText('Step up to High intensity (step 3)', { exact: true }).click();
    await stepUp.getByRole('button', { name: 'Step up', exact: true }).click();
    await expect(stepUp.locator('.field-error')).toContainText('Say why');
    await noViolations(page);
    await stepUp.getByLabel('Reason', { exact: true }).fill('Not improving at step 2 after review');
    await stepUp.getByRole('button', { name: 'Step up', exact: true }).click();
    await expect(notice(referral, 'Stepped to High intensity (step 3).')).toBeFocused();

    // Transfer to the second practitioner.
    await referral.getByText('Transfer to another practitioner', { exact: true }).click();
    await referral.getByLabel('Transfer to', { exact: true }).selectOption({ label: second.name });
    await referral.locator('details', { hasText: 'Transfer to another practitioner' }).getByLabel('Reason', { exact: true }).fill('Moving to high intensity caseload');
    await referral.getByRole('button', { name: 'Transfer', exact: true }).click();
    await expect(notice(referral, `Transferred to ${second.name}.`)).toBeFocused();
    await referral.getByText(/^History of this referral/).click();
    await expect(referral.getByRole('listitem').filter({ hasText: `Transferred from ${first.name} to ${second.name}` })).toContainText(`by ${first.name}`);
    await noViolations(page);

    // The client completes PHQ-9 for the coming appointment; its total shows on that row.
    const api = await signedInApi(baseURL!, first);
    const clientId = await clientIdOf(api, client);
    const appointments = (await (await api.get(`/api/clients/${clientId}/episodes`)).json()).episodes[0];
    const listed = (await (await api.get(`/api/episodes/${appointments.id}/appointments`)).json()).appointments as { id: string; status: string; startsAt: string }[];
    await api.dispose();
    await completePhq9(baseURL!, client, listed.find((a) => Date.parse(a.startsAt) > Date.now())!.id, [2, 2, 2, 1, 1, 1, 1, 1, 0]);

    // The second practitioner has the client now, and discharges.
    const other = await newPage();
    await other.goto('/staff/');
    await signInWithForm(other, second.email, second.password);
    await other.getByRole('link', { name: client.name }).click();
    const theirs = other.getByRole('region', { name: `Referral of ${referred.shown}` });
    await expect(theirs).toContainText(second.name);
    await expect(theirs.getByRole('row').filter({ hasText: `${tomorrow.shown}, 11:00` })).toContainText('PHQ-9 11');
    await theirs.getByText('Discharge (end this referral)', { exact: true }).click();
    // PHQ-9 came from the app for the coming session; GAD-7 is recorded from this one.
    await expect(theirs).toContainText('Final measures still due: GAD-7');
    await theirs.getByText('Record answers given in a session', { exact: true }).click();
    await theirs.getByRole('group', { name: 'Questionnaire' }).getByLabel('GAD-7').check();
    const questions = theirs.getByRole('group', { name: /^Question \d/ });
    await expect(questions).toHaveCount(7);
    for (let i = 0; i < 7; i++) await questions.nth(i).getByLabel('1 Several days').check();
    await theirs.getByRole('button', { name: 'Save answers' }).click();
    await expect(theirs).toContainText('No final measures are due.');
    await theirs.getByRole('button', { name: 'Continue' }).click();
    await expect(theirs.locator('.field-error').filter({ hasText: 'staying-well plan' })).toBeVisible();
    expect(await axeViolations(other)).toEqual([]);
    await theirs.getByLabel('Ending reason').selectOption({ label: 'Completed treatment' });
    await theirs.getByRole('group', { name: /staying-well/ }).getByLabel('Yes').check();
    await theirs.getByRole('button', { name: 'Continue' }).click();
    await expect(theirs.getByRole('heading', { name: 'Check before ending the referral' })).toBeVisible();
    expect(await axeViolations(other)).toEqual([]);
    await theirs.getByRole('button', { name: 'Confirm discharge' }).click();
    await expect(notice(theirs, 'Referral ended.')).toBeFocused();
    await expect(theirs.locator('dd').first()).toHaveText('Ended');
    await expect(theirs).toContainText('Completed treatment');
    await expect(theirs.getByRole('heading', { name: 'Outcome' })).toBeVisible();
    await expect(theirs).toContainText('Treatment appointments attended');
    expect(await axeViolations(other)).toEqual([]);
  });
});
