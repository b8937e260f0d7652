import { randomUUID } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import {
  bookTreatment,
  createClient,
  createStaff,
  openReferral,
  signedInApi,
  signInByApi,
  signInWithForm,
  uniqueSuffix,
  type ClientPerson,
  type Person,
} from './accounts';
import { axeViolations, expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';
import { pseudoOpen } from '../src/shared/i18n/pseudo';

/**
 * The risk pathway as the practitioner meets it, on the real server: a warning sign from the
 * client (a positive PHQ-9 question 9, or "I need help now") appears on /staff/alerts — the page
 * the alert email links to — and is acknowledged with a note of what was done; the client page
 * shows questionnaire scores and the client's alerts. Data is made through the API, as the people
 * concerned would make it; every new page is checked with axe.
 */

/** Presses Tab until `target` has focus (a keyboard-only journey); fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

async function people(baseURL: string, givenName: string): Promise<{ practitioner: Person; client: ClientPerson }> {
  const practitioner = await createStaff(baseURL, ['practitioner'], `Sam ${uniqueSuffix()}`);
  const client = await createClient(baseURL, practitioner, givenName);
  return { practitioner, client };
}

/** As the client: answers PHQ-9 question 9 in the app (saved at once, as the app saves each answer). */
async function answerItem9(baseURL: string, client: ClientPerson, appointmentId: string, value: number, responseId = randomUUID()): Promise<string> {
  const api = await signedInApi(baseURL, client);
  try {
    const saved = await api.put(`/api/questionnaire-responses/${responseId}/answers/phq9-9`, {
      data: { instrumentId: 'phq9', appointmentId, value, recordedAt: new Date().toISOString() },
    });
    expect(saved.status(), `saving item 9: ${await saved.text()}`).toBe(200);
    expect((await saved.json()).risk, 'the answer raised a risk alert').not.toBeNull();
    return responseId;
  } finally {
    await api.dispose();
  }
}

/** As the client: sends a finished questionnaire for an appointment. */
async function complete(baseURL: string, client: ClientPerson, body: { instrumentId: 'phq9' | 'gad7'; appointmentId: string; answers: number[]; authoredAt: Date }, responseId = randomUUID()) {
  const api = await signedInApi(baseURL, client);
  try {
    const answers = Object.fromEntries(body.answers.map((value, i) => [`${body.instrumentId}-${i + 1}`, value]));
    const sent = await api.post(`/api/questionnaire-responses/${responseId}/complete`, {
      data: { instrumentId: body.instrumentId, appointmentId: body.appointmentId, answers, authoredAt: body.authoredAt.toISOString() },
    });
    expect([200, 201], `completing ${body.instrumentId}: ${await sent.text()}`).toContain(sent.status());
  } finally {
    await api.dispose();
  }
}

/** As the client: presses "I need help now". */
async function pressHelp(baseURL: string, client: ClientPerson): Promise<string> {
  const api = await signedInApi(baseURL, client);
  try {
    const id = randomUUID();
    const sent = await api.post('/api/help-requests', { data: { id, recordedAt: new Date().toISOString() } });
    expect(sent.status(), `asking for help: ${await sent.text()}`).toBe(201);
    return id;
  } finally {
    await api.dispose();
  }
}

test.describe('risk alerts for the practitioner', () => {
  test('the link in the alert email opens sign-in, then the alerts page', async ({ page, visit, baseURL }) => {
    const { practitioner, client } = await people(baseURL!, 'Lea');
    await openReferral(baseURL!, practitioner, client);
    await pressHelp(baseURL!, client);
    await visit('/staff/alerts');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Tandem for practitioners' })).toBeVisible();
    await signInWithForm(page, practitioner.email, practitioner.password);
    await expect(page.getByRole('heading', { level: 1, name: 'Risk alerts' })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/staff/alerts');
    await expect(page.getByRole('region', { name: new RegExp(client.familyName) })).toContainText('Pressed ‘I need help now’ in the Tandem app.');
  });

  test('a positive question-9 answer reaches the practitioner, who acknowledges it with the keyboard only', async ({ page, visit, baseURL }) => {
    const { practitioner, client } = await people(baseURL!, 'Ola');
    const { episodeId } = await openReferral(baseURL!, practitioner, client);
    const appointmentId = await bookTreatment(baseURL!, practitioner, episodeId, 24);
    await answerItem9(baseURL!, client, appointmentId, 2);

    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
    await visit('/staff/');
    // The count in the staff navigation shows from any page.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Alerts 1 open' })).toBeVisible();

    await visit('/staff/alerts');
    await expect(page).toHaveTitle('Risk alerts – Tandem for practitioners');
    await expect(nav.getByRole('link', { name: 'Alerts 1 open' })).toHaveAttribute('aria-current', 'page');
    const card = page.getByRole('region', { name: new RegExp(client.familyName) });
    await expect(card.getByRole('link', { name: client.name })).toBeVisible();
    await expect(card).toContainText('23 Sep 1988');
    await expect(card).toContainText('Answered 2 (‘More than half the days’) to question 9 of the PHQ-9 in the Tandem app.');
    await expect(card).toContainText('Immediate');
    await expect(card).toContainText('Due by');
    await expect(card).toContainText('You are the client’s practitioner.');
    expect(await axeViolations(page)).toEqual([]);

    // Keyboard only: Tab to the note, try to send it empty, follow the error to the field, then send.
    const note = card.getByRole('textbox', { name: 'What did you do?' });
    await tabTo(page, note);
    await page.keyboard.press('Tab');
    await expect(card.getByRole('button', { name: 'Acknowledge alert' })).toBeFocused();
    await page.keyboard.press('Enter');
    const summary = card.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Say what you did before acknowledging the alert');
    await expect(note).toHaveAttribute('aria-invalid', 'true');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Tab');
    await expect(summary.getByRole('link', { name: 'Say what you did before acknowledging the alert' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(note).toBeFocused();
    const action = 'Phoned Ola, went through the safety plan; no immediate risk. Seen tomorrow.';
    await page.keyboard.type(action);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    // Focus lands on the confirmation; the alert moves to the acknowledged list with who, when and what.
    const done = page.locator('.focus-notice');
    await expect(done).toBeFocused();
    await expect(done).toContainText('Alert acknowledged');
    await expect(done).toContainText(client.name);
    await expect(page.getByText('There are no open risk alerts for you.')).toBeVisible();
    const acknowledged = page.getByRole('table', { name: 'Recently acknowledged risk alerts, newest first' });
    const row = acknowledged.getByRole('row').filter({ hasText: client.familyName });
    await expect(row).toContainText(action);
    await expect(row).toContainText('You');
    await expect(row).toContainText('Answered 2 (‘More than half the days’)');
    await expect(nav.getByRole('link', { name: 'Alerts', exact: true })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // The server holds the note, by this practitioner.
    const stored = await (await page.request.get('/api/risk-alerts?status=acknowledged')).json();
    expect(stored.alerts).toHaveLength(1);
    expect(stored.alerts[0]).toMatchObject({ status: 'acknowledged', actionNote: action });
  });

  test('when someone else acknowledges first, the page says so and shows what they did', async ({ page, visit, baseURL }) => {
    const { practitioner, client } = await people(baseURL!, 'Ines');
    await openReferral(baseURL!, practitioner, client);
    await pressHelp(baseURL!, client);

    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
    await visit('/staff/alerts');
    const card = page.getByRole('region', { name: new RegExp(client.familyName) });
    await expect(card).toContainText('Pressed ‘I need help now’ in the Tandem app.');
    await card.getByRole('textbox', { name: 'What did you do?' }).fill('Called the client back.');

    // Meanwhile, on another computer, the alert is acknowledged.
    const other = await signedInApi(baseURL!, practitioner);
    try {
      const open = (await (await other.get('/api/risk-alerts?status=open')).json()).alerts as { id: string; version: number }[];
      expect(open).toHaveLength(1);
      const first = await other.post(`/api/risk-alerts/${open[0]!.id}/acknowledge`, { data: { note: 'Duty worker phoned the client.', version: open[0]!.version } });
      expect(first.status(), await first.text()).toBe(200);
    } finally {
      await other.dispose();
    }

    await card.getByRole('button', { name: 'Acknowledge alert' }).click();
    const notice = page.locator('.focus-notice');
    await expect(notice).toBeFocused();
    await expect(notice).toContainText('Someone else acted on this alert first');
    await expect(notice).toContainText('your note was not saved');
    await expect(page.getByText('There are no open risk alerts for you.')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Recently acknowledged risk alerts, newest first' })).toContainText('Duty worker phoned the client.');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('a missed appointment after an alert is a follow-up task, closed with a note', async ({ page, visit, baseURL }) => {
    const { practitioner, client } = await people(baseURL!, 'Kofi');
    const { episodeId } = await openReferral(baseURL!, practitioner, client);
    const missed = await bookTreatment(baseURL!, practitioner, episodeId, -2);
    await pressHelp(baseURL!, client);
    const api = await signedInApi(baseURL!, practitioner);
    try {
      const dna = await api.post(`/api/appointments/${missed}/status`, { data: { status: 'did_not_attend', version: 1 } });
      expect(dna.status(), await dna.text()).toBe(200);
    } finally {
      await api.dispose();
    }

    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
    await visit('/staff/alerts');
    const task = page.getByRole('region', { name: /Missed appointment after a risk alert/ });
    await expect(task).toContainText('Missed appointment after a risk alert — follow up today');
    await expect(task.getByRole('link', { name: client.name })).toBeVisible();
    await task.getByRole('textbox', { name: 'What did you do?' }).fill('Phoned; new appointment booked for Friday.');
    await task.getByRole('button', { name: 'Done' }).click();
    await expect(page.locator('.focus-notice')).toContainText('Follow-up task done');
    await expect(page.getByText('You have no open follow-up tasks.')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('questionnaires and alerts on the client page', () => {
  test('shows scores with their ranges and change, and the client’s alerts with acknowledge', async ({ page, visit, baseURL }) => {
    const { practitioner, client } = await people(baseURL!, 'Mei');
    const { clientId, episodeId } = await openReferral(baseURL!, practitioner, client);
    const first = await bookTreatment(baseURL!, practitioner, episodeId, 24);
    const second = await bookTreatment(baseURL!, practitioner, episodeId, 48);
    const hourAgo = new Date(Date.now() - 3600_000);
    // PHQ-9 20 (question 9: 1), then 14; GAD-7 9.
    const responseId = await answerItem9(baseURL!, client, first, 1);
    await complete(baseURL!, client, { instrumentId: 'phq9', appointmentId: first, answers: [3, 3, 3, 3, 2, 2, 2, 1, 1], authoredAt: new Date(hourAgo.getTime() - 60_000) }, responseId);
    await complete(baseURL!, client, { instrumentId: 'phq9', appointmentId: second, answers: [2, 2, 2, 2, 2, 2, 1, 1, 0], authoredAt: hourAgo });
    await complete(baseURL!, client, { instrumentId: 'gad7', appointmentId: first, answers: [2, 2, 1, 1, 1, 1, 1], authoredAt: hourAgo });

    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
    await visit(`/staff/clients/${clientId}`);
    await expect(page.getByRole('heading', { level: 1, name: client.name })).toBeVisible();

    const measures = page.getByRole('region', { name: 'Questionnaires' });
    const phq9 = measures.getByRole('region', { name: 'PHQ-9 (depression symptoms)' });
    await expect(phq9).toContainText('Score 14 out of 27, in the moderate range (10 to 14)');
    await expect(phq9).toContainText('Down 6, from 20 on');
    await expect(phq9).toContainText('Reliable improvement');
    await expect(phq9).toContainText('At or above the cut-off (10 or more)');
    const table = phq9.getByRole('table', { name: 'All PHQ-9 scores, newest first' });
    await expect(table.getByRole('row')).toHaveCount(3);
    await expect(table.getByRole('row').nth(1)).toContainText('moderate (10 to 14)');
    await expect(table.getByRole('row').nth(1)).toContainText('down 6');
    await expect(table.getByRole('row').nth(2)).toContainText('severe (20 to 27)');
    await expect(table.getByRole('row').nth(2)).toContainText('1 (‘Several days’)');
    await expect(phq9.getByRole('img', { name: /Chart of PHQ-9 \(depression symptoms\) scores/ })).toBeVisible();
    const gad7 = measures.getByRole('region', { name: 'GAD-7 (anxiety symptoms)' });
    await expect(gad7).toContainText('Score 9 out of 21, in the mild range (5 to 9)');
    await expect(gad7).toContainText('No earlier score to compare with.');
    await expect(gad7).not.toContainText('Reliable');
    // A score is never put as a diagnosis.
    await expect(measures).not.toContainText(/(moderate|severe|mild) (depression|anxiety)/i);

    const risk = page.getByRole('region', { name: 'Risk alerts' });
    await expect(risk).toContainText('Open alerts: 1');
    const alert = risk.getByRole('region', { name: /Answered 1 \(‘Several days’\) to question 9/ });
    await expect(alert).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await alert.getByRole('textbox', { name: 'What did you do?' }).fill('Talked it through at the start of the session.');
    await alert.getByRole('button', { name: 'Acknowledge alert' }).click();
    await expect(risk.locator('.focus-notice')).toBeFocused();
    await expect(risk).toContainText('No open risk alerts.');
    await risk.getByText('Acknowledged alerts (1)').click();
    await expect(risk.getByRole('table', { name: 'Acknowledged risk alerts, newest first' })).toContainText('Talked it through at the start of the session.');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('records GAD-7 answers given in a session, marked as such', async ({ page, visit, baseURL }) => {
    const { practitioner, client } = await people(baseURL!, 'Tomas');
    const { clientId } = await openReferral(baseURL!, practitioner, client);
    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
    await visit(`/staff/clients/${clientId}`);
    const measures = page.getByRole('region', { name: 'Questionnaires' });
    await expect(measures).toContainText('No questionnaires completed yet.');
    await measures.getByText('Record answers given in a session').click();
    await measures.getByRole('radio', { name: 'GAD-7' }).check();
    // Leave question 7 out first: the error names it and links to it.
    for (let item = 1; item <= 6; item++) {
      await measures.getByRole('group', { name: new RegExp(`^Question ${item}\\.`) }).getByRole('radio', { name: '2 More than half the days' }).check();
    }
    await measures.getByRole('button', { name: 'Save answers' }).click();
    await expect(measures.locator('.error-summary')).toBeFocused();
    await expect(measures.locator('.error-summary')).toContainText('Choose an answer for question 7');
    expect(await axeViolations(page)).toEqual([]);
    await measures.getByRole('group', { name: /^Question 7\./ }).getByRole('radio', { name: '1 Several days' }).check();
    await measures.getByRole('button', { name: 'Save answers' }).click();
    await expect(measures.locator('.focus-notice')).toContainText('Answers saved. GAD-7 score: 13.');
    const gad7 = measures.getByRole('region', { name: 'GAD-7 (anxiety symptoms)' });
    await expect(gad7).toContainText('Score 13 out of 21, in the moderate range (10 to 14)');
    await expect(gad7.getByRole('table')).toContainText('In a session');
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('pseudo-locale, alerts and scores', () => {
  test('every string on the alerts page and on a client page with scores and alerts comes through i18n', async ({ page, visit, baseURL }) => {
    const { practitioner, client } = await people(baseURL!, 'Ana');
    const { clientId, episodeId } = await openReferral(baseURL!, practitioner, client);
    const missed = await bookTreatment(baseURL!, practitioner, episodeId, -2);
    const first = await bookTreatment(baseURL!, practitioner, episodeId, 24);
    const second = await bookTreatment(baseURL!, practitioner, episodeId, 48);
    const responseId = await answerItem9(baseURL!, client, first, 3);
    await complete(baseURL!, client, { instrumentId: 'phq9', appointmentId: first, answers: [0, 0, 0, 0, 0, 0, 0, 0, 3], authoredAt: new Date(Date.now() - 7200_000) }, responseId);
    await complete(baseURL!, client, { instrumentId: 'phq9', appointmentId: second, answers: [2, 2, 2, 2, 2, 2, 2, 1, 0], authoredAt: new Date(Date.now() - 3600_000) });
    await pressHelp(baseURL!, client);
    const api = await signedInApi(baseURL!, practitioner);
    try {
      expect((await api.post(`/api/appointments/${missed}/status`, { data: { status: 'did_not_attend', version: 1 } })).status()).toBe(200);
      const open = (await (await api.get('/api/risk-alerts?status=open')).json()).alerts as { id: string; version: number; trigger: string }[];
      const help = open.find((a) => a.trigger === 'help_button')!;
      expect((await api.post(`/api/risk-alerts/${help.id}/acknowledge`, { data: { note: 'Called back.', version: help.version } })).status()).toBe(200);
    } finally {
      await api.dispose();
    }

    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
    await visit('/staff/alerts?locale=en-XA');
    await expect(page.locator('main h1')).toContainText(pseudoOpen);
    await expect(page.locator('.alert-card')).toHaveCount(2);
    await expect(page.locator('main table')).toBeVisible();
    await expect(page.locator('main [role="status"]')).toHaveCount(0);
    expect(await untranslatedStrings(page)).toEqual([]);

    await visit(`/staff/clients/${clientId}?locale=en-XA`);
    await expect(page.locator('.measure')).toHaveCount(1);
    await expect(page.locator('.tag-deteriorated')).toHaveCount(2);
    await expect(page.locator('main [role="status"]')).toHaveCount(0);
    expect(await untranslatedStrings(page)).toEqual([]);
  });
});
