import { BriefResponseSchema, briefWordCount, briefWordLimit, newId, type StaffActor } from '@tandem/domain';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckedProgramme } from '../../content/programme-files';
import { createMailer } from '../../email/mailer';
import { makeClient, makeOrganisation, makeStaff } from '../../test/factories';
import { sessionOf } from '../../test/sessions';
import { createTestApp, type TestApp } from '../../test/test-app';
import { bookAppointment, openEpisode } from '../calendar/test-support';
import { getBrief } from './brief.service';

// The test clock starts on Monday 2026-03-02 at 09:00 UTC. Alex's last session was on Monday
// 23 February; the next is on Wednesday 4 March. Zed is p2's client; Sam is p1's, with no referral.
let t: TestApp;
type Person = Awaited<ReturnType<typeof makeClient>>;
type Staff = Awaited<ReturnType<typeof makeStaff>>;
const w = {} as { org: string; p1: Staff; p2: Staff; alex: Person; zed: Person; sam: Person; e1: string; next: string; homework: string; agenda: string; sharedEntry: string };

const items = [
  { kind: 'step', moduleId: 'understanding-depression', stepId: 'what-depression-is' },
  { kind: 'exercise', moduleId: 'understanding-depression', exerciseId: 'goals' },
  { kind: 'exercise', moduleId: 'getting-active', exerciseId: 'activity-diary' },
  { kind: 'step', moduleId: 'getting-active', stepId: 'why-doing-helps' },
];
const answers = (instrument: 'phq9' | 'gad7', values: number[]) => Object.fromEntries(values.map((v, i) => [`${instrument}-${i + 1}`, v]));

beforeAll(async () => {
  t = await createTestApp();
  const now = t.clock.now();
  const db = t.database.db;
  w.org = (await makeOrganisation(db, now)).id;
  w.p1 = await makeStaff(db, now, w.org, ['practitioner']);
  w.p2 = await makeStaff(db, now, w.org, ['practitioner']);
  w.alex = await makeClient(db, now, w.org, [w.p1.id], { givenName: 'Alex', familyName: 'Morgan' });
  w.zed = await makeClient(db, now, w.org, [w.p2.id], { givenName: 'Zed', familyName: 'Otherperson' });
  w.sam = await makeClient(db, now, w.org, [w.p1.id], { givenName: 'Sam', familyName: 'Noreferral' });
  w.e1 = await openEpisode(t, w.p1, w.alex.id);
  await openEpisode(t, w.p2, w.zed.id);
  const p1 = await sessionOf(t, w.p1);
  const last = await bookAppointment(t, w.p1, w.e1, '2026-02-23T10:00:00Z', { recordingPast: true });
  expect((await p1.post(`/api/appointments/${last.id}/status`, { status: 'attended', version: 1 })).statusCode).toBe(200);
  w.next = (await bookAppointment(t, w.p1, w.e1, '2026-03-04T10:00:00Z')).id;
  w.homework = newId(now);
  expect((await p1.post(`/api/episodes/${w.e1}/homework`, { id: w.homework, items, appointmentId: w.next })).statusCode).toBe(201);
  // Scores: PHQ-9 9 before the session, 16 since (up 7: reliable deterioration), with question 9 answered 1; GAD-7 once.
  const record = (instrumentId: 'phq9' | 'gad7', values: number[], authoredAt: string) =>
    p1.post(`/api/clients/${w.alex.id}/questionnaire-responses`, { id: newId(t.clock.now()), instrumentId, answers: answers(instrumentId, values), authoredAt, source: 'imported' });
  expect((await record('phq9', [1, 1, 1, 1, 1, 1, 1, 2, 0], '2026-02-16T10:00:00Z')).statusCode).toBe(201);
  expect((await record('phq9', [2, 2, 2, 2, 2, 2, 2, 1, 1], '2026-02-28T10:00:00Z')).statusCode).toBe(201);
  expect((await record('gad7', [1, 1, 1, 1, 1, 1, 2], '2026-02-28T10:05:00Z')).statusCode).toBe(201);
  // Alex's week: check-ins (one before the period), one step done, a goals entry sent, a diary started, an agenda item, the help button.
  const alex = await sessionOf(t, w.alex);
  for (const [mood, recordedAt] of [[9, '2026-02-20T19:00:00Z'], [3, '2026-02-24T19:00:00Z'], [4, '2026-02-26T19:00:00Z'], [6, '2026-02-28T19:00:00Z'], [7, '2026-03-01T19:00:00Z']] as const) {
    expect((await alex.post('/api/check-ins', { id: newId(now), mood, recordedAt })).statusCode).toBe(201);
  }
  expect((await alex.put('/api/me/programme/steps/understanding-depression/what-depression-is', { contentVersion: '1.0.0', recordedAt: '2026-03-02T09:01:00Z' })).statusCode).toBe(200);
  w.sharedEntry = newId(now);
  const goals = { exercise: 'goals', moduleId: 'understanding-depression', stepId: 'setting-goals', contentVersion: '1.0.0', status: 'submitted', shared: true, data: { goals: [{ text: 'Walk', progress: 2 }] }, recordedAt: '2026-03-02T09:02:00Z' };
  expect((await alex.put(`/api/exercise-entries/${w.sharedEntry}`, goals)).statusCode).toBe(200);
  const diary = { exercise: 'activity-diary', moduleId: 'getting-active', stepId: 'noticing-what-you-do', contentVersion: '1.0.0', status: 'draft', shared: true, data: {}, recordedAt: '2026-03-02T09:03:00Z' };
  expect((await alex.put(`/api/exercise-entries/${newId(now)}`, diary)).statusCode, 'diary draft').toBe(200);
  w.agenda = newId(now);
  expect((await alex.post('/api/me/agenda-items', { id: w.agenda, text: 'Work worries', recordedAt: '2026-03-01T20:00:00Z' })).statusCode).toBe(201);
  expect((await alex.post('/api/help-requests', { id: newId(now), recordedAt: '2026-03-02T08:30:00Z' })).statusCode).toBe(201);
  // Zed's week, which must never show in Alex's brief.
  const zed = await sessionOf(t, w.zed);
  expect((await zed.post('/api/me/agenda-items', { id: newId(now), text: 'OTHER-AGENDA', recordedAt: '2026-03-01T20:00:00Z' })).statusCode).toBe(201);
  expect((await zed.post('/api/check-ins', { id: newId(now), mood: 1, recordedAt: '2026-03-01T19:00:00Z' })).statusCode).toBe(201);
  t.clock.set('2026-03-02T10:00:00Z');
});
afterAll(() => t.close());

const as = (person: { email: string }) => sessionOf(t, person);
const briefPath = (clientId: string) => `/api/clients/${clientId}/brief`;

describe('GET /api/clients/:clientId/brief', () => {
  it('brings every section of the period since the last session together, for this client only, within the word limit', async () => {
    const res = await (await as(w.p1)).get(briefPath(w.alex.id));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { brief } = BriefResponseSchema.parse(res.json());
    expect(brief).toMatchObject({
      clientId: w.alex.id,
      episodeId: w.e1,
      generatedAt: '2026-03-02T10:00:00.000Z',
      nextAppointment: { id: w.next, startsAt: '2026-03-04T10:00:00.000Z', purpose: 'treatment' },
      period: { since: 'last_session', from: '2026-02-23T10:00:00.000Z', fromDay: '2026-02-23', toDay: '2026-03-02', days: 7 },
      homework: { id: w.homework, counts: { done: 2, partly: 1, notDone: 1 }, more: 1 },
      mood: { count: 4, low: 3, high: 7, mean: 5, direction: 'higher' },
      measures: [
        { instrument: 'phq9', latest: { total: 16, band: 'moderately_severe', inPeriod: true }, sincePrevious: { change: 7 }, sinceFirst: { first: 9, change: 7, reliable: 'deteriorated' } },
        { instrument: 'gad7', latest: { total: 8, band: 'mild' }, sincePrevious: null, sinceFirst: null },
      ],
      agenda: { items: [{ id: w.agenda, text: 'Work worries', textCut: false }], more: 0 },
      plan: { delivered: 0 },
    });
    const hw = brief!.homework!;
    expect(hw.items.map((i) => [i.status, i.entryId])).toEqual([
      ['not_done', null],
      ['partly', null],
      ['done', null],
    ]);
    // The help button's alert is open; the question-9 answer of 1 is flagged too (its alert, or the answer).
    expect(brief!.flagged.openAlerts).toBeGreaterThanOrEqual(1);
    expect(brief!.flagged.items[0]).toMatchObject({ kind: 'risk_alert', trigger: 'help_button', status: 'open' });
    expect(brief!.flagged.items.some((f) => (f.kind === 'risk_alert' && f.trigger === 'phq9_item9') || (f.kind === 'item9_answer' && f.value === 1))).toBe(true);
    expect(brief!.focus[0]!.code).toBe('risk_first');
    expect(res.body).not.toContain('OTHER-AGENDA');
    expect(briefWordCount(brief!)).toBeLessThanOrEqual(briefWordLimit);
    const audit = await t.database.db.selectFrom('audit_event').select(['action', 'outcome', 'subject_ids']).where('action', '=', 'brief.read').where('client_id', '=', w.alex.id).execute();
    expect(audit.at(-1)).toMatchObject({ outcome: 'success' });
    expect(audit.at(-1)!.subject_ids).toEqual(expect.arrayContaining([w.e1, w.homework, w.agenda]));
  });

  it('refuses someone else’s real client as not found (and audits it), while the owner’s identical request succeeds', async () => {
    const p2 = await as(w.p2);
    const refused = await p2.get(briefPath(w.alex.id));
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('client.not_found');
    expect(refused.body).not.toContain('Work worries');
    const denied = await t.database.db.selectFrom('audit_event').select('outcome').where('action', '=', 'brief.read').where('outcome', '=', 'denied').where('client_id', '=', w.alex.id).execute();
    expect(denied).toHaveLength(1);
    expect((await (await as(w.p1)).get(briefPath(w.alex.id))).statusCode).toBe(200);
    // And p2's own client works for p2.
    const own = await p2.get(briefPath(w.zed.id));
    expect(own.statusCode, own.body).toBe(200);
  });

  it('refuses the client, even for their own record (it carries the care team’s plan and drift)', async () => {
    const res = await (await as(w.alex)).get(briefPath(w.alex.id));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.forbidden');
  });

  it('answers null without an open episode, and says when no next appointment is booked', async () => {
    const p1 = await as(w.p1);
    expect((await p1.get(briefPath(w.sam.id))).json()).toEqual({ brief: null });
    const p2 = await as(w.p2);
    const zed = BriefResponseSchema.parse((await p2.get(briefPath(w.zed.id))).json()).brief!;
    expect(zed).toMatchObject({ nextAppointment: null, period: { since: 'referral_opened' }, homework: null, mood: { count: 0 } }); // Zed's check-in came before the referral was opened
    expect(zed.agenda.items.map((a) => a.text)).toEqual(['OTHER-AGENDA']);
  });

  it('costs the same number of queries for a quiet client as for a busy one (no N+1)', async () => {
    let queries = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const programme = await loadCheckedProgramme(t.config.contentDir);
    const mailer = createMailer({ smtpUrl: t.config.smtpUrl, from: t.config.mailFrom, production: false });
    const actor: StaffActor = { type: 'staff', accountId: newId(t.clock.now()), staffId: w.p1.id, organisationId: w.org, roles: ['practitioner'] };
    const ctx = { actor, db: t.database.db.withPlugin(counter), clock: t.clock, requestId: 'test', config: t.config, mailer };
    const count = async (clientId: string) => {
      queries = 0;
      await getBrief(ctx, programme, clientId);
      return queries;
    };
    const busy = await count(w.alex.id);
    // A quiet client of the same practitioner, with a referral and a next appointment but nothing else.
    const quiet = await makeClient(t.database.db, t.clock.now(), w.org, [w.p1.id], { givenName: 'Quinn', familyName: 'Quiet' });
    const e = await openEpisode(t, w.p1, quiet.id);
    await bookAppointment(t, w.p1, e, '2026-03-05T10:00:00Z');
    const hw = { id: newId(t.clock.now()), items: [items[0]] };
    expect((await (await as(w.p1)).post(`/api/episodes/${e}/homework`, hw)).statusCode).toBe(201);
    expect(await count(quiet.id)).toBe(busy);
    expect(busy).toBeLessThanOrEqual(25);
    mailer.close();
  });
});
