import { expect } from 'vitest';
import { makeStaff, testPassword, testTotpSecret, totpCodeAt } from '../../test/factories';
import { origin, send, t, w, type Person, type RouteCase } from './world';

/**
 * The routes of two-step sign-in and the app PIN (decision 0035). Each is about the caller's own
 * account or session, so each caller's request is made on their own: a fresh code from their own
 * app, their own half-way session, their own remembered phone. Someone else's account can be
 * reached only through an admin's reset, by staff id.
 */

async function accountOf(who: Person): Promise<string> {
  return (await t.database.db.selectFrom('account').select('id').where('email', '=', who!.email).executeTakeFirstOrThrow()).id;
}

/** Makes sure `who` has two-step sign-in set up, and answers a code their app shows now (not yet used). */
async function freshCode(who: Person): Promise<string> {
  const accountId = await accountOf(who);
  const now = t.clock.now();
  await t.database.db
    .insertInto('account_totp')
    .values({ account_id: accountId, secret: testTotpSecret, confirmed_at: now, last_used_step: null, created_at: now })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ secret: testTotpSecret, confirmed_at: now, last_used_step: null }))
    .execute();
  return totpCodeAt(testTotpSecret, now);
}

/** Takes `who`'s two-step sign-in away, so they can set it up again. Their sessions go on. */
async function notSetUp(who: Person): Promise<void> {
  const accountId = await accountOf(who);
  await t.database.db.deleteFrom('account_recovery_code').where('account_id', '=', accountId).execute();
  await t.database.db.deleteFrom('account_totp').where('account_id', '=', accountId).execute();
}

const cookieFrom = (res: { cookies: { name: string; value: string }[] }) => `tandem_session=${res.cookies.find((c) => c.name === 'tandem_session')!.value}`;

async function signInWithPassword(who: Person, remember = false) {
  return t.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { origin }, payload: { email: who!.email, password: testPassword, remember } });
}

/** A remembered session of a client's own (a PIN needs one); staff and nobody use their usual session. */
async function rememberedSession(who: Person): Promise<string | undefined> {
  if (!who) return undefined;
  const account = await t.database.db.selectFrom('account').select('actor_type').where('email', '=', who.email).executeTakeFirstOrThrow();
  if (account.actor_type !== 'client') return undefined;
  await notSetUp(who);
  const res = await signInWithPassword(who, true);
  expect(res.statusCode).toBe(200);
  return cookieFrom(res);
}

/**
 * Single sign-on (decision 0036) is not set up in the walk's app: its two legs answer 404 to
 * everyone alike, which is what the walk checks here (no 500, no difference by caller).
 * `modules/sso/sso.test.ts` walks them set up, against a real provider on loopback.
 */
const notSetUp404 = (res: { json: () => { error?: { code?: string } } }) => expect(res.json().error?.code).toBe('request.not_found');

export const twoStepCases: Record<string, RouteCase> = {
  'GET /api/auth/options': {
    who: 'public',
    own: () => [{ as: null, method: 'GET', url: '/api/auth/options', check: (res) => expect(res.json()).toEqual({ sso: null }) }],
    foreign: { none: 'no client data: whether single sign-on is set up, and its label' },
  },
  'GET /api/auth/oidc/start': {
    who: 'public',
    own: () => [{ as: null, method: 'GET', url: '/api/auth/oidc/start', okStatuses: [404], check: notSetUp404 }],
    foreign: { none: 'no client data: a redirect to the provider, or 404 when not set up' },
  },
  'GET /api/auth/oidc/callback': {
    who: 'public',
    own: () => [{ as: null, method: 'GET', url: '/api/auth/oidc/callback?code=x&state=y', okStatuses: [404], check: notSetUp404 }],
    foreign: { none: 'needs the browser’s own attempt cookie and the provider’s answer (sso.test.ts)' },
  },
  'GET /api/auth/mfa': {
    who: 'self',
    own: () => [{ as: w.p1, method: 'GET', url: '/api/auth/mfa', check: (res) => expect(res.json()).toMatchObject({ enrolled: true, required: true }) }],
    foreign: { none: 'answers for the caller’s own account only; no id can be given' },
  },
  'POST /api/auth/mfa/verify': {
    who: 'self',
    own: async (by = w.c1) => {
      if (!by) return [{ as: null, method: 'POST', url: '/api/auth/mfa/verify', payload: { code: '123456' } }];
      const code = await freshCode(by);
      const half = await signInWithPassword(by);
      expect(half.statusCode).toBe(202);
      return [{ as: by, cookie: cookieFrom(half), method: 'POST', url: '/api/auth/mfa/verify', payload: { code } }];
    },
    foreign: () => [
      // A signed-in session has no code to enter, even the right one: the step belongs to a half-way session.
      { as: w.p2, method: 'POST', url: '/api/auth/mfa/verify', payload: { code: totpCodeAt(testTotpSecret, t.clock.now()) } },
    ],
  },
  'POST /api/auth/mfa/enrolment': {
    who: 'self',
    own: async (by = w.c1) => {
      if (by) await notSetUp(by);
      return [{ as: by, method: 'POST', url: '/api/auth/mfa/enrolment', check: (res) => expect(res.json().qr.length).toBeGreaterThan(20) }];
    },
    foreign: { none: 'a new secret for the caller’s own account only; no id can be given' },
  },
  'POST /api/auth/mfa/enrolment/confirm': {
    who: 'self',
    own: async (by = w.c1) => {
      if (!by) return [{ as: null, method: 'POST', url: '/api/auth/mfa/enrolment/confirm', payload: { code: '123456' } }];
      await notSetUp(by);
      const started = await send({ as: by, method: 'POST', url: '/api/auth/mfa/enrolment' });
      expect(started.statusCode).toBe(200);
      const code = totpCodeAt(started.json().secret as string, t.clock.now());
      return [{ as: by, method: 'POST', url: '/api/auth/mfa/enrolment/confirm', payload: { code }, check: (res) => expect(res.json().recoveryCodes).toHaveLength(10) }];
    },
    foreign: { none: 'confirms the caller’s own set-up only; no id can be given' },
  },
  'POST /api/auth/mfa/recovery-codes': {
    who: 'self',
    own: async (by = w.p1) => [{ as: by, method: 'POST', url: '/api/auth/mfa/recovery-codes', payload: { code: by ? await freshCode(by) : '123456' } }],
    foreign: { none: 'renews the caller’s own codes only, with a code from their own app' },
  },
  'POST /api/auth/mfa/turn-off': {
    who: 'clientDevice',
    own: async (by = w.c1) => [{ as: by, method: 'POST', url: '/api/auth/mfa/turn-off', payload: { code: by ? await freshCode(by) : '123456' }, refusedWith: [409] }],
    foreign: { none: 'turns off the caller’s own two-step sign-in only; staff cannot (409)' },
  },
  'POST /api/staff/:staffId/mfa-reset': {
    who: 'staffAdmin',
    own: async () => {
      const target = await makeStaff(t.database.db, t.clock.now(), w.a.id, ['practitioner']);
      return [{ as: w.admin, method: 'POST', url: `/api/staff/${target.id}/mfa-reset` }];
    },
    foreign: () => [
      // Organisation B's admin on Organisation A's staff, and an admin on their own.
      { as: w.adminB, method: 'POST', url: `/api/staff/${w.p1.id}/mfa-reset` },
      { as: w.admin, method: 'POST', url: `/api/staff/${w.admin.id}/mfa-reset` },
    ],
  },
  'PUT /api/auth/pin': {
    who: 'clientDevice',
    own: async (by = w.c1) => [{ as: by, cookie: await rememberedSession(by), method: 'PUT', url: '/api/auth/pin', payload: { pin: '2580' } }],
    foreign: { none: 'the caller’s own session only; no id can be given' },
  },
  'DELETE /api/auth/pin': {
    who: 'clientDevice',
    own: async (by = w.c1) => [{ as: by, cookie: await rememberedSession(by), method: 'DELETE', url: '/api/auth/pin' }],
    foreign: { none: 'the caller’s own session only; no id can be given' },
  },
  'POST /api/auth/pin/unlock': {
    who: 'clientDevice',
    own: async (by = w.c1) => {
      const cookie = await rememberedSession(by);
      if (cookie) expect((await send({ as: by, cookie, method: 'PUT', url: '/api/auth/pin', payload: { pin: '2580' } })).statusCode).toBe(204);
      return [{ as: by, cookie, method: 'POST', url: '/api/auth/pin/unlock', payload: { pin: '2580' } }];
    },
    foreign: { none: 'opens the caller’s own session only; no id can be given' },
  },
};
