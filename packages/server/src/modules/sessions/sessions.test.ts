import { newId } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff } from '../../test/factories';
import { sessionOf } from '../../test/sessions';
import { createTestApp, type TestApp } from '../../test/test-app';
import { bookAppointment, openEpisode } from '../calendar/test-support';
import { seedDriftingCase, seedOnPlanCase, type Api, type SeededCase } from './test-support';

// The test clock starts on Monday 2026-03-02 at 09:00 UTC.
let t: TestApp;
type Staff = Awaited<ReturnType<typeof makeStaff>>;
type Client = Awaited<ReturnType<typeof makeClient>>;
const w = {} as {
  s1: Staff;
  s2: Staff;
  p1: Staff;
  p2: Staff;
  p3: Staff;
  colleague: Staff;
  outsider: Staff;
  client: Client;
  onPlanClient: Client;
  driftingClient: Client;
  p2Client: Client;
  p3Client: Client;
  episodeId: string;
  onPlan: SeededCase;
  drifting: SeededCase;
  p2Drifting: SeededCase;
  p3Drifting: SeededCase;
};

/** The portable API caller of test-support.ts, through the in-process app. */
async function apiOf(person: { email: string }): Promise<Api> {
  const s = await sessionOf(t, person);
  return async (method, url, body) => {
    const res = method === 'GET' ? await s.get(url) : method === 'POST' ? await s.post(url, body ?? {}) : await s.put(url, body ?? {});
    return { status: res.statusCode, body: res.json() };
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const now = t.clock.now();
  const db = t.database.db;
  const org = await makeOrganisation(db, now);
  const other = await makeOrganisation(db, now);
  w.s1 = await makeStaff(db, now, org.id, ['supervisor'], { name: 'Sam Supervisor' });
  w.s2 = await makeStaff(db, now, org.id, ['supervisor'], { name: 'Sue Supervisor' });
  w.p1 = await makeStaff(db, now, org.id, ['practitioner'], { name: 'Priya', supervisorId: w.s1.id });
  w.p2 = await makeStaff(db, now, org.id, ['practitioner'], { name: 'Tom', supervisorId: w.s1.id });
  w.p3 = await makeStaff(db, now, org.id, ['practitioner'], { name: 'Uma', supervisorId: w.s2.id });
  w.colleague = await makeStaff(db, now, org.id, ['practitioner'], { name: 'Colleague' });
  w.outsider = await makeStaff(db, now, other.id, ['practitioner']);
  w.client = await makeClient(db, now, org.id, [w.p1.id, w.colleague.id]);
  w.onPlanClient = await makeClient(db, now, org.id, [w.p1.id]);
  w.driftingClient = await makeClient(db, now, org.id, [w.p1.id]);
  w.p2Client = await makeClient(db, now, org.id, [w.p2.id]);
  w.p3Client = await makeClient(db, now, org.id, [w.p3.id]);
  w.episodeId = await openEpisode(t, w.p1, w.client.id);
  const p1 = await apiOf(w.p1);
  w.onPlan = await seedOnPlanCase(p1, await apiOf(w.onPlanClient), { clientId: w.onPlanClient.id, practitionerId: w.p1.id }, now);
  w.drifting = await seedDriftingCase(p1, { clientId: w.driftingClient.id, practitionerId: w.p1.id }, now);
  w.p2Drifting = await seedDriftingCase(await apiOf(w.p2), { clientId: w.p2Client.id, practitionerId: w.p2.id }, now);
  w.p3Drifting = await seedDriftingCase(await apiOf(w.p3), { clientId: w.p3Client.id, practitionerId: w.p3.id }, now);
}, 120_000);
afterAll(() => t.close());

const note = (savedAt: string, fields: object = {}) => ({ agenda: 'Mood, the diary, next week', savedAt, ...fields });
const noteUrl = (appointmentId: string) => `/api/appointments/${appointmentId}/session-note`;
const setStatus = async (appointmentId: string, status: string) => {
  const row = await t.database.db.selectFrom('appointment').select('version').where('id', '=', appointmentId).executeTakeFirstOrThrow();
  const res = await (await sessionOf(t, w.p1)).post(`/api/appointments/${appointmentId}/status`, { status, version: row.version });
  expect(res.statusCode, res.body).toBe(200);
};

describe('the session note', () => {
  it('saves as it is typed: newer saves apply, a repeat or a late older save does not', async () => {
    const booked = await bookAppointment(t, w.p1, w.episodeId, '2026-03-09T09:00:00Z');
    const p1 = await sessionOf(t, w.p1);
    expect((await p1.get(noteUrl(booked.id))).json()).toEqual({ note: null });

    const first = await p1.put(noteUrl(booked.id), note('2026-03-02T09:00:00Z'));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ applied: true, note: { appointmentId: booked.id, episodeId: w.episodeId, clientId: w.client.id, agenda: 'Mood, the diary, next week', revision: 1, visibility: 'care_team', createdByStaffId: w.p1.id } });

    const newer = note('2026-03-02T09:00:05Z', { homeworkSet: 'Activity diary', homeworkReviewed: true, riskReviewed: true, componentDelivered: 'behavioural_activation' });
    expect((await p1.put(noteUrl(booked.id), newer)).json()).toMatchObject({ applied: true, note: { homeworkSet: 'Activity diary', revision: 2, savedAt: '2026-03-02T09:00:05.000Z' } });
    // The same save again (a retry) and an older one arriving late change nothing.
    expect((await p1.put(noteUrl(booked.id), newer)).json()).toMatchObject({ applied: false, note: { revision: 2 } });
    const late = await p1.put(noteUrl(booked.id), note('2026-03-02T09:00:03Z', { homeworkSet: 'old words' }));
    expect(late.json()).toMatchObject({ applied: false, note: { homeworkSet: 'Activity diary', revision: 2 } });
    expect((await p1.get(noteUrl(booked.id))).json().note).toMatchObject({ homeworkSet: 'Activity diary', componentDelivered: 'behavioural_activation', riskReviewed: true, revision: 2 });
  });

  it('keeps the newest of saves sent at once, whatever order they arrive in', async () => {
    const booked = await bookAppointment(t, w.p1, w.episodeId, '2026-03-13T09:00:00Z');
    const p1 = await sessionOf(t, w.p1);
    const saves = ['08:59:57', '08:59:59', '08:59:58'].map((time) => p1.put(noteUrl(booked.id), note(`2026-03-02T${time}Z`, { nextSteps: time })));
    const results = (await Promise.all(saves)).map((r) => r.json());
    expect(results.every((r) => r.note.appointmentId === booked.id)).toBe(true);
    const stored = (await p1.get(noteUrl(booked.id))).json().note;
    expect(stored).toMatchObject({ nextSteps: '08:59:59', savedAt: '2026-03-02T08:59:59.000Z' });
    expect(stored.revision).toBe(results.filter((r) => r.applied).length);
  });

  it('refuses a save from the future, a plan step that is not a session of this plan, and fields it does not know', async () => {
    const booked = await bookAppointment(t, w.p1, w.episodeId, '2026-03-10T09:00:00Z');
    const p1 = await sessionOf(t, w.p1);
    const future = await p1.put(noteUrl(booked.id), note('2026-03-02T10:00:00Z'));
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].path).toBe('body/savedAt');
    const plan = (await p1.get(`/api/episodes/${w.episodeId}/plan`)).json();
    const onlineStep = plan.steps.find((s: { mode: string }) => s.mode === 'online').id;
    for (const planStepId of [onlineStep, newId(t.clock.now()), w.onPlan.planStepIds[0]]) {
      const res = await p1.put(noteUrl(booked.id), note('2026-03-02T09:00:00Z', { planStepId }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe('body/planStepId');
    }
    expect((await p1.put(noteUrl(booked.id), note('2026-03-02T09:00:00Z', { visibleToClient: true }))).statusCode).toBe(400);
    expect((await p1.put(noteUrl(booked.id), note('2026-03-02T09:00:00Z', { agenda: 'a'.repeat(2001) }))).statusCode).toBe(400);
  });

  it('is written only for a session: not for a cancelled or missed appointment, nor once the episode has ended', async () => {
    const p1 = await sessionOf(t, w.p1);
    const cancelled = await bookAppointment(t, w.p1, w.episodeId, '2026-03-11T09:00:00Z');
    await setStatus(cancelled.id, 'cancelled_by_client');
    expect((await p1.put(noteUrl(cancelled.id), note('2026-03-02T09:00:00Z'))).json().error.code).toBe('session_note.no_session');
    const missed = await bookAppointment(t, w.p1, w.episodeId, '2026-02-25T09:00:00Z', { recordingPast: true });
    await setStatus(missed.id, 'did_not_attend');
    const res = await p1.put(noteUrl(missed.id), note('2026-03-02T09:00:00Z'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('session_note.no_session');
    const unknown = await p1.put(noteUrl(newId(t.clock.now())), note('2026-03-02T09:00:00Z'));
    expect(unknown.json().error.code).toBe('appointment.not_found');

    const client = await makeClient(t.database.db, t.clock.now(), (await t.database.db.selectFrom('staff').select('organisation_id').where('id', '=', w.p1.id).executeTakeFirstOrThrow()).organisation_id, [w.p1.id]);
    const episodeId = await openEpisode(t, w.p1, client.id);
    const attended = await bookAppointment(t, w.p1, episodeId, '2026-02-24T09:00:00Z', { recordingPast: true });
    await setStatus(attended.id, 'attended');
    expect((await p1.put(noteUrl(attended.id), note('2026-03-02T08:00:00Z'))).statusCode).toBe(200);
    await t.database.db.updateTable('episode').set({ status: 'ended', ending_reason: 'completed', ended_on: '2026-03-01' }).where('id', '=', episodeId).execute();
    const closed = await p1.put(noteUrl(attended.id), note('2026-03-02T08:30:00Z'));
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('episode.closed');
    // The record stays readable.
    expect((await p1.get(noteUrl(attended.id))).json().note.revision).toBe(1);
  });

  it('is the care team’s: a colleague and the supervisor read it; the client, other caseloads and organisations cannot', async () => {
    const booked = await bookAppointment(t, w.p1, w.episodeId, '2026-03-12T09:00:00Z');
    const secret = 'Internal formulation words';
    expect((await (await sessionOf(t, w.p1)).put(noteUrl(booked.id), note('2026-03-02T09:00:00Z', { reviewed: secret }))).statusCode).toBe(200);
    expect((await (await sessionOf(t, w.colleague)).get(noteUrl(booked.id))).json().note.reviewed).toBe(secret);
    expect((await (await sessionOf(t, w.s1)).get(noteUrl(booked.id))).statusCode).toBe(200);
    // A supervisor reads but does not write the care team's note.
    expect((await (await sessionOf(t, w.s1)).put(noteUrl(booked.id), note('2026-03-02T09:00:09Z'))).statusCode).toBe(404);
    for (const person of [w.p2, w.outsider, w.s2]) {
      expect([403, 404]).toContain((await (await sessionOf(t, person)).get(noteUrl(booked.id))).statusCode);
    }
    const client = await sessionOf(t, w.client);
    for (const res of [await client.get(noteUrl(booked.id)), await client.put(noteUrl(booked.id), note('2026-03-02T09:00:10Z'))]) {
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain(secret);
    }
    // Nothing the client reads about their plan or appointments carries the note.
    for (const url of ['/api/me/plan', '/api/me/plan/progress', '/api/me/programme', `/api/appointments/${booked.id}/history`]) {
      const res = await client.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain(secret);
      expect(res.body, url).not.toContain('session_note');
    }
  });
});

const codesOf = (flags: { code: string }[]) => flags.map((f) => f.code).sort();

describe('the protocol map', () => {
  it('shows the on-plan case where it is, with no flags', async () => {
    const res = await (await sessionOf(t, w.p1)).get(`/api/episodes/${w.onPlan.episodeId}/protocol-map`);
    expect(res.statusCode, res.body).toBe(200);
    const map = res.json();
    expect(map.flags).toEqual([]);
    expect(map.hasPlan).toBe(true);
    expect(map.sessionsAttended).toBe(3);
    expect(map.startedOn).toBe('2026-02-09');
    expect(map.today).toBe('2026-03-02');
    // UK example: F2F, online, F2F, online, F2F, online (same module again), F2F, online, F2F, online, F2F.
    expect(map.steps.map((s: { status: string }) => s.status)).toEqual(['delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'current', 'next', 'later', 'later', 'later']);
    expect(map.steps[0]).toMatchObject({ deliveredOn: '2026-02-09', appointmentId: w.onPlan.appointmentIds[0] });
    expect(map.steps[1]).toMatchObject({ mode: 'online', deliveredOn: '2026-02-12', appointmentId: null });
    expect(map.current).toBe(w.onPlan.planStepIds[6]);
    expect(map.deliveredComponents).toEqual(['psychoeducation', 'behavioural_activation']);
    expect(map.requiredComponents).toEqual(['psychoeducation', 'behavioural_activation', 'cognitive_restructuring', 'relapse_prevention']);
  });

  it('flags the drifting case, each flag with a plain reason', async () => {
    const map = (await (await sessionOf(t, w.p1)).get(`/api/episodes/${w.drifting.episodeId}/protocol-map`)).json();
    expect(codesOf(map.flags)).toEqual(['component_not_recorded', 'gap_longer_than_planned', 'gap_longer_than_planned', 'homework_not_reviewed', 'required_component_overdue']);
    const [, second, third, fourth] = w.drifting.appointmentIds;
    expect(map.flags.find((f: { code: string }) => f.code === 'homework_not_reviewed')).toMatchObject({ appointmentId: second });
    expect(map.flags.find((f: { code: string }) => f.code === 'required_component_overdue')).toMatchObject({ component: 'behavioural_activation', appointmentId: third, deliveredOn: '2026-01-19' });
    expect(map.flags.find((f: { code: string }) => f.code === 'component_not_recorded')).toMatchObject({ appointmentId: fourth });
    for (const flag of map.flags) expect(flag.reason).toMatch(/^[A-Z0-9].+\.$/);
  });

  it('has nothing to map without a plan', async () => {
    const client = await makeClient(t.database.db, t.clock.now(), (await t.database.db.selectFrom('client').select('organisation_id').where('id', '=', w.client.id).executeTakeFirstOrThrow()).organisation_id, [w.p1.id]);
    const episodeId = await openEpisode(t, w.p1, client.id);
    const plan = await t.database.db.selectFrom('treatment_plan').select('id').where('episode_id', '=', episodeId).executeTakeFirstOrThrow();
    await t.database.db.deleteFrom('treatment_plan_change').where('plan_id', '=', plan.id).execute();
    await t.database.db.deleteFrom('treatment_plan').where('id', '=', plan.id).execute();
    const attended = await bookAppointment(t, w.p1, episodeId, '2026-01-05T09:00:00Z', { recordingPast: true });
    await setStatus(attended.id, 'attended');
    const map = (await (await sessionOf(t, w.p1)).get(`/api/episodes/${episodeId}/protocol-map`)).json();
    expect(map).toMatchObject({ hasPlan: false, steps: [], flags: [], sessionsAttended: 1 });
  });

  it('is read by the care team and the supervisor, not by the client or other caseloads', async () => {
    const url = `/api/episodes/${w.drifting.episodeId}/protocol-map`;
    expect((await (await sessionOf(t, w.s1)).get(url)).statusCode).toBe(200);
    expect((await (await sessionOf(t, w.driftingClient)).get(url)).statusCode).toBe(403);
    expect((await (await sessionOf(t, w.p2)).get(url)).statusCode).toBe(404);
    expect((await (await sessionOf(t, w.s2)).get(url)).statusCode).toBe(404);
  });
});

describe('the client’s place in their plan', () => {
  it('gives each step’s status by the ids of their plan, with no flags, notes or reasons', async () => {
    const client = await sessionOf(t, w.driftingClient);
    const plan = (await client.get('/api/me/plan')).json().plan;
    const res = await client.get('/api/me/plan/progress');
    expect(res.statusCode, res.body).toBe(200);
    const { progress } = res.json();
    expect(progress.steps.map((s: { id: string }) => s.id)).toEqual(plan.steps.map((s: { id: string }) => s.id));
    expect(progress.steps.slice(0, 4).map((s: { status: string }) => s.status)).toEqual(['delivered', 'current', 'delivered', 'next']);
    expect(progress.current).toBe(plan.steps[1].id);
    expect(res.body).not.toMatch(/flag|reason|overdue|drift|component|note/i);
  });

  it('is null for someone without an open episode with a plan, and refused to staff', async () => {
    const none = await makeClient(t.database.db, t.clock.now(), (await t.database.db.selectFrom('client').select('organisation_id').where('id', '=', w.client.id).executeTakeFirstOrThrow()).organisation_id, [w.p1.id]);
    expect((await (await sessionOf(t, none)).get('/api/me/plan/progress')).json()).toEqual({ progress: null });
    expect((await (await sessionOf(t, w.p1)).get('/api/me/plan/progress')).statusCode).toBe(403);
  });
});

describe('fidelity per supervisee', () => {
  it('counts each supervisee’s open episodes with a plan, those with flags and by code — only the supervisor’s own', async () => {
    const res = await (await sessionOf(t, w.s1)).get('/api/supervision/fidelity');
    expect(res.statusCode, res.body).toBe(200);
    const { supervisees, today } = res.json();
    expect(today).toBe('2026-03-02');
    expect(supervisees.map((s: { practitionerName: string }) => s.practitionerName)).toEqual(['Priya', 'Tom']);
    const [priya, tom] = supervisees;
    // Priya: the on-plan case, the drifting case, and the first test's episode (whose sessions are to come).
    expect(priya).toMatchObject({ practitionerId: w.p1.id, episodesWithFlags: 1 });
    expect(priya.openEpisodesWithPlan).toBeGreaterThanOrEqual(3);
    expect(priya.flaggedEpisodes).toEqual([
      { episodeId: w.drifting.episodeId, clientId: w.driftingClient.id, codes: ['required_component_overdue', 'homework_not_reviewed', 'gap_longer_than_planned', 'component_not_recorded'] },
    ]);
    expect(priya.byCode).toEqual({ required_component_overdue: 1, homework_not_reviewed: 1, gap_longer_than_planned: 1, component_not_recorded: 1 });
    expect(tom).toMatchObject({ openEpisodesWithPlan: 1, episodesWithFlags: 1, flaggedEpisodes: [{ episodeId: w.p2Drifting.episodeId }] });
    // Another supervisor's supervisee (Uma) is not here.
    expect(res.body).not.toContain(w.p3Drifting.episodeId);
    expect(res.body).not.toMatch(/givenName|familyName|reason/);
  });

  it('is the supervisor’s own: another supervisor sees only theirs; practitioners and clients are refused', async () => {
    const theirs = (await (await sessionOf(t, w.s2)).get('/api/supervision/fidelity')).json();
    expect(theirs.supervisees.map((s: { practitionerId: string }) => s.practitionerId)).toEqual([w.p3.id]);
    expect(JSON.stringify(theirs)).not.toContain(w.drifting.episodeId);
    expect((await (await sessionOf(t, w.p1)).get('/api/supervision/fidelity')).statusCode).toBe(403);
    expect((await (await sessionOf(t, w.client)).get('/api/supervision/fidelity')).statusCode).toBe(403);
  });
});
