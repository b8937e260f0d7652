import type { Page } from '@playwright/test';
import { pseudoOpen } from '../src/shared/i18n/pseudo';
import { bookTreatment, createClient, createStaff, openReferral, signedInApi, signInByApi, uniqueSuffix, type ClientPerson, type Person, type Referral } from './accounts';
import { expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';
import { addAgendaItem, bookStartedSession, fillWhen, noViolations, sessionPath, wallClock } from './sessions';

/**
 * Session mode (issue 8 item 6; decision 0023), on the real server: the "together" view shown with
 * the client in the room — their week, homework, agenda and plan step, and nothing else (no staff
 * navigation, alerts, other clients or notes); the practitioner's own note, kept apart, saved as
 * they type; the one-flow ending refused at the field with nothing written; all by keyboard; axe
 * on every state; every string through i18n.
 */

interface Setup {
  practitioner: Person;
  client: ClientPerson;
  other: ClientPerson;
  referral: Referral;
  appointmentId: string;
  agendaId: string;
}

async function setUp(baseURL: string): Promise<Setup> {
  const practitioner = await createStaff(baseURL, ['practitioner'], `Sam ${uniqueSuffix()}`);
  const client = await createClient(baseURL, practitioner, 'Rowan');
  const other = await createClient(baseURL, practitioner, `Zebedee${uniqueSuffix()}`);
  const referral = await openReferral(baseURL, practitioner, client);
  await openReferral(baseURL, practitioner, other);
  const api = await signedInApi(baseURL, practitioner);
  const appointmentId = await bookStartedSession(api, baseURL, referral.episodeId);
  await api.dispose();
  const phone = await signedInApi(baseURL, client);
  const agendaId = await addAgendaItem(phone, baseURL, 'My sleep has been bad');
  await phone.dispose();
  return { practitioner, client, other, referral, appointmentId, agendaId };
}

async function openSessionMode(page: Page, s: Setup): Promise<void> {
  await page.goto(`/staff/clients/${s.referral.clientId}`);
  await page.getByRole('link', { name: /^Start session/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Session with Rowan');
}

test.describe('session mode', () => {
  test('shows only this client, keeps the note apart and saved, and a clash at the end writes nothing', async ({ page, baseURL }) => {
    test.setTimeout(60_000);
    const s = await setUp(baseURL!);
    await signInByApi(page.request, s.practitioner.email, s.practitioner.password, baseURL);
    await openSessionMode(page, s);
    await expect(page).toHaveTitle('Session – Tandem for practitioners');

    // Privacy: no staff navigation or alert counts, no other client, no family name.
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Caseload' })).toHaveCount(0);
    await expect(page.getByText('Risk alerts')).toHaveCount(0);
    const body = await page.locator('body').innerText();
    for (const hidden of [s.other.givenName, s.other.familyName, s.client.familyName, s.practitioner.name]) expect(body).not.toContain(hidden);
    const together = page.locator('.together');
    await expect(together.getByRole('heading', { name: 'Things you wanted to talk about' })).toBeVisible();
    await expect(together).toContainText('My sleep has been bad');
    await expect(together.getByRole('heading', { name: 'Homework to go through' })).toBeVisible();
    await expect(together.getByRole('heading', { name: "Today's questionnaires" })).toBeVisible();
    await expect(together.getByRole('heading', { name: 'Today in your plan' })).toBeVisible();
    await noViolations(page);

    // The note: shown on request, saved a second after typing, kept on reload, never in the shared part.
    await page.getByRole('button', { name: 'Show my notes' }).click();
    await page.getByLabel('What was reviewed').fill('Private words only the team reads');
    await page.getByRole('group', { name: 'Risk reviewed' }).getByLabel('Yes').check();
    await expect(page.locator('.session-note-status')).toHaveText('Saved');
    await expect(together).not.toContainText('Private words');
    await noViolations(page);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Session with Rowan');
    await expect(page.getByText('Private words')).toHaveCount(0);
    await page.getByRole('button', { name: 'Show my notes' }).click();
    await expect(page.getByLabel('What was reviewed')).toHaveValue('Private words only the team reads');
    await expect(page.getByRole('group', { name: 'Risk reviewed' }).getByLabel('Yes')).toBeChecked();
    await page.getByRole('button', { name: 'Hide my notes' }).click();
    await expect(page.getByText('Private words')).toHaveCount(0);

    // Ending with the next session on top of another of the practitioner's: refused at the date.
    const clashId = await bookTreatment(baseURL!, s.practitioner, s.referral.episodeId, 7 * 24 + 2);
    const { timeZone } = await (await page.request.get(`/api/clients/${s.referral.clientId}`)).json();
    const clash = (await (await page.request.get(`/api/episodes/${s.referral.episodeId}/appointments`)).json()).appointments.find((a: { id: string }) => a.id === clashId);
    await together.getByLabel('Discussed').check();
    await page.getByRole('button', { name: 'End the session…' }).click();
    const panel = page.locator('.end-session');
    await expect(panel.getByRole('heading', { name: 'End the session' })).toBeFocused();
    await expect(panel.getByLabel('My sleep has been bad')).toBeChecked();
    await panel.getByLabel(/^Next in the plan/).check();
    await fillWhen(panel, wallClock(clash.startsAt, timeZone));
    await panel.getByRole('button', { name: 'End session' }).click();
    await expect(panel.locator('.error-summary')).toBeFocused();
    await expect(panel.locator('.error-summary')).toContainText('already has an appointment');
    await expect(panel.getByRole('group', { name: 'Date' }).getByLabel('Day')).toHaveAttribute('aria-invalid', 'true');
    await noViolations(page);
    // Nothing written: still booked, no homework, the agenda item still open.
    const appointments = (await (await page.request.get(`/api/episodes/${s.referral.episodeId}/appointments`)).json()).appointments as { id: string; status: string }[];
    expect(appointments.find((a) => a.id === s.appointmentId)!.status).toBe('booked');
    expect(appointments).toHaveLength(2);
    expect((await (await page.request.get(`/api/episodes/${s.referral.episodeId}/homework`)).json()).assignments).toEqual([]);
    expect((await (await page.request.get(`/api/clients/${s.referral.clientId}/agenda-items`)).json()).items.map((i: { id: string }) => i.id)).toEqual([s.agendaId]);

    // Back on the client page: the client's own words, marked as theirs; homework set from the card.
    await page.getByRole('link', { name: 'Leave session mode' }).first().click();
    const card = page.locator('.episode');
    await expect(card.locator('.client-agenda')).toContainText('From the client My sleep has been bad');
    await expect(card).toContainText('No homework set.');
    await card.getByText('Set homework', { exact: true }).click();
    await card.getByLabel(/^Next in the plan/).check();
    await card.getByRole('button', { name: 'Set homework' }).click();
    await expect(page.locator('.focus-notice').filter({ hasText: 'Homework set.' })).toBeFocused();
    await expect(card.locator('.homework-items li').first()).toContainText('Not done yet');
    await noViolations(page);
  });

  test('works by keyboard alone, from the client page to the session ended', async ({ page, baseURL }) => {
    test.setTimeout(60_000);
    const s = await setUp(baseURL!);
    await signInByApi(page.request, s.practitioner.email, s.practitioner.password, baseURL);
    await page.goto(`/staff/clients/${s.referral.clientId}`);
    const start = page.getByRole('link', { name: /^Start session/ });
    await start.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Session with Rowan');
    await expect(page.locator('main')).toBeFocused();
    const tabUntil = async (name: string | RegExp, role: 'button' | 'checkbox' = 'button') => {
      const target = page.getByRole(role, { name }).first();
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        if (await target.evaluate((el) => el === document.activeElement)) return;
      }
      throw new Error(`could not reach ${name} with Tab`);
    };
    await tabUntil('Discussed', 'checkbox');
    await page.keyboard.press('Space');
    await tabUntil('End the session…');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'End the session' })).toBeFocused();
    await tabUntil(/^Next in the plan/, 'checkbox');
    await page.keyboard.press('Space');
    await tabUntil('End session');
    await page.keyboard.press('Enter');
    const done = page.locator('.focus-notice');
    await expect(done).toBeFocused();
    await expect(done).toContainText(/Attended\. Next session: \w+day \d+ \w+ at \d\d:\d\d\. Homework: \d+ things?, due \w+day \d+ \w+\./);
    await noViolations(page);
    expect((await (await page.request.get(`/api/clients/${s.referral.clientId}/agenda-items`)).json()).items).toEqual([]);
  });

  test('pseudo-locale: every string of session mode comes through i18n', async ({ page, baseURL }) => {
    test.setTimeout(60_000);
    const s = await setUp(baseURL!);
    await signInByApi(page.request, s.practitioner.email, s.practitioner.password, baseURL);
    await page.goto(`${sessionPath(s.appointmentId, s.referral.clientId, s.referral.episodeId)}&locale=en-XA`);
    await expect(page.locator('main h1')).toContainText(pseudoOpen);
    await expect(page.locator('.together q')).toBeVisible();
    await page.locator('.session-notes button').click();
    await expect(page.locator('#note-agenda')).toBeVisible();
    expect(await untranslatedStrings(page)).toEqual([]);
    await page.locator('main > p button.button').click();
    await page.locator('.end-session button[type="submit"]').waitFor();
    expect(await untranslatedStrings(page)).toEqual([]);
    await noViolations(page);
  });
});
