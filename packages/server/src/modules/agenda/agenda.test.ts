import { newId } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff } from '../../test/factories';
import { sessionOf } from '../../test/sessions';
import { createTestApp, type TestApp } from '../../test/test-app';
import { bookAppointment, openEpisode } from '../calendar/test-support';

// The test clock starts on Monday 2026-03-02 at 09:00 UTC.
let t: TestApp;
type Person = Awaited<ReturnType<typeof makeClient>>;
const w = {} as { p1: Awaited<ReturnType<typeof makeStaff>>; p2: Awaited<ReturnType<typeof makeStaff>>; c1: Person; c2: Person; ended: Person; a1: string; a2: string };

beforeAll(async () => {
  t = await createTestApp();
  const now = t.clock.now();
  const db = t.database.db;
  const org = await makeOrganisation(db, now);
  w.p1 = await makeStaff(db, now, org.id, ['practitioner']);
  w.p2 = await makeStaff(db, now, org.id, ['practitioner']);
  w.c1 = await makeClient(db, now, org.id, [w.p1.id]);
  w.c2 = await makeClient(db, now, org.id, [w.p1.id]);
  w.ended = await makeClient(db, now, org.id, [w.p1.id]);
  w.a1 = (await bookAppointment(t, w.p1, await openEpisode(t, w.p1, w.c1.id), '2026-03-04T10:00:00Z')).id;
  w.a2 = (await bookAppointment(t, w.p1, await openEpisode(t, w.p1, w.c2.id), '2026-03-04T11:00:00Z')).id;
  const e = await openEpisode(t, w.p1, w.ended.id);
  await db.updateTable('episode').set({ status: 'ended', ended_on: '2026-03-02', ending_reason: 'completed', updated_at: now }).where('id', '=', e).execute();
});
afterAll(() => t.close());

const as = (person: { email: string }) => sessionOf(t, person);
const item = (text: string, recordedAt = '2026-03-02T08:30:00Z') => ({ id: newId(t.clock.now()), text, recordedAt });

describe('things I want to talk about', () => {
  it('are kept through idempotent replays, with the phone’s time and the server’s', async () => {
    const c1 = await as(w.c1);
    const body = item('  Sleep has been worse since the move  ');
    const first = await c1.post('/api/me/agenda-items', body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ id: body.id, text: 'Sleep has been worse since the move', status: 'open', recordedAt: '2026-03-02T08:30:00.000Z', receivedAt: '2026-03-02T09:00:00.000Z' });
    t.clock.advance(60_000);
    // The outbox sends it again (twice at once, too): the stored item, unchanged.
    const replays = await Promise.all([c1.post('/api/me/agenda-items', body), c1.post('/api/me/agenda-items', body)]);
    expect(replays.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(replays[0]!.json().receivedAt).toBe('2026-03-02T09:00:00.000Z');
    expect((await c1.post('/api/me/agenda-items', { ...body, text: 'Something else' })).json().error.code).toBe('write.id_conflict');
    // Another client reusing the id is refused, and sees nothing of it.
    const other = await (await as(w.c2)).post('/api/me/agenda-items', { ...body, text: 'Mine' });
    expect(other.statusCode).toBe(409);
    expect(other.body).not.toContain('Sleep');
    expect((await c1.get('/api/me/agenda-items')).json().items.map((i: { id: string }) => i.id)).toEqual([body.id]);
    expect((await (await as(w.c2)).get('/api/me/agenda-items')).json().items).toEqual([]);
    const audit = await t.database.db.selectFrom('audit_event').select('details').where('action', '=', 'agenda_item.add').execute();
    expect(JSON.stringify(audit)).not.toContain('Sleep');
  });

  it('refuses an empty or too long item, one from the future, and one written after care ended', async () => {
    const c1 = await as(w.c1);
    expect((await c1.post('/api/me/agenda-items', item(''))).statusCode).toBe(400);
    expect((await c1.post('/api/me/agenda-items', item('x'.repeat(501)))).statusCode).toBe(400);
    expect((await c1.post('/api/me/agenda-items', item('x'.repeat(500)))).statusCode).toBe(201);
    expect((await c1.post('/api/me/agenda-items', item('Soon', '2026-03-02T10:00:00Z'))).json().error.code).toBe('request.invalid');
    const ended = await as(w.ended);
    const late = await ended.post('/api/me/agenda-items', item('After', t.clock.now().toISOString()));
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('episode.closed');
    // Written before care ended, sent late: kept.
    expect((await ended.post('/api/me/agenda-items', item('Before', '2026-03-02T08:00:00Z'))).statusCode).toBe(201);
    expect((await (await as(w.p1)).post('/api/me/agenda-items', item('Staff'))).statusCode).toBe(403);
  });

  it('reach the care team until marked discussed; the client can take one off', async () => {
    const c1 = await as(w.c1);
    const p1 = await as(w.p1);
    const open = (await p1.get(`/api/clients/${w.c1.id}/agenda-items`)).json().items as { id: string }[];
    expect(open).toHaveLength(2);
    expect((await (await as(w.p2)).get(`/api/clients/${w.c1.id}/agenda-items`)).statusCode).toBe(404);
    expect((await (await as(w.c2)).get(`/api/clients/${w.c1.id}/agenda-items`)).statusCode).toBe(404);

    const [first, second] = open;
    // Another client's appointment, or another client's item: refused.
    expect((await p1.post(`/api/agenda-items/${first!.id}/discussed`, { appointmentId: w.a2 })).json().error.code).toBe('appointment.not_found');
    expect((await (await as(w.p2)).post(`/api/agenda-items/${first!.id}/discussed`, { appointmentId: w.a1 })).statusCode).toBe(404);
    const discussed = await p1.post(`/api/agenda-items/${first!.id}/discussed`, { appointmentId: w.a1 });
    expect(discussed.json()).toMatchObject({ status: 'discussed', discussedAppointmentId: w.a1 });
    expect((await p1.post(`/api/agenda-items/${first!.id}/discussed`, { appointmentId: w.a1 })).statusCode).toBe(200);

    expect((await (await as(w.c2)).post(`/api/me/agenda-items/${second!.id}/remove`, {})).statusCode).toBe(404);
    expect((await c1.post(`/api/me/agenda-items/${second!.id}/remove`, {})).json().status).toBe('removed');
    expect((await c1.post(`/api/me/agenda-items/${second!.id}/remove`, {})).json().status).toBe('removed');
    expect((await p1.post(`/api/agenda-items/${second!.id}/discussed`, { appointmentId: w.a1 })).json().error.code).toBe('agenda_item.not_found');
    expect((await c1.get('/api/me/agenda-items')).json().items).toEqual([]);
    expect((await p1.get(`/api/clients/${w.c1.id}/agenda-items`)).json().items).toEqual([]);
  });
});
