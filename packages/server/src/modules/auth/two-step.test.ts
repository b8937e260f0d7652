import { appPinRules, secondStepRules } from '@tandem/domain';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff, signInAs, testPassword, testTotpSecret, totpCodeAt } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
let origin: string;
let org: Awaited<ReturnType<typeof makeOrganisation>>;
let otherOrg: Awaited<ReturnType<typeof makeOrganisation>>;

beforeAll(async () => {
  t = await createTestApp();
  origin = t.config.publicOrigin;
  org = await makeOrganisation(t.database.db, t.clock.now());
  otherOrg = await makeOrganisation(t.database.db, t.clock.now());
});
afterAll(() => t.close());

const cookieOf = (res: LightMyRequestResponse) => `tandem_session=${res.cookies.find((c) => c.name === 'tandem_session')!.value}`;
const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie?: string, payload?: object) =>
  t.app.inject({ method, url, headers: { origin, ...(cookie ? { cookie } : {}) }, ...(payload ? { payload } : {}) });
const signIn = (email: string, extra: object = {}) => call('POST', '/api/auth/sign-in', undefined, { email, password: testPassword, ...extra });
const codeNow = (secret = testTotpSecret, offsetMs = 0) => totpCodeAt(secret, new Date(t.clock.now().getTime() + offsetMs));
/** Moves the clock on by a whole step, so the next code is a new one (each is accepted once). */
const nextStep = () => t.clock.advance(30_000);
const audit = (action: string, entityId: string) =>
  t.database.db.selectFrom('audit_event').selectAll().where('action', '=', action).where('entity_id', '=', entityId).orderBy('seq').execute();

describe('staff must set up two-step sign-in', () => {
  it('a member of staff without it is only half signed in until they set it up, then gets 10 recovery codes', async () => {
    const staff = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner'], { twoStep: false });
    const first = await signIn(staff.email);
    expect(first.statusCode).toBe(202);
    expect(first.json()).toMatchObject({ next: 'enrol' });
    const half = cookieOf(first);
    // Nothing else opens with a half-way session, and the answer says which step is due.
    const refused = await call('GET', '/api/me', half);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('auth.mfa_enrolment_required');
    expect((await call('GET', '/api/clients', half)).statusCode).toBe(401);
    expect((await call('POST', '/api/auth/mfa/verify', half, { code: '123456' })).statusCode).toBe(403);

    const started = await call('POST', '/api/auth/mfa/enrolment', half);
    expect(started.statusCode).toBe(200);
    expect(started.headers['cache-control']).toBe('no-store');
    const { secret, uri, qr } = started.json() as { secret: string; uri: string; qr: string[] };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri.startsWith('otpauth://totp/Tandem:')).toBe(true);
    expect(qr.length).toBeGreaterThanOrEqual(21);
    expect(qr.every((row) => row.length === qr.length && /^[01]+$/.test(row))).toBe(true);

    const wrong = await call('POST', '/api/auth/mfa/enrolment/confirm', half, { code: codeNow(secret, 120_000) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('auth.wrong_code');

    const confirmed = await call('POST', '/api/auth/mfa/enrolment/confirm', half, { code: codeNow(secret) });
    expect(confirmed.statusCode).toBe(200);
    const codes = confirmed.json().recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const full = cookieOf(confirmed);
    expect(full).not.toBe(half);
    expect((await call('GET', '/api/me', full)).statusCode).toBe(200);
    // The half-way session is gone.
    expect((await call('POST', '/api/auth/mfa/enrolment', half)).statusCode).toBe(401);
    const status = await call('GET', '/api/auth/mfa', full);
    expect(status.json()).toMatchObject({ enrolled: true, required: true, recoveryCodesLeft: 10 });
    // Recovery codes are stored only as hashes.
    const stored = await t.database.db.selectFrom('account_recovery_code').select('code_hash').where('account_id', '=', staff.accountId).execute();
    expect(stored.map((r) => r.code_hash).some((h) => codes.some((c) => h.includes(c.replace('-', ''))))).toBe(false);
    expect(await audit('auth.mfa_enrolled', staff.accountId)).toHaveLength(1);
    // Set up once: starting again is refused (a new phone goes through an admin's reset).
    expect((await call('POST', '/api/auth/mfa/enrolment', full)).json().error.code).toBe('auth.mfa_already_enrolled');
  });
});

describe('the code step', () => {
  it.each([
    ['the current step', 0, true],
    ['one step behind (a slow typist)', -30_000, true],
    ['one step ahead (a phone clock a little fast)', 30_000, true],
    ['two steps behind', -60_000, false],
    ['two steps ahead', 60_000, false],
  ])('accepts a code from %s: %s', async (_name, offsetMs, ok) => {
    const staff = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
    const half = cookieOf(await signIn(staff.email));
    const res = await call('POST', '/api/auth/mfa/verify', half, { code: codeNow(testTotpSecret, offsetMs) });
    expect(res.statusCode).toBe(ok ? 200 : 400);
    if (ok) expect(res.json().actor.staffId).toBe(staff.id);
  });

  it('accepts each code once only (a replayed code is refused)', async () => {
    const staff = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
    const code = codeNow();
    expect((await call('POST', '/api/auth/mfa/verify', cookieOf(await signIn(staff.email)), { code })).statusCode).toBe(200);
    const again = await call('POST', '/api/auth/mfa/verify', cookieOf(await signIn(staff.email)), { code });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('auth.wrong_code');
    // Even the previous step's code is refused now: only a later step is new.
    expect((await call('POST', '/api/auth/mfa/verify', cookieOf(await signIn(staff.email)), { code: codeNow(testTotpSecret, -30_000) })).statusCode).toBe(400);
    nextStep();
    expect((await call('POST', '/api/auth/mfa/verify', cookieOf(await signIn(staff.email)), { code: codeNow() })).statusCode).toBe(200);
  });

  it(`ends the half-way session after ${secondStepRules.maxFailures} wrong codes, and counts wrong codes across new sessions`, async () => {
    const staff = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
    const half = cookieOf(await signIn(staff.email));
    for (let i = 1; i < secondStepRules.maxFailures; i++) {
      const res = await call('POST', '/api/auth/mfa/verify', half, { code: '000000' });
      expect(res.json().error.code).toBe('auth.wrong_code');
    }
    const last = await call('POST', '/api/auth/mfa/verify', half, { code: '000000' });
    expect(last.statusCode).toBe(401);
    expect(last.json().error.message).toContain('sign in again');
    // The session is over: even the right code no longer opens it.
    expect((await call('POST', '/api/auth/mfa/verify', half, { code: codeNow() })).statusCode).toBe(401);
    // Signing in again with the password does not give fresh free tries: the account waits.
    const again = cookieOf(await signIn(staff.email));
    const slowed = await call('POST', '/api/auth/mfa/verify', again, { code: codeNow() });
    expect(slowed.statusCode).toBe(429);
    t.clock.advance(2_000);
    expect((await call('POST', '/api/auth/mfa/verify', again, { code: codeNow() })).statusCode).toBe(200);
    const failures = await audit('auth.second_step', staff.accountId);
    expect(failures).toHaveLength(secondStepRules.maxFailures);
    expect(failures.every((f) => f.outcome === 'failed')).toBe(true);
  });

  it('a recovery code signs in once, and the set can be renewed with a code from the app', async () => {
    const staff = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner'], { twoStep: false });
    const half = cookieOf(await signIn(staff.email));
    const { secret } = (await call('POST', '/api/auth/mfa/enrolment', half)).json() as { secret: string };
    const confirmed = await call('POST', '/api/auth/mfa/enrolment/confirm', half, { code: codeNow(secret) });
    const codes = confirmed.json().recoveryCodes as string[];

    const withRecovery = await call('POST', '/api/auth/mfa/verify', cookieOf(await signIn(staff.email)), { code: codes[3]!.toUpperCase() });
    expect(withRecovery.statusCode).toBe(200);
    const full = cookieOf(withRecovery);
    expect((await call('GET', '/api/auth/mfa', full)).json().recoveryCodesLeft).toBe(9);
    expect((await call('POST', '/api/auth/mfa/verify', cookieOf(await signIn(staff.email)), { code: codes[3]! })).statusCode).toBe(400);
    const signIns = await audit('auth.sign_in', staff.accountId);
    expect(JSON.parse(JSON.stringify(signIns.at(-1)!.details))).toMatchObject({ method: 'password', secondStep: 'recovery_code' });

    nextStep();
    expect((await call('POST', '/api/auth/mfa/recovery-codes', full, { code: '000000' })).statusCode).toBe(400);
    const renewed = await call('POST', '/api/auth/mfa/recovery-codes', full, { code: codeNow(secret) });
    expect(renewed.statusCode).toBe(200);
    const fresh = renewed.json().recoveryCodes as string[];
    expect(fresh).toHaveLength(10);
    // The old set stopped working; the new one works.
    expect((await call('POST', '/api/auth/mfa/verify', cookieOf(await signIn(staff.email)), { code: codes[0]! })).statusCode).toBe(400);
    expect((await call('POST', '/api/auth/mfa/verify', cookieOf(await signIn(staff.email)), { code: fresh[0]! })).statusCode).toBe(200);
  });

  it('staff cannot turn two-step sign-in off', async () => {
    const staff = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
    const cookie = await signInAs(t.app, origin, staff.email);
    nextStep();
    const res = await call('POST', '/api/auth/mfa/turn-off', cookie, { code: codeNow() });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('auth.mfa_required_for_staff');
  });
});

describe('clients may choose two-step sign-in', () => {
  it('turns it on, then sign-in asks for a code; turning it off needs a code', async () => {
    const practitioner = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
    const client = await makeClient(t.database.db, t.clock.now(), org.id, [practitioner.id]);
    const cookie = await signInAs(t.app, origin, client.email);
    expect((await call('GET', '/api/auth/mfa', cookie)).json()).toMatchObject({ enrolled: false, required: false, recoveryCodesLeft: 0 });
    const { secret } = (await call('POST', '/api/auth/mfa/enrolment', cookie)).json() as { secret: string };
    const confirmed = await call('POST', '/api/auth/mfa/enrolment/confirm', cookie, { code: codeNow(secret) });
    expect(confirmed.statusCode).toBe(200);
    // The session that turned it on carries on.
    expect((await call('GET', '/api/me', cookie)).statusCode).toBe(200);

    const first = await signIn(client.email);
    expect(first.statusCode).toBe(202);
    expect(first.json().next).toBe('mfa');
    nextStep();
    const signedIn = await call('POST', '/api/auth/mfa/verify', cookieOf(first), { code: codeNow(secret) });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().actor.clientId).toBe(client.id);

    nextStep();
    expect((await call('POST', '/api/auth/mfa/turn-off', cookie, { code: '000000' })).statusCode).toBe(400);
    expect((await call('POST', '/api/auth/mfa/turn-off', cookie, { code: codeNow(secret) })).statusCode).toBe(204);
    expect((await signIn(client.email)).statusCode).toBe(200);
    expect(await audit('auth.mfa_turned_off', client.accountId!)).toHaveLength(1);
  });
});

describe('an admin resets a lost phone', () => {
  it("ends the person's sessions and makes their next sign-in set it up again; audited", async () => {
    const admin = await makeStaff(t.database.db, t.clock.now(), org.id, ['admin']);
    const staff = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
    const adminCookie = await signInAs(t.app, origin, admin.email);
    const staffCookie = await signInAs(t.app, origin, staff.email);
    const res = await call('POST', `/api/staff/${staff.id}/mfa-reset`, adminCookie);
    expect(res.statusCode).toBe(200);
    expect(res.json().sessionsEnded).toBeGreaterThanOrEqual(1);
    expect((await call('GET', '/api/me', staffCookie)).statusCode).toBe(401);
    const next = await signIn(staff.email);
    expect(next.statusCode).toBe(202);
    expect(next.json().next).toBe('enrol');
    const rows = await audit('auth.mfa_reset', staff.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_type: 'staff', outcome: 'success' });
  });

  it("refuses another organisation's admin, a practitioner and an admin's own reset; the owner admin's identical request works", async () => {
    const staff = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
    const admin = await makeStaff(t.database.db, t.clock.now(), org.id, ['admin']);
    const foreignAdmin = await makeStaff(t.database.db, t.clock.now(), otherOrg.id, ['admin']);
    const colleague = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner', 'supervisor']);
    const foreign = await call('POST', `/api/staff/${staff.id}/mfa-reset`, await signInAs(t.app, origin, foreignAdmin.email));
    expect(foreign.statusCode).toBe(404);
    expect((await call('POST', `/api/staff/${staff.id}/mfa-reset`, await signInAs(t.app, origin, colleague.email))).statusCode).toBe(403);
    const adminCookie = await signInAs(t.app, origin, admin.email);
    expect((await call('POST', `/api/staff/${admin.id}/mfa-reset`, adminCookie)).statusCode).toBe(403);
    expect(await t.database.db.selectFrom('account_totp').select('account_id').where('account_id', '=', staff.accountId).executeTakeFirst()).toBeDefined();
    expect((await call('POST', `/api/staff/${staff.id}/mfa-reset`, adminCookie)).statusCode).toBe(200);
    expect(await t.database.db.selectFrom('account_totp').select('account_id').where('account_id', '=', staff.accountId).executeTakeFirst()).toBeUndefined();
  });
});

describe("a client's app PIN on a remembered phone", () => {
  async function rememberedClient() {
    const practitioner = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
    const client = await makeClient(t.database.db, t.clock.now(), org.id, [practitioner.id]);
    return { client, practitioner, cookie: await signInAs(t.app, origin, client.email, { remember: true }) };
  }

  it('needs "remember this device", refuses easy PINs, and is for clients only', async () => {
    const { client, practitioner } = await rememberedClient();
    const browserSession = await signInAs(t.app, origin, client.email);
    expect((await call('PUT', '/api/auth/pin', browserSession, { pin: '2580' })).json().error.code).toBe('auth.pin_needs_remembered_device');
    const { cookie } = await rememberedClient();
    expect((await call('PUT', '/api/auth/pin', cookie, { pin: '1234' })).statusCode).toBe(400);
    expect((await call('PUT', '/api/auth/pin', cookie, { pin: '258' })).statusCode).toBe(400);
    expect((await call('PUT', '/api/auth/pin', await signInAs(t.app, origin, practitioner.email), { pin: '2580' })).statusCode).toBe(403);
  });

  it(`locks after ${appPinRules.lockAfterMs / 60_000} minutes unused; the PIN opens it; the lock hides everything else`, async () => {
    const { client, cookie } = await rememberedClient();
    expect((await call('PUT', '/api/auth/pin', cookie, { pin: '2580' })).statusCode).toBe(204);
    expect((await call('GET', '/api/me', cookie)).json().session.pinSet).toBe(true);
    t.clock.advance(appPinRules.lockAfterMs - 60_001);
    expect((await call('GET', '/api/me', cookie)).statusCode).toBe(200);
    t.clock.advance(appPinRules.lockAfterMs);
    const locked = await call('GET', '/api/me', cookie);
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.code).toBe('auth.locked');
    expect((await call('GET', `/api/clients/${client.id}/check-ins`, cookie)).json().error.code).toBe('auth.locked');
    const wrong = await call('POST', '/api/auth/pin/unlock', cookie, { pin: '1111' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('auth.wrong_pin');
    expect((await call('POST', '/api/auth/pin/unlock', cookie, { pin: '2580' })).statusCode).toBe(204);
    expect((await call('GET', '/api/me', cookie)).statusCode).toBe(200);
    expect((await audit('auth.unlock', client.accountId!)).map((r) => r.outcome)).toEqual(['failed', 'success']);
  });

  it(`ends the session after ${appPinRules.maxFailures} wrong PINs, checked even when the app locked itself first`, async () => {
    const { client, cookie } = await rememberedClient();
    await call('PUT', '/api/auth/pin', cookie, { pin: '2580' });
    // Not locked by the server yet: the PIN is still checked.
    for (let i = 1; i < appPinRules.maxFailures; i++) expect((await call('POST', '/api/auth/pin/unlock', cookie, { pin: '9999' })).statusCode).toBe(400);
    const last = await call('POST', '/api/auth/pin/unlock', cookie, { pin: '9999' });
    expect(last.statusCode).toBe(401);
    expect((await call('GET', '/api/me', cookie)).statusCode).toBe(401);
    // The password still works: nothing is lost.
    expect((await signIn(client.email)).statusCode).toBe(200);
  });

  it('a removed PIN no longer locks; sign-out works while locked', async () => {
    const { cookie } = await rememberedClient();
    await call('PUT', '/api/auth/pin', cookie, { pin: '2580' });
    expect((await call('DELETE', '/api/auth/pin', cookie)).statusCode).toBe(204);
    t.clock.advance(appPinRules.lockAfterMs * 2);
    expect((await call('GET', '/api/me', cookie)).statusCode).toBe(200);
    const other = await rememberedClient();
    await call('PUT', '/api/auth/pin', other.cookie, { pin: '2580' });
    t.clock.advance(appPinRules.lockAfterMs * 2);
    expect((await call('GET', '/api/me', other.cookie)).json().error.code).toBe('auth.locked');
    expect((await call('POST', '/api/auth/sign-out', other.cookie)).statusCode).toBe(204);
    expect((await call('POST', '/api/auth/pin/unlock', other.cookie, { pin: '2580' })).statusCode).toBe(401);
  });
});
