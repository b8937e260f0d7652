import { consentWordingVersion, newId } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff } from '../../test/factories';
import { startPushReceiver } from '../../test/push-receiver';
import { sessionOf } from '../../test/sessions';
import { startSmtpPeer } from '../../test/smtp-peer';
import { createTestApp, type TestApp } from '../../test/test-app';
import { openEpisode } from '../calendar/test-support';
import { enqueueMoodPromptSweep, moodPromptJob, moodPromptSweepJob } from '../checkins/mood-prompt.jobs';
import { messageEmailJob } from '../messages/messages.jobs';

// How notices reach clients (decision 0032), through a real SMTP exchange and a real Web Push
// exchange on loopback. The test clock starts on Monday 2026-03-02 at 09:00 UTC (09:00 in London);
// each client's mood prompts start that day: 09:00, 14:00 and 19:30 in week one.
let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
let receiver: Awaited<ReturnType<typeof startPushReceiver>>;
type Person = Awaited<ReturnType<typeof makeClient>>;
const w = {} as {
  admin: Awaited<ReturnType<typeof makeStaff>>;
  p1: Awaited<ReturnType<typeof makeStaff>>;
  /** Allows email and notifications on the phone, and turns them on. */
  c1: Person;
  /** Allows email only. */
  c2: Person;
  /** Allows notifications on the phone but has none turned on. */
  c3: Person;
};

beforeAll(async () => {
  smtp = await startSmtpPeer();
  receiver = await startPushReceiver();
  t = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Tandem <tandem@example.test>', PUSH_SERVICE_ORIGINS: receiver.origin } });
  const now = t.clock.now();
  const db = t.database.db;
  const org = await makeOrganisation(db, now);
  w.admin = await makeStaff(db, now, org.id, ['admin']);
  w.p1 = await makeStaff(db, now, org.id, ['practitioner']);
  w.c1 = await makeClient(db, now, org.id, [w.p1.id]);
  w.c2 = await makeClient(db, now, org.id, [w.p1.id]);
  w.c3 = await makeClient(db, now, org.id, [w.p1.id]);
  for (const client of [w.c1, w.c2, w.c3]) await openEpisode(t, w.p1, client.id);
  await consent(w.c1, { email: true, push: true });
  await consent(w.c2, { email: true, push: false });
  await consent(w.c3, { email: false, push: true });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
  await receiver.close();
});

async function consent(client: Person, channels: { email: boolean; push: boolean }) {
  const res = await (await sessionOf(t, client)).post(`/api/clients/${client.id}/consent`, {
    id: newId(t.clock.now()),
    wordingVersion: consentWordingVersion,
    choices: { blendedTreatment: true, messagingUnderstood: true, channels: { ...channels, sms: false }, research: false },
  });
  expect(res.statusCode, res.body).toBe(201);
}

async function turnOnPhone(client: Person) {
  const device = receiver.subscription();
  const res = await (await sessionOf(t, client)).put(`/api/me/push-subscriptions/${newId(t.clock.now())}`, device);
  expect(res.statusCode, res.body).toBe(200);
  return { id: res.json().id as string, endpoint: device.endpoint };
}

async function message(client: Person, text: string) {
  const res = await (await sessionOf(t, w.p1)).post(`/api/clients/${client.id}/messages`, { id: newId(t.clock.now()), text });
  expect(res.statusCode, res.body).toBe(201);
}

async function at(instant: string) {
  t.clock.set(instant);
  await t.runJobs();
}

const pushes = (body: string) => receiver.received.filter((p) => (p.payload as { body: string }).body === body);
const messagePushes = () => pushes('You have a new message in Tandem.');
const promptPushes = () => pushes('How are you feeling? Open Tandem when you have a moment.');
const emails = (to: Person, subject: string) => smtp.received.filter((m) => m.to.includes(to.email) && m.text.includes(`Subject: ${subject}`));
const messageEmails = (to: Person) => emails(to, 'You have a new message in Tandem');
const promptEmails = (to: Person) => emails(to, 'A moment to check in');
const outcomes = async (kind: string, clientId?: string) =>
  (await t.database.db.selectFrom('scheduled_job').select(['delivery_key', 'outcome', 'status']).where('kind', '=', kind).orderBy('due_at').execute()).filter(
    (j) => !clientId || j.delivery_key.includes(clientId),
  );

describe('a notice to a client', () => {
  let phone: { id: string; endpoint: string };

  it('goes one way only: to the phone when notifications are on there, else by email, else not at all', async () => {
    phone = await turnOnPhone(w.c1);
    t.clock.set('2026-03-02T10:05:00Z');
    for (const client of [w.c1, w.c2, w.c3]) await message(client, 'About your ACTIVITY DIARY');
    await at('2026-03-02T10:08:00Z');
    expect(messagePushes()).toHaveLength(1);
    expect(messagePushes()[0]!.path).toBe(new URL(phone.endpoint).pathname);
    expect(messagePushes()[0]!.payload).toMatchObject({ title: 'Tandem', url: '/messages' });
    expect(JSON.stringify(receiver.received)).not.toContain('ACTIVITY');
    expect(messageEmails(w.c1)).toHaveLength(0);
    expect(messageEmails(w.c2)).toHaveLength(1);
    expect(messageEmails(w.c3)).toHaveLength(0);
    const episodeOf = async (client: Person) => (await t.database.db.selectFrom('episode').select('id').where('client_id', '=', client.id).executeTakeFirstOrThrow()).id;
    const results = await outcomes(messageEmailJob);
    const [e1, e2, e3] = [await episodeOf(w.c1), await episodeOf(w.c2), await episodeOf(w.c3)];
    expect(results.find((j) => j.delivery_key.includes(e1))?.outcome).toBe('sent by push');
    expect(results.find((j) => j.delivery_key.includes(e2))?.outcome).toBe('sent by email');
    expect(results.find((j) => j.delivery_key.includes(e3))?.outcome).toBe('not sent: no way of contacting the client is allowed or set up');

    // Notifications turned off on the phone: the next notice is an email.
    expect((await (await sessionOf(t, w.c1)).delete(`/api/me/push-subscriptions/${phone.id}`)).statusCode).toBe(204);
    t.clock.set('2026-03-02T11:05:00Z');
    await message(w.c1, 'Another');
    await at('2026-03-02T11:08:00Z');
    expect(messagePushes()).toHaveLength(1);
    expect(messageEmails(w.c1)).toHaveLength(1);
  });

  it('waits out the client’s quiet hours, on every channel: messages overnight make one notice when they end', async () => {
    phone = await turnOnPhone(w.c1);
    const c1 = await sessionOf(t, w.c1);
    const current = (await c1.get('/api/me/mood-schedule')).json();
    const set = await c1.put('/api/me/mood-schedule', { schedule: { ...current.schedule, quietHours: { start: '22:00', end: '07:30' } }, version: current.version });
    expect(set.statusCode, set.body).toBe(200);
    const [pushesBefore, emailsBefore] = [messagePushes().length, messageEmails(w.c1).length];
    for (const instant of ['2026-03-02T22:30:00Z', '2026-03-02T23:40:00Z', '2026-03-03T02:10:00Z']) {
      t.clock.set(instant);
      await message(w.c1, 'Late thought');
      await at(new Date(new Date(instant).getTime() + 10 * 60_000).toISOString());
    }
    await at('2026-03-03T07:29:00Z');
    expect(messagePushes()).toHaveLength(pushesBefore);
    await at('2026-03-03T07:30:00Z');
    expect(messagePushes()).toHaveLength(pushesBefore + 1);
    await at('2026-03-03T08:30:00Z');
    expect(messagePushes()).toHaveLength(pushesBefore + 1);
    expect(messageEmails(w.c1)).toHaveLength(emailsBefore);
    // The client reads them: nothing more is sent.
    expect((await (await sessionOf(t, w.c1)).post('/api/me/messages/read', {})).statusCode).toBe(200);
  });
});

describe('mood prompts', () => {
  it('come at the client’s times: on the phone every time, by email only the day’s first, none just after a check-in', async () => {
    // Tuesday: c1 (phone) is prompted at 09:00 and 19:30, not at 14:00 after checking in at 13:30.
    const [phoneBefore, c2Before] = [promptPushes().length, promptEmails(w.c2).length];
    await at('2026-03-03T09:00:00Z');
    expect(promptPushes()).toHaveLength(phoneBefore + 1);
    expect(promptPushes().at(-1)!.payload).toMatchObject({ url: '/check-in' });
    expect(promptEmails(w.c2)).toHaveLength(c2Before + 1);
    t.clock.set('2026-03-03T13:30:00Z');
    const checkIn = await (await sessionOf(t, w.c1)).post('/api/check-ins', { id: newId(t.clock.now()), mood: 6, note: null, recordedAt: '2026-03-03T13:30:00Z' });
    expect(checkIn.statusCode, checkIn.body).toBe(201);
    await at('2026-03-03T14:00:00Z');
    await at('2026-03-03T19:30:00Z');
    expect(promptPushes()).toHaveLength(phoneBefore + 2);
    expect(promptEmails(w.c2)).toHaveLength(c2Before + 1);
    const c1Jobs = await outcomes(moodPromptJob, w.c1.id);
    expect(c1Jobs.find((j) => j.delivery_key.endsWith('2026-03-03T14:00:00.000Z'))?.outcome).toBe('not sent: checked in a moment ago');
    // Each prompt queued the next, once.
    expect(c1Jobs.filter((j) => j.status === 'pending').map((j) => j.delivery_key)).toEqual([`${moodPromptJob}:${w.c1.id}:2026-03-04T09:00:00.000Z`]);
    // c3 allows notifications but has none turned on, and no email: nothing, said so.
    expect((await outcomes(moodPromptJob, w.c3.id)).find((j) => j.delivery_key.endsWith('2026-03-03T09:00:00.000Z'))?.outcome).toBe(
      'not sent: no way of contacting the client is allowed or set up',
    );
    expect(promptEmails(w.c3)).toHaveLength(0);
  });

  it('follow a change of times at once, and stop when care ends', async () => {
    t.clock.set('2026-03-03T20:00:00Z');
    const c2 = await sessionOf(t, w.c2);
    const current = (await c2.get('/api/me/mood-schedule')).json();
    expect((await c2.put('/api/me/mood-schedule', { schedule: { ...current.schedule, weekOneTimes: ['10:00'] }, version: current.version })).statusCode).toBe(200);
    const before = promptEmails(w.c2).length;
    await at('2026-03-04T09:00:00Z');
    expect(promptEmails(w.c2)).toHaveLength(before);
    await at('2026-03-04T10:00:00Z');
    expect(promptEmails(w.c2)).toHaveLength(before + 1);
    const c2Jobs = await outcomes(moodPromptJob, w.c2.id);
    expect(c2Jobs.find((j) => j.delivery_key.endsWith('2026-03-04T09:00:00.000Z'))?.outcome).toBe('not sent: the prompt times changed');
    expect(c2Jobs.filter((j) => j.status === 'pending').map((j) => j.delivery_key)).toEqual([`${moodPromptJob}:${w.c2.id}:2026-03-05T10:00:00.000Z`]);

    await t.database.db.updateTable('episode').set({ status: 'ended', ended_on: '2026-03-04', ending_reason: 'completed', updated_at: t.clock.now() }).where('client_id', '=', w.c2.id).execute();
    await at('2026-03-05T10:00:00Z');
    expect(promptEmails(w.c2)).toHaveLength(before + 1);
    const ended = await outcomes(moodPromptJob, w.c2.id);
    expect(ended.find((j) => j.delivery_key.endsWith('2026-03-05T10:00:00.000Z'))?.outcome).toBe('not sent: care has ended');
    expect(ended.filter((j) => j.status === 'pending')).toEqual([]);
  });
});

describe('the daily sweep', () => {
  it('queues the next prompt for a client in care whose chain broke, once, and the next day’s sweep', async () => {
    t.clock.set('2026-03-05T11:00:00Z');
    await t.database.db.deleteFrom('scheduled_job').where('kind', '=', moodPromptJob).where('status', '=', 'pending').where('delivery_key', 'like', `%${w.c1.id}%`).execute();
    await enqueueMoodPromptSweep(t.database.db, t.clock);
    await enqueueMoodPromptSweep(t.database.db, t.clock); // a second instance starting: the same sweep
    await t.runJobs();
    const pending = async (clientId: string) => (await outcomes(moodPromptJob, clientId)).filter((j) => j.status === 'pending').map((j) => j.delivery_key);
    expect(await pending(w.c1.id)).toEqual([`${moodPromptJob}:${w.c1.id}:2026-03-05T14:00:00.000Z`]);
    // c2's care has ended: nothing for them.
    expect(await pending(w.c2.id)).toEqual([]);
    const sweeps = await outcomes(moodPromptSweepJob);
    expect(sweeps.map((j) => [j.delivery_key, j.status, j.outcome])).toEqual([
      [`${moodPromptSweepJob}:2026-03-05:start`, 'done', 'queued 1'],
      [`${moodPromptSweepJob}:2026-03-06`, 'pending', null],
    ]);
  });
});

describe('the delivery log', () => {
  it('shows phone notifications beside emails; a device the push service says is gone is removed, and email takes over', async () => {
    const endpoint = (await t.database.db.selectFrom('push_subscription').select('endpoint').executeTakeFirstOrThrow()).endpoint;
    receiver.markGone(endpoint);
    const emailsBefore = messageEmails(w.c1).length;
    t.clock.set('2026-03-05T11:05:00Z');
    await message(w.c1, 'Checking in');
    await at('2026-03-05T11:08:00Z');
    expect(await t.database.db.selectFrom('push_subscription').select('id').execute()).toEqual([]);
    t.clock.set('2026-03-05T12:05:00Z');
    await message(w.c1, 'And again');
    await at('2026-03-05T12:08:00Z');
    expect(messageEmails(w.c1)).toHaveLength(emailsBefore + 1);

    const log = await (await sessionOf(t, w.admin)).get('/api/organisation/delivery-log');
    expect(log.statusCode).toBe(200);
    const items = log.json().items as { channel: string; subject: string; to: string; state: string; reason: string | null }[];
    const phone = items.filter((i) => i.channel === 'push');
    expect(phone.some((i) => i.state === 'sent' && i.subject === 'You have a new message in Tandem.' && i.to === '127.0.0.1')).toBe(true);
    expect(phone.some((i) => i.state === 'not-sent' && i.reason === 'device-gone')).toBe(true);
    expect(items.some((i) => i.channel === 'email' && i.subject === 'A moment to check in' && i.state === 'sent')).toBe(true);
    expect(JSON.stringify(items)).not.toContain(endpoint);
    // A practitioner is not an admin: refused.
    expect((await (await sessionOf(t, w.p1)).get('/api/organisation/delivery-log')).statusCode).toBe(403);
  });
});
