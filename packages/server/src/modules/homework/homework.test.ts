import { consentWordingVersion, newId } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff } from '../../test/factories';
import { sessionOf } from '../../test/sessions';
import { startSmtpPeer } from '../../test/smtp-peer';
import { createTestApp, type TestApp } from '../../test/test-app';
import { bookAppointment, openEpisode } from '../calendar/test-support';
import { homeworkReminderJob } from './homework.jobs';

// The test clock starts on Monday 2026-03-02 at 09:00 UTC (09:00 in London). Reminders go at
// 09:00 client time two days before the due date and on its morning, through a real SMTP exchange.
let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
type Person = Awaited<ReturnType<typeof makeClient>>;
const w = {} as {
  p1: Awaited<ReturnType<typeof makeStaff>>;
  p2: Awaited<ReturnType<typeof makeStaff>>;
  c1: Person;
  /** Another client of the same practitioner, with no appointment booked. */
  c2: Person;
  /** Priya is not on this client's care team. */
  c3: Person;
  /** Care ends while homework is waiting. */
  c4: Person;
  episodes: Map<string, string>;
  a1: string;
  h1: string;
  h2: string;
  h4: string;
};

const step = { kind: 'step', moduleId: 'understanding-depression', stepId: 'what-depression-is' };
const goals = { kind: 'exercise', moduleId: 'understanding-depression', exerciseId: 'goals' };

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Tandem <tandem@example.test>' } });
  const now = t.clock.now();
  const db = t.database.db;
  const org = await makeOrganisation(db, now);
  w.p1 = await makeStaff(db, now, org.id, ['practitioner'], { name: 'Priya Shah' });
  w.p2 = await makeStaff(db, now, org.id, ['practitioner']);
  w.c1 = await makeClient(db, now, org.id, [w.p1.id], { givenName: 'Alex', familyName: 'Morgan' });
  w.c2 = await makeClient(db, now, org.id, [w.p1.id]);
  w.c3 = await makeClient(db, now, org.id, [w.p2.id]);
  w.c4 = await makeClient(db, now, org.id, [w.p1.id]);
  w.episodes = new Map();
  for (const [client, practitioner] of [[w.c1, w.p1], [w.c2, w.p1], [w.c3, w.p2], [w.c4, w.p1]] as const) {
    w.episodes.set(client.id, await openEpisode(t, practitioner, client.id));
  }
  for (const client of [w.c1, w.c2, w.c4]) {
    const res = await (await sessionOf(t, client)).post(`/api/clients/${client.id}/consent`, {
      id: newId(t.clock.now()),
      wordingVersion: consentWordingVersion,
      choices: { blendedTreatment: true, messagingUnderstood: true, channels: { email: true, sms: false, push: false }, research: false },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const as = (person: { email: string }) => sessionOf(t, person);
const homeworkOf = (client: { id: string }) => `/api/episodes/${w.episodes.get(client.id)}/homework`;
const homeworkMails = () => smtp.received.filter((m) => m.text.includes('Subject: A reminder from Tandem'));
async function at(instant: string) {
  t.clock.set(instant);
  await t.runJobs();
  return homeworkMails().length;
}

describe('setting homework', () => {
  it('is due the day before the next appointment by default, tied to it, with titles from the programme; a retry returns it', async () => {
    const p1 = await as(w.p1);
    w.a1 = (await bookAppointment(t, w.p1, w.episodes.get(w.c1.id)!, '2026-03-10T14:00:00Z')).id;
    w.h1 = newId(t.clock.now());
    const body = { id: w.h1, items: [step, goals] };
    const res = await p1.post(homeworkOf(w.c1), body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      id: w.h1,
      appointmentId: w.a1,
      dueOn: '2026-03-09',
      status: 'active',
      setByStaffId: w.p1.id,
      allDone: false,
      items: [
        { kind: 'step', moduleId: 'understanding-depression', stepId: 'what-depression-is', title: 'What depression is', minutes: 3, done: false, entries: [] },
        { kind: 'exercise', exerciseId: 'goals', title: expect.any(String), done: false },
      ],
    });
    const again = await p1.post(homeworkOf(w.c1), body);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(w.h1);
    const other = await p1.post(homeworkOf(w.c1), { id: w.h1, items: [step] });
    expect(other.json().error.code).toBe('write.id_conflict');
    // Two reminders queued with it, in the same transaction.
    const jobs = await t.database.db.selectFrom('scheduled_job').select(['due_at']).where('kind', '=', homeworkReminderJob).where('delivery_key', 'like', `%${w.h1}%`).orderBy('due_at').execute();
    expect(jobs.map((j) => j.due_at.toISOString())).toEqual(['2026-03-07T09:00:00.000Z', '2026-03-09T09:00:00.000Z']);
  });

  it('refuses bad input with a clear error, and saves nothing', async () => {
    const p1 = await as(w.p1);
    const refused = async (client: Person, body: object, code: string, path?: string) => {
      const id = newId(t.clock.now());
      const res = await p1.post(homeworkOf(client), { id, ...body });
      expect(res.json().error.code, res.body).toBe(code);
      if (path) expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
      expect(await t.database.db.selectFrom('homework').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
    };
    await refused(w.c1, { items: [step], dueOn: '2026-03-01' }, 'homework.due_in_past', 'body/dueOn');
    await refused(w.c1, { items: [step], dueOn: '2026-03-11' }, 'homework.due_after_appointment', 'body/dueOn');
    await refused(w.c1, { items: [{ ...step, stepId: 'no-such-step' }] }, 'request.invalid', 'body/items/0/stepId');
    await refused(w.c1, { items: [{ ...goals, exerciseId: 'thought-record' }] }, 'request.invalid', 'body/items/0/exerciseId');
    await refused(w.c1, { items: Array.from({ length: 11 }, (_, i) => ({ ...step, stepId: `s-${i}` })) }, 'request.invalid');
    // No appointment ahead: the due date must be given.
    await refused(w.c2, { items: [step] }, 'homework.no_next_appointment', 'body/dueOn');
    // Not Priya's client; and a client cannot set homework.
    await refused(w.c3, { items: [step], dueOn: '2026-03-05' }, 'episode.not_found');
    const byClient = await (await as(w.c1)).post(homeworkOf(w.c1), { id: newId(t.clock.now()), items: [step], dueOn: '2026-03-05' });
    expect([403, 404]).toContain(byClient.statusCode);
  });

  it('without an appointment ahead, takes the due date given', async () => {
    w.h2 = newId(t.clock.now());
    const res = await (await as(w.p1)).post(homeworkOf(w.c2), { id: w.h2, items: [step], dueOn: '2026-03-05' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ appointmentId: null, dueOn: '2026-03-05' });
    w.h4 = newId(t.clock.now());
    expect((await (await as(w.p1)).post(homeworkOf(w.c4), { id: w.h4, items: [step], dueOn: '2026-03-06' })).statusCode).toBe(201);
  });

  it('is refused once the episode has ended, and what was set before sends no reminder', async () => {
    await t.database.db.updateTable('episode').set({ status: 'ended', ended_on: '2026-03-02', ending_reason: 'completed', updated_at: t.clock.now() }).where('id', '=', w.episodes.get(w.c4.id)!).execute();
    const res = await (await as(w.p1)).post(homeworkOf(w.c4), { id: newId(t.clock.now()), items: [step], dueOn: '2026-03-06' });
    expect(res.json().error.code).toBe('episode.closed');
    expect(res.statusCode).toBe(409);
  });
});

describe('the client’s homework', () => {
  it('shows their own homework for the next session only, and what they have done', async () => {
    const c1 = await as(w.c1);
    const mine = (await c1.get('/api/me/homework')).json();
    expect(mine.current).toMatchObject({ id: w.h1, dueOn: '2026-03-09', appointment: { startsAt: '2026-03-10T14:00:00.000Z', timeZone: 'Europe/London' } });
    expect(mine.current.items.map((i: { done: boolean }) => i.done)).toEqual([false, false]);
    const theirs = (await (await as(w.c2)).get('/api/me/homework')).json();
    expect(theirs.current.id).toBe(w.h2);
    expect(JSON.stringify(theirs)).not.toContain(w.h1);
    // Ended care: nothing current.
    expect((await (await as(w.c4)).get('/api/me/homework')).json()).toEqual({ current: null });

    expect((await c1.put('/api/me/programme/steps/understanding-depression/what-depression-is', { contentVersion: '1.0.0', recordedAt: '2026-03-02T09:00:00Z' })).statusCode).toBe(200);
    expect((await c1.get('/api/me/homework')).json().current.items.map((i: { done: boolean }) => i.done)).toEqual([true, false]);

    const team = await (await as(w.p1)).get(homeworkOf(w.c1));
    expect(team.json().assignments[0]).toMatchObject({ id: w.h1, allDone: false });
    expect((await (await as(w.p2)).get(homeworkOf(w.c1))).statusCode).toBe(404);
    expect((await c1.get(homeworkOf(w.c1))).statusCode).toBe(403);
  });
});

describe('homework reminders', () => {
  it('are sent once at their times, with nothing clinical; none once the homework is done or cancelled, or care has ended', async () => {
    expect(await at('2026-03-03T08:59:59Z')).toBe(0);
    const cancelled = await (await as(w.p1)).post(`/api/homework/${w.h2}/cancel`, { reason: 'Agreed to rest this week' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    expect((await (await as(w.p2)).post(`/api/homework/${w.h1}/cancel`, { reason: 'x' })).statusCode).toBe(404);
    // 3 March: c2's reminder (cancelled). 4 and 6 March: c4's (care ended).
    expect(await at('2026-03-03T09:00:00Z')).toBe(0);
    expect(await at('2026-03-04T09:00:00Z')).toBe(0);
    expect(await at('2026-03-06T09:00:00Z')).toBe(0);
    expect(await at('2026-03-07T08:59:00Z')).toBe(0);
    expect(await at('2026-03-07T09:00:00Z')).toBe(1);
    const [mail] = homeworkMails();
    expect(mail!.to).toEqual([w.c1.email]);
    expect(mail!.text).toContain('You have something to do in Tandem before your next session.');
    const body = mail!.text.slice(mail!.text.indexOf('\r\n\r\n'));
    expect(body).not.toMatch(/\b(goals|depression|homework|thought|Priya|Alex|Morgan)\b/i);
    expect(await at('2026-03-07T12:00:00Z')).toBe(1);

    // The client finishes the rest: the morning-of reminder sends nothing.
    const entry = await (await as(w.c1)).put(`/api/exercise-entries/${newId(t.clock.now())}`, {
      exercise: 'goals',
      moduleId: 'understanding-depression',
      stepId: 'setting-goals',
      contentVersion: '1.0.0',
      status: 'submitted',
      shared: false,
      data: { goals: [{ text: 'Walk to the park', progress: 2 }] },
      recordedAt: '2026-03-07T12:00:00Z',
    });
    expect(entry.statusCode, entry.body).toBe(200);
    const done = (await (await as(w.p1)).get(homeworkOf(w.c1))).json().assignments[0];
    // Private: done, but no id to open and no words.
    expect(done).toMatchObject({ allDone: true, items: [{ done: true }, { done: true, entries: [{ id: null, shared: false, data: null }] }] });
    expect(await at('2026-03-09T09:00:00Z')).toBe(1);
    const jobs = await t.database.db.selectFrom('scheduled_job').select('status').where('kind', '=', homeworkReminderJob).execute();
    expect(jobs.length).toBe(6);
    expect(jobs.every((j) => j.status === 'done')).toBe(true);
  });
});
