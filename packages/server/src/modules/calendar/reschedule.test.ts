import { newId } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff } from '../../test/factories';
import { sessionOf } from '../../test/sessions';
import { createTestApp, type TestApp } from '../../test/test-app';
import { bookAppointment, openEpisode } from './test-support';

// The test clock starts on Monday 2026-03-02 at 09:00 UTC.
let t: TestApp;
const w = {} as {
  p1: Awaited<ReturnType<typeof makeStaff>>;
  p2: Awaited<ReturnType<typeof makeStaff>>;
  outsider: Awaited<ReturnType<typeof makeStaff>>;
  client: Awaited<ReturnType<typeof makeClient>>;
  episodeId: string;
};

beforeAll(async () => {
  t = await createTestApp();
  const now = t.clock.now();
  const org = await makeOrganisation(t.database.db, now);
  const other = await makeOrganisation(t.database.db, now);
  w.p1 = await makeStaff(t.database.db, now, org.id, ['practitioner'], { name: 'Priya' });
  w.p2 = await makeStaff(t.database.db, now, org.id, ['practitioner'], { name: 'Tom' });
  w.outsider = await makeStaff(t.database.db, now, other.id, ['practitioner']);
  w.client = await makeClient(t.database.db, now, org.id, [w.p1.id]);
  w.episodeId = await openEpisode(t, w.p1, w.client.id);
});
afterAll(() => t.close());

const book = (startsAt: string) => bookAppointment(t, w.p1, w.episodeId, startsAt, { durationMinutes: 30 });

const appointmentRow = (id: string) => t.database.db.selectFrom('appointment').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('rescheduling an appointment', () => {
  it('moves it, raises its version and keeps who, when, from, to and why in its history', async () => {
    const booked = await book('2026-04-06T09:00:00Z');
    expect(booked.reference).toMatch(/^[0-9A-F]{6}$/);
    const p1 = await sessionOf(t, w.p1);
    const moved = await p1.post(`/api/appointments/${booked.id}/reschedule`, { startsAt: '2026-04-07T10:00:00+01:00', durationMinutes: 45, version: 1, reason: 'Client asked for a later time' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ id: booked.id, startsAt: '2026-04-07T09:00:00.000Z', durationMinutes: 45, status: 'booked', version: 2 });
    // A move is not a status change: the status history still says only "booked".
    expect(moved.json().history.map((h: { to: string }) => h.to)).toEqual(['booked']);

    const again = await p1.post(`/api/appointments/${booked.id}/reschedule`, { startsAt: '2026-04-08T09:00:00Z', version: 2 });
    expect(again.json()).toMatchObject({ startsAt: '2026-04-08T09:00:00.000Z', durationMinutes: 45, version: 3 });

    const history = await p1.get(`/api/appointments/${booked.id}/history`);
    expect(history.statusCode).toBe(200);
    expect(history.json()).toEqual({
      appointmentId: booked.id,
      changes: [
        {
          id: expect.any(String),
          at: t.clock.now().toISOString(),
          byStaffId: w.p1.id,
          fromStartsAt: '2026-04-06T09:00:00.000Z',
          fromDurationMinutes: 30,
          toStartsAt: '2026-04-07T09:00:00.000Z',
          toDurationMinutes: 45,
          reason: 'Client asked for a later time',
        },
        expect.objectContaining({ fromStartsAt: '2026-04-07T09:00:00.000Z', toStartsAt: '2026-04-08T09:00:00.000Z', reason: null }),
      ],
    });
    // The client may read the history of their own appointment; it is audited.
    const client = await sessionOf(t, w.client);
    expect((await client.get(`/api/appointments/${booked.id}/history`)).json().changes).toHaveLength(2);
    const audit = await t.database.db.selectFrom('audit_event').select(['action', 'actor_type']).where('entity_id', '=', booked.id).where('action', 'in', ['appointment.reschedule', 'appointment.history']).execute();
    expect(audit.map((a) => `${a.actor_type}:${a.action}`).sort()).toEqual(['client:appointment.history', 'staff:appointment.history', 'staff:appointment.reschedule', 'staff:appointment.reschedule']);
  });

  it('asking again for the time it already has changes nothing (a retried request)', async () => {
    const booked = await book('2026-04-09T09:00:00Z');
    const p1 = await sessionOf(t, w.p1);
    const body = { startsAt: '2026-04-09T11:00:00Z', version: 1 };
    expect((await p1.post(`/api/appointments/${booked.id}/reschedule`, body)).json().version).toBe(2);
    const retried = await p1.post(`/api/appointments/${booked.id}/reschedule`, body);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ startsAt: '2026-04-09T11:00:00.000Z', version: 2 });
    expect((await p1.get(`/api/appointments/${booked.id}/history`)).json().changes).toHaveLength(1);
  });

  it('refuses a stale version, and nothing changes', async () => {
    const booked = await book('2026-04-10T09:00:00Z');
    const p1 = await sessionOf(t, w.p1);
    expect((await p1.post(`/api/appointments/${booked.id}/reschedule`, { startsAt: '2026-04-10T11:00:00Z', version: 1 })).statusCode).toBe(200);
    const stale = await p1.post(`/api/appointments/${booked.id}/reschedule`, { startsAt: '2026-04-10T13:00:00Z', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('write.stale_version');
    expect((await appointmentRow(booked.id)).starts_at.toISOString()).toBe('2026-04-10T11:00:00.000Z');
  });

  it('refuses a clash with another of the practitioner’s appointments, but may overlap its own old slot', async () => {
    const first = await book('2026-04-13T09:00:00Z');
    const second = await book('2026-04-13T10:00:00Z');
    const p1 = await sessionOf(t, w.p1);
    const clash = await p1.post(`/api/appointments/${second.id}/reschedule`, { startsAt: '2026-04-13T09:15:00Z', version: 1 });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({ code: 'appointment.overlap', details: [{ path: 'body/startsAt', message: 'clashes with another appointment' }] });
    expect((await appointmentRow(second.id)).starts_at.toISOString()).toBe('2026-04-13T10:00:00.000Z');
    // Fifteen minutes later overlaps only itself; back to back with the first is no clash.
    expect((await p1.post(`/api/appointments/${second.id}/reschedule`, { startsAt: '2026-04-13T10:15:00Z', version: 1 })).statusCode).toBe(200);
    expect((await p1.post(`/api/appointments/${second.id}/reschedule`, { startsAt: '2026-04-13T09:30:00Z', version: 2 })).statusCode).toBe(200);
    // A cancelled appointment frees its time.
    expect((await p1.post(`/api/appointments/${first.id}/status`, { status: 'cancelled_by_service', version: 1 })).statusCode).toBe(200);
    expect((await p1.post(`/api/appointments/${second.id}/reschedule`, { startsAt: '2026-04-13T09:00:00Z', version: 3 })).statusCode).toBe(200);
  });

  it('refuses a time in the past, an appointment that has started, and one that is no longer booked', async () => {
    const p1 = await sessionOf(t, w.p1);
    const soon = await book('2026-03-02T15:00:00Z');
    const past = await p1.post(`/api/appointments/${soon.id}/reschedule`, { startsAt: '2026-03-02T08:00:00Z', version: 1 });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.code).toBe('appointment.in_past');

    const cancelled = await book('2026-04-14T09:00:00Z');
    expect((await p1.post(`/api/appointments/${cancelled.id}/status`, { status: 'cancelled_by_client', version: 1 })).statusCode).toBe(200);
    const notBooked = await p1.post(`/api/appointments/${cancelled.id}/reschedule`, { startsAt: '2026-04-15T09:00:00Z', version: 2 });
    expect(notBooked.statusCode).toBe(409);
    expect(notBooked.json().error.code).toBe('appointment.not_booked');

    // Once its time has come, a booked appointment is recorded or cancelled, never moved.
    t.clock.set('2026-03-02T15:05:00Z');
    const started = await (await sessionOf(t, w.p1)).post(`/api/appointments/${soon.id}/reschedule`, { startsAt: '2026-03-09T15:00:00Z', version: 1 });
    expect(started.statusCode).toBe(409);
    expect(started.json().error.code).toBe('appointment.started');
    expect((await appointmentRow(soon.id)).starts_at.toISOString()).toBe('2026-03-02T15:00:00.000Z');
  });

  it('only the care team can move it; others get "not found", and bad input is refused by field', async () => {
    const booked = await book('2026-04-16T09:00:00Z');
    for (const person of [w.p2, w.outsider, w.client]) {
      const res = await (await sessionOf(t, person)).post(`/api/appointments/${booked.id}/reschedule`, { startsAt: '2026-04-17T09:00:00Z', version: 1 });
      expect([403, 404]).toContain(res.statusCode);
    }
    const p1 = await sessionOf(t, w.p1);
    const bad = await p1.post(`/api/appointments/${booked.id}/reschedule`, { startsAt: 'tomorrow', durationMinutes: 2, version: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['body/durationMinutes', 'body/startsAt']);
    const unknown = await p1.post(`/api/appointments/${newId(t.clock.now())}/reschedule`, { startsAt: '2026-04-17T09:00:00Z', version: 1 });
    expect(unknown.json().error.code).toBe('appointment.not_found');
    expect((await appointmentRow(booked.id)).version).toBe(1);
  });

  it('an ended episode is read-only', async () => {
    const booked = await book('2026-05-04T09:00:00Z');
    await t.database.db.updateTable('episode').set({ status: 'ended', ending_reason: 'completed', ended_on: '2026-03-02' }).where('id', '=', w.episodeId).execute();
    const p1 = await sessionOf(t, w.p1);
    const res = await p1.post(`/api/appointments/${booked.id}/reschedule`, { startsAt: '2026-05-05T09:00:00Z', version: 1 });
    expect(res.json().error.code).toBe('episode.closed');
  });
});
