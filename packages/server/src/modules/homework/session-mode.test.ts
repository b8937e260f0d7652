import { newId } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff } from '../../test/factories';
import { sessionOf } from '../../test/sessions';
import { createTestApp, type TestApp } from '../../test/test-app';
import { bookAppointment, openEpisode } from '../calendar/test-support';

// The test clock starts on Monday 2026-03-02 at 09:00 UTC. Alex's last session was on 23 February;
// today's is at 10:00. Zed is another client of the same practitioner.
let t: TestApp;
type Person = Awaited<ReturnType<typeof makeClient>>;
const w = {} as { p1: Awaited<ReturnType<typeof makeStaff>>; p2: Awaited<ReturnType<typeof makeStaff>>; alex: Person; zed: Person; e1: string; e2: string; today: string; agenda: string; sharedEntry: string };

const step = { kind: 'step', moduleId: 'understanding-depression', stepId: 'what-depression-is' };
const goals = { kind: 'exercise', moduleId: 'understanding-depression', exerciseId: 'goals' };
const entry = (exercise: 'goals' | 'thought-record', shared: boolean, words: string, recordedAt: string) =>
  exercise === 'goals'
    ? { exercise, moduleId: 'understanding-depression', stepId: 'setting-goals', contentVersion: '1.0.0', status: 'submitted', shared, data: { goals: [{ text: words, progress: 2 }] }, recordedAt }
    : { exercise, moduleId: 'thinking-differently', stepId: 'the-thought-record', contentVersion: '1.0.0', status: 'draft', shared, data: { situation: words }, recordedAt };

beforeAll(async () => {
  t = await createTestApp();
  const now = t.clock.now();
  const db = t.database.db;
  const org = await makeOrganisation(db, now);
  w.p1 = await makeStaff(db, now, org.id, ['practitioner']);
  w.p2 = await makeStaff(db, now, org.id, ['practitioner']);
  w.alex = await makeClient(db, now, org.id, [w.p1.id], { givenName: 'Alex', familyName: 'Morgan', dateOfBirth: '1984-07-01' });
  w.zed = await makeClient(db, now, org.id, [w.p1.id], { givenName: 'Zed', familyName: 'Otherperson' });
  w.e1 = await openEpisode(t, w.p1, w.alex.id);
  w.e2 = await openEpisode(t, w.p1, w.zed.id);
  const p1 = await sessionOf(t, w.p1);
  const last = await bookAppointment(t, w.p1, w.e1, '2026-02-23T10:00:00Z', { purpose: 'assessment', recordingPast: true });
  expect((await p1.post(`/api/appointments/${last.id}/status`, { status: 'attended', version: 1 })).statusCode).toBe(200);
  w.today = (await bookAppointment(t, w.p1, w.e1, '2026-03-02T10:00:00Z')).id;
  // Homework for today's session, then Alex's week: check-ins, a step, a shared and a private entry, an agenda item.
  expect((await p1.post(`/api/episodes/${w.e1}/homework`, { id: newId(now), items: [step, goals], appointmentId: w.today })).statusCode).toBe(201);
  const alex = await sessionOf(t, w.alex);
  for (const [mood, recordedAt] of [[3, '2026-02-25T19:00:00Z'], [5, '2026-03-01T19:00:00Z'], [9, '2026-02-20T19:00:00Z']] as const) {
    expect((await alex.post('/api/check-ins', { id: newId(now), mood, recordedAt })).statusCode).toBe(201);
  }
  expect((await alex.put('/api/me/programme/steps/understanding-depression/what-depression-is', { contentVersion: '1.0.0', recordedAt: '2026-03-02T09:01:00Z' })).statusCode).toBe(200);
  w.sharedEntry = newId(now);
  expect((await alex.put(`/api/exercise-entries/${w.sharedEntry}`, entry('goals', true, 'Walk to the park', '2026-03-02T09:02:00Z'))).statusCode).toBe(200);
  const privateEntry = newId(now);
  expect((await alex.put(`/api/exercise-entries/${privateEntry}`, { ...entry('goals', false, 'PRIVATE-WORDS', '2026-03-02T09:03:00Z') })).statusCode).toBe(200);
  w.agenda = newId(now);
  expect((await alex.post('/api/me/agenda-items', { id: w.agenda, text: 'Work worries', recordedAt: '2026-03-01T20:00:00Z' })).statusCode).toBe(201);
  // Zed's week, which must never show in Alex's session.
  const zed = await sessionOf(t, w.zed);
  expect((await zed.put(`/api/exercise-entries/${newId(now)}`, entry('goals', true, 'OTHER-CLIENT-WORDS', '2026-03-02T08:00:00Z'))).statusCode).toBe(200);
  expect((await zed.post('/api/me/agenda-items', { id: newId(now), text: 'OTHER-AGENDA', recordedAt: '2026-03-01T20:00:00Z' })).statusCode).toBe(201);
  expect((await zed.post('/api/check-ins', { id: newId(now), mood: 1, recordedAt: '2026-03-01T19:00:00Z' })).statusCode).toBe(201);
  t.clock.set('2026-03-02T10:05:00Z');
});
afterAll(() => t.close());

const as = (person: { email: string }) => sessionOf(t, person);

describe('session mode (the together view)', () => {
  it('shows what happened since the last session, the homework, the agenda, today’s measures and the plan step — of this client only', async () => {
    const res = await (await as(w.p1)).get(`/api/appointments/${w.today}/together`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({
      appointment: { id: w.today, startsAt: '2026-03-02T10:00:00.000Z', purpose: 'treatment' },
      client: { givenName: 'Alex' },
      sinceLastSession: {
        from: '2026-02-23T10:00:00.000Z',
        checkIns: { count: 2, mean: 4, lowest: 3 },
        stepsDone: [{ moduleId: 'understanding-depression', stepId: 'what-depression-is', title: 'What depression is' }],
        entries: [{ id: w.sharedEntry, exercise: 'goals' }],
        privateEntries: 1,
      },
      homeworkToReview: { appointmentId: w.today, allDone: true },
      agenda: [{ id: w.agenda, text: 'Work worries' }],
      measuresToday: [
        { instrument: 'phq9', status: 'due' },
        { instrument: 'gad7', status: 'due' },
      ],
      planStepForToday: { component: expect.any(String) },
    });
    // The plan's second face-to-face step: one session was attended before.
    const plan = (await t.database.db.selectFrom('treatment_plan').select('steps').where('episode_id', '=', w.e1).executeTakeFirstOrThrow()).steps as { id: string; mode: string }[];
    expect(view.planStepForToday.id).toBe(plan.filter((s) => s.mode === 'face_to_face')[1]!.id);
    // The shared homework entry's words are there to go through; the private one's never.
    expect(JSON.stringify(view.homeworkToReview)).toContain('Walk to the park');
    const text = JSON.stringify(view);
    for (const never of ['PRIVATE-WORDS', 'OTHER-CLIENT-WORDS', 'OTHER-AGENDA', 'Zed', 'Otherperson', w.zed.id, 'Morgan', '1984-07-01', 'problemDescriptor', 'bereavement']) {
      expect(text).not.toContain(never);
    }
    const audit = await t.database.db.selectFrom('audit_event').select(['client_id', 'subject_ids']).where('action', '=', 'appointment.together').executeTakeFirstOrThrow();
    expect(audit.client_id).toBe(w.alex.id);
    expect(audit.subject_ids).toContain(w.sharedEntry);
  });

  it('is refused to anyone outside the care team and to the client', async () => {
    expect((await (await as(w.p2)).get(`/api/appointments/${w.today}/together`)).statusCode).toBe(404);
    expect([403, 404]).toContain((await (await as(w.alex)).get(`/api/appointments/${w.today}/together`)).statusCode);
  });
});

describe('ending the session in one flow', () => {
  const next = (startsAt: string) => ({ id: newId(t.clock.now()), startsAt, durationMinutes: 45, purpose: 'treatment', contactMethod: 'video' });
  const state = async (ids: { next: string; homework: string }) => ({
    today: (await t.database.db.selectFrom('appointment').select('status').where('id', '=', w.today).executeTakeFirstOrThrow()).status,
    next: await t.database.db.selectFrom('appointment').select('id').where('id', '=', ids.next).executeTakeFirst(),
    homework: await t.database.db.selectFrom('homework').select('id').where('id', '=', ids.homework).executeTakeFirst(),
    jobs: await t.database.db.selectFrom('scheduled_job').select('id').where('delivery_key', 'like', `%${ids.homework}%`).execute(),
    agenda: (await t.database.db.selectFrom('agenda_item').select('status').where('id', '=', w.agenda).executeTakeFirstOrThrow()).status,
  });

  it('is all or nothing: a clash, a past time or a bad due date leaves this session not attended and no homework', async () => {
    const p1 = await as(w.p1);
    await bookAppointment(t, w.p1, w.e2, '2026-03-09T10:00:00Z');
    const cases = [
      [next('2026-03-09T10:15:00Z'), undefined, 'appointment.overlap', 'body/nextAppointment/startsAt'],
      [next('2026-03-01T10:00:00Z'), undefined, 'appointment.in_past', 'body/nextAppointment/startsAt'],
      [next('2026-03-09T14:00:00Z'), '2026-03-10', 'homework.due_after_appointment', 'body/homework/dueOn'],
    ] as const;
    for (const [nextAppointment, dueOn, code, path] of cases) {
      const homework = { id: newId(t.clock.now()), items: [step], ...(dueOn ? { dueOn } : {}) };
      const res = await p1.post(`/api/appointments/${w.today}/end-session`, { attended: true, homework, nextAppointment, agendaDiscussed: [w.agenda] });
      expect(res.json().error.code, res.body).toBe(code);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
      expect(await state({ next: nextAppointment.id, homework: homework.id })).toEqual({ today: 'booked', next: undefined, homework: undefined, jobs: [], agenda: 'open' });
    }
    const unknown = await p1.post(`/api/appointments/${w.today}/end-session`, { attended: true, agendaDiscussed: [newId(t.clock.now())] });
    expect(unknown.json().error.details[0].path).toBe('body/agendaDiscussed/0');
    expect((await state({ next: newId(t.clock.now()), homework: newId(t.clock.now()) })).today).toBe('booked');
  });

  it('marks attended, books the next, sets homework due the day before it and marks the agenda discussed; a retry answers the same', async () => {
    const p1 = await as(w.p1);
    const body = { attended: true, homework: { id: newId(t.clock.now()), items: [goals] }, nextAppointment: next('2026-03-09T14:00:00Z'), agendaDiscussed: [w.agenda] };
    const res = await p1.post(`/api/appointments/${w.today}/end-session`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      appointment: { id: w.today, status: 'attended' },
      nextAppointment: { id: body.nextAppointment.id, status: 'booked', startsAt: '2026-03-09T14:00:00.000Z' },
      homework: { id: body.homework.id, appointmentId: body.nextAppointment.id, dueOn: '2026-03-08' },
      agendaDiscussed: [w.agenda],
    });
    const after = await state({ next: body.nextAppointment.id, homework: body.homework.id });
    expect(after).toMatchObject({ today: 'attended', agenda: 'discussed' });
    expect(after.jobs).toHaveLength(2);
    const again = await p1.post(`/api/appointments/${w.today}/end-session`, body);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual(res.json());
    expect((await state({ next: body.nextAppointment.id, homework: body.homework.id })).jobs).toHaveLength(2);
    // The client now sees the new homework for the next session.
    expect((await (await as(w.alex)).get('/api/me/homework')).json().current).toMatchObject({ id: body.homework.id, dueOn: '2026-03-08' });
  });

  it('refuses to mark a session attended before it starts, or one already missed', async () => {
    const p1 = await as(w.p1);
    const future = (await t.database.db.selectFrom('appointment').select('id').where('episode_id', '=', w.e1).where('status', '=', 'booked').executeTakeFirstOrThrow()).id;
    const early = await p1.post(`/api/appointments/${future}/end-session`, { attended: true });
    expect(early.json().error).toMatchObject({ code: 'appointment.outcome_too_early', details: [{ path: 'body/attended' }] });
    expect((await (await as(w.p2)).post(`/api/appointments/${w.today}/end-session`, { attended: true })).statusCode).toBe(404);
  });
});
