import { consentWordingVersion, messageMaxLength, newId } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff } from '../../test/factories';
import { sessionOf } from '../../test/sessions';
import { startSmtpPeer } from '../../test/smtp-peer';
import { createTestApp, type TestApp } from '../../test/test-app';
import { openEpisode } from '../calendar/test-support';
import { messageEmailJob } from './messages.jobs';

// The test clock starts on Monday 2026-03-02 at 09:00 UTC (09:00 in London). Every email crosses
// a real SMTP exchange on loopback.
let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
type Staff = Awaited<ReturnType<typeof makeStaff>>;
type Person = Awaited<ReturnType<typeof makeClient>>;
const w = {} as {
  admin: Staff;
  /** Priya: c1's and c2's practitioner. */
  p1: Staff;
  /** Tom: another caseload (c3), and on c2's care team as Priya's colleague. */
  p2: Staff;
  /** On the duty rota today. */
  duty: Staff;
  /** Priya's supervisor: reads, never writes or marks read. */
  sup: Staff;
  c1: Person;
  c2: Person;
  c3: Person;
  ended: Person;
  nobody: Person;
};

const nineToFive = [{ opens: '09:00', closes: '17:00' }];
const weekdays = { monday: nineToFive, tuesday: nineToFive, wednesday: nineToFive, thursday: nineToFive, friday: nineToFive };

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Tandem <tandem@example.test>' } });
  const now = t.clock.now();
  const db = t.database.db;
  const org = await makeOrganisation(db, now);
  w.admin = await makeStaff(db, now, org.id, ['admin']);
  w.sup = await makeStaff(db, now, org.id, ['supervisor'], { name: 'Sue Visor' });
  w.p1 = await makeStaff(db, now, org.id, ['practitioner'], { name: 'Priya Shah', supervisorId: w.sup.id });
  w.p2 = await makeStaff(db, now, org.id, ['practitioner'], { name: 'Tom Reed' });
  w.duty = await makeStaff(db, now, org.id, ['practitioner'], { name: 'Dana Duty' });
  w.c1 = await makeClient(db, now, org.id, [w.p1.id], { givenName: 'Alex' });
  w.c2 = await makeClient(db, now, org.id, [w.p1.id, w.p2.id], { givenName: 'Sam' });
  w.c3 = await makeClient(db, now, org.id, [w.p2.id]);
  w.ended = await makeClient(db, now, org.id, [w.p1.id]);
  w.nobody = await makeClient(db, now, org.id, [w.p1.id]);
  for (const [client, practitioner] of [[w.c1, w.p1], [w.c2, w.p1], [w.c3, w.p2], [w.ended, w.p1]] as const) await openEpisode(t, practitioner, client.id);
  await db.updateTable('episode').set({ status: 'ended', ended_on: '2026-03-02', ending_reason: 'completed', updated_at: now }).where('client_id', '=', w.ended.id).execute();
  const admin = await sessionOf(t, w.admin);
  expect((await admin.post(`/api/sites/${org.siteId}/hours`, { weekly: weekdays, closureDates: [], siteLeadStaffId: w.admin.id })).statusCode).toBe(200);
  const rota = await admin.post(`/api/sites/${org.siteId}/rota`, { periods: [{ id: newId(now), staffId: w.duty.id, startsAt: '2026-03-02T09:00:00Z', endsAt: '2026-03-06T17:00:00Z' }] });
  expect(rota.statusCode, rota.body).toBe(200);
  for (const client of [w.c1, w.c2]) {
    const consent = await (await sessionOf(t, client)).post(`/api/clients/${client.id}/consent`, {
      id: newId(now),
      wordingVersion: consentWordingVersion,
      choices: { blendedTreatment: true, messagingUnderstood: true, channels: { email: client === w.c1, sms: false, push: false }, research: false },
    });
    expect(consent.statusCode, consent.body).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const as = (person: { email: string }) => sessionOf(t, person);
const fromClient = (text: string, recordedAt = '2026-03-02T08:30:00Z') => ({ id: newId(t.clock.now()), text, recordedAt });
const fromStaff = (text: string, quickReplyId?: string) => ({ id: newId(t.clock.now()), text, ...(quickReplyId ? { quickReplyId } : {}) });
const count = (table: 'message' | 'quick_reply') => t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));

describe('messages between a client and their care team', () => {
  it('a client’s message is kept once through resends, reaches their own practitioner, and nobody else', async () => {
    const c1 = await as(w.c1);
    const body = fromClient('  I could not sleep again this week  ');
    const first = await c1.post('/api/me/messages', body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ id: body.id, from: 'client', text: 'I could not sleep again this week', recordedAt: '2026-03-02T08:30:00.000Z', receivedAt: '2026-03-02T09:00:00.000Z', readAt: null, route: 'assigned_practitioner' });
    t.clock.advance(60_000);
    // The outbox sends it again (twice at once, too): the stored message, unchanged, and still one row.
    const before = await count('message');
    const replays = await Promise.all([c1.post('/api/me/messages', body), c1.post('/api/me/messages', body)]);
    expect(replays.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(replays[0]!.json().receivedAt).toBe('2026-03-02T09:00:00.000Z');
    expect(await count('message')).toBe(before);
    expect((await c1.post('/api/me/messages', { ...body, text: 'Something else' })).json().error.code).toBe('write.id_conflict');
    // Another client reusing the id is refused and learns nothing of it.
    const other = await (await as(w.c3)).post('/api/me/messages', { ...body, text: 'Mine' });
    expect(other.statusCode).toBe(409);
    expect(other.body).not.toContain('sleep');

    // Priya (care team) reads it; Tom, with a real client of his own, cannot see or write to c1.
    const p1 = await as(w.p1);
    const mine = await p1.get(`/api/clients/${w.c1.id}/messages`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ open: true, unread: 1, replyWithinWorkingDays: 2, away: null });
    expect(mine.json().messages.map((m: { text: string }) => m.text)).toEqual(['I could not sleep again this week']);
    const p2 = await as(w.p2);
    for (const res of [await p2.get(`/api/clients/${w.c1.id}/messages`), await p2.post(`/api/clients/${w.c1.id}/messages`, fromStaff('Hello')), await p2.post(`/api/clients/${w.c1.id}/messages/read`, {})]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('sleep');
    }
    // The same requests for Tom's own client succeed.
    expect((await p2.get(`/api/clients/${w.c3.id}/messages`)).statusCode).toBe(200);
    expect((await p2.post(`/api/clients/${w.c3.id}/messages`, fromStaff('Hello'))).statusCode).toBe(201);
    // A supervisor reads, but cannot write, and reading does not mark it read for the care team.
    const sup = await as(w.sup);
    expect((await sup.get(`/api/clients/${w.c1.id}/messages`)).statusCode).toBe(200);
    expect((await sup.post(`/api/clients/${w.c1.id}/messages/read`, {})).json()).toEqual({ unread: 1 });
    expect((await sup.post(`/api/clients/${w.c1.id}/messages`, fromStaff('Hi'))).json().error.code).toBe('auth.forbidden');
    const audit = await t.database.db.selectFrom('audit_event').select(['details', 'action']).where('action', 'like', 'message.%').execute();
    expect(JSON.stringify(audit)).not.toContain('sleep');
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['message.send', 'message.list']));
  });

  it('refuses empty and oversize messages, one from the future, and staff or clients writing in the other’s place', async () => {
    const c1 = await as(w.c1);
    const before = await count('message');
    expect((await c1.post('/api/me/messages', fromClient('   '))).statusCode).toBe(400);
    const long = await c1.post('/api/me/messages', fromClient('x'.repeat(messageMaxLength + 1)));
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details[0]).toMatchObject({ path: 'body/text', message: `must be at most ${messageMaxLength} characters` });
    expect((await c1.post('/api/me/messages', fromClient('Soon', '2026-03-02T10:00:00Z'))).json().error.code).toBe('request.invalid');
    expect((await (await as(w.p1)).post('/api/me/messages', fromClient('Staff'))).statusCode).toBe(403);
    expect((await c1.post(`/api/clients/${w.c1.id}/messages`, fromStaff('Me'))).statusCode).toBe(403);
    expect((await (await as(w.p1)).post(`/api/clients/${w.c1.id}/messages`, fromStaff(''))).statusCode).toBe(400);
    expect(await count('message')).toBe(before);
    expect((await c1.post('/api/me/messages', fromClient('x'.repeat(messageMaxLength)))).statusCode).toBe(201);
  });

  it('stays readable on a closed episode but refuses writing, on both sides; with no episode there is no conversation', async () => {
    const ended = await as(w.ended);
    const refused = await ended.post('/api/me/messages', fromClient('Are you there?', t.clock.now().toISOString()));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'episode.closed' });
    expect(refused.json().error.message).toContain('Get help now');
    const conversation = (await ended.get('/api/me/messages')).json();
    expect(conversation).toMatchObject({ open: false, away: null });
    const p1 = await as(w.p1);
    expect((await p1.get(`/api/clients/${w.ended.id}/messages`)).json().open).toBe(false);
    expect((await p1.post(`/api/clients/${w.ended.id}/messages`, fromStaff('Checking in'))).json().error.code).toBe('episode.closed');
    const none = await (await as(w.nobody)).post('/api/me/messages', fromClient('Hello'));
    expect(none.json().error.code).toBe('message.no_conversation');
    expect((await (await as(w.nobody)).get('/api/me/messages')).json()).toMatchObject({ episodeId: null, open: false, messages: [] });
  });

  it('routes a message to a colleague on the care team, or to duty, while the practitioner is away; the client is told by role', async () => {
    const p1 = await as(w.p1);
    const away = await p1.post('/api/me/away', { id: newId(t.clock.now()), from: '2026-03-02T08:00:00Z', until: '2026-03-09T08:00:00Z' });
    expect(away.statusCode, away.body).toBe(200);
    // c2's care team has Tom as well: he reads it.
    const c2 = await as(w.c2);
    expect((await c2.get('/api/me/messages')).json().away).toEqual({ readBy: 'care_team' });
    const toColleague = await c2.post('/api/me/messages', fromClient('Is Priya away?'));
    expect(toColleague.json().route).toBe('care_team');
    // c1 has only Priya: the person on duty reads it.
    const c1 = await as(w.c1);
    expect((await c1.get('/api/me/messages')).json().away).toEqual({ readBy: 'duty' });
    const toDuty = await c1.post('/api/me/messages', fromClient('Feeling low today'));
    expect(toDuty.json().route).toBe('duty');
    const stored = await t.database.db.selectFrom('message').select(['id', 'routed_to_staff_id']).where('id', 'in', [toColleague.json().id, toDuty.json().id]).execute();
    expect(Object.fromEntries(stored.map((r) => [r.id, r.routed_to_staff_id]))).toEqual({ [toColleague.json().id]: w.p2.id, [toDuty.json().id]: w.duty.id });

    // Duty is not on c1's care team, yet sees the message in their counts, reads it and replies.
    const duty = await as(w.duty);
    expect((await duty.get('/api/messages/unread')).json()).toEqual({ unread: 1, clients: [{ clientId: w.c1.id, name: `Alex ${w.c1.familyName}`, unread: 1 }] });
    expect((await duty.get(`/api/clients/${w.c1.id}/messages`)).statusCode).toBe(200);
    expect((await duty.post(`/api/clients/${w.c1.id}/messages`, fromStaff('Thanks for writing. Priya is away; I am reading her messages.'))).statusCode).toBe(201);
    // …but not the record itself, nor another client's conversation.
    expect((await duty.get(`/api/clients/${w.c1.id}`)).statusCode).toBe(404);
    expect((await duty.get(`/api/clients/${w.c3.id}/messages`)).statusCode).toBe(404);
    t.clock.set('2026-03-02T09:05:00Z');
  });

  it('counts unread on both sides; reading marks read, audited', async () => {
    const p1 = await as(w.p1);
    const c1 = await as(w.c1);
    const unread = (await p1.get('/api/messages/unread')).json();
    const c1Unread = unread.clients.find((c: { clientId: string }) => c.clientId === w.c1.id).unread;
    expect(c1Unread).toBeGreaterThanOrEqual(3);
    expect(unread.clients.find((c: { clientId: string }) => c.clientId === w.c3.id)).toBeUndefined();
    expect(await p1.post(`/api/clients/${w.c1.id}/messages/read`, {}).then((r) => r.json())).toEqual({ unread: 0 });
    expect((await p1.get('/api/messages/unread')).json().clients.find((c: { clientId: string }) => c.clientId === w.c1.id)).toBeUndefined();
    const readAudit = await t.database.db.selectFrom('audit_event').select('subject_ids').where('action', '=', 'message.read').where('client_id', '=', w.c1.id).execute();
    expect(readAudit.flatMap((a) => a.subject_ids ?? [])).toHaveLength(c1Unread);

    // The client: the duty reply is unread until they open the conversation.
    expect((await c1.get('/api/me/messages/unread')).json()).toEqual({ unread: 1 });
    const fromDuty = (res: { json(): { messages: { from: string; authorName: string | null }[] } }) => res.json().messages.find((m) => m.from === 'staff' && m.authorName === 'Dana Duty');
    expect(fromDuty(await c1.get('/api/me/messages'))).toMatchObject({ readAt: null });
    expect((await c1.post('/api/me/messages/read', {})).json()).toEqual({ unread: 0 });
    expect(fromDuty(await c1.get('/api/me/messages'))).toMatchObject({ readAt: '2026-03-02T09:05:00.000Z' });
    expect(await t.database.db.selectFrom('audit_event').select('id').where('action', '=', 'message.read_own').where('client_id', '=', w.c1.id).execute()).toHaveLength(1);
  });

  it('quick replies are each practitioner’s own: add, use, delete; a deleted one is refused and nothing is sent', async () => {
    const p1 = await as(w.p1);
    const p2 = await as(w.p2);
    const reply = { id: newId(t.clock.now()), text: 'Thank you for your message. I will reply within two working days.' };
    expect((await p1.post('/api/quick-replies', reply)).statusCode).toBe(201);
    expect((await p1.post('/api/quick-replies', reply)).statusCode).toBe(200);
    expect((await p1.post('/api/quick-replies', { ...reply, id: newId(t.clock.now()), text: '' })).statusCode).toBe(400);
    expect((await p1.get('/api/quick-replies')).json().items.map((i: { id: string }) => i.id)).toEqual([reply.id]);
    expect((await p2.get('/api/quick-replies')).json().items).toEqual([]);
    expect((await p2.delete(`/api/quick-replies/${reply.id}`)).statusCode).toBe(404);
    // Tom cannot send with Priya's reply, even to his own client.
    expect((await p2.post(`/api/clients/${w.c3.id}/messages`, fromStaff(reply.text, reply.id))).json().error.code).toBe('quick_reply.not_found');
    const used = await p1.post(`/api/clients/${w.c1.id}/messages`, fromStaff(reply.text, reply.id));
    expect(used.statusCode).toBe(201);
    expect((await p1.delete(`/api/quick-replies/${reply.id}`)).statusCode).toBe(204);
    expect((await p1.delete(`/api/quick-replies/${reply.id}`)).statusCode).toBe(204);
    expect((await p1.get('/api/quick-replies')).json().items).toEqual([]);
    const before = await count('message');
    const stale = await p1.post(`/api/clients/${w.c1.id}/messages`, fromStaff(reply.text, reply.id));
    expect(stale.statusCode).toBe(404);
    expect(stale.json().error.code).toBe('quick_reply.not_found');
    expect(await count('message')).toBe(before);
  });
});

describe('the client’s new-message email', () => {
  const jobs = () => t.database.db.selectFrom('scheduled_job').select(['delivery_key', 'due_at']).where('kind', '=', messageEmailJob).orderBy('due_at').execute();
  async function at(instant: string) {
    t.clock.set(instant);
    await t.runJobs();
    return smtp.received.filter((m) => m.text.includes('new message in Tandem'));
  }

  it('arrives at most once an hour per conversation, says nothing of the message, and only with consent to email', async () => {
    await at('2026-03-03T10:00:00Z');
    smtp.received.length = 0;
    const p1 = await as(w.p1);
    const c1 = await as(w.c1);
    t.clock.set('2026-03-03T10:05:00Z');
    for (const text of ['First reply about your SLEEP-DIARY', 'A second thought', 'And a third']) expect((await p1.post(`/api/clients/${w.c1.id}/messages`, fromStaff(text))).statusCode).toBe(201);
    // c2 does not allow email: nothing planned is ever sent to them.
    expect((await p1.post(`/api/clients/${w.c2.id}/messages`, fromStaff('Hello Sam'))).statusCode).toBe(201);
    const mails = await at('2026-03-03T10:08:00Z');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual([w.c1.email]);
    expect(mails[0]!.text).toContain('Subject: You have a new message in Tandem');
    expect(mails[0]!.text).toContain('/messages');
    expect(mails[0]!.text).not.toMatch(/SLEEP-DIARY|Priya|Shah|Alex/);
    // Another message in the same hour: its email waits for the next hour.
    t.clock.set('2026-03-03T10:30:00Z');
    expect((await (await as(w.p1)).post(`/api/clients/${w.c1.id}/messages`, fromStaff('One more'))).statusCode).toBe(201);
    expect(await at('2026-03-03T10:59:00Z')).toHaveLength(1);
    expect(await at('2026-03-03T11:00:00Z')).toHaveLength(2);
    // Read before its email is due: nothing is sent.
    t.clock.set('2026-03-03T11:10:00Z');
    // (Staff sessions end after 30 idle minutes: Priya signs in again.)
    expect((await (await as(w.p1)).post(`/api/clients/${w.c1.id}/messages`, fromStaff('Last one'))).statusCode).toBe(201);
    expect((await c1.post('/api/me/messages/read', {})).statusCode).toBe(200);
    expect(await at('2026-03-03T12:30:00Z')).toHaveLength(2);
    expect(smtp.received.filter((m) => m.to.includes(w.c2.email))).toEqual([]);
    // One planned email per conversation and hour: c1's 10:00, 11:00 and 12:00 hours, and c2's.
    expect((await jobs()).map((j) => j.due_at.toISOString()).filter((d) => d >= '2026-03-03')).toEqual(['2026-03-03T10:07:00.000Z', '2026-03-03T10:07:00.000Z', '2026-03-03T11:00:00.000Z', '2026-03-03T12:00:00.000Z']);
  });
});

describe('after the away period', () => {
  it('messages go to the assigned practitioner again', async () => {
    t.clock.set('2026-03-09T09:00:00Z');
    const c1 = await as(w.c1);
    expect((await c1.get('/api/me/messages')).json().away).toBeNull();
    expect((await c1.post('/api/me/messages', fromClient('Welcome back', '2026-03-09T08:59:00Z'))).json().route).toBe('assigned_practitioner');
  });
});

describe('a new episode after an ended one', () => {
  it('starts a new conversation: the old one’s unread messages are not counted on either side', async () => {
    const db = t.database.db;
    const old = await db.selectFrom('episode').select(['id', 'organisation_id']).where('client_id', '=', w.ended.id).executeTakeFirstOrThrow();
    const now = t.clock.now();
    const row = { organisation_id: old.organisation_id, client_id: w.ended.id, episode_id: old.id, recorded_at: now, received_at: now, quick_reply_id: null, read_at: null, read_by_staff_id: null };
    await db
      .insertInto('message')
      .values([
        { ...row, id: newId(now), author_type: 'staff', author_staff_id: w.p1.id, text: 'Old reply', routed_to_staff_id: null, route: null },
        { ...row, id: newId(now), author_type: 'client', author_staff_id: null, text: 'Old question', routed_to_staff_id: w.p1.id, route: 'assigned_practitioner' },
      ])
      .execute();
    const client = await as(w.ended);
    expect((await client.get('/api/me/messages/unread')).json()).toEqual({ unread: 1 });
    await openEpisode(t, w.p1, w.ended.id);
    expect((await client.get('/api/me/messages/unread')).json()).toEqual({ unread: 0 });
    const fresh = (await client.get('/api/me/messages')).json();
    expect(fresh).toMatchObject({ open: true, unread: 0, messages: [] });
    const p1 = await as(w.p1);
    expect((await p1.get('/api/messages/unread')).json().clients.map((c: { clientId: string }) => c.clientId)).not.toContain(w.ended.id);
    expect((await client.post('/api/me/messages', fromClient('A new start', t.clock.now().toISOString()))).statusCode).toBe(201);
    expect((await p1.get('/api/messages/unread')).json().clients).toContainEqual(expect.objectContaining({ clientId: w.ended.id, unread: 1 }));
  });
});
