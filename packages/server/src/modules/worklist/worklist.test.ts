import { newId, type Actor } from '@tandem/domain';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff, signInAs } from '../../test/factories';
import { sessionOf } from '../../test/sessions';
import { createTestApp, type TestApp } from '../../test/test-app';
import { openEpisode } from '../calendar/test-support';
import { getWorklist } from './worklist.service';
import { openStream, settle } from './test-support';

// The test clock starts on Monday 2026-03-02 at 09:00 UTC (09:00 in London) and only moves forward.
let t: TestApp;
let base: string;
const w = {} as {
  org: Awaited<ReturnType<typeof makeOrganisation>>;
  p1: Awaited<ReturnType<typeof makeStaff>>;
  p2: Awaited<ReturnType<typeof makeStaff>>;
  sup: Awaited<ReturnType<typeof makeStaff>>;
  admin: Awaited<ReturnType<typeof makeStaff>>;
  c1: Awaited<ReturnType<typeof makeClient>>;
  c2: Awaited<ReturnType<typeof makeClient>>;
  c3: Awaited<ReturnType<typeof makeClient>>;
};

beforeAll(async () => {
  t = await createTestApp();
  const now = t.clock.now();
  const db = t.database.db;
  w.org = await makeOrganisation(db, now);
  w.sup = await makeStaff(db, now, w.org.id, ['supervisor']);
  w.p1 = await makeStaff(db, now, w.org.id, ['practitioner'], { supervisorId: w.sup.id });
  w.p2 = await makeStaff(db, now, w.org.id, ['practitioner']);
  w.admin = await makeStaff(db, now, w.org.id, ['admin']);
  w.c1 = await makeClient(db, now, w.org.id, [w.p1.id], { familyName: 'Ash' });
  w.c2 = await makeClient(db, now, w.org.id, [w.p1.id], { familyName: 'Birch' });
  w.c3 = await makeClient(db, now, w.org.id, [w.p2.id], { familyName: 'Cedar' });
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => t.close());

const as = (person: { email: string }) => sessionOf(t, person);
const cookieOf = (person: { email: string }) => signInAs(t.app, t.config.publicOrigin, person.email);
const names = (body: { lines: { client: { familyName: string } }[] }) => body.lines.map((l) => l.client.familyName);
const askForHelp = async (client: { email: string }) => {
  const res = await (await as(client)).post('/api/help-requests', { id: newId(t.clock.now()), recordedAt: t.clock.now().toISOString() });
  expect(res.statusCode, res.body).toBe(201);
};

describe('GET /api/worklist', () => {
  it('lists exactly the caller’s caseload (as GET /api/clients does), no-store, and audits the clients listed', async () => {
    const p1 = await as(w.p1);
    const res = await p1.get('/api/worklist');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(names(res.json())).toEqual(['Ash', 'Birch']);
    expect(names(res.json())).toEqual((await p1.get('/api/clients')).json().clients.map((c: { familyName: string }) => c.familyName));
    const audit = await t.database.db.selectFrom('audit_event').select(['subject_ids', 'actor_id']).where('action', '=', 'worklist.read').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect([...audit.subject_ids!].sort()).toEqual([w.c1.id, w.c2.id].sort());

    // Another practitioner's client is not on it; that practitioner's identical request lists them.
    expect(names((await (await as(w.p2)).get('/api/worklist')).json())).toEqual(['Cedar']);
    // A supervisor sees their supervisee's caseload; an admin has none; a client has no worklist.
    expect(names((await (await as(w.sup)).get('/api/worklist')).json())).toEqual(['Ash', 'Birch']);
    expect(names((await (await as(w.admin)).get('/api/worklist')).json())).toEqual([]);
    expect((await (await as(w.c1)).get('/api/worklist')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/worklist' })).statusCode).toBe(401);
  });

  it('orders by need: a client with an open risk alert comes first, with its tier and deadline', async () => {
    await openEpisode(t, w.p1, w.c2.id);
    await askForHelp(w.c2);
    const body = (await (await as(w.p1)).get('/api/worklist')).json();
    expect(names(body)).toEqual(['Birch', 'Ash']);
    expect(body.lines[0].reasons[0]).toMatchObject({ kind: 'risk_alert', count: 1, tier: 'immediate', overdue: false });
    expect(body.lines[1].reasons).toEqual([]);
  });

  it('follows the organisation’s “no activity” setting, which is validated and defaults to 7 days', async () => {
    const admin = await as(w.admin);
    const state = (await admin.get('/api/organisation/care-settings')).json();
    expect(state.settings.noActivityDays).toBe(7);
    for (const bad of [1, 61, 2.5]) {
      const res = await admin.put('/api/organisation/care-settings', { settings: { ...state.settings, noActivityDays: bad }, version: state.version });
      expect(res.statusCode, `${bad}`).toBe(400);
    }
    const saved = await admin.put('/api/organisation/care-settings', { settings: { ...state.settings, noActivityDays: 3 }, version: state.version });
    expect(saved.statusCode, saved.body).toBe(200);
    // Ash's account became active at 09:00 on 2 March with no activity since; the setting is 3 days.
    await t.database.db.updateTable('episode').set({ status: 'active' }).where('client_id', '=', w.c2.id).execute();
    t.clock.set('2026-03-05T08:59:59Z');
    const before = (await (await as(w.p1)).get('/api/worklist')).json();
    expect(before.lines.find((l: { client: { familyName: string } }) => l.client.familyName === 'Birch').reasons.map((r: { kind: string }) => r.kind)).toEqual(['risk_alert']);
    t.clock.set('2026-03-05T09:00:00Z');
    const after = (await (await as(w.p1)).get('/api/worklist')).json();
    expect(after.noActivityDays).toBe(3);
    expect(after.lines.find((l: { client: { familyName: string } }) => l.client.familyName === 'Birch').reasons).toContainEqual({ kind: 'no_activity', days: 3, lastActivityAt: null });
  });

  it('uses the same handful of queries whatever the caseload’s size (no query per client)', async () => {
    const count = async (actor: Actor) => {
      let queries = 0;
      const counter: KyselyPlugin = {
        transformQuery: (args) => {
          queries += 1;
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      const db = t.database.db.withPlugin(counter);
      await getWorklist({ actor, db, clock: t.clock, requestId: 'count', config: t.config, mailer: undefined as never });
      return queries;
    };
    const org = await makeOrganisation(t.database.db, t.clock.now());
    const small = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
    const large = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
    await makeClient(t.database.db, t.clock.now(), org.id, [small.id]);
    for (let i = 0; i < 12; i++) await makeClient(t.database.db, t.clock.now(), org.id, [large.id]);
    const actor = (s: typeof small): Actor => ({ type: 'staff', accountId: s.accountId, staffId: s.id, organisationId: org.id, roles: s.roles });
    const few = await count(actor(small));
    expect(few).toBeLessThanOrEqual(16);
    expect(await count(actor(large))).toBe(few);
  });
});

describe('GET /api/worklist/events', () => {
  it('forwards a change’s client id only to staff who may list that client, as text/event-stream', async () => {
    const mine = await openStream(`${base}/api/worklist/events`, await cookieOf(w.p1));
    const theirs = await openStream(`${base}/api/worklist/events`, await cookieOf(w.p2));
    try {
      expect(mine.status).toBe(200);
      expect(mine.headers['content-type']).toContain('text/event-stream');
      expect(mine.headers['cache-control']).toBe('no-store');
      await mine.next((e) => e.event === 'ready');
      await theirs.next((e) => e.event === 'ready');

      const heard = mine.next((e) => e.event === 'client-changed');
      await askForHelp(w.c2);
      expect(JSON.parse((await heard).data)).toEqual({ clientId: w.c2.id });
      // Ids only: nothing else rides on the event.
      expect((await heard).data).toBe(JSON.stringify({ clientId: w.c2.id }));
      await settle();
      expect(theirs.events.filter((e) => e.event === 'client-changed')).toEqual([]);

      // The other practitioner hears of their own client (the stream works for them).
      const theirsHeard = theirs.next((e) => e.event === 'client-changed');
      await askForHelp(w.c3);
      expect(JSON.parse((await theirsHeard).data)).toEqual({ clientId: w.c3.id });
      await settle();
      expect(mine.events.filter((e) => e.data.includes(w.c3.id))).toEqual([]);
    } finally {
      mine.close();
      theirs.close();
    }
  });

  it('hears of a check-in once: the write and its notice are one statement, and a retried send is silent', async () => {
    const mine = await openStream(`${base}/api/worklist/events`, await cookieOf(w.p1));
    try {
      await mine.next((e) => e.event === 'ready');
      const checkIn = { id: newId(t.clock.now()), mood: 3, recordedAt: t.clock.now().toISOString() };
      const heard = mine.next((e) => e.event === 'client-changed');
      expect((await (await as(w.c2)).post('/api/check-ins', checkIn)).statusCode).toBe(201);
      expect(JSON.parse((await heard).data)).toEqual({ clientId: w.c2.id });
      expect((await (await as(w.c2)).post('/api/check-ins', checkIn)).statusCode).toBe(200);
      await settle();
      expect(mine.events.filter((e) => e.event === 'client-changed')).toHaveLength(1);
    } finally {
      mine.close();
    }
  });

  it('refuses a client and anyone signed out', async () => {
    const client = await openStream(`${base}/api/worklist/events`, await cookieOf(w.c1));
    expect(client.status).toBe(403);
    client.close();
    const nobody = await openStream(`${base}/api/worklist/events`, '');
    expect(nobody.status).toBe(401);
    nobody.close();
  });

  it('does not keep an idle session alive, and ends once the session has expired', async () => {
    t.clock.set('2026-03-06T12:00:00Z');
    const cookie = await cookieOf(w.p1);
    const idle = async () => (await t.database.db.selectFrom('auth_session').select('idle_expires_at').where('account_id', '=', w.p1.accountId).where('stage', '=', 'full').orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow()).idle_expires_at.toISOString();
    const signedInUntil = await idle();
    expect(signedInUntil).toBe('2026-03-06T12:30:00.000Z');

    t.clock.set('2026-03-06T12:10:00Z');
    const stream = await openStream(`${base}/api/worklist/events`, cookie);
    try {
      await stream.next((e) => e.event === 'ready');
      t.clock.set('2026-03-06T12:20:00Z');
      const heard = stream.next((e) => e.event === 'client-changed');
      await askForHelp(w.c1);
      await heard;
      // Opening the stream and receiving on it did not slide the idle expiry.
      expect(await idle()).toBe(signedInUntil);

      t.clock.set('2026-03-06T12:30:00Z');
      await askForHelp(w.c1);
      await stream.ended;
      expect(stream.events.filter((e) => e.event === 'client-changed')).toHaveLength(1);
      // An ordinary request now finds the session expired too.
      expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    } finally {
      stream.close();
    }
  });

  it('ends when the person signs out', async () => {
    const cookie = await cookieOf(w.p1);
    const stream = await openStream(`${base}/api/worklist/events`, cookie);
    try {
      await stream.next((e) => e.event === 'ready');
      const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie, origin: t.config.publicOrigin } });
      expect(out.statusCode).toBeLessThan(300);
      await askForHelp(w.c1);
      await stream.ended;
      expect(stream.events.filter((e) => e.event === 'client-changed')).toEqual([]);
    } finally {
      stream.close();
    }
  });
});
