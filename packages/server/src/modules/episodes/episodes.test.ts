import { newId } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff, signInAs } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
let origin: string;
const w = {} as {
  p1: Awaited<ReturnType<typeof makeStaff>>;
  p2: Awaited<ReturnType<typeof makeStaff>>;
  outsider: Awaited<ReturnType<typeof makeStaff>>;
  client: Awaited<ReturnType<typeof makeClient>>;
};

beforeAll(async () => {
  t = await createTestApp();
  origin = t.config.publicOrigin;
  const now = t.clock.now();
  const org = await makeOrganisation(t.database.db, now);
  const other = await makeOrganisation(t.database.db, now);
  w.p1 = await makeStaff(t.database.db, now, org.id, ['practitioner'], { name: 'Priya' });
  w.p2 = await makeStaff(t.database.db, now, org.id, ['practitioner'], { name: 'Tom' });
  w.outsider = await makeStaff(t.database.db, now, other.id, ['practitioner']);
  w.client = await makeClient(t.database.db, now, org.id, [w.p1.id]);
});
afterAll(() => t.close());

async function as(person: { email: string }) {
  const cookie = await signInAs(t.app, origin, person.email);
  return {
    post: (url: string, payload: object = {}) => t.app.inject({ method: 'POST', url, headers: { origin, cookie }, payload }),
    get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
  };
}

const referral = (overrides: object = {}) => ({
  id: newId(t.clock.now()),
  referralDate: '2026-02-20',
  referralSource: 'gp',
  problemDescriptor: 'Depression',
  step: 'low_intensity',
  assignedPractitionerId: w.p1.id,
  ...overrides,
});

describe('an episode from referral to discharge, with a step-up and a transfer in the middle, keeps one record and its history', () => {
  it('works end to end', async () => {
    let p1 = await as(w.p1);
    const body = referral();
    const created = await p1.post(`/api/clients/${w.client.id}/episodes`, body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ id: body.id, status: 'waiting', step: 'low_intensity', version: 1 });

    const active = await p1.post(`/api/episodes/${body.id}/status`, { status: 'active', version: 1 });
    expect(active.json()).toMatchObject({ status: 'active', version: 2 });

    // An assessment, then treatment sessions; attendance recorded once each has started.
    const assessment = { id: newId(t.clock.now()), startsAt: '2026-03-03T10:00:00Z', durationMinutes: 45, purpose: 'assessment', contactMethod: 'face_to_face' };
    expect((await p1.post(`/api/episodes/${body.id}/appointments`, assessment)).statusCode).toBe(201);
    const early = await p1.post(`/api/appointments/${assessment.id}/status`, { status: 'attended', version: 1 });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.code).toBe('appointment.outcome_too_early');
    t.clock.set('2026-03-03T10:50:00Z');
    p1 = await as(w.p1); // a new session: the clock moved past the staff idle limit
    const attended = await p1.post(`/api/appointments/${assessment.id}/status`, { status: 'attended', version: 1 });
    expect(attended.json()).toMatchObject({ status: 'attended', version: 2, history: [{ to: 'booked' }, { from: 'booked', to: 'attended' }] });

    const stepped = await p1.post(`/api/episodes/${body.id}/step`, { step: 'high_intensity', version: 2, reason: 'Needs CBT at step 3' });
    expect(stepped.json()).toMatchObject({ step: 'high_intensity', version: 3 });

    const transferred = await p1.post(`/api/episodes/${body.id}/transfer`, { practitionerId: w.p2.id, version: 3, reason: 'Step 3 therapist' });
    expect(transferred.json()).toMatchObject({ assignedPractitionerId: w.p2.id, version: 4 });
    expect(transferred.json().history.map((h: { kind: string }) => h.kind)).toEqual(['referred', 'status_changed', 'stepped', 'transferred']);
    expect(transferred.json().history[3]).toMatchObject({ from: w.p1.id, to: w.p2.id, reason: 'Step 3 therapist', byStaffId: w.p1.id });

    // The new practitioner joined the care team, and appointments now default to them.
    const p2 = await as(w.p2);
    const treatment = { id: newId(t.clock.now()), startsAt: '2026-03-10T14:00:00Z', durationMinutes: 50, purpose: 'treatment', contactMethod: 'video' };
    const booked = await p2.post(`/api/episodes/${body.id}/appointments`, treatment);
    expect(booked.json()).toMatchObject({ practitionerId: w.p2.id, status: 'booked' });

    const episodes = await p2.get(`/api/clients/${w.client.id}/episodes`);
    expect(episodes.json().episodes).toHaveLength(1);
    const list = await p2.get(`/api/episodes/${body.id}/appointments`);
    expect(list.json().appointments.map((a: { purpose: string }) => a.purpose)).toEqual(['assessment', 'treatment']);

    t.clock.set('2026-03-10T15:00:00Z');
    const p2later = await as(w.p2);
    expect((await p2later.post(`/api/appointments/${treatment.id}/status`, { status: 'attended', version: 1 })).statusCode).toBe(200);
    // Discharge asks for final measures: none yet since the last session.
    let measures = (await p2later.get(`/api/episodes/${body.id}/measures`)).json();
    expect(measures).toMatchObject({ attendedTreatmentAppointments: 1, finalMeasuresDue: ['phq9', 'gad7'], openRiskAlerts: 0, outcome: null });
    const record = (instrumentId: 'phq9' | 'gad7', values: number[]) =>
      p2later.post(`/api/clients/${w.client.id}/questionnaire-responses`, {
        id: newId(t.clock.now()),
        instrumentId,
        appointmentId: treatment.id,
        answers: Object.fromEntries(values.map((v, i) => [`${instrumentId}-${i + 1}`, v])),
        authoredAt: t.clock.now().toISOString(),
        source: 'in_session',
      });
    expect((await record('phq9', [1, 1, 1, 1, 1, 1, 0, 0, 0])).statusCode).toBe(201);
    expect((await record('gad7', [1, 1, 1, 1, 1, 0, 0])).statusCode).toBe(201);
    measures = (await p2later.get(`/api/episodes/${body.id}/measures`)).json();
    expect(measures.finalMeasuresDue).toEqual([]);
    expect(measures.scores.phq9).toMatchObject([{ total: 6, band: 'mild', source: 'in_session' }]);

    // The staying-well plan offer must be answered, yes or no.
    const unanswered = await p2later.post(`/api/episodes/${body.id}/discharge`, { endingReason: 'completed', endedOn: '2026-03-10', version: 4 });
    expect(unanswered.statusCode).toBe(400);
    expect(unanswered.json().error.details).toEqual([expect.objectContaining({ path: 'body/relapsePlanOffered' })]);
    const discharged = await p2later.post(`/api/episodes/${body.id}/discharge`, { endingReason: 'completed', endedOn: '2026-03-10', version: 4, relapsePlanOffered: true });
    expect(discharged.json()).toMatchObject({ status: 'ended', endingReason: 'completed', endedOn: '2026-03-10', relapsePlanOffered: true, step: 'high_intensity', assignedPractitionerId: w.p2.id });
    expect(discharged.json().history.map((h: { kind: string }) => h.kind)).toEqual(['referred', 'status_changed', 'stepped', 'transferred', 'ended']);
    // Still one episode for the client: stepping and transferring opened no new one.
    expect((await p2later.get(`/api/clients/${w.client.id}/episodes`)).json().episodes).toHaveLength(1);
    // One attended treatment appointment: ended, but not "finished treatment" (it needs two).
    expect((await p2later.get(`/api/episodes/${body.id}/measures`)).json().outcome).toEqual({
      finishedTreatment: false,
      atCasenessAtStart: null,
      recovered: null,
      reliablyImproved: null,
      reliablyDeteriorated: null,
      reliablyRecovered: null,
    });
  });
});

describe('bad input', () => {
  it('refuses a stale change, keeping the newer one', async () => {
    const p1 = await as(w.p1);
    const body = referral();
    await p1.post(`/api/clients/${w.client.id}/episodes`, body);
    expect((await p1.post(`/api/episodes/${body.id}/status`, { status: 'active', version: 1 })).statusCode).toBe(200);
    const stale = await p1.post(`/api/episodes/${body.id}/status`, { status: 'on_hold', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('write.stale_version');
    expect((await p1.get(`/api/clients/${w.client.id}/episodes`)).json().episodes.find((e: { id: string }) => e.id === body.id).status).toBe('active');
  });

  it('refuses a status change the episode cannot make (ending needs discharge)', async () => {
    const p1 = await as(w.p1);
    const body = referral();
    await p1.post(`/api/clients/${w.client.id}/episodes`, body);
    await p1.post(`/api/episodes/${body.id}/status`, { status: 'active', version: 1 });
    const back = await p1.post(`/api/episodes/${body.id}/status`, { status: 'waiting', version: 2 });
    expect(back.json().error.code).toBe('episode.invalid_transition');
    const ended = await p1.post(`/api/episodes/${body.id}/status`, { status: 'ended', version: 2 });
    expect(ended.statusCode).toBe(400);
  });

  it('refuses a transfer to a practitioner outside the organisation, and writes nothing', async () => {
    const p1 = await as(w.p1);
    const body = referral();
    await p1.post(`/api/clients/${w.client.id}/episodes`, body);
    const res = await p1.post(`/api/episodes/${body.id}/transfer`, { practitionerId: w.outsider.id, version: 1, reason: 'Wrong service' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('staff.not_found');
    const team = await t.database.db.selectFrom('care_team_member').select('staff_id').where('client_id', '=', w.client.id).execute();
    expect(team.map((m) => m.staff_id)).not.toContain(w.outsider.id);
  });

  it('refuses overlapping appointments for the same practitioner, but not back-to-back ones', async () => {
    const p1 = await as(w.p1);
    const body = referral();
    await p1.post(`/api/clients/${w.client.id}/episodes`, body);
    const slot = (startsAt: string, minutes = 60) => ({ id: newId(t.clock.now()), startsAt, durationMinutes: minutes, purpose: 'treatment', contactMethod: 'phone' });
    expect((await p1.post(`/api/episodes/${body.id}/appointments`, slot('2026-04-01T09:00:00Z'))).statusCode).toBe(201);
    const clash = await p1.post(`/api/episodes/${body.id}/appointments`, slot('2026-04-01T09:30:00Z', 30));
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('appointment.overlap');
    expect((await p1.post(`/api/episodes/${body.id}/appointments`, slot('2026-04-01T10:00:00Z'))).statusCode).toBe(201);
    // Two clashing bookings at once: exactly one is stored.
    const both = await Promise.all([
      p1.post(`/api/episodes/${body.id}/appointments`, slot('2026-04-02T09:00:00Z')),
      p1.post(`/api/episodes/${body.id}/appointments`, slot('2026-04-02T09:15:00Z')),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('refuses a time in the past unless recording one that happened', async () => {
    const p1 = await as(w.p1);
    const body = referral();
    await p1.post(`/api/clients/${w.client.id}/episodes`, body);
    const past = { id: newId(t.clock.now()), startsAt: '2026-01-05T09:00:00Z', durationMinutes: 30, purpose: 'assessment', contactMethod: 'phone' };
    const refused = await p1.post(`/api/episodes/${body.id}/appointments`, past);
    expect(refused.json().error.code).toBe('appointment.in_past');
    expect((await p1.post(`/api/episodes/${body.id}/appointments`, { ...past, recordingPast: true })).statusCode).toBe(201);
  });
});

describe('discharge', () => {
  it('ends the episode with its reason and date; the client then keeps their past data but cannot check in', async () => {
    const now = t.clock.now();
    const org = await t.database.db.selectFrom('organisation').select('id').where('id', '=', w.client.organisationId).executeTakeFirstOrThrow();
    const client = await makeClient(t.database.db, now, org.id, [w.p1.id]);
    const p1 = await as(w.p1);
    const body = referral();
    await p1.post(`/api/clients/${client.id}/episodes`, body);
    await p1.post(`/api/episodes/${body.id}/status`, { status: 'active', version: 1 });

    const clientSession = await as(client);
    const before = await clientSession.post('/api/check-ins', { id: newId(t.clock.now()), mood: 5, recordedAt: t.clock.now().toISOString() });
    expect(before.statusCode).toBe(201);
    expect((await clientSession.get('/api/me')).json().care).toEqual({ status: 'open' });

    const future = await p1.post(`/api/episodes/${body.id}/discharge`, { endingReason: 'completed', endedOn: '2099-01-01', version: 2, relapsePlanOffered: true });
    expect(future.statusCode).toBe(400);
    const madeBeforeDischarge = new Date(t.clock.now().getTime() - 60_000).toISOString();
    const ended = await p1.post(`/api/episodes/${body.id}/discharge`, { endingReason: 'completed', endedOn: '2026-03-02', version: 2, relapsePlanOffered: true });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', endingReason: 'completed', endedOn: '2026-03-02', version: 3 });
    expect(ended.json().history.at(-1)).toMatchObject({ kind: 'ended', from: 'active', to: 'completed' });

    // Read-only from now on, for staff and for the client.
    const again = await p1.post(`/api/episodes/${body.id}/status`, { status: 'on_hold', version: 3 });
    expect(again.json().error.code).toBe('episode.closed');
    const booking = await p1.post(`/api/episodes/${body.id}/appointments`, { id: newId(t.clock.now()), startsAt: '2026-04-01T09:00:00Z', durationMinutes: 30, purpose: 'review', contactMethod: 'phone' });
    expect(booking.json().error.code).toBe('episode.closed');
    t.clock.advance(60_000);
    expect((await clientSession.get('/api/me')).json().care).toEqual({ status: 'ended' });
    const after = await clientSession.post('/api/check-ins', { id: newId(t.clock.now()), mood: 4, recordedAt: t.clock.now().toISOString() });
    expect(after.statusCode).toBe(409);
    expect(after.json().error.code).toBe('episode.closed');
    expect(after.json().error.message).toContain('Get help now');
    // A check-in made on the phone before discharge and sent late still arrives.
    const late = await clientSession.post('/api/check-ins', { id: newId(t.clock.now()), mood: 6, recordedAt: madeBeforeDischarge });
    expect(late.statusCode).toBe(201);
    expect((await clientSession.get('/api/check-ins')).json().checkIns).toHaveLength(2);
  });
});

describe('supervision', () => {
  it('a supervisor sees their supervisees’ open episodes, and which need review (session limit reached, no improvement)', async () => {
    const now = t.clock.now();
    const orgId = w.client.organisationId;
    const supervisor = await makeStaff(t.database.db, now, orgId, ['supervisor']);
    const supervisee = await makeStaff(t.database.db, now, orgId, ['practitioner'], { supervisorId: supervisor.id });
    const client = await makeClient(t.database.db, now, orgId, [supervisee.id], { givenName: 'Lou', familyName: 'Review' });
    const p = await as(supervisee);
    const body = referral({ assignedPractitionerId: supervisee.id });
    await p.post(`/api/clients/${client.id}/episodes`, body);
    await p.post(`/api/episodes/${body.id}/status`, { status: 'active', version: 1 });
    for (let week = 0; week < 8; week++) {
      const id = newId(t.clock.now());
      const startsAt = new Date(Date.UTC(2025, 10, 3 + week * 7, 10)).toISOString();
      expect((await p.post(`/api/episodes/${body.id}/appointments`, { id, startsAt, durationMinutes: 30, purpose: 'treatment', contactMethod: 'phone', recordingPast: true })).statusCode).toBe(201);
      if (week < 7) expect((await p.post(`/api/appointments/${id}/status`, { status: week % 2 ? 'attended_late' : 'attended', version: 1 })).statusCode).toBe(200);
    }
    const s = await as(supervisor);
    let list = (await s.get('/api/supervision/episodes')).json();
    expect(list.episodes).toHaveLength(1);
    expect(list.episodes[0]).toMatchObject({ clientName: 'Lou Review', attendedTreatmentSessions: 7, sessionLimit: 8, reviewReasons: [] });
    const last = (await p.get(`/api/episodes/${body.id}/appointments`)).json().appointments.at(-1);
    await p.post(`/api/appointments/${last.id}/status`, { status: 'attended', version: last.version });
    list = (await s.get('/api/supervision/episodes')).json();
    expect(list).toMatchObject({ needingReview: 1, episodes: [{ attendedTreatmentSessions: 8, reviewReasons: ['session_limit_reached'] }] });

    // PHQ-9 scores recorded in sessions: 15, then 13 — not a reliable improvement (a fall of 6).
    for (const values of [[2, 2, 2, 2, 2, 2, 2, 1, 0], [2, 2, 2, 2, 2, 1, 1, 1, 0]]) {
      const answers = Object.fromEntries(values.map((v, i) => [`phq9-${i + 1}`, v]));
      const recorded = await p.post(`/api/clients/${client.id}/questionnaire-responses`, {
        id: newId(t.clock.now()),
        instrumentId: 'phq9',
        appointmentId: null,
        answers,
        authoredAt: t.clock.now().toISOString(),
        source: 'in_session',
      });
      expect(recorded.statusCode).toBe(201);
    }
    list = (await s.get('/api/supervision/episodes')).json();
    expect(list.episodes[0].reviewReasons).toEqual(['session_limit_reached', 'no_improvement']);

    // Another supervisor sees none of it; a practitioner has no such list.
    const otherSupervisor = await makeStaff(t.database.db, now, orgId, ['supervisor']);
    expect((await (await as(otherSupervisor)).get('/api/supervision/episodes')).json().episodes).toEqual([]);
    expect((await p.get('/api/supervision/episodes')).statusCode).toBe(403);
  });
});
