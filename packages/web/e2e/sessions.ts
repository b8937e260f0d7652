import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { Api } from '../../server/src/modules/sessions/test-support';
import { acceptInvitation, bootstrapAdmin, goodPassword, invitationLink, uniqueEmail, type Person } from './accounts';
import { axeViolations } from './fixtures';
import { bootstrapAdminApi } from './two-step';

/**
 * Helpers for the session-mode and blended-plan journeys: an appointment that has just started
 * (session mode ends only a session under way), the client's agenda item, and the server tests'
 * request-function type (`Api`, decision 0024 "Seeding") made from a Playwright request context, so
 * the seeded on-plan and drifting cases are made exactly as the server tests make them.
 */

/** `Api` over a Playwright request context (its own cookies; Origin as the app's pages send it). */
export function playwrightApi(api: APIRequestContext, origin: string): Api {
  return async (method, url, body) => {
    const response = await api.fetch(url, { method, headers: { origin }, ...(body ? { data: body } : {}) });
    const text = await response.text();
    return { status: response.status(), body: text ? JSON.parse(text) : undefined };
  };
}

/** As the practitioner: a treatment appointment that started `minutesAgo` minutes ago, still booked. */
export async function bookStartedSession(api: APIRequestContext, origin: string, episodeId: string, minutesAgo = 5): Promise<string> {
  const id = randomUUID();
  const startsAt = new Date(Math.floor((Date.now() - minutesAgo * 60_000) / 60_000) * 60_000).toISOString();
  const booked = await api.post(`/api/episodes/${episodeId}/appointments`, {
    data: { id, startsAt, durationMinutes: 45, purpose: 'treatment', contactMethod: 'face_to_face', recordingPast: true },
    headers: { origin },
  });
  expect(booked.status(), `booking the session: ${await booked.text()}`).toBe(201);
  return id;
}

/** As the client: a "thing I want to talk about". */
export async function addAgendaItem(api: APIRequestContext, origin: string, text: string): Promise<string> {
  const id = randomUUID();
  const added = await api.post('/api/me/agenda-items', { data: { id, text, recordedAt: new Date().toISOString() }, headers: { origin } });
  expect(added.status(), `adding an agenda item: ${await added.text()}`).toBe(201);
  return id;
}

/** Session mode's address for an appointment of a referral. */
export function sessionPath(appointmentId: string, clientId: string, episodeId: string): string {
  return `/staff/sessions/${appointmentId}?client=${clientId}&episode=${episodeId}`;
}

/** axe finds nothing, and nothing is wider than the screen (a phone never scrolls sideways). */
export async function noViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

/** A date and time on the clocks of `timeZone`, as the appointment form's fields take them. */
export function wallClock(iso: string, timeZone: string): { day: string; month: string; year: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return { day: String(Number(parts.day)), month: String(Number(parts.month)), year: parts.year!, time: `${parts.hour}:${parts.minute}` };
}

/** Fills an appointment form's date and start time. */
export async function fillWhen(form: Locator, when: { day: string; month: string; year: string; time: string }): Promise<void> {
  const date = form.getByRole('group', { name: 'Date' });
  await date.getByLabel('Day').fill(when.day);
  await date.getByLabel('Month').fill(when.month);
  await date.getByLabel('Year').fill(when.year);
  await form.getByLabel('Start time').fill(when.time);
}

/** A practitioner supervised by `supervisorId`, invited by the bootstrap admin (invitation accepted). */
export async function createSupervised(baseURL: string, supervisorId: string, name: string): Promise<Person> {
  const admin = await bootstrapAdminApi(baseURL, bootstrapAdmin);
  try {
    const email = uniqueEmail('supervised');
    const invited = await admin.post('/api/staff', { data: { id: randomUUID(), email, displayName: name, roles: ['practitioner'], supervisorIds: [supervisorId] } });
    expect(invited.status(), await invited.text()).toBe(201);
    await acceptInvitation(baseURL, await invitationLink(admin, email), email, { password: goodPassword });
    return { email, password: goodPassword, name };
  } finally {
    await admin.dispose();
  }
}
