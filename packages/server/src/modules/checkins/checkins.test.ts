import { newId } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff, signInAs } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
let origin: string;
let practitioner: Awaited<ReturnType<typeof makeStaff>>;
let stranger: Awaited<ReturnType<typeof makeStaff>>;
let client: Awaited<ReturnType<typeof makeClient>>;
let clientCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  origin = t.config.publicOrigin;
  const org = await makeOrganisation(t.database.db, t.clock.now());
  practitioner = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
  stranger = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
  client = await makeClient(t.database.db, t.clock.now(), org.id, [practitioner.id]);
  clientCookie = await signInAs(t.app, origin, client.email);
});
afterAll(() => t.close());

const checkIn = (payload: object, cookie = clientCookie) =>
  t.app.inject({ method: 'POST', url: '/api/check-ins', headers: { origin, cookie }, payload });
const count = async (id: string) => (await t.database.db.selectFrom('check_in').select('id').where('id', '=', id).execute()).length;
const audited = async (id: string) =>
  (await t.database.db.selectFrom('audit_event').select('id').where('entity_id', '=', id).where('action', '=', 'check_in.create').execute()).length;

describe('mood check-in', () => {
  it('stores the rating, the note, the device time and the server time', async () => {
    const id = newId(t.clock.now());
    const res = await checkIn({ id, mood: 6, note: 'Walked to the shop', recordedAt: '2026-03-02T08:55:00+00:00' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      id,
      clientId: client.id,
      mood: 6,
      note: 'Walked to the shop',
      recordedAt: '2026-03-02T08:55:00.000Z',
      receivedAt: '2026-03-02T09:00:00.000Z',
    });
    const audit = await t.database.db.selectFrom('audit_event').selectAll().where('entity_id', '=', id).execute();
    expect(audit).toMatchObject([{ action: 'check_in.create', actor_type: 'client', client_id: client.id }]);
  });

  it('makes one row from a retried submit, and answers the retry with the stored check-in', async () => {
    const body = { id: newId(t.clock.now()), mood: 3, recordedAt: '2026-03-02T08:00:00Z' };
    expect((await checkIn(body)).statusCode).toBe(201);
    t.clock.advance(5_000);
    const retry = await checkIn(body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().receivedAt).toBe('2026-03-02T09:00:00.000Z');
    expect(await count(body.id)).toBe(1);
    // The check-in and its audit entry are written by one statement: the retry adds neither.
    expect(await audited(body.id)).toBe(1);
  });

  it('makes one row from two identical submits sent at once', async () => {
    const body = { id: newId(t.clock.now()), mood: 8, note: 'good day', recordedAt: '2026-03-02T08:00:00Z' };
    const results = await Promise.all([checkIn(body), checkIn(body), checkIn(body)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    expect(await count(body.id)).toBe(1);
    expect(await audited(body.id)).toBe(1);
  });

  it('refuses a replay with a changed body under the same id, keeping the original', async () => {
    const id = newId(t.clock.now());
    await checkIn({ id, mood: 2, recordedAt: '2026-03-02T08:00:00Z' });
    const changed = await checkIn({ id, mood: 9, recordedAt: '2026-03-02T08:00:00Z' });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.code).toBe('write.id_conflict');
    const row = await t.database.db.selectFrom('check_in').select('mood').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.mood).toBe(2);
  });

  it.each([
    ['a rating of 0', { mood: 0 }, 'body/mood'],
    ['a rating of 11', { mood: 11 }, 'body/mood'],
    ['a rating of 4.5', { mood: 4.5 }, 'body/mood'],
    ['a note over 1000 characters', { mood: 5, note: 'x'.repeat(1001) }, 'body/note'],
    ['someone else as the client', { mood: 5, clientId: newId(new Date()) }, 'body/clientId'],
  ])('refuses %s and stores nothing', async (_name, fields, path) => {
    const id = newId(t.clock.now());
    const res = await checkIn({ id, recordedAt: '2026-03-02T08:00:00Z', ...fields });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await count(id)).toBe(0);
  });

  it('refuses a device time more than 10 minutes ahead of the server, and accepts 10 minutes', async () => {
    const ahead = await checkIn({ id: newId(t.clock.now()), mood: 5, recordedAt: new Date(t.clock.now().getTime() + 10 * 60_000 + 1000).toISOString() });
    expect(ahead.statusCode).toBe(400);
    const drift = await checkIn({ id: newId(t.clock.now()), mood: 5, recordedAt: new Date(t.clock.now().getTime() + 10 * 60_000).toISOString() });
    expect(drift.statusCode).toBe(201);
  });

  it('refuses staff checking in', async () => {
    const cookie = await signInAs(t.app, origin, practitioner.email);
    const res = await checkIn({ id: newId(t.clock.now()), mood: 5, recordedAt: '2026-03-02T08:00:00Z' }, cookie);
    expect(res.statusCode).toBe(403);
  });

  it('after the session has expired answers 401 and stores nothing (the phone keeps it and sends it after sign-in)', async () => {
    const cookie = await signInAs(t.app, origin, client.email);
    t.clock.advance(12 * 3600_000);
    const body = { id: newId(t.clock.now()), mood: 4, recordedAt: t.clock.now().toISOString() };
    const expired = await checkIn(body, cookie);
    expect(expired.statusCode).toBe(401);
    expect(await count(body.id)).toBe(0);
    const fresh = await signInAs(t.app, origin, client.email);
    expect((await checkIn(body, fresh)).statusCode).toBe(201);
    clientCookie = fresh;
  });
});

describe('seeing check-ins', () => {
  it('the client sees their own, newest first', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/check-ins?days=14', headers: { cookie: clientCookie } });
    expect(res.statusCode).toBe(200);
    const times = res.json().checkIns.map((c: { recordedAt: string }) => c.recordedAt);
    expect(times.length).toBeGreaterThan(3);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('the care team sees them (audited with the ids), a practitioner off the care team does not', async () => {
    const cookie = await signInAs(t.app, origin, practitioner.email);
    const res = await t.app.inject({ method: 'GET', url: `/api/clients/${client.id}/check-ins`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const ids = res.json().checkIns.map((c: { id: string }) => c.id);
    const audit = await t.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('request_id', '=', String(res.headers['x-request-id']))
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'check_in.list', client_id: client.id });
    expect([...audit.subject_ids!].sort()).toEqual([...ids].sort());
    const other = await signInAs(t.app, origin, stranger.email);
    expect((await t.app.inject({ method: 'GET', url: `/api/clients/${client.id}/check-ins`, headers: { cookie: other } })).statusCode).toBe(404);
  });

  it('the caseload shows the last check-in and a 14-day trend in the client’s time zone', async () => {
    const cookie = await signInAs(t.app, origin, practitioner.email);
    const res = await t.app.inject({ method: 'GET', url: '/api/clients', headers: { cookie } });
    const line = res.json().clients.find((c: { id: string }) => c.id === client.id);
    const own = (await t.app.inject({ method: 'GET', url: '/api/check-ins', headers: { cookie: clientCookie } })).json().checkIns as {
      mood: number;
      recordedAt: string;
    }[];
    expect(line.lastCheckInAt).toBe(own[0]!.recordedAt);
    expect(line.lastCheckInAt).toBe('2026-03-02T21:00:05.000Z');
    expect(line.moodTrend).toHaveLength(14);
    const mean = Math.round((own.reduce((sum, c) => sum + c.mood, 0) / own.length) * 10) / 10;
    // Every check-in of this file was made on 2 March, London time (GMT in March).
    expect(line.moodTrend[13]).toEqual({ date: '2026-03-02', mood: mean, count: own.length });
    expect(line.moodTrend[0]).toEqual({ date: '2026-02-17', mood: null, count: 0 });
  });
});
