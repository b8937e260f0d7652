import { request, type Locator, type Page } from '@playwright/test';
import { pseudoOpen } from '../src/shared/i18n/pseudo';
import { bookSession, bookTreatment, createClient, createStaff, signInByApi, uniqueSuffix } from './accounts';
import { axeViolations, expect, test } from './fixtures';
import { untranslatedStrings } from './pseudo';

/**
 * The calendar on the appointment record (decision 0021), in the browser: a booked appointment
 * moved (a clash refused at the date field), its moves in its history; and each person's
 * private calendar feed — made, read as a calendar app would (no session) with no client name,
 * replaced, stopped. axe runs on every page and state checked.
 */

async function noViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

/** Nothing on the page is wider than the screen (a phone must not scroll sideways). */
async function fitsTheScreen(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

/** An instant as the client's wall clock: date parts and "HH:MM". */
function wallClock(iso: string, timeZone: string): { day: string; month: string; year: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return { day: String(Number(parts.day)), month: String(Number(parts.month)), year: parts.year!, time: `${parts.hour}:${parts.minute}` };
}

async function fillWhen(form: Locator, when: { day: string; month: string; year: string; time: string }): Promise<void> {
  const date = form.getByRole('group', { name: 'Date' });
  await date.getByLabel('Day').fill(when.day);
  await date.getByLabel('Month').fill(when.month);
  await date.getByLabel('Year').fill(when.year);
  await form.getByLabel('Start time').fill(when.time);
}

/** Reads a calendar feed as a calendar app does: no cookie, no origin. */
async function readFeed(url: string): Promise<{ status: number; type: string; body: string }> {
  const app = await request.newContext();
  try {
    const response = await app.get(url);
    return { status: response.status(), type: response.headers()['content-type'] ?? '', body: await response.text() };
  } finally {
    await app.dispose();
  }
}

/** Makes the feed on the page and returns the address shown once. */
async function makeFeed(page: Page, button: string): Promise<string> {
  await page.getByRole('button', { name: button }).click();
  const address = page.getByRole('textbox', { name: 'Calendar address' });
  await expect(address).toBeVisible();
  const url = await address.inputValue();
  expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  return url;
}

test.describe('moving appointments', () => {
  test('a booked appointment is moved, a clash is shown at the date, and the move is in its history', async ({ page, visit, baseURL }) => {
    test.setTimeout(90_000);
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Moe ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Tia');
    const care = await bookSession(baseURL!, practitioner, client, { hoursAhead: 30 });
    await bookTreatment(baseURL!, practitioner, care.episodeId, 54);
    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
    const { timeZone } = await (await page.request.get(`/api/clients/${care.clientId}`)).json();
    const listed = (await (await page.request.get(`/api/episodes/${care.episodeId}/appointments`)).json()).appointments as { id: string; startsAt: string; reference: string }[];
    const first = listed.find((a) => a.id === care.appointmentId)!;
    const second = listed.find((a) => a.id !== care.appointmentId)!;

    await visit(`/staff/clients/${care.clientId}`);
    const row = page.getByRole('row').filter({ hasText: `Ref ${first.reference}` });
    await expect(row).toBeVisible();
    await row.locator('summary').filter({ hasText: 'Move' }).click();
    const form = row.locator('.move-form');
    // The form starts at the appointment's own time and length.
    await expect(form.getByLabel('Start time')).toHaveValue(wallClock(first.startsAt, timeZone).time);
    await expect(form.getByLabel('Length in minutes')).toHaveValue('45');
    await noViolations(page);

    // Onto the practitioner's other appointment: refused, at the date.
    await fillWhen(form, wallClock(second.startsAt, timeZone));
    await form.getByRole('button', { name: 'Move the appointment' }).click();
    await expect(form.locator('.error-summary')).toBeFocused();
    await expect(form.locator('.error-summary')).toContainText('The practitioner already has an appointment at this time.');
    await expect(form.locator('.field-error')).toContainText('already has an appointment');
    await expect(form.getByRole('group', { name: 'Date' }).getByLabel('Day')).toHaveAttribute('aria-invalid', 'true');
    await noViolations(page);

    // Four days on at 10:00 (clear of the other appointment), with a reason.
    const later = wallClock(new Date(Date.now() + 4 * 24 * 3600_000).toISOString(), timeZone);
    await fillWhen(form, { ...later, time: '10:00' });
    await form.getByLabel('Why is it moving? (optional)').fill('The client asked for a later day.');
    await form.getByRole('button', { name: 'Move the appointment' }).click();
    await expect(page.locator('.focus-notice').filter({ hasText: 'Appointment moved.' })).toBeFocused();
    const moved = page.getByRole('row').filter({ hasText: `Ref ${first.reference}` });
    await expect(moved).toContainText(', 10:00');
    await moved.locator('summary').filter({ hasText: 'History' }).click();
    const history = moved.locator('.history-list li');
    await expect(history).toHaveCount(2);
    await expect(history.first()).toContainText('Booked');
    await expect(history.last()).toContainText(`Moved from ${Number(wallClock(first.startsAt, timeZone).day)}`);
    await expect(history.last()).toContainText(`${wallClock(first.startsAt, timeZone).time} to`);
    await expect(history.last()).toContainText('10:00 (45 minutes)');
    await expect(history.last()).toContainText('The client asked for a later day.');
    await expect(history.last()).toContainText(`by ${practitioner.name}`);
    await noViolations(page);
  });
});

test.describe('private calendar feed', () => {
  test('a practitioner makes a feed, a calendar app reads it without names, a new address replaces it, and stopping it ends it', async ({ page, visit, baseURL }) => {
    test.setTimeout(90_000);
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Fay ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Zed');
    const care = await bookSession(baseURL!, practitioner, client, { hoursAhead: 26 });
    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);

    await visit('/staff/');
    await page.getByRole('navigation').getByRole('link', { name: 'Calendar feed' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Calendar feed' })).toBeVisible();
    await expect(page.getByText('You do not have a calendar feed.')).toBeVisible();
    await noViolations(page);

    const url = await makeFeed(page, 'Make my calendar address');
    await expect(page.getByRole('region', { name: 'Your calendar address' })).toBeFocused();
    await page.getByRole('button', { name: 'Copy the address' }).click();
    await expect(page.getByRole('status').filter({ hasText: /copied|Copying did not work/ })).toBeVisible();
    await fitsTheScreen(page);
    await noViolations(page);

    const feed = await readFeed(url);
    expect(feed.status).toBe(200);
    expect(feed.type).toContain('text/calendar');
    const reference = care.appointmentId.replace(/-/g, '').slice(-6).toUpperCase();
    expect(feed.body).toContain(`UID:${care.appointmentId}@tandem`);
    expect(feed.body.toUpperCase()).toContain(reference);
    expect(feed.body).toContain('SUMMARY:Tandem appointment (ref');
    for (const name of [client.givenName, client.familyName, 'Low mood']) expect(feed.body).not.toContain(name);

    // A new address: the old one stops working at once.
    await page.reload();
    await expect(page.getByText(/Your feed has been on since/)).toBeVisible();
    await expect(page.getByText(/A calendar app last read it at/)).toBeVisible();
    await page.getByRole('button', { name: 'Make a new address' }).click();
    await expect(page.locator('.feed-confirm')).toBeFocused();
    await noViolations(page);
    const renewed = await makeFeed(page, 'Yes, make a new address');
    expect(renewed).not.toBe(url);
    expect((await readFeed(url)).status).toBe(404);
    expect((await readFeed(renewed)).status).toBe(200);

    // Stopped: nothing answers any more.
    await page.getByRole('button', { name: 'Stop the feed' }).click();
    await page.getByRole('button', { name: 'Yes, stop the feed' }).click();
    await expect(page.getByText('Your calendar feed has stopped. The address no longer works.')).toBeFocused();
    expect((await readFeed(renewed)).status).toBe(404);
    await noViolations(page);
  });

  test('a client adds their appointments to their calendar app from their choices, and stops it', async ({ page, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Gil ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Ava');
    const care = await bookSession(baseURL!, practitioner, client, { hoursAhead: 28 });
    await signInByApi(page.request, client.email, client.password, baseURL);

    await visit('/choices');
    await page.getByRole('link', { name: 'Add your appointments to your calendar app' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Add your appointments to your calendar app' })).toBeVisible();
    await expect(page.getByText('Keep this address private.', { exact: false })).toBeVisible();
    await fitsTheScreen(page);
    await noViolations(page);

    const url = await makeFeed(page, 'Make my calendar address');
    await fitsTheScreen(page);
    await noViolations(page);
    const feed = await readFeed(url);
    expect(feed.status).toBe(200);
    expect(feed.type).toContain('text/calendar');
    expect(feed.body).toContain(`UID:${care.appointmentId}@tandem`);
    expect(feed.body).toContain('SUMMARY:Tandem appointment');
    for (const name of [client.givenName, client.familyName, practitioner.name]) expect(feed.body).not.toContain(name);

    await page.getByRole('button', { name: 'Stop showing my appointments' }).click();
    await page.getByRole('button', { name: 'Yes, stop it' }).click();
    await expect(page.getByText('Done. Your calendar address does not work any more.')).toBeFocused();
    expect((await readFeed(url)).status).toBe(404);
    await noViolations(page);
  });

  test('pseudo-locale: every string on both calendar pages comes through i18n', async ({ page, newPage, visit, baseURL }) => {
    const practitioner = await createStaff(baseURL!, ['practitioner'], `Hal ${uniqueSuffix()}`);
    const client = await createClient(baseURL!, practitioner, 'Ivo');
    await signInByApi(page.request, practitioner.email, practitioner.password, baseURL);
    await visit('/staff/calendar?locale=en-XA');
    await expect(page.locator('main h1')).toContainText(pseudoOpen);
    expect(await untranslatedStrings(page)).toEqual([]);
    await page.locator('main button').click();
    await expect(page.locator('.feed-address')).toBeVisible();
    await page.locator('.feed-address button').click();
    await expect(page.locator('.feed-address [role="status"]')).not.toBeEmpty();
    expect(await untranslatedStrings(page)).toEqual([]);

    const phone = await newPage();
    await signInByApi(phone.request, client.email, client.password, baseURL);
    await phone.goto('/calendar?locale=en-XA');
    await expect(phone.locator('main h1')).toContainText(pseudoOpen);
    await phone.locator('main button').click();
    await expect(phone.locator('.feed-address')).toBeVisible();
    expect(await untranslatedStrings(phone)).toEqual([]);
    expect(await axeViolations(phone)).toEqual([]);
  });
});
