import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { finishSecondStep, makeClient, makeOrganisation, makeStaff, signInAs, testPassword } from '../../test/factories';

let t: TestApp;
let origin: string;
let org: Awaited<ReturnType<typeof makeOrganisation>>;
let practitioner: Awaited<ReturnType<typeof makeStaff>>;
let client: Awaited<ReturnType<typeof makeClient>>;

beforeAll(async () => {
  t = await createTestApp();
  origin = t.config.publicOrigin;
  const now = t.clock.now();
  org = await makeOrganisation(t.database.db, now);
  practitioner = await makeStaff(t.database.db, now, org.id, ['practitioner']);
  client = await makeClient(t.database.db, now, org.id, [practitioner.id]);
});
afterAll(() => t.close());

const signIn = (email: string, password: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { origin, ...headers }, payload: { email, password, ...extra } });
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });

describe('sign-in', () => {
  it('signs a practitioner in with an HttpOnly, SameSite=Lax browser-session cookie, after the second step', async () => {
    const first = await signIn(practitioner.email.toUpperCase(), testPassword);
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ next: 'mfa' });
    expect(first.cookies.find((c) => c.name === 'tandem_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const cookieValue = (await finishSecondStep(t.app, origin, practitioner.email, first)).split('=')[1];
    const res = await me(`tandem_session=${cookieValue}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().actor).toMatchObject({ type: 'staff', staffId: practitioner.id, roles: ['practitioner'], organisationName: org.name });
    expect(res.json().allowed).toEqual({ registerClients: true, manageAccounts: false, breakGlass: false });
    const cookie = first.cookies.find((c) => c.name === 'tandem_session')!;
    expect(cookie.maxAge).toBeUndefined();
    expect(cookie.secure).toBeUndefined();
    expect(first.headers['cache-control']).toBe('no-store');
  });

  it('keeps a client signed in for 30 days only when they choose "remember this device"', async () => {
    const res = await signIn(client.email, testPassword, { remember: true });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'tandem_session')!.maxAge).toBe(30 * 24 * 3600);
    expect(res.json().session.remember).toBe(true);
  });

  it('answers a wrong password and an unknown email identically, after the same work', async () => {
    const wrong = await signIn(practitioner.email, 'not the password at all');
    const unknown = await signIn('nobody-here@example.test', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json().error.code).toBe('auth.invalid_credentials');
    // Both run a full argon2id verification: an unknown email must not answer measurably faster.
    const time = async (email: string) => {
      const started = performance.now();
      await signIn(email, 'another wrong password', {}, { 'x-forwarded-for': email });
      return performance.now() - started;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const known: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time(practitioner.email));
      unknownTimes.push(await time(`ghost-${i}@example.test`));
    }
    expect(median(unknownTimes)).toBeGreaterThan(median(known) * 0.5);
  });

  it('refuses a client account that is not active, with the same answer', async () => {
    const invited = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner'], { status: 'invited' });
    const res = await signIn(invited.email, testPassword);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.invalid_credentials');
  });

  it('audits a failed sign-in to a client account', async () => {
    await signIn(client.email, 'wrong wrong wrong');
    const rows = await t.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('client_id', '=', client.id)
      .where('action', '=', 'auth.sign_in')
      .where('outcome', '=', 'failed')
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows[0]).toMatchObject({ actor_type: 'anonymous', entity_type: 'account', entity_id: client.accountId });
  });

  it('slows an account down after five failures, then lets it in once the wait is over', async () => {
    const person = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
    for (let i = 0; i < 5; i++) expect((await signIn(person.email, `wrong ${i}`)).statusCode).toBe(401);
    const blocked = await signIn(person.email, testPassword);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error).toMatchObject({ code: 'auth.too_many_attempts', details: [{ path: 'retryAfterSeconds', message: '1' }] });
    t.clock.advance(1000);
    // The right password now: on to the second step (202).
    expect((await signIn(person.email, testPassword)).statusCode).toBe(202);
    // Success cleared the count: one more failure does not block.
    expect((await signIn(person.email, 'wrong again')).statusCode).toBe(401);
    expect((await signIn(person.email, testPassword)).statusCode).toBe(202);
  });

  it('doubles the wait with each further failure', async () => {
    const person = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
    for (let i = 0; i < 5; i++) await signIn(person.email, `wrong ${i}`);
    t.clock.advance(1000);
    expect((await signIn(person.email, 'wrong 5')).statusCode).toBe(401);
    const blocked = await signIn(person.email, testPassword);
    expect(blocked.json().error.details).toEqual([{ path: 'retryAfterSeconds', message: '2' }]);
  });
});

describe('sessions', () => {
  it('rotates the session id on sign-in: the previous cookie stops working', async () => {
    const first = await signInAs(t.app, origin, practitioner.email);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { origin, cookie: first },
      payload: { email: practitioner.email, password: testPassword },
    });
    expect(res.statusCode).toBe(202);
    const second = await finishSecondStep(t.app, origin, practitioner.email, res);
    expect(second).not.toBe(first);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);
  });

  it('ends a staff session after 30 minutes idle, but not while it is in use', async () => {
    const cookie = await signInAs(t.app, origin, practitioner.email);
    t.clock.advance(25 * 60_000);
    expect((await me(cookie)).statusCode).toBe(200);
    t.clock.advance(25 * 60_000);
    expect((await me(cookie)).statusCode).toBe(200);
    t.clock.advance(30 * 60_000);
    const expired = await me(cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('auth.unauthenticated');
    expect(expired.cookies.find((c) => c.name === 'tandem_session')?.value).toBe('');
  });

  it('signs out: the cookie is cleared and the session no longer opens', async () => {
    const cookie = await signInAs(t.app, origin, client.email);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { origin, cookie } });
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === 'tandem_session')?.value).toBe('');
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('signs out everywhere: every session of the account ends and its devices stop notifying; nobody else’s', async () => {
    const other = await makeClient(t.database.db, t.clock.now(), org.id, [practitioner.id]);
    const [phone, laptop, theirs] = [await signInAs(t.app, origin, client.email), await signInAs(t.app, origin, client.email), await signInAs(t.app, origin, other.email)];
    const accountOf = async (email: string) => (await t.database.db.selectFrom('account').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    const device = (accountId: string, n: number) => ({ id: crypto.randomUUID(), account_id: accountId, endpoint: `https://fcm.googleapis.com/fcm/send/${accountId}-${n}`, p256dh: 'k', auth: 'a', created_at: t.clock.now(), last_sent_at: null });
    await t.database.db.insertInto('push_subscription').values([device(await accountOf(client.email), 1), device(await accountOf(other.email), 2)]).execute();

    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out-everywhere', headers: { origin, cookie: laptop } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ sessions: expect.any(Number), devices: 1 });
    expect(res.json().sessions).toBeGreaterThanOrEqual(2);
    expect(res.cookies.find((c) => c.name === 'tandem_session')?.value).toBe('');
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(laptop)).statusCode).toBe(401);
    // Another person's session and device are untouched, and their own identical request works.
    expect((await me(theirs)).statusCode).toBe(200);
    expect(await t.database.db.selectFrom('push_subscription').select('account_id').execute()).toEqual([{ account_id: await accountOf(other.email) }]);
    const audit = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'auth.sign_out_everywhere').execute();
    expect(audit).toMatchObject([{ actor_id: client.id, client_id: client.id }]);
    const own = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out-everywhere', headers: { origin, cookie: theirs } });
    expect(own.json()).toEqual({ sessions: 1, devices: 1 });
    // Signed out already: refused.
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/sign-out-everywhere', headers: { origin, cookie: phone } })).statusCode).toBe(401);
  });

  it('does not accept a session cookie from another deployment (an unknown token)', async () => {
    const res = await me('tandem_session=Zm9yZWlnbi1kZXBsb3ltZW50LXNlc3Npb24tdG9rZW4xMjM');
    expect(res.statusCode).toBe(401);
    expect(res.cookies.find((c) => c.name === 'tandem_session')?.value).toBe('');
  });

  it('audits a client reading their own profile', async () => {
    const cookie = await signInAs(t.app, origin, client.email);
    const res = await me(cookie);
    expect(res.json().actor).toMatchObject({ type: 'client', clientId: client.id, roles: [] });
    const row = await t.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'profile.read')
      .where('request_id', '=', String(res.headers['x-request-id']))
      .executeTakeFirst();
    expect(row).toMatchObject({ actor_type: 'client', actor_id: client.id, client_id: client.id });
  });
});

describe('CSRF defence on state-changing requests', () => {
  it.each([
    ['no Origin and no Sec-Fetch-Site', {}, 403],
    ['a foreign Origin', { origin: 'https://evil.example' }, 403],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }, 403],
    ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin' }, 202],
    ['our own Origin', { origin: 'http://localhost:3000' }, 202],
  ])('%s → %d', async (_name, headers, status) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: headers as Record<string, string>,
      payload: { email: practitioner.email, password: testPassword },
    });
    expect(res.statusCode).toBe(status);
    if (status === 403) expect(res.json().error.code).toBe('auth.origin_rejected');
  });
});
