import { newId } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff } from '../../test/factories';
import { sessionOf } from '../../test/sessions';
import { createTestApp, type TestApp } from '../../test/test-app';

// The test clock starts on Monday 2026-03-02 at 09:00 UTC (Europe/London: the same wall time).
let t: TestApp;
type Staff = Awaited<ReturnType<typeof makeStaff>>;
type Client = Awaited<ReturnType<typeof makeClient>>;
const w = {} as { org: string; s1: Staff; s2: Staff; p1: Staff; p2: Staff; p3: Staff; admin: Staff; outsider: Staff; openClient: Client; p3Client: Client; clients: Client[] };

/** Answers giving `total` on a measure, never touching PHQ-9 item 9 (it would start the risk pathway). */
function answers(instrumentId: 'phq9' | 'gad7', total: number): Record<string, number> {
  const items = instrumentId === 'phq9' ? 8 : 7;
  const out: Record<string, number> = {};
  let left = total;
  for (let i = 1; i <= (instrumentId === 'phq9' ? 9 : 7); i++) {
    const v = i <= items ? Math.min(3, left) : 0;
    out[`${instrumentId}-${i}`] = v;
    left -= v;
  }
  if (left !== 0) throw new Error(`cannot score ${total} on ${instrumentId}`);
  return out;
}

interface Seed {
  phq9: [number, number];
  gad7: [number, number];
  /** Attended treatment sessions (2 = finished treatment once ended). */
  sessions: number;
}

/** One episode through the API: referred, active, attended sessions with scores at the first and last, discharged. */
async function seedEndedEpisode(practitioner: Staff, client: Client, seed: Seed, hour: number): Promise<string> {
  const p = await sessionOf(t, practitioner);
  const ok = async (res: Promise<{ statusCode: number; body: string; json(): unknown }>) => {
    const r = await res;
    if (r.statusCode >= 300) throw new Error(`${r.statusCode}: ${r.body}`);
    return r.json() as Record<string, unknown>;
  };
  const episodeId = newId(t.clock.now());
  await ok(p.post(`/api/clients/${client.id}/episodes`, { id: episodeId, referralDate: '2026-01-05', referralSource: 'gp', problemDescriptor: 'Low mood', step: 'low_intensity', assignedPractitionerId: practitioner.id }));
  await ok(p.post(`/api/episodes/${episodeId}/status`, { status: 'active', version: 1 }));
  const hh = String(hour).padStart(2, '0'); // one practitioner's sessions must not clash
  const dates = [`2026-01-19T${hh}:00:00Z`, `2026-02-02T${hh}:00:00Z`, `2026-02-16T${hh}:00:00Z`].slice(0, seed.sessions);
  for (const [i, startsAt] of dates.entries()) {
    const id = newId(t.clock.now());
    const booked = await ok(p.post(`/api/episodes/${episodeId}/appointments`, { id, startsAt, durationMinutes: 35, purpose: 'treatment', contactMethod: 'face_to_face', recordingPast: true }));
    await ok(p.post(`/api/appointments/${id}/status`, { status: 'attended', version: booked.version }));
    const at = i === 0 ? 0 : i === dates.length - 1 ? 1 : null;
    if (at === null) continue;
    for (const instrumentId of ['phq9', 'gad7'] as const) {
      await ok(
        p.post(`/api/clients/${client.id}/questionnaire-responses`, {
          id: newId(t.clock.now()),
          instrumentId,
          appointmentId: id,
          answers: answers(instrumentId, seed[instrumentId][at]),
          authoredAt: new Date(new Date(startsAt).getTime() + 10 * 60_000).toISOString(),
          source: 'in_session',
        }),
      );
    }
  }
  await ok(p.post(`/api/episodes/${episodeId}/discharge`, { endingReason: 'completed', endedOn: '2026-02-20', version: 2, relapsePlanOffered: true }));
  return episodeId;
}

/*
 * Seven finished episodes, five at caseness at the start:
 *   A 18→6 / 12→5   recovered, reliably improved (reliable recovery)
 *   B 15→8 / 10→6   recovered, reliably improved (reliable recovery)
 *   C 12→9 /  9→7   recovered, no reliable change
 *   D 16→14 / 11→10 not recovered, no change
 *   E 14→21 / 10→12 reliably deteriorated
 *   F  8→2 /  6→1   not at caseness; reliably improved (in the improvement denominator only)
 *   G  5→6 /  4→4   not at caseness; no change
 * and H, ended after one session (not finished): in no denominator.
 * A–E are Priya's (p1), F–H Tom's (p2); both are supervised by s1.
 */
const seeds: Seed[] = [
  { phq9: [18, 6], gad7: [12, 5], sessions: 2 },
  { phq9: [15, 8], gad7: [10, 6], sessions: 3 },
  { phq9: [12, 9], gad7: [9, 7], sessions: 2 },
  { phq9: [16, 14], gad7: [11, 10], sessions: 2 },
  { phq9: [14, 21], gad7: [10, 12], sessions: 2 },
  { phq9: [8, 2], gad7: [6, 1], sessions: 2 },
  { phq9: [5, 6], gad7: [4, 4], sessions: 2 },
  { phq9: [15, 15], gad7: [10, 10], sessions: 1 },
];

beforeAll(async () => {
  t = await createTestApp();
  const now = t.clock.now();
  const db = t.database.db;
  const org = await makeOrganisation(db, now);
  const other = await makeOrganisation(db, now);
  w.org = org.id;
  w.s1 = await makeStaff(db, now, org.id, ['supervisor'], { name: 'Sam Supervisor' });
  w.s2 = await makeStaff(db, now, org.id, ['supervisor'], { name: 'Sue Supervisor' });
  w.p1 = await makeStaff(db, now, org.id, ['practitioner'], { name: 'Priya', supervisorId: w.s1.id });
  // A name that a spreadsheet would run as a formula: the export must neutralise it.
  w.p2 = await makeStaff(db, now, org.id, ['practitioner'], { name: '=HYPERLINK("x")', supervisorId: w.s1.id });
  w.p3 = await makeStaff(db, now, org.id, ['practitioner'], { name: 'Uma', supervisorId: w.s2.id });
  w.admin = await makeStaff(db, now, org.id, ['admin']);
  w.outsider = await makeStaff(db, now, other.id, ['supervisor', 'practitioner']);
  w.clients = [];
  for (const [i, seed] of seeds.entries()) {
    const owner = i < 5 ? w.p1 : w.p2;
    const client = await makeClient(db, now, org.id, [owner.id]);
    w.clients.push(client);
    await seedEndedEpisode(owner, client, seed, 9 + i);
  }
  w.openClient = await makeClient(db, now, org.id, [w.p1.id]);
  w.p3Client = await makeClient(db, now, org.id, [w.p3.id]);
  const p1 = await sessionOf(t, w.p1);
  const opened = await p1.post(`/api/clients/${w.openClient.id}/episodes`, { id: newId(now), referralDate: '2026-02-23', referralSource: 'self', problemDescriptor: 'Low mood', step: 'low_intensity', assignedPractitionerId: w.p1.id });
  expect(opened.statusCode).toBe(201);
}, 180_000);
afterAll(() => t.close());

const r4 = (x: number | null | undefined) => (x === null || x === undefined ? x : Math.round(x * 10_000) / 10_000);
const shown = (f: { numerator: number | null; denominator: number | null; rate: number | null; ci: { low: number; high: number } | null; suppressed: boolean }) => ({
  suppressed: f.suppressed,
  numerator: f.numerator,
  denominator: f.denominator,
  rate: r4(f.rate),
  ci: f.ci ? [r4(f.ci.low), r4(f.ci.high)] : null,
});
const hidden = { suppressed: true, numerator: null, denominator: null, rate: null, ci: null };

describe('outcome rates on the supervisor view (the done-when test)', () => {
  it('match the literal rates, counts and 95 % Wilson intervals of the seeded episodes, with the right denominators', async () => {
    const res = await (await sessionOf(t, w.s1)).get('/api/figures/supervision');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toMatchObject({ weekStart: '2026-03-02', weekEnd: '2026-03-08', outcomesFrom: '2025-03-10', outcomesTo: '2026-03-08', minCount: 5 });
    const o = body.service.outcomes;
    expect(o.finished).toBe(7);
    expect(shown(o.recovery)).toEqual({ suppressed: false, numerator: 3, denominator: 5, rate: 0.6, ci: [0.2307, 0.8824] });
    expect(shown(o.reliableImprovement)).toEqual({ suppressed: false, numerator: 3, denominator: 7, rate: 0.4286, ci: [0.1582, 0.7495] });
    expect(shown(o.reliableDeterioration)).toEqual({ suppressed: false, numerator: 1, denominator: 7, rate: 0.1429, ci: [0.0257, 0.5131] });
    expect(shown(o.reliableRecovery)).toEqual({ suppressed: false, numerator: 2, denominator: 5, rate: 0.4, ci: [0.1176, 0.7693] });
  });

  it('shows a supervisee with five finished episodes, and suppresses one with two', async () => {
    const body = (await (await sessionOf(t, w.s1)).get('/api/figures/supervision')).json();
    const priya = body.supervisees.find((s: { practitionerId: string }) => s.practitionerId === w.p1.id).outcomes;
    expect(priya.finished).toBe(5);
    expect(shown(priya.recovery)).toEqual({ suppressed: false, numerator: 3, denominator: 5, rate: 0.6, ci: [0.2307, 0.8824] });
    expect(shown(priya.reliableImprovement)).toEqual({ suppressed: false, numerator: 2, denominator: 5, rate: 0.4, ci: [0.1176, 0.7693] });
    expect(shown(priya.reliableDeterioration)).toEqual({ suppressed: false, numerator: 1, denominator: 5, rate: 0.2, ci: [0.0362, 0.6245] });
    const tom = body.supervisees.find((s: { practitionerId: string }) => s.practitionerId === w.p2.id).outcomes;
    expect(tom.finished).toBeNull();
    for (const rate of ['recovery', 'reliableImprovement', 'reliableDeterioration', 'reliableRecovery']) expect(tom[rate]).toEqual(hidden);
    // Fewer than five clients with an open episode: no engagement figure is shown either.
    const priyaEngagement = body.supervisees.find((s: { practitionerId: string }) => s.practitionerId === w.p1.id).engagement;
    expect(priyaEngagement).toMatchObject({ clients: 1, meanActiveDays: null, stepsCompleted: null, activeClients: hidden, checkInAdherence: hidden });
  });

  it('is audited with the episodes read', async () => {
    await (await sessionOf(t, w.s1)).get('/api/figures/supervision');
    const audit = await t.database.db.selectFrom('audit_event').select(['subject_ids', 'actor_id']).where('action', '=', 'figures.supervision').orderBy('occurred_at', 'desc').executeTakeFirstOrThrow();
    expect(audit.subject_ids!.length).toBe(9);
  });
});

describe('access to the supervision figures', () => {
  it('shows each supervisor only their own supervisees; the owner’s identical request names them', async () => {
    const own = (await (await sessionOf(t, w.s1)).get('/api/figures/supervision')).json();
    expect(own.supervisees.map((s: { practitionerId: string }) => s.practitionerId).sort()).toEqual([w.p1.id, w.p2.id].sort());
    const other = await (await sessionOf(t, w.s2)).get('/api/figures/supervision');
    expect(other.statusCode).toBe(200);
    expect(other.json().supervisees.map((s: { practitionerId: string }) => s.practitionerId)).toEqual([w.p3.id]);
    expect(other.body).not.toContain(w.p1.id);
  });
  it('refuses practitioners, admins without supervision, clients, and shows another organisation nothing of this one', async () => {
    for (const who of [w.p1, w.admin, w.clients[0]!]) {
      const res = await (await sessionOf(t, who)).get('/api/figures/supervision');
      expect(res.statusCode).toBe(403);
    }
    const outsider = (await (await sessionOf(t, w.outsider)).get('/api/figures/supervision')).json();
    expect(outsider.service.outcomes.finished).toBe(0);
    expect(outsider.supervisees).toEqual([]);
  });
});

describe('the CSV export', () => {
  it('downloads the figures as CSV, not cached, formula-safe, labelled and audited', async () => {
    const res = await (await sessionOf(t, w.s1)).get('/api/figures/supervision.csv?week=2026-03-04');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toBe('attachment; filename="tandem-figures-2026-03-02.csv"');
    const lines = res.body.split('\r\n');
    expect(lines[0]).toContain('Episodes in Tandem — not official statistics');
    expect(lines).toContain('week,2026-03-02,2026-03-08');
    expect(res.body).toMatch(/\r\nservice,all,recovery,3,5,0\.6,0\.2307,0\.8824,shown,/);
    expect(res.body).toMatch(/\r\nservice,all,reliableImprovement,3,7,0\.4286,0\.1582,0\.7495,shown,/);
    // Tom's name starts with "=": written as text, quoted because it holds quotes.
    expect(res.body).toContain(`supervisee,"'=HYPERLINK(""x"")",recovery,,,,,,suppressed (fewer than the minimum),`);
    expect(res.body).not.toMatch(/(^|,)=HYPERLINK/m);
    const audit = await t.database.db.selectFrom('audit_event').select('details').where('action', '=', 'figures.export').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ weekStart: '2026-03-02', format: 'csv' });
  });
  it('is refused to a practitioner (and answers as JSON error)', async () => {
    const res = await (await sessionOf(t, w.p1)).get('/api/figures/supervision.csv');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.forbidden');
  });
});

describe('active time', () => {
  it('credits beats with caps, once per beat id, and shows the week to its owner', async () => {
    const client = w.openClient;
    let p1 = await sessionOf(t, w.p1);
    const beat = async (seconds: number, beatId = newId(t.clock.now())) => p1.post('/api/activity/beats', { beatId, clientId: client.id, seconds });
    const first = await beat(30);
    expect(first.json()).toEqual({ credited: 30 });
    t.clock.advance(30_000);
    const id = newId(t.clock.now());
    // Claims 45 seconds, but only 30 passed since the previous beat.
    expect((await beat(45, id)).json()).toEqual({ credited: 30 });
    expect((await beat(45, id)).json()).toEqual({ credited: 30 }); // a retry counts once
    t.clock.advance(10 * 60_000);
    p1 = await sessionOf(t, w.p1);
    expect((await beat(3600)).json()).toEqual({ credited: 60 });
    const sent = await p1.post(`/api/clients/${client.id}/messages`, { id: newId(t.clock.now()), text: 'See you on Tuesday.' });
    expect(sent.statusCode, sent.body).toBe(201);
    const week = await p1.get('/api/figures/me');
    expect(week.statusCode).toBe(200);
    const body = week.json();
    expect(body.workWritten.messages).toBe(1);
    expect(body.activeTime).toMatchObject({ totalSeconds: 120, clients: 1 });
    expect(body.activeTime.days[0]).toEqual({ date: '2026-03-02', seconds: 120 });
    expect(body.activeTime.days.slice(1).every((d: { seconds: number }) => d.seconds === 0)).toBe(true);
    const row = await t.database.db.selectFrom('active_time_day').selectAll().where('client_id', '=', client.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ staff_id: w.p1.id, day: '2026-03-02', seconds: 120 });
  });

  it('refuses a beat on a record the person cannot open, and the owner’s identical beat succeeds', async () => {
    const body = { beatId: newId(t.clock.now()), clientId: w.p3Client.id, seconds: 20 };
    const refused = await (await sessionOf(t, w.p1)).post('/api/activity/beats', body);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('client.not_found');
    expect((await (await sessionOf(t, w.outsider)).post('/api/activity/beats', body)).statusCode).toBe(404);
    expect((await (await sessionOf(t, w.p3Client)).post('/api/activity/beats', body)).statusCode).toBe(403);
    const own = await (await sessionOf(t, w.p3)).post('/api/activity/beats', body);
    expect(own.statusCode).toBe(200);
    expect(own.json().credited).toBe(20);
    const denied = await t.database.db.selectFrom('audit_event').select('outcome').where('action', '=', 'activity.beat').where('client_id', '=', w.p3Client.id).execute();
    expect(denied.map((d) => d.outcome)).toEqual(['denied']);
  });

  it('counts nobody else’s time in my week, and audits the read', async () => {
    const body = (await (await sessionOf(t, w.p3)).get('/api/figures/me')).json();
    expect(body.activeTime.totalSeconds).toBe(20);
    expect(body.workWritten.messages).toBe(0);
    const audit = await t.database.db.selectFrom('audit_event').select('subject_ids').where('action', '=', 'figures.own_week').where('actor_id', '=', w.p3.id).executeTakeFirstOrThrow();
    expect(audit.subject_ids).toEqual([w.p3Client.id]);
  });
});

describe('the practitioner pulse', () => {
  const answer = (value: number | null, burden: number | null, comment: string | null = null) => ({ value, burden, comment });

  it('is offered once a month, answered once per person per month, changeable that month, offered again next month', async () => {
    const p1 = await sessionOf(t, w.p1);
    expect((await p1.get('/api/pulse')).json()).toEqual({ month: '2026-03', offered: true, dismissed: false, answer: null });
    expect((await p1.put('/api/pulse', answer(null, null, 'only words'))).statusCode).toBe(400);
    expect((await p1.put('/api/pulse', answer(4, 2))).json()).toEqual({ month: '2026-03', offered: false, dismissed: false, answer: { value: 4, burden: 2, comment: null } });
    expect((await p1.put('/api/pulse', answer(5, 2, 'Saved me time'))).json().answer).toEqual({ value: 5, burden: 2, comment: 'Saved me time' });
    // Putting it aside after answering keeps the answer.
    expect((await p1.post('/api/pulse/dismiss', {})).json()).toMatchObject({ offered: false, dismissed: false, answer: { value: 5 } });
    const rows = await t.database.db.selectFrom('practitioner_pulse').selectAll().where('staff_id', '=', w.p1.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('can be put aside for the month without answering', async () => {
    const p2 = await sessionOf(t, w.p2);
    expect((await p2.post('/api/pulse/dismiss', {})).json()).toEqual({ month: '2026-03', offered: false, dismissed: true, answer: null });
    expect((await p2.get('/api/pulse')).json().offered).toBe(false);
  });

  it('is shown only in aggregate, to supervisors and admins, from five answers, comments without names', async () => {
    const s1 = await sessionOf(t, w.s1);
    // One answer (p1's) so far: only the count.
    expect((await s1.get('/api/pulse/summary')).json()).toEqual({ month: '2026-03', responses: 1, suppressed: true, minCount: 5, value: null, burden: null, comments: [] });
    for (const [who, a] of [
      [w.p3, answer(3, 4, 'Too many notifications')],
      [w.s1, answer(4, 3)],
      [w.s2, answer(2, 5)],
    ] as const) {
      expect((await (await sessionOf(t, who)).put('/api/pulse', a)).statusCode).toBe(200);
    }
    expect((await s1.get('/api/pulse/summary')).json()).toMatchObject({ responses: 4, suppressed: true, comments: [] });
    expect((await (await sessionOf(t, w.admin)).put('/api/pulse', answer(4, 1))).statusCode).toBe(200);
    const summary = (await (await sessionOf(t, w.admin)).get('/api/pulse/summary?month=2026-03')).json();
    expect(summary).toEqual({
      month: '2026-03',
      responses: 5,
      suppressed: false,
      minCount: 5,
      value: { answers: 5, mean: 3.6, counts: [0, 1, 1, 2, 1] },
      burden: { answers: 5, mean: 3, counts: [1, 1, 1, 1, 1] },
      comments: ['Saved me time', 'Too many notifications'],
    });
    expect(JSON.stringify(summary)).not.toContain(w.p1.id);
    for (const who of [w.p1, w.clients[0]!]) expect((await (await sessionOf(t, who)).get('/api/pulse/summary')).statusCode).toBe(403);
    // Another organisation sees none of these answers.
    expect((await (await sessionOf(t, w.outsider)).get('/api/pulse/summary?month=2026-03')).json().responses).toBe(0);
  });

  it('is offered again the next month', async () => {
    t.clock.set('2026-04-01T08:00:00Z');
    expect((await (await sessionOf(t, w.p1)).get('/api/pulse')).json()).toEqual({ month: '2026-04', offered: true, dismissed: false, answer: null });
  });
});
