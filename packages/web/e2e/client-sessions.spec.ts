import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { pseudoOpen } from '../src/shared/i18n/pseudo';
import { bookSession, bookTreatment, createClient, createStaff, endCare, openReferral, signedInApi, signInByApi, uniqueSuffix, type ClientPerson, type Person } from './accounts';
import { axeViolations, expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';

/**
 * The client's side of sessions (issue 8 items 4, 5 and 7), on the real server: homework set by the
 * practitioner shown on home as "Before your session on <day>", done from the phone (also offline);
 * "Things I want to talk about", added by keyboard, removed, and kept offline and sent once; and
 * where the client is in their plan after a recorded session. axe runs on every page state.
 */

async function noViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  // Nothing wider than the screen: a phone must not scroll the page sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

/** Presses Tab until `target` has focus (at most `max` times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('could not reach the element with Tab');
}

/** "Tuesday 3 December" on the clocks of `timeZone`, worked out apart from the app's own helper. */
function dayInWords(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(instant));
}

interface InCare {
  practitioner: Person;
  client: ClientPerson;
  care: Awaited<ReturnType<typeof bookSession>>;
}

/** A client in care with a session booked 100 hours ahead (no questionnaires due yet: a calm home). */
async function inCare(baseURL: string, name: string): Promise<InCare> {
  const practitioner = await createStaff(baseURL, ['practitioner'], `Pat ${uniqueSuffix()}`);
  const client = await createClient(baseURL, practitioner, name);
  return { practitioner, client, care: await bookSession(baseURL, practitioner, client, { hoursAhead: 100 }) };
}

/** As the practitioner: homework for the next session (two steps and the goals sheet). */
async function setHomework(baseURL: string, practitioner: Person, episodeId: string): Promise<void> {
  const api = await signedInApi(baseURL, practitioner);
  try {
    const items = [
      { kind: 'step', moduleId: 'understanding-depression', stepId: 'what-depression-is' },
      { kind: 'step', moduleId: 'understanding-depression', stepId: 'how-low-mood-keeps-going' },
      { kind: 'exercise', moduleId: 'understanding-depression', exerciseId: 'goals' },
    ];
    const set = await api.post(`/api/episodes/${episodeId}/homework`, { data: { id: randomUUID(), items } });
    expect(set.status(), await set.text()).toBe(201);
  } finally {
    await api.dispose();
  }
}

async function agendaTexts(api: APIRequestContext): Promise<string[]> {
  return ((await (await api.get('/api/me/agenda-items')).json()).items as { text: string }[]).map((i) => i.text);
}

const homeworkCard = (page: Page, day: string) => page.getByRole('region', { name: `Before your session on ${day}` });
const talkAboutBox = (page: Page) => page.getByLabel('Something you want to talk about in your next session');

test.describe('the client between sessions', () => {
  test('homework shows on home before the session; steps done (also offline) are marked done', async ({ page, visit, baseURL }) => {
    test.setTimeout(60_000);
    const { practitioner, client, care } = await inCare(baseURL!, 'Hana');
    await setHomework(baseURL!, practitioner, care.episodeId);
    await signInByApi(page.request, client.email, client.password, baseURL);
    const timeZone = (await (await page.request.get('/api/me')).json()).actor.timeZone as string;
    const day = dayInWords(care.startsAt, timeZone);

    await visit('/');
    const card = homeworkCard(page, day);
    await expect(card).toBeVisible();
    await expect(card.getByRole('listitem')).toHaveCount(3);
    await expect(card.getByRole('link', { name: 'What depression is' })).toHaveAttribute('href', '/programme/understanding-depression/what-depression-is');
    await expect(card.getByRole('link', { name: 'Setting goals' })).toHaveAttribute('href', '/programme/understanding-depression/setting-goals/exercise');
    await expect(card.getByRole('listitem').first()).toContainText('About 3 minutes');
    await expect(card.getByText('Done', { exact: true })).toHaveCount(0);
    await noViolations(page);

    // Open one, mark it done, come back: it is done.
    await card.getByRole('link', { name: 'What depression is' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'What depression is' })).toBeVisible();
    await page.getByRole('button', { name: "I've read this" }).click();
    await expect(page.getByRole('status').filter({ hasText: 'done' })).toHaveText('You have done this step.');
    await visit('/');
    await expect(card.getByRole('listitem').filter({ hasText: 'What depression is' })).toContainText('Done');
    await expect(card.getByRole('listitem').filter({ hasText: 'How low mood keeps going' })).not.toContainText('Done');

    // No connection: a step marked done on the phone counts as done before it is sent.
    await page.route('**/api/me/programme/steps/**', (route) => route.abort('internetdisconnected'));
    await card.getByRole('link', { name: 'How low mood keeps going' }).click();
    await page.getByRole('button', { name: "I've read this" }).click();
    await expect(page.getByRole('button', { name: "I've read this" })).toHaveCount(0);
    await visit('/');
    await expect(card.getByRole('listitem').filter({ hasText: 'How low mood keeps going' })).toContainText('Done');
    await page.unroute('**/api/me/programme/steps/**');

    // The goals sheet sent to the practitioner: everything is done, and the card says so kindly.
    const entry = await page.request.put(`/api/exercise-entries/${randomUUID()}`, {
      data: { exercise: 'goals', moduleId: 'understanding-depression', stepId: 'setting-goals', contentVersion: '1.0.0', status: 'submitted', shared: true, data: { goals: [{ text: 'Walk each day', progress: 1 }] }, recordedAt: new Date().toISOString() },
      headers: { origin: baseURL! },
    });
    expect(entry.ok(), await entry.text()).toBe(true);
    await expect
      .poll(async () => ((await (await page.request.get('/api/me/homework')).json()).current.items as { done: boolean }[]).map((i) => i.done))
      .toEqual([true, true, true]);
    await page.reload();
    await expect(card.getByText('Done', { exact: true })).toHaveCount(3);
    await expect(card).toContainText('You have done everything for your next session. Well done.');
    await noViolations(page);
  });

  test('things to talk about: added by keyboard, listed, limited to 500 characters, removed; gone once care ends', async ({ page, visit, baseURL }) => {
    test.setTimeout(60_000);
    const { practitioner, client, care } = await inCare(baseURL!, 'Omar');
    await signInByApi(page.request, client.email, client.password, baseURL);
    await visit('/');
    await page.getByRole('link', { name: 'Things I want to talk about' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Things I want to talk about' })).toBeVisible();
    await expect(page).toHaveTitle('Things I want to talk about – Tandem');
    await expect(page.getByText('Your practitioner will see these at your next session. Nobody reads them before then.')).toBeVisible();
    await expect(page.locator('main').getByRole('link', { name: 'Get help now' })).toHaveAttribute('href', '/help');
    await expect(page.getByText('Your list is empty.')).toBeVisible();
    await noViolations(page);

    // Keyboard only: Tab to the box, type, Tab to Add, press Enter.
    await tabTo(page, talkAboutBox(page));
    await page.keyboard.type('My sleep has been bad');
    await tabTo(page, page.getByRole('button', { name: 'Add' }), 3);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Added to your list.' })).toBeVisible();
    const list = page.locator('.agenda-list > li');
    await expect(list).toHaveText([/My sleep has been bad/]);
    await expect(talkAboutBox(page)).toHaveValue('');
    await noViolations(page);

    // Nothing typed, or too much: a clear message on the field.
    await page.getByRole('button', { name: 'Add' }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.locator('.error-summary')).toContainText('Write something to add');
    await talkAboutBox(page).fill('a'.repeat(501));
    await page.getByRole('button', { name: 'Add' }).click();
    await expect(page.locator('.error-summary')).toContainText('This is too long. Use 500 characters or fewer. You have written 501.');
    await expect(talkAboutBox(page)).toHaveAttribute('aria-invalid', 'true');
    await noViolations(page);

    await talkAboutBox(page).fill('Going back to work');
    await page.getByRole('button', { name: 'Add' }).click();
    await expect(list).toHaveText([/My sleep has been bad/, /Going back to work/]);
    await list.filter({ hasText: 'My sleep has been bad' }).getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Removed from your list.' })).toBeVisible();
    await expect(list).toHaveText([/Going back to work/]);
    await expect(page.getByRole('heading', { level: 2, name: 'Your list' })).toBeFocused();
    expect(await agendaTexts(page.request)).toEqual(['Going back to work']);
    await noViolations(page);

    // Care ended: no box, a kind line and where to get help.
    await endCare(baseURL!, practitioner, care);
    await page.reload();
    await expect(page.getByText('Your care has ended, so there is no next session to talk about.')).toBeVisible();
    await expect(talkAboutBox(page)).toHaveCount(0);
    await noViolations(page);
  });

  test('a thing to talk about added offline is kept on the phone and sent once', async ({ page, context, visit, baseURL }) => {
    const { client } = await inCare(baseURL!, 'Ivy');
    await signInByApi(page.request, client.email, client.password, baseURL);
    await visit('/talk-about');
    await context.setOffline(true);
    await talkAboutBox(page).fill('Feeling tired in the mornings');
    await page.getByRole('button', { name: 'Add' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved on this phone. It will be sent when you are back online.' })).toBeVisible();
    await expect(page.locator('.agenda-list > li').filter({ hasText: 'Feeling tired in the mornings' })).toContainText('Waiting to send');
    await noViolations(page);

    await context.setOffline(false);
    await expect(page.locator('.agenda-list > li').filter({ hasText: 'Feeling tired in the mornings' })).toContainText('Remove');
    await page.reload();
    await expect(page.locator('.agenda-list > li')).toHaveCount(1);
    const api = await signedInApi(baseURL!, client);
    try {
      expect((await agendaTexts(api)).filter((text) => text === 'Feeling tired in the mornings')).toHaveLength(1);
    } finally {
      await api.dispose();
    }
  });

  test('the plan shows what is done, now and next after a recorded session, in plain words', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Pat ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Sami');
    const referral = await openReferral(baseURL!, practitioner, client);
    const api = await signedInApi(baseURL!, practitioner);
    try {
      const steps = (await (await api.get(`/api/episodes/${referral.episodeId}/plan`)).json()).steps as { id: string; mode: string }[];
      const first = steps.find((s) => s.mode === 'face_to_face')!;
      expect(first.id).toBe(steps[0]!.id);
      const appointmentId = await bookTreatment(baseURL!, practitioner, referral.episodeId, -48);
      const attended = await api.post(`/api/appointments/${appointmentId}/status`, { data: { status: 'attended', version: 1 } });
      expect(attended.status(), await attended.text()).toBe(200);
      const note = await api.put(`/api/appointments/${appointmentId}/session-note`, { data: { planStepId: first.id, savedAt: new Date().toISOString() } });
      expect(note.status(), await note.text()).toBe(200);
    } finally {
      await api.dispose();
    }

    await signInByApi(page.request, client.email, client.password, baseURL);
    const progress = (await (await page.request.get('/api/me/plan/progress')).json()).progress as { steps: { deliveredOn: string | null }[] };
    const deliveredOn = progress.steps[0]!.deliveredOn!;
    await visit('/plan');
    const lines = page.locator('.client-plan > li');
    await expect(lines.first()).toContainText(`Done on ${dayInWords(`${deliveredOn}T12:00:00Z`, 'UTC')}`);
    await expect(lines.nth(1).locator('.client-plan-status')).toHaveText('Now');
    await expect(lines.nth(1)).toHaveAttribute('aria-current', 'step');
    await expect(lines.nth(2).locator('.client-plan-status')).toHaveText('Next');
    await expect(lines.nth(3).locator('.client-plan-status')).toHaveCount(0);
    const words = await page.locator('main').innerText();
    for (const jargon of ['drift', 'component', 'flag', 'overdue']) expect(words.toLowerCase()).not.toContain(jargon);
    await noViolations(page);
  });

  test('every string on the homework card and the talk-about page comes through i18n; Arabic reads right to left', async ({ page, visit, baseURL }) => {
    const { practitioner, client, care } = await inCare(baseURL!, 'Lou');
    await setHomework(baseURL!, practitioner, care.episodeId);
    await signInByApi(page.request, client.email, client.password, baseURL);
    const added = await page.request.post('/api/me/agenda-items', { data: { id: randomUUID(), text: 'My sleep', recordedAt: new Date().toISOString() }, headers: { origin: baseURL! } });
    expect(added.status(), await added.text()).toBe(201);

    await visit('/?locale=en-XA');
    await expect(page.locator('section.homework h2')).toContainText(pseudoOpen);
    await expect(page.locator('section.homework li')).toHaveCount(3);
    expect(await untranslatedStrings(page), '/').toEqual([]);
    await visit('/talk-about?locale=en-XA');
    await expect(page.locator('.agenda-list > li')).toHaveCount(1);
    expect(await untranslatedStrings(page), '/talk-about').toEqual([]);

    await visit('/talk-about?locale=ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1, name: 'أشياء أريد التحدث عنها' })).toBeVisible();
    await expect(page.locator('.agenda-list > li')).toHaveCount(1);
    // No English left but the client's own words and the app's name.
    const words = (await page.locator('main').innerText()).replace('My sleep', '');
    expect(words).not.toMatch(/[A-Za-z]{2,}/);
    await noViolations(page);
    await visit('/?locale=ar');
    await expect(page.locator('section.homework h2')).toContainText('قبل جلستك يوم');
    await noViolations(page);
  });
});
