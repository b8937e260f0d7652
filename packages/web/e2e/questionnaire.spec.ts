import { randomUUID } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { apiSession, bookSession, createClient, createStaff, signInByApi, uniqueSuffix, type CareSetUp, type Person } from './accounts';
import { axeViolations, expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';
import { pseudoOpen } from '../src/shared/i18n/pseudo';

/**
 * Questionnaires due before a session, on the real server: one question per page, each answer
 * saved as it is given, carried on after leaving, checked and sent — and PHQ-9 question 9, where
 * any answer but "Not at all" goes straight to the crisis page with an honest line about when a
 * person from the service will see it, whether or not the answer could be sent.
 */

/** Presses Tab until `target` has focus (at most `max` times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('could not reach the element with Tab');
}

const frequency = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];

/**
 * Answers the question on screen with the keyboard only: Tab into the radio group (one tab stop),
 * Space to choose the focused answer, arrow keys to move to `value`, Tab to Continue, Enter.
 */
async function answerWithKeyboard(page: Page, value: number): Promise<void> {
  const group = page.getByRole('group');
  await tabTo(page, group.getByRole('radio').first());
  await page.keyboard.press('Space');
  for (let i = 0; i < value; i++) await page.keyboard.press('ArrowDown');
  await expect(group.getByRole('radio', { name: frequency[value], exact: true })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
}

/** A client in care with a session tomorrow, signed in in `page`'s browser. */
async function clientWithSessionTomorrow(page: Page, baseURL: string, name: string, purpose: 'assessment' | 'treatment' = 'treatment') {
  const practitioner = await createStaff(baseURL, ['practitioner'], `Pat ${uniqueSuffix()}`);
  const client = await createClient(baseURL, practitioner, name);
  const care = await bookSession(baseURL, practitioner, client, { purpose });
  await signInByApi(page.request, client.email, client.password, baseURL);
  return { practitioner, client, care };
}

/** Saves answers through the API as the signed-in client (to start a questionnaire part-way). */
async function saveAnswers(page: Page, baseURL: string, care: CareSetUp, responseId: string, answers: Record<string, number>): Promise<void> {
  for (const [linkId, value] of Object.entries(answers)) {
    const saved = await page.request.put(`/api/questionnaire-responses/${responseId}/answers/${linkId}`, {
      data: { instrumentId: 'phq9', appointmentId: care.appointmentId, value, recordedAt: new Date().toISOString() },
      headers: { origin: baseURL },
    });
    expect(saved.status(), await saved.text()).toBe(200);
  }
}

/** The practitioner's view of the client's risk alerts. */
async function alertsOf(baseURL: string, practitioner: Person, clientId: string): Promise<{ trigger: string; answerValue: number | null }[]> {
  const api = await apiSession(baseURL);
  try {
    await signInByApi(api, practitioner.email, practitioner.password);
    return (await (await api.get(`/api/clients/${clientId}/risk-alerts`)).json()).alerts;
  } finally {
    await api.dispose();
  }
}

const firstEight = { 'phq9-1': 1, 'phq9-2': 1, 'phq9-3': 0, 'phq9-4': 2, 'phq9-5': 0, 'phq9-6': 1, 'phq9-7': 0, 'phq9-8': 0 };

/** Any of the honest lines about when someone from the service will see it (it depends on the service's hours). */
const whenLine = /Someone from the service will see this (today|from \d{1,2}:\d\d)|The service is closed now|We cannot say when someone will see it/;

test.describe('questionnaires before a session', () => {
  test('keyboard only: answer a PHQ-9, leave midway, carry on with the answers kept, change one, send', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Sol ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Rowan');
    const care = await bookSession(baseURL!, practitioner, client);
    await visit('/');
    await tabTo(page, page.getByLabel('Email address'));
    await page.keyboard.type(client.email);
    await tabTo(page, page.getByLabel('Password', { exact: true }));
    await page.keyboard.type(client.password);
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 1, name: 'Hello Rowan' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Questionnaires for your next session' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: /^Before your session on [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ at \d{1,2}:\d\d$/ })).toBeVisible();
    const phq9 = page.getByRole('link', { name: 'A short questionnaire about how you have been feeling' });
    await expect(page.getByRole('link', { name: 'A short questionnaire about worry' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'I need help now' })).toHaveAttribute('href', '/help');
    expect(await axeViolations(page)).toEqual([]);

    await tabTo(page, phq9);
    await page.keyboard.press('Enter');
    await expect(page).toHaveTitle('Question 1 of 9 – Tandem');
    await expect(page.locator('main')).toBeFocused();
    await expect(page.getByText('Question 1 of 9', { exact: true })).toBeVisible();
    // The legend carries the instruction and the question, exactly as published.
    const group = page.getByRole('group');
    await expect(group).toHaveAccessibleName(/^Over the last 2 weeks, how often have you been bothered by any of the following problems\?\s*Little interest or pleasure in doing things$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'en');
    expect(await axeViolations(page)).toEqual([]);

    // Continue with no answer: the error summary takes focus and links to the answers.
    await tabTo(page, page.getByRole('button', { name: 'Continue' }));
    await page.keyboard.press('Enter');
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.locator('.error-summary')).toContainText('Choose an answer');
    expect(await axeViolations(page)).toEqual([]);

    const given = [1, 2, 0, 3];
    for (const [i, value] of given.entries()) {
      await expect(page.getByText(`Question ${i + 1} of 9`, { exact: true })).toBeVisible();
      await answerWithKeyboard(page, value);
    }
    await expect(page.getByText('Question 5 of 9', { exact: true })).toBeVisible();
    // Each answer reached the server as it was given.
    await expect
      .poll(async () => ((await (await page.request.get('/api/questionnaires/due')).json()).due as { instrumentId: string; answers: object }[]).find((d) => d.instrumentId === 'phq9')?.answers)
      .toEqual({ 'phq9-1': 1, 'phq9-2': 2, 'phq9-3': 0, 'phq9-4': 3 });

    // The client leaves, and comes back later from the home page.
    await visit('/');
    await expect(page.getByText('You have answered 4 of 9 questions.')).toBeVisible();
    await tabTo(page, phq9);
    await page.keyboard.press('Enter');
    await expect(page).toHaveTitle('Question 5 of 9 – Tandem');
    await expect(group.getByRole('radio', { checked: true })).toHaveCount(0);
    // Back shows the answer given before leaving.
    await tabTo(page, page.getByRole('link', { name: 'Back' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveTitle('Question 4 of 9 – Tandem');
    await expect(group.getByRole('radio', { name: 'Nearly every day' })).toBeChecked();
    await tabTo(page, page.getByRole('button', { name: 'Continue' }));
    await page.keyboard.press('Enter');

    for (const number of [5, 6, 7, 8, 9]) {
      await expect(page.getByText(`Question ${number} of 9`, { exact: true })).toBeVisible();
      await answerWithKeyboard(page, number === 9 ? 0 : 1);
    }

    await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
    await expect(page.locator('main')).toBeFocused();
    const row = (n: number) => page.locator('.check-answers > div').nth(n - 1);
    await expect(row(2)).toContainText('More than half the days');
    await expect(row(9)).toContainText('Not at all');
    expect(await axeViolations(page)).toEqual([]);

    // Change question 2 from the check page; Continue comes back to it.
    await tabTo(page, page.getByRole('link', { name: 'Change your answer to question 2' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveTitle('Question 2 of 9 – Tandem');
    await tabTo(page, group.getByRole('radio', { name: 'More than half the days' }));
    await page.keyboard.press('ArrowUp');
    await expect(group.getByRole('radio', { name: 'Several days' })).toBeChecked();
    await tabTo(page, page.getByRole('button', { name: 'Continue' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
    await expect(row(2)).toContainText('Several days');

    await tabTo(page, page.getByRole('button', { name: 'Send my answers' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Thank you. Your answers have been sent.' })).toBeVisible();
    // 1 + 1 + 0 + 3 + 1 + 1 + 1 + 1 + 0: the number only, as something to talk about — no band.
    await expect(page.getByText('Your score is 9 out of 27.')).toBeVisible();
    await expect(page.getByText('You can talk about it together at your next session.')).toBeVisible();
    await expect(page.locator('main')).not.toContainText(/mild|moderate|severe|minimal/i);
    expect(await axeViolations(page)).toEqual([]);

    const responses = (await (await page.request.get('/api/questionnaire-responses')).json()).responses as { instrumentId: string; total: number; appointmentId: string }[];
    expect(responses).toEqual([expect.objectContaining({ instrumentId: 'phq9', total: 9, appointmentId: care.appointmentId })]);

    await tabTo(page, page.getByRole('link', { name: 'Back to home' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Hello Rowan' })).toBeVisible();
    await expect(phq9).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'A short questionnaire about worry' })).toBeVisible();
  });

  test('a positive answer to question 9 shows the crisis page at once, says when someone will see it, and leads back', async ({ page, visit, baseURL }) => {
    const { practitioner, care } = await clientWithSessionTomorrow(page, baseURL!, 'Ash');
    await saveAnswers(page, baseURL!, care, randomUUID(), firstEight);

    // Carrying on goes to the first question without an answer: question 9.
    await visit(`/questionnaires/${care.appointmentId}/phq9`);
    await expect(page).toHaveTitle('Question 9 of 9 – Tandem');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thoughts that you would be better off dead or of hurting yourself in some way');
    await page.getByText('Several days', { exact: true }).click();
    // Choosing is not yet answering (arrow keys choose as they move): nothing has been raised.
    expect(await alertsOf(baseURL!, practitioner, care.clientId)).toEqual([]);
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page).toHaveURL(/\/help\?after=answer$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Get help now' })).toBeVisible();
    await expect(page.getByText('Thank you for telling us. You do not have to cope with these thoughts on your own.')).toBeVisible();
    const status = page.locator('.after-answer [role="status"]');
    await expect(status).toContainText(whenLine);
    await expect(status).toContainText('If you need help before then, use the numbers on this page.');
    await expect(status).not.toContainText(/call you|ring you|call back/i);
    await expect(page.getByRole('link', { name: 'Call 999' })).toHaveAttribute('href', 'tel:999');
    expect(await axeViolations(page)).toEqual([]);
    // A person will see it: the alert is on the server.
    expect(await alertsOf(baseURL!, practitioner, care.clientId)).toEqual([expect.objectContaining({ trigger: 'phq9_item9', answerValue: 1 })]);

    await page.getByRole('link', { name: 'Go back to the questionnaire' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
    await expect(page.locator('.check-answers > div').nth(8)).toContainText('Several days');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Thank you. Your answers have been sent.' })).toBeVisible();
    await expect(page.getByText('Your score is 6 out of 27.')).toBeVisible();
    await expect(page.locator('main .notice')).toContainText('Your answer to question 9 has been passed to the service.');
    expect(await axeViolations(page)).toEqual([]);
    // Still one alert for the one questionnaire.
    expect(await alertsOf(baseURL!, practitioner, care.clientId)).toHaveLength(1);
  });

  test('without a connection the crisis page still shows at once, says the answer will be sent, and updates once it is', async ({ page, visit, baseURL }) => {
    const { practitioner, care } = await clientWithSessionTomorrow(page, baseURL!, 'Bo');
    await saveAnswers(page, baseURL!, care, randomUUID(), firstEight);
    await visit(`/questionnaires/${care.appointmentId}/phq9/9`);

    // The connection drops: the answer cannot reach the server.
    await page.route('**/api/questionnaire-responses/**', (route) => route.abort('internetdisconnected'));
    await page.getByText('Nearly every day', { exact: true }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Get help now' })).toBeVisible();
    const status = page.locator('.after-answer [role="status"]');
    await expect(status).toHaveText(
      'Your answer is kept on this phone. It will be sent when you are back online. If you need help now, use the numbers on this page.',
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(await alertsOf(baseURL!, practitioner, care.clientId)).toEqual([]);

    // Back online: the kept answer is sent, and the page now says when someone will see it.
    await page.unroute('**/api/questionnaire-responses/**');
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect(status).toContainText(whenLine);
    expect(await alertsOf(baseURL!, practitioner, care.clientId)).toEqual([expect.objectContaining({ trigger: 'phq9_item9', answerValue: 3 })]);
  });

  test('WSAS before an assessment: the work question can be "not applicable", and the score leaves it out', async ({ page, visit, baseURL }) => {
    const { care } = await clientWithSessionTomorrow(page, baseURL!, 'Lou', 'assessment');
    await visit('/');
    await page.getByRole('link', { name: 'A short questionnaire about how you are coping with daily life' }).click();
    await expect(page).toHaveTitle('Question 1 of 5 – Tandem');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Because of my problem my ability to work is impaired.');
    await expect(page.getByRole('radio')).toHaveCount(10);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByText("If you're retired or choose not to have a job for reasons unrelated to your problem, tick here").click();
    await page.getByRole('button', { name: 'Continue' }).click();
    for (const [number, value] of [[2, 2], [3, 4], [4, 0], [5, 8]] as const) {
      await expect(page).toHaveTitle(`Question ${number} of 5 – Tandem`);
      await page.getByRole('radio', { name: new RegExp(`^${value}\\b`) }).check();
      await page.getByRole('button', { name: 'Continue' }).click();
    }
    await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
    await expect(page.locator('.check-answers > div').first()).toContainText('This does not apply to me');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await expect(page.getByText('Your score is 14 out of 32.')).toBeVisible();
    const stored = (await (await page.request.get('/api/questionnaire-responses')).json()).responses as { instrumentId: string; answers: Record<string, number | null>; appointmentId: string }[];
    expect(stored).toEqual([expect.objectContaining({ instrumentId: 'wsas', appointmentId: care.appointmentId, answers: expect.objectContaining({ 'wsas-1': null }) })]);
  });

  test('every string around the questions comes through i18n (pseudo-locale); the validated wording is marked English', async ({ page, visit, baseURL }) => {
    const { care } = await clientWithSessionTomorrow(page, baseURL!, 'Kit');
    await saveAnswers(page, baseURL!, care, randomUUID(), firstEight);
    await visit('/?locale=en-XA');
    await expect(page.locator('main h2').first()).toContainText(pseudoOpen);
    expect(await untranslatedStrings(page)).toEqual([]);
    await page.locator('.due-list a').first().click();
    await expect(page.locator('main h1')).toHaveAttribute('lang', 'en');
    await expect(page.locator('.questionnaire-progress')).toContainText(pseudoOpen);
    expect(await untranslatedStrings(page)).toEqual([]);
    await page.getByRole('radio').nth(1).check();
    await page.locator('form button[type="submit"]').click();
    await expect(page).toHaveURL(/\/help\?after=answer$/);
    await expect(page.locator('.after-answer [role="status"]')).toContainText(pseudoOpen);
    expect(await untranslatedStrings(page)).toEqual([]);
    await page.locator('.after-answer a').click();
    await expect(page.locator('.check-answers')).toBeVisible();
    expect(await untranslatedStrings(page)).toEqual([]);
  });
});
