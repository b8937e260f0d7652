import { consentWordingVersion, newId } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff } from '../../test/factories';
import { sessionOf } from '../../test/sessions';
import { startSmtpPeer } from '../../test/smtp-peer';
import { createTestApp, type TestApp } from '../../test/test-app';
import { appointmentReminderJob } from './reminders.jobs';
import { bookAppointment, openEpisode } from './test-support';

// The test clock starts on Monday 2026-03-02 at 09:00 UTC (09:00 in London; 04:00 in New York).
// Reminders go 24 hours before; every email crosses a real SMTP exchange on loopback.
let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
const w = {} as {
  p1: Awaited<ReturnType<typeof makeStaff>>;
  p2: Awaited<ReturnType<typeof makeStaff>>;
  c1: Awaited<ReturnType<typeof makeClient>>;
  /** Lives in New York. */
  c2: Awaited<ReturnType<typeof makeClient>>;
  /** Never answered the consent questions. */
  c3: Awaited<ReturnType<typeof makeClient>>;
  /** Agrees to email, then withdraws before the reminder is due. */
  c4: Awaited<ReturnType<typeof makeClient>>;
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
  w.c3 = await makeClient(db, now, org.id, [w.p2.id]);
  w.c4 = await makeClient(db, now, org.id, [w.p2.id]);
  await db.updateTable('client').set({ time_zone: 'America/New_York' }).where('id', '=', w.c2.id).execute();
  w.episodes = new Map();
  for (const [client, practitioner] of [[w.c1, w.p1], [w.c2, w.p2], [w.c3, w.p2], [w.c4, w.p2]] as const) {
    w.episodes.set(client.id, await openEpisode(t, practitioner, client.id));
  }
  for (const client of [w.c1, w.c2, w.c4]) await recordConsent(client, true);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function recordConsent(client: { id: string; email: string }, email: boolean) {
  const res = await (await sessionOf(t, client)).post(`/api/clients/${client.id}/consent`, {
    id: newId(t.clock.now()),
    wordingVersion: consentWordingVersion,
    choices: { blendedTreatment: true, messagingUnderstood: true, channels: { email, sms: false, push: false }, research: false },
  });
  expect(res.statusCode, res.body).toBe(201);
}

const book = async (practitioner: { email: string }, client: { id: string }, startsAt: string) =>
  (await bookAppointment(t, practitioner, w.episodes.get(client.id)!, startsAt)).id;

const reminderJobs = () => t.database.db.selectFrom('scheduled_job').select(['delivery_key', 'due_at', 'status']).where('kind', '=', appointmentReminderJob).orderBy('due_at').execute();

/** The appointment reminders received so far (the clients' mood prompts are tested in client-notices.test.ts). */
const reminders = () => smtp.received.filter((m) => !m.text.includes('Subject: A moment to check in'));

/** Moves the clock on, runs the work due, and says how many reminders have arrived so far. */
async function at(instant: string) {
  t.clock.set(instant);
  await t.runJobs();
  return reminders().length;
}

describe('appointment reminders by email', () => {
  it('arrive once, 24 hours before, in the client’s time zone, with no clinical detail; a cancelled or moved appointment’s old reminder sends nothing', async () => {
    const p1 = await sessionOf(t, w.p1);
    const a = await book(w.p1, w.c1, '2026-03-03T14:00:00Z');
    const cancelled = await book(w.p1, w.c1, '2026-03-04T10:00:00Z');
    expect((await p1.post(`/api/appointments/${cancelled}/status`, { status: 'cancelled_by_client', version: 1 })).statusCode).toBe(200);
    const moved = await book(w.p1, w.c1, '2026-03-05T10:00:00Z');
    expect((await p1.post(`/api/appointments/${moved}/reschedule`, { startsAt: '2026-03-06T11:00:00Z', version: 1 })).statusCode).toBe(200);
    // Less than 24 hours ahead: no reminder at all.
    const soon = await book(w.p1, w.c1, '2026-03-02T17:00:00Z');
    const ny = await book(w.p2, w.c2, '2026-03-03T14:00:00Z');
    await book(w.p2, w.c3, '2026-03-03T16:00:00Z');
    await book(w.p2, w.c4, '2026-03-03T18:00:00Z');

    const keys = (await reminderJobs()).map((j) => j.delivery_key);
    expect(keys).toEqual(
      expect.arrayContaining([
        `${appointmentReminderJob}:${a}:2026-03-03T14:00:00.000Z`,
        `${appointmentReminderJob}:${cancelled}:2026-03-04T10:00:00.000Z`,
        `${appointmentReminderJob}:${moved}:2026-03-05T10:00:00.000Z`,
        `${appointmentReminderJob}:${moved}:2026-03-06T11:00:00.000Z`,
      ]),
    );
    expect(keys.some((k) => k.includes(soon))).toBe(false);
    expect(keys).toHaveLength(7);

    await recordConsent(w.c4, false);

    // Nothing before its time.
    expect(await at('2026-03-02T13:59:59Z')).toBe(0);
    // Monday 14:00: a's and ny's reminders. c3 never agreed to email; c4 withdrew.
    expect(await at('2026-03-02T14:00:00Z')).toBe(2);
    const [first, second] = [...reminders()].sort((x, y) => x.to[0]!.localeCompare(y.to[0]!));
    const byClient = new Map(reminders().map((m) => [m.to[0], m]));
    expect(byClient.get(w.c1.email)!.text).toContain('You have an appointment with Tandem on Tuesday 3 March at 14:00.');
    // New York is five hours behind London in early March.
    expect(byClient.get(w.c2.email)!.text).toContain('You have an appointment with Tandem on Tuesday 3 March at 09:00.');
    for (const mail of [first!, second!]) {
      expect(mail.from).toBe('tandem@example.test');
      expect(mail.text).toContain('Subject: Your Tandem appointment');
      // No clinical detail and no names: not the purpose, contact method, problem or practitioner.
      const body = mail.text.slice(mail.text.indexOf('\r\n\r\n'));
      expect(body).not.toMatch(/\b(treatment|video|depression|bereavement|Priya|Shah|Tom|Reed|Alex|Morgan|Sam|Patel)\b/i);
    }
    expect(await at('2026-03-02T16:00:00Z')).toBe(2);
    expect(await at('2026-03-02T18:00:00Z')).toBe(2);

    // Tuesday 10:00: the cancelled one's time. Wednesday 10:00: the moved one's old time.
    expect(await at('2026-03-03T10:00:00Z')).toBe(2);
    expect(await at('2026-03-04T10:00:00Z')).toBe(2);
    // Thursday 11:00: the moved one's new time.
    expect(await at('2026-03-05T11:00:00Z')).toBe(3);
    expect(reminders()[2]!.text).toContain('on Friday 6 March at 11:00.');
    expect(reminders()[2]!.to).toEqual([w.c1.email]);

    // Run again later: nothing is sent twice; every reminder job has finished.
    expect(await at('2026-03-07T09:00:00Z')).toBe(3);
    expect((await reminderJobs()).every((j) => j.status === 'done')).toBe(true);
    const sent = await t.database.db.selectFrom('email_message').select(['to_address', 'status', 'body_text']).where('subject', '=', 'Your Tandem appointment').execute();
    expect(sent).toHaveLength(3);
    expect(sent.every((m) => m.status === 'sent' && m.body_text === null)).toBe(true);
    const audited = await t.database.db.selectFrom('audit_event').select(['entity_id', 'actor_type']).where('action', '=', 'appointment.reminder').execute();
    expect(audited.map((r) => r.entity_id).sort()).toEqual([a, moved, ny].sort());
    expect(audited.every((r) => r.actor_type === 'system')).toBe(true);
    expect(reminders().flatMap((m) => m.to)).not.toEqual(expect.arrayContaining([w.c3.email]));
    expect(reminders().flatMap((m) => m.to)).not.toEqual(expect.arrayContaining([w.c4.email]));
  });

  it('a send that fails is tried again by the email job and arrives once', async () => {
    const before = reminders().length;
    await book(w.p1, w.c1, '2026-03-09T10:00:00Z');
    smtp.state.fail = true;
    expect(await at('2026-03-08T10:00:00Z')).toBe(before);
    smtp.state.fail = false;
    // The email job's first retry comes 30 seconds later.
    expect(await at('2026-03-08T10:00:30Z')).toBe(before + 1);
    expect(reminders().at(-1)!.text).toContain('on Monday 9 March at 10:00.');
    expect(await at('2026-03-08T12:00:00Z')).toBe(before + 1);
  });
});
