import { newId } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff } from '../../test/factories';
import { sessionOf } from '../../test/sessions';
import { startSmtpPeer } from '../../test/smtp-peer';
import { createTestApp, type TestApp } from '../../test/test-app';
import { staffDigestJob } from './notifications.service';

// The test clock starts on Monday 2026-03-02 at 09:00 UTC (09:00 in London, where staff work).
// The daily summary is due at 08:00 London time; every email crosses a real SMTP exchange.
let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
const w = {} as {
  p1: Awaited<ReturnType<typeof makeStaff>>;
  p2: Awaited<ReturnType<typeof makeStaff>>;
  c1: Awaited<ReturnType<typeof makeClient>>;
  c2: Awaited<ReturnType<typeof makeClient>>;
  episodes: Map<string, string>;
};

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Tandem <tandem@example.test>' } });
  const now = t.clock.now();
  const db = t.database.db;
  const org = await makeOrganisation(db, now);
  w.p1 = await makeStaff(db, now, org.id, ['practitioner'], { name: 'Priya Shah' });
  w.p2 = await makeStaff(db, now, org.id, ['practitioner'], { name: 'Tom Reed' });
  w.c1 = await makeClient(db, now, org.id, [w.p1.id], { givenName: 'Alex', familyName: 'Morgan' });
  w.c2 = await makeClient(db, now, org.id, [w.p2.id], { givenName: 'Sam', familyName: 'Patel' });
  w.episodes = new Map();
  for (const [client, practitioner] of [
    [w.c1, w.p1],
    [w.c2, w.p2],
  ] as const) {
    const session = await sessionOf(t, practitioner);
    const episodeId = newId(now);
    w.episodes.set(client.id, episodeId);
    const created = await session.post(`/api/clients/${client.id}/episodes`, {
      id: episodeId,
      referralDate: '2026-02-20',
      referralSource: 'gp',
      problemDescriptor: 'Depression',
      step: 'low_intensity',
      assignedPractitionerId: practitioner.id,
    });
    expect(created.statusCode, created.body).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function shareEntry(client: { email: string }, entryId = newId(t.clock.now())) {
  const res = await (await sessionOf(t, client)).put(`/api/exercise-entries/${entryId}`, {
    exercise: 'goals',
    moduleId: 'understanding-depression',
    stepId: 'setting-goals',
    contentVersion: '1.0.0',
    status: 'submitted',
    shared: true,
    data: { goals: [{ text: 'Walk each day', progress: 1 }] },
    recordedAt: t.clock.now().toISOString(),
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return entryId;
}

type Listed = { items: { id: string; kind: string; urgent: boolean; clientId: string | null; clientName: string | null; readAt: string | null }[]; unread: number; unreadByKind: Record<string, number> };
const list = async (person: { email: string }) => (await (await sessionOf(t, person)).get('/api/notifications')).json() as Listed;
const digestJobs = (staffId: string) =>
  t.database.db.selectFrom('scheduled_job').select(['delivery_key', 'due_at', 'status']).where('kind', '=', staffDigestJob).where('delivery_key', 'like', `${staffDigestJob}:${staffId}:%`).orderBy('due_at').execute();

/** Moves the clock on, runs the work due, and says how many emails have reached `to` so far. */
async function at(instant: string, to = w.p1.email) {
  t.clock.set(instant);
  await t.runJobs();
  return smtp.received.filter((m) => m.to.includes(to)).length;
}

describe('staff notifications', () => {
  it('shared work waits for one daily summary at 08:00 in the practitioner’s time zone, with no client details, counted once', async () => {
    const entryId = await shareEntry(w.c1);
    await shareEntry(w.c1, entryId); // the same entry sent again: one notification
    await shareEntry(w.c1);
    const mine = await list(w.p1);
    expect(mine.items.map((i) => [i.kind, i.urgent, i.clientId, i.clientName])).toEqual([
      ['entry-shared', false, w.c1.id, 'Alex Morgan'],
      ['entry-shared', false, w.c1.id, 'Alex Morgan'],
    ]);
    expect(mine.unreadByKind).toEqual({ 'entry-shared': 2 });
    // Someone else's caseload: nothing of it reaches them.
    expect((await list(w.p2)).items).toEqual([]);
    // One job for the person's next summary, however many updates.
    expect((await digestJobs(w.p1.id)).map((j) => j.delivery_key)).toEqual([`${staffDigestJob}:${w.p1.id}:2026-03-03T08:00:00.000Z`]);

    expect(await at('2026-03-03T07:59:59Z')).toBe(0);
    expect(await at('2026-03-03T08:00:00Z')).toBe(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual([w.p1.email]);
    expect(mail.text).toContain('Subject: Tandem: your daily summary');
    expect(mail.text).toContain('You have 2 updates waiting in Tandem:');
    expect(mail.text).toContain('2 pieces of work shared with you');
    const body = mail.text.slice(mail.text.indexOf('\r\n\r\n'));
    expect(body).not.toMatch(/\b(Alex|Morgan|goals|walk)\b/i);
    // Counted once: nothing new, no second summary.
    expect(await at('2026-03-04T08:00:00Z')).toBe(1);
    // Still in the centre until read.
    expect((await list(w.p1)).unread).toBe(2);
  });

  it('a finished questionnaire is an update for the practitioner; reading it in the app keeps it out of the summary', async () => {
    const before = smtp.received.filter((m) => m.to.includes(w.p2.email)).length;
    const episodeId = w.episodes.get(w.c2.id)!;
    const p2Session = await sessionOf(t, w.p2);
    expect((await p2Session.post(`/api/episodes/${episodeId}/status`, { status: 'active', version: 1 })).statusCode).toBe(200);
    const appointmentId = newId(t.clock.now());
    const startsAt = new Date(t.clock.now().getTime() + 25 * 3600_000).toISOString();
    const booked = await p2Session.post(`/api/episodes/${episodeId}/appointments`, { id: appointmentId, startsAt, durationMinutes: 45, purpose: 'treatment', contactMethod: 'face_to_face' });
    expect(booked.statusCode, booked.body).toBe(201);
    const session = await sessionOf(t, w.c2);
    const responseId = newId(t.clock.now());
    const answers = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`gad7-${i + 1}`, 1]));
    const done = await session.post(`/api/questionnaire-responses/${responseId}/complete`, { instrumentId: 'gad7', appointmentId, answers, authoredAt: t.clock.now().toISOString() });
    expect(done.statusCode, done.body).toBeLessThan(300);
    const p2 = await sessionOf(t, w.p2);
    const listed = await list(w.p2);
    expect(listed.items.map((i) => [i.kind, i.clientName])).toEqual([['questionnaire-completed', 'Sam Patel']]);
    const id = listed.items[0]!.id;

    // Marking someone else's notification read does nothing; the owner's identical request does.
    const p1 = await sessionOf(t, w.p1);
    expect((await p1.post('/api/notifications/read', { ids: [id] })).json()).toEqual({ marked: 0 });
    expect((await list(w.p2)).unread).toBe(1);
    expect((await p2.post('/api/notifications/read', { ids: [id] })).json()).toEqual({ marked: 1 });
    expect((await p2.get('/api/notifications/unread-count')).json()).toEqual({ unread: 0 });

    expect(await at('2026-03-05T08:00:00Z', w.p2.email)).toBe(before);
  });

  it('a risk alert is urgent: in the centre at once, emailed at once even in quiet hours, and never in the summary', async () => {
    const p1 = await sessionOf(t, w.p1);
    const settings = (await p1.get('/api/me/notification-settings')).json();
    const quiet = await p1.put('/api/me/notification-settings', { settings: { ...settings.settings, quietHours: { start: '00:00', end: '23:59' } }, version: settings.version });
    expect(quiet.statusCode, quiet.body).toBe(200);
    const before = smtp.received.length;
    await (await sessionOf(t, w.p1)).post('/api/notifications/read-all', {});

    const help = await (await sessionOf(t, w.c1)).post('/api/help-requests', { id: newId(t.clock.now()), recordedAt: t.clock.now().toISOString() });
    expect(help.statusCode, help.body).toBeLessThan(300);
    const listed = await list(w.p1);
    expect(listed.items.filter((i) => i.readAt === null).map((i) => [i.kind, i.urgent, i.clientName])).toEqual([['risk-alert', true, 'Alex Morgan']]);
    await t.runJobs();
    expect(smtp.received.length).toBe(before + 1);
    expect(smtp.received.at(-1)!.text).toContain('a risk alert needs you');
    // No summary job for an urgent notification.
    expect((await digestJobs(w.p1.id)).filter((j) => j.status !== 'done')).toEqual([]);
  });

  it('settings: defaults, a stale save refused, bad times refused, a new time moves the waiting summary, and off means no email', async () => {
    const p2 = await sessionOf(t, w.p2);
    const first = (await p2.get('/api/me/notification-settings')).json();
    expect(first).toMatchObject({ settings: { digestEmail: true, digestTime: '08:00', quietHours: null }, version: 0, timeZone: 'Europe/London' });

    const bad = await p2.put('/api/me/notification-settings', { settings: { digestEmail: true, digestTime: '25:00', quietHours: null }, version: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('request.invalid');

    await shareEntry(w.c2);
    const now = t.clock.now();
    const moved = await p2.put('/api/me/notification-settings', { settings: { digestEmail: true, digestTime: '17:30', quietHours: null }, version: 0 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().version).toBe(1);
    const stale = await p2.put('/api/me/notification-settings', { settings: { digestEmail: false, digestTime: '08:00', quietHours: null }, version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('write.stale_version');

    const before = smtp.received.filter((m) => m.to.includes(w.p2.email)).length;
    const day = now.toISOString().slice(0, 10);
    // The new time is later today: the summary comes then. The job queued for tomorrow at 08:00
    // finds the time changed and sends nothing.
    expect(await at(`${day}T17:29:59Z`, w.p2.email)).toBe(before);
    expect(await at(`${day}T17:30:00Z`, w.p2.email)).toBe(before + 1);
    expect(await at(`${addDay(day)}T08:00:00Z`, w.p2.email)).toBe(before + 1);

    // Summaries off: the update is in the centre only.
    const off = await (await sessionOf(t, w.p2)).put('/api/me/notification-settings', { settings: { digestEmail: false, digestTime: '17:30', quietHours: null }, version: 1 });
    expect(off.statusCode).toBe(200);
    await shareEntry(w.c2);
    expect(await at(`${addDay(day)}T17:30:00Z`, w.p2.email)).toBe(before + 1);
    expect((await list(w.p2)).unreadByKind['entry-shared']).toBe(2);
  });

  it('a client’s message is an update for whoever reads it, linked to the conversation', async () => {
    const sent = await (await sessionOf(t, w.c1)).post('/api/me/messages', { id: newId(t.clock.now()), text: 'Can we talk about work?', recordedAt: t.clock.now().toISOString() });
    expect(sent.statusCode, sent.body).toBe(201);
    const unread = (await list(w.p1)).items.filter((i) => i.kind === 'message');
    expect(unread.map((i) => [i.clientName, i.urgent])).toEqual([['Alex Morgan', false]]);
    const row = await t.database.db.selectFrom('staff_notification').select('link').where('id', '=', unread[0]!.id).executeTakeFirstOrThrow();
    expect(row.link).toBe(`/staff/messages/${w.c1.id}`);
  });

  it('is for staff only', async () => {
    const client = await sessionOf(t, w.c1);
    expect((await client.get('/api/notifications')).statusCode).toBe(403);
    expect((await client.get('/api/me/notification-settings')).statusCode).toBe(403);
  });
});

function addDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
