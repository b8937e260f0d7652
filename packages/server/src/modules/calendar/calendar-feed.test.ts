import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff, signInAs } from '../../test/factories';
import { sessionOf } from '../../test/sessions';
import { createTestApp, type TestApp } from '../../test/test-app';
import { bookAppointment, openEpisode, type Booking } from './test-support';

// The test clock starts on Monday 2026-03-02 at 09:00 UTC. A feed shows the last 30 days on.
let t: TestApp;
let origin: string;
const w = {} as {
  p1: Awaited<ReturnType<typeof makeStaff>>;
  p2: Awaited<ReturnType<typeof makeStaff>>;
  c1: Awaited<ReturnType<typeof makeClient>>;
  c2: Awaited<ReturnType<typeof makeClient>>;
  c3: Awaited<ReturnType<typeof makeClient>>;
  episodes: Map<string, string>;
  /** c1's appointments by name, with their references. */
  a: Record<'old' | 'recent' | 'booked' | 'cancelled' | 'moved' | 'c2' | 'c3', { id: string; reference: string }>;
};

/** Words that must never appear in any feed: names, purpose, method, problem. */
const forbidden = /\b(Alex|Morgan|Sam|Patel|Jo|Okafor|Priya|Shah|Tom|Reed|assessment|treatment|review|video|phone|face|depression|bereavement)\b/i;

beforeAll(async () => {
  t = await createTestApp();
  origin = t.config.publicOrigin;
  const now = t.clock.now();
  const db = t.database.db;
  const org = await makeOrganisation(db, now);
  w.p1 = await makeStaff(db, now, org.id, ['practitioner'], { name: 'Priya Shah' });
  w.p2 = await makeStaff(db, now, org.id, ['practitioner'], { name: 'Tom Reed' });
  w.c1 = await makeClient(db, now, org.id, [w.p1.id], { givenName: 'Alex', familyName: 'Morgan' });
  w.c2 = await makeClient(db, now, org.id, [w.p1.id], { givenName: 'Sam', familyName: 'Patel' });
  w.c3 = await makeClient(db, now, org.id, [w.p2.id], { givenName: 'Jo', familyName: 'Okafor' });
  w.episodes = new Map();
  for (const [client, practitioner] of [[w.c1, w.p1], [w.c2, w.p1], [w.c3, w.p2]] as const) {
    w.episodes.set(client.id, await openEpisode(t, practitioner, client.id));
  }
  const p1 = await sessionOf(t, w.p1);
  w.a = {
    old: await book(w.p1, w.c1, '2026-01-10T10:00:00Z', { purpose: 'assessment', recordingPast: true }),
    recent: await book(w.p1, w.c1, '2026-02-20T10:00:00Z', { purpose: 'assessment', recordingPast: true }),
    booked: await book(w.p1, w.c1, '2026-03-10T10:00:00Z'),
    cancelled: await book(w.p1, w.c1, '2026-03-11T10:00:00Z'),
    moved: await book(w.p1, w.c1, '2026-03-12T10:00:00Z'),
    c2: await book(w.p1, w.c2, '2026-03-10T12:00:00Z'),
    c3: await book(w.p2, w.c3, '2026-03-10T10:00:00Z'),
  };
  expect((await p1.post(`/api/appointments/${w.a.cancelled.id}/status`, { status: 'cancelled_by_service', version: 1 })).statusCode).toBe(200);
  expect((await p1.post(`/api/appointments/${w.a.moved.id}/reschedule`, { startsAt: '2026-03-13T11:00:00Z', version: 1, reason: 'Priya is on leave' })).statusCode).toBe(200);
});
afterAll(() => t.close());

const book = (practitioner: { email: string }, client: { id: string }, startsAt: string, booking?: Booking) =>
  bookAppointment(t, practitioner, w.episodes.get(client.id)!, startsAt, booking);

async function feedApi(person: { email: string }, method: 'GET' | 'POST' | 'DELETE') {
  const cookie = await signInAs(t.app, origin, person.email);
  return t.app.inject({ method, url: '/api/me/calendar-feed', headers: { origin, cookie } });
}

async function createFeed(person: { email: string }) {
  const res = await feedApi(person, 'POST');
  expect(res.statusCode, res.body).toBe(201);
  const url = res.json().url as string;
  expect(url).toMatch(new RegExp(`^${origin}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
  return { url, path: url.slice(origin.length), token: url.slice(origin.length + '/calendar/'.length, -'.ics'.length) };
}

/** Fetched as a calendar app would: no cookie, no origin. */
const fetchFeed = (path: string) => t.app.inject({ method: 'GET', url: path });

function parseEvents(body: string) {
  const calendar = new ICAL.Component(ICAL.parse(body));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      sequence: event.sequence,
      status: vevent.getFirstPropertyValue('status'),
    };
  });
}

describe('a client’s private calendar feed', () => {
  it('is made once, stored only as a hash, and serves their appointments from 30 days ago on, with no clinical detail', async () => {
    const feed = await createFeed(w.c1);
    const state = await feedApi(w.c1, 'GET');
    expect(state.json()).toEqual({ active: true, createdAt: t.clock.now().toISOString(), lastReadAt: null });
    expect(state.body).not.toContain(feed.token);
    const row = await t.database.db.selectFrom('calendar_feed').selectAll().where('account_id', '=', w.c1.accountId!).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(feed.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(feed.token);

    const res = await fetchFeed(feed.path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(res.body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(res.body).not.toMatch(forbidden);
    expect(res.body).not.toContain('on leave');

    const events = parseEvents(res.body);
    expect(events.map((e) => e.uid)).toEqual([w.a.recent, w.a.booked, w.a.cancelled, w.a.moved].map((a) => `${a.id}@tandem`));
    expect(events.every((e) => e.summary === 'Tandem appointment')).toBe(true);
    expect(events[1]).toMatchObject({ start: '2026-03-10T10:00:00.000Z', end: '2026-03-10T10:45:00.000Z', sequence: 0, status: 'CONFIRMED', description: `Details are in Tandem: ${origin}/` });
    expect(events[2]).toMatchObject({ status: 'CANCELLED', sequence: 1 });
    expect(events[3]).toMatchObject({ start: '2026-03-13T11:00:00.000Z', sequence: 1, status: 'CONFIRMED' });

    // Every read is audited in the owner's name, with what it showed; the owner sees it was read.
    const audit = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'calendar_feed.read').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_type: 'client', actor_id: w.c1.id, client_id: w.c1.id, entity_id: row.id });
    expect([...audit[0]!.subject_ids!].sort()).toEqual([w.a.recent.id, w.a.booked.id, w.a.cancelled.id, w.a.moved.id].sort());
    expect((await feedApi(w.c1, 'GET')).json().lastReadAt).toBe(t.clock.now().toISOString());

    // The secret never reaches the log, even though it is in the path (other paths are logged).
    expect(t.logs()).toContain('/api/me/calendar-feed');
    expect(t.logs()).not.toContain(feed.token);
    expect(t.logs()).not.toContain('/calendar/');
  });

  it('a new address stops the old one at once; revoking stops it; every dead or unknown address gets the same 404', async () => {
    const first = await createFeed(w.c1);
    expect((await fetchFeed(first.path)).statusCode).toBe(200);
    const second = await createFeed(w.c1);
    const rotatedAway = await fetchFeed(first.path);
    expect((await fetchFeed(second.path)).statusCode).toBe(200);

    const revoked = await feedApi(w.c1, 'DELETE');
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toEqual({ active: false, createdAt: null, lastReadAt: null });
    expect((await feedApi(w.c1, 'GET')).json().active).toBe(false);
    // Revoking again is not an error.
    expect((await feedApi(w.c1, 'DELETE')).statusCode).toBe(200);

    const answers = [
      rotatedAway,
      await fetchFeed(second.path),
      await fetchFeed(`/calendar/${'A'.repeat(43)}.ics`),
      await fetchFeed(`/calendar/${second.token}`),
      await fetchFeed('/calendar/short.ics'),
      await fetchFeed(`/calendar/${second.token}.ics.ics`),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(404);
      expect(res.body).toBe(answers[0]!.body);
      expect(res.headers['cache-control']).toBe('no-store');
    }
    expect(answers[0]!.json()).toEqual({ error: { code: 'request.not_found', message: 'Nothing is here.' } });
  });

  it('stops when the account is disabled', async () => {
    const feed = await createFeed(w.c2);
    expect((await fetchFeed(feed.path)).statusCode).toBe(200);
    await t.database.db.updateTable('account').set({ status: 'disabled' }).where('id', '=', w.c2.accountId!).execute();
    expect((await fetchFeed(feed.path)).statusCode).toBe(404);
  });
});

describe('a practitioner’s private calendar feed', () => {
  it('shows the appointments they hold across their caseload, each with an opaque reference and no client name', async () => {
    const feed = await createFeed(w.p1);
    const res = await fetchFeed(feed.path);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(forbidden);
    const events = parseEvents(res.body);
    const mine = [w.a.recent, w.a.booked, w.a.c2, w.a.cancelled, w.a.moved];
    expect(events.map((e) => e.uid)).toEqual(mine.map((a) => `${a.id}@tandem`));
    for (const [i, event] of events.entries()) {
      expect(event.summary).toBe(`Tandem appointment (ref ${mine[i]!.reference})`);
      expect(event.description).toBe(`Reference ${mine[i]!.reference}. Details are in Tandem: ${origin}/staff/`);
    }
    const audit = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'calendar_feed.read').where('actor_id', '=', w.p1.id).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_type: 'staff', client_id: null });
    expect(audit.subject_ids).toHaveLength(5);
  });

  it('another practitioner’s feed holds only their own', async () => {
    const feed = await createFeed(w.p2);
    expect(parseEvents((await fetchFeed(feed.path)).body).map((e) => e.uid)).toEqual([`${w.a.c3.id}@tandem`]);
  });
});
