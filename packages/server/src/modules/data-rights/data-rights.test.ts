import { consentWordingVersion, newId } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAudit, verifyAuditChain } from '../../audit/seal';
import { makeClient, makeOrganisation, makeStaff } from '../../test/factories';
import { sessionOf } from '../../test/sessions';
import { createTestApp, type TestApp } from '../../test/test-app';
import { openEpisode } from '../calendar/test-support';
import { enqueueMoodPromptSweep, moodPromptJob } from '../checkins/mood-prompt.jobs';
import { messageEmailJob } from '../messages/messages.jobs';

// Subject access, restriction and erasure (decision 0042), through the real app on a real
// database. The test clock starts on Monday 2026-03-02 at 09:00 UTC.
let t: TestApp;
type Person = Awaited<ReturnType<typeof makeClient>>;
type Staff = Awaited<ReturnType<typeof makeStaff>>;
const w = {} as { org: { id: string }; admin: Staff; p1: Staff; p2: Staff; c1: Person; c2: Person; otherAdmin: Staff; otherP: Staff; otherClient: Person };

beforeAll(async () => {
  t = await createTestApp();
  const now = t.clock.now();
  const db = t.database.db;
  w.org = await makeOrganisation(db, now);
  const other = await makeOrganisation(db, now);
  w.admin = await makeStaff(db, now, w.org.id, ['admin']);
  w.p1 = await makeStaff(db, now, w.org.id, ['practitioner']);
  w.p2 = await makeStaff(db, now, w.org.id, ['practitioner']);
  w.c1 = await makeClient(db, now, w.org.id, [w.p1.id]);
  w.c2 = await makeClient(db, now, w.org.id, [w.p1.id]);
  w.otherAdmin = await makeStaff(db, now, other.id, ['admin']);
  w.otherP = await makeStaff(db, now, other.id, ['practitioner']);
  w.otherClient = await makeClient(db, now, other.id, [w.otherP.id]);
  for (const client of [w.c1, w.c2]) {
    await openEpisode(t, w.p1, client.id);
    await consent(client);
  }
});
afterAll(() => t.close());

async function consent(client: Person) {
  const res = await (await sessionOf(t, client)).post(`/api/clients/${client.id}/consent`, {
    id: newId(t.clock.now()),
    wordingVersion: consentWordingVersion,
    choices: { blendedTreatment: true, messagingUnderstood: true, channels: { email: true, push: false, sms: false }, research: false },
  });
  expect(res.statusCode, res.body).toBe(201);
}

async function checkIn(client: Person, note: string) {
  const res = await (await sessionOf(t, client)).post('/api/check-ins', { id: newId(t.clock.now()), mood: 4, note, recordedAt: t.clock.now().toISOString() });
  expect(res.statusCode, res.body).toBe(201);
}

const restrictBody = { requestedOn: '2026-03-01', reason: 'The client asked us to remove their data (letter of 1 March).' };

describe('subject access: a client downloads their data', () => {
  it('as JSON: their own records, no one else’s, no secrets; not stored by caches; audited', async () => {
    await checkIn(w.c1, 'Walked to the PARK today');
    await checkIn(w.c2, 'Someone ELSE wrote this');
    const res = await (await sessionOf(t, w.c1)).get('/api/me/data');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toBe('attachment; filename="tandem-my-data.json"');
    const data = res.json();
    const sections = Object.fromEntries(data.sections.map((s: { key: string; rows: unknown[] }) => [s.key, s.rows]));
    expect(sections.about_you[0]).toMatchObject({ email: w.c1.email, family_name: w.c1.familyName });
    expect(sections.check_ins).toEqual([expect.objectContaining({ note: 'Walked to the PARK today', mood: 4 })]);
    expect(sections.consent).toHaveLength(1);
    expect(sections.care).toHaveLength(1);
    expect(data.onRequest).toMatch(/Ask your service/);
    expect(res.body).not.toContain('Someone ELSE');
    expect(res.body).not.toMatch(/password|token_hash|\$argon2/);
    const audit = await t.database.db.selectFrom('audit_event').select(['details']).where('action', '=', 'data_rights.subject_access').where('client_id', '=', w.c1.id).execute();
    expect(audit).toHaveLength(1);
  });

  it('as a readable page: self-contained, no script, its own strict CSP, written text escaped', async () => {
    await checkIn(w.c1, '<script>alert(1)</script> & more');
    const res = await (await sessionOf(t, w.c1)).get('/api/me/data.html');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toBe('attachment; filename="tandem-my-data.html"');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('script-src');
    expect(res.body).not.toMatch(/<script/i);
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(res.body).toContain('<h2 id="check_ins">Your mood check-ins</h2>');
    expect(res.body).not.toContain('Someone ELSE');
  });

  it('is for the client themself: staff are refused', async () => {
    expect((await (await sessionOf(t, w.p1)).get('/api/me/data')).statusCode).toBe(403);
    expect((await (await sessionOf(t, w.admin)).get('/api/me/data.html')).statusCode).toBe(403);
  });
});

describe('restriction of processing', () => {
  it('only an admin of the client’s organisation records it: another organisation’s admin and a practitioner are refused', async () => {
    const other = await sessionOf(t, w.otherAdmin);
    expect((await other.post(`/api/clients/${w.c1.id}/processing-restriction`, restrictBody)).statusCode).toBe(404);
    // The same request on their own client succeeds.
    const own = await other.post(`/api/clients/${w.otherClient.id}/processing-restriction`, restrictBody);
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ restricted: true, canManage: true });

    const p1 = await sessionOf(t, w.p1);
    expect((await p1.post(`/api/clients/${w.c1.id}/processing-restriction`, restrictBody)).statusCode).toBe(403);
    const denied = await t.database.db.selectFrom('audit_event').select('outcome').where('action', '=', 'data_rights.restrict').where('client_id', '=', w.c1.id).execute();
    expect(denied).toEqual([{ outcome: 'denied' }]);
    expect((await t.database.db.selectFrom('processing_restriction').select('id').where('client_id', '=', w.c1.id).execute())).toEqual([]);
  });

  it('stops notices to that client (a real job run), is shown to their care team, and can be lifted', async () => {
    const admin = await sessionOf(t, w.admin);
    const found = await admin.post('/api/data-rights/find', { query: w.c1.email.toUpperCase() });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json()).toMatchObject({ client: { id: w.c1.id }, restricted: false });
    const restricted = await admin.post(`/api/clients/${w.c1.id}/processing-restriction`, restrictBody);
    expect(restricted.statusCode, restricted.body).toBe(201);
    expect((await admin.post(`/api/clients/${w.c1.id}/processing-restriction`, restrictBody)).statusCode).toBe(409);

    // The care team sees it; staff without access to the client do not.
    const seen = await (await sessionOf(t, w.p1)).get(`/api/clients/${w.c1.id}/data-rights`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ restricted: true, canManage: false, restrictions: [{ reason: restrictBody.reason, liftedAt: null }] });
    expect((await (await sessionOf(t, w.p2)).get(`/api/clients/${w.c1.id}/data-rights`)).statusCode).toBe(404);

    // A message to each client: the restricted one gets no notice, the other an email.
    t.clock.set('2026-03-02T10:05:00Z');
    const p1 = await sessionOf(t, w.p1);
    for (const client of [w.c1, w.c2]) expect((await p1.post(`/api/clients/${client.id}/messages`, { id: newId(t.clock.now()), text: 'Hello' })).statusCode).toBe(201);
    t.clock.set('2026-03-02T10:20:00Z');
    await t.runJobs();
    const outcomeFor = async (client: Person) => {
      const episode = await t.database.db.selectFrom('episode').select('id').where('client_id', '=', client.id).executeTakeFirstOrThrow();
      const jobs = await t.database.db.selectFrom('scheduled_job').select(['delivery_key', 'outcome']).where('kind', '=', messageEmailJob).execute();
      return jobs.filter((j) => j.delivery_key.includes(episode.id)).map((j) => j.outcome);
    };
    expect(await outcomeFor(w.c1)).toEqual(['not sent: processing restricted']);
    expect(await outcomeFor(w.c2)).toEqual(['sent by email']);
    const mailTo = async (client: Person) => (await t.database.db.selectFrom('email_message').select('id').where('to_address', '=', client.email).execute()).length;
    expect(await mailTo(w.c1)).toBe(0);

    // Left out of the figures: p1's own week counts one client fewer while c1 is restricted.
    const figuresClients = async () => (await (await sessionOf(t, w.p1)).get('/api/figures/me')).json().engagement.clients;
    expect(await figuresClients()).toBe(1);

    // Lifted: the next notice goes.
    const lifted = await (await sessionOf(t, w.admin)).post(`/api/clients/${w.c1.id}/processing-restriction/lift`, { reason: 'The client agreed to carry on.' });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json()).toMatchObject({ restricted: false, restrictions: [{ liftReason: 'The client agreed to carry on.' }] });
    expect((await (await sessionOf(t, w.admin)).post(`/api/clients/${w.c1.id}/processing-restriction/lift`, { reason: 'again' })).statusCode).toBe(409);
    t.clock.set('2026-03-02T11:05:00Z');
    expect((await (await sessionOf(t, w.p1)).post(`/api/clients/${w.c1.id}/messages`, { id: newId(t.clock.now()), text: 'Hello again' })).statusCode).toBe(201);
    t.clock.set('2026-03-02T11:20:00Z');
    await t.runJobs();
    expect(await mailTo(w.c1)).toBe(1);
    expect(await figuresClients()).toBe(2);
    // The client's download lists the notice sent (in words, with its channel) and the email, never its body.
    const own = (await (await sessionOf(t, w.c1)).get('/api/me/data')).json();
    const rowsOf = (key: string) => own.sections.find((s: { key: string }) => s.key === key).rows;
    expect(rowsOf('notices')).toEqual([expect.objectContaining({ what: 'New message notice', how: 'email' })]);
    expect(rowsOf('emails')).toEqual([expect.objectContaining({ subject: expect.any(String), status: expect.any(String) })]);
    expect(Object.keys(rowsOf('emails')[0])).not.toContain('body_text');
  });
});

describe('restriction and mood prompts', () => {
  const promptJobs = async (client: Person) =>
    (await t.database.db.selectFrom('scheduled_job').select(['delivery_key', 'outcome', 'status']).where('kind', '=', moodPromptJob).execute()).filter((j) => j.delivery_key.includes(client.id));

  it('end while restricted (a real job run; the daily sweep does not restart them) and start again when lifted', async () => {
    t.clock.set('2026-03-02T11:30:00Z');
    expect((await (await sessionOf(t, w.admin)).post(`/api/clients/${w.c2.id}/processing-restriction`, restrictBody)).statusCode).toBe(201);
    t.clock.set('2026-03-02T14:00:00Z');
    await t.runJobs();
    const jobs = await promptJobs(w.c2);
    expect(jobs.find((j) => j.delivery_key.endsWith('2026-03-02T14:00:00.000Z'))?.outcome).toBe('not sent: processing restricted');
    expect(jobs.filter((j) => j.status === 'pending')).toEqual([]);
    await enqueueMoodPromptSweep(t.database.db, t.clock);
    await t.runJobs();
    expect((await promptJobs(w.c2)).filter((j) => j.status === 'pending')).toEqual([]);

    t.clock.set('2026-03-02T14:10:00Z');
    expect((await (await sessionOf(t, w.admin)).post(`/api/clients/${w.c2.id}/processing-restriction/lift`, { reason: 'The client agreed.' })).statusCode).toBe(200);
    expect((await promptJobs(w.c2)).filter((j) => j.status === 'pending').map((j) => j.delivery_key)).toEqual([`${moodPromptJob}:${w.c2.id}:2026-03-02T19:30:00.000Z`]);
  });
});

describe('erasure', () => {
  /** A client whose care ended on 2026-03-01; their record was made on 2026-03-02, the last contact. */
  async function dischargedClient() {
    const client = await makeClient(t.database.db, t.clock.now(), w.org.id, [w.p1.id]);
    await openEpisode(t, w.p1, client.id);
    await consent(client);
    await checkIn(client, 'Kept until the retention ends');
    await t.database.db.updateTable('episode').set({ status: 'ended', ended_on: '2026-03-01', ending_reason: 'completed', updated_at: t.clock.now() }).where('client_id', '=', client.id).execute();
    return client;
  }
  const discharged: Person[] = [];
  beforeAll(async () => {
    discharged.push(await dischargedClient(), await dischargedClient());
  });
  const eraseBody = (client: Person) => ({ requestedOn: '2026-03-01', reason: 'The client asked for erasure.', confirmFamilyName: client.familyName });

  it('is refused while care goes on, and for anyone but an admin of the organisation', async () => {
    const admin = await sessionOf(t, w.admin);
    const res = await admin.post(`/api/clients/${w.c2.id}/erasure`, eraseBody(w.c2));
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'data_rights.must_keep', message: expect.stringMatching(/care is still going on/) });
    expect((await (await sessionOf(t, w.p1)).post(`/api/clients/${w.c2.id}/erasure`, eraseBody(w.c2))).statusCode).toBe(403);
    expect((await (await sessionOf(t, w.otherAdmin)).post(`/api/clients/${w.c2.id}/erasure`, eraseBody(w.c2))).statusCode).toBe(404);
  });

  // NHS England Records Management Code of Practice 2023, Appendix II, "Mental health records":
  // 20 years after the last contact (RETENTION_YEARS_AFTER_DISCHARGE default). Last contact
  // 2026-03-02, so the records are kept until 2046-03-02.
  it.each([
    ['one day before the retention ends', '2046-03-01T12:00:00Z', 409, 0],
    ['one day after', '2046-03-03T12:00:00Z', 200, 1],
  ])('%s (%s): %i', async (_when, instant, status, which) => {
    const client = discharged[which]!;
    t.clock.set(instant);
    const res = await (await sessionOf(t, w.admin)).post(`/api/clients/${client.id}/erasure`, eraseBody(client));
    expect(res.statusCode, res.body).toBe(status);
    const checkIns = await t.database.db.selectFrom('check_in').select('id').where('client_id', '=', client.id).execute();
    if (status === 409) {
      expect(res.json().error.message).toContain('must be kept until 2046-03-02');
      expect(checkIns).toHaveLength(1);
      return;
    }
    expect(res.json()).toMatchObject({ client: { givenName: 'Erased', familyName: 'Erased' }, erasure: { reason: 'erased' } });
    expect(checkIns).toEqual([]);
    expect(await t.database.db.selectFrom('account').select('id').where('client_id', '=', client.id).execute()).toEqual([]);
    expect(await t.database.db.selectFrom('episode').select('id').where('client_id', '=', client.id).execute()).toEqual([]);
    const row = await t.database.db.selectFrom('client').selectAll().where('id', '=', client.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(client.email);
    // The audit of everything done with the client stays, with the erasure itself, and the chain verifies.
    const audit = await t.database.db.selectFrom('audit_event').select('action').where('client_id', '=', client.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['data_rights.erase', 'check_in.create']));
    await sealAudit(t.database.db, t.clock);
    const verified = await verifyAuditChain(t.database.db);
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);
    // Once erased, nothing more can be done with the record.
    expect((await (await sessionOf(t, w.admin)).post(`/api/clients/${client.id}/erasure`, eraseBody(client))).statusCode).toBe(410);
  });
});
