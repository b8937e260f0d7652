import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../../config/config';
import { createTestApp, type TestApp } from '../../test/test-app';
import { makeClient, makeOrganisation, makeStaff, testTotpSecret, totpCodeAt } from '../../test/factories';
import { startTestProvider, type ProviderUser, type TestProvider } from './test-provider';

/**
 * Staff single sign-on, end to end (decision 0036): Tandem in process on its own real database, a
 * real OpenID Connect provider (oidc-provider) on a loopback port, and the whole code flow driven
 * by hand — Tandem's redirect, the provider's sign-in page, its redirect back, Tandem's callback.
 */

let provider: TestProvider;
let t: TestApp;
let org: Awaited<ReturnType<typeof makeOrganisation>>;
let seq = 0;

const callbackPath = '/api/auth/oidc/callback';

beforeAll(async () => {
  provider = await startTestProvider();
  provider.registerClient(`http://localhost:3000${callbackPath}`);
  t = await createTestApp({
    env: {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_LABEL: 'NHSmail',
      OIDC_TRUSTS_PROVIDER_MFA: 'true',
    },
  });
  org = await makeOrganisation(t.database.db, t.clock.now());
});
afterAll(async () => {
  await t?.close();
  await provider?.close();
});

/** A person at the provider, under a fresh sign-in name. */
function atProvider(user: Omit<ProviderUser, 'subject'> & { subject?: string }): string {
  const login = `person-${++seq}`;
  provider.users.set(login, { subject: user.subject ?? `subject-${seq}`, ...user });
  return login;
}

/** One browser's cookies at one site. */
class Jar {
  private cookies = new Map<string, string>();
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  take(setCookies: string[]) {
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      const gone = value === '' || attributes.some((a) => /max-age=0/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()));
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  get(name: string) {
    return this.cookies.get(name);
  }
}

/** A browser: its cookies at Tandem and at the provider. */
function browser() {
  return { tandem: new Jar(), provider: new Jar() };
}
type Browser = ReturnType<typeof browser>;

async function tandemGet(b: Browser, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: b.tandem.header() } });
  const setCookie = res.headers['set-cookie'];
  b.tandem.take(setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie]);
  return res;
}

async function providerFetch(b: Browser, url: string, init: { method?: string; body?: string } = {}) {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    redirect: 'manual',
    headers: { cookie: b.provider.header(), ...(init.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    body: init.body,
  });
  b.provider.take(res.headers.getSetCookie());
  return res;
}

/**
 * Clicks "Sign in with …" in browser `b` and signs in at the provider as `login`. Answers the
 * address the provider sends the browser back to (Tandem's callback), not yet followed.
 */
async function throughProvider(b: Browser, login: string): Promise<string> {
  const start = await tandemGet(b, '/api/auth/oidc/start');
  expect(start.statusCode).toBe(302);
  let location = start.headers.location as string;
  expect(location.startsWith(`${provider.issuer}/`)).toBe(true);
  for (let hops = 0; hops < 10; hops++) {
    if (location.startsWith(`http://localhost:3000${callbackPath}`)) return location;
    const url = new URL(location, provider.issuer).href;
    let res = await providerFetch(b, url);
    if (res.status === 200) {
      const page = await res.text();
      const action = /action="([^"]+)"/.exec(page)![1]!;
      res = await providerFetch(b, new URL(action, provider.issuer).href, { method: 'POST', body: new URLSearchParams({ login }).toString() });
    }
    expect([302, 303]).toContain(res.status);
    location = res.headers.get('location')!;
  }
  throw new Error('the provider did not send the browser back');
}

/** Follows the provider's redirect back to Tandem in browser `b`. */
async function backToTandem(b: Browser, callbackUrl: string) {
  const url = new URL(callbackUrl);
  return tandemGet(b, url.pathname + url.search);
}

async function signInWithSso(b: Browser, login: string) {
  return backToTandem(b, await throughProvider(b, login));
}

const me = (b: Browser) => tandemGet(b, '/api/me');

async function auditRows(accountId: string) {
  return t.database.db
    .selectFrom('audit_event')
    .select(['action', 'outcome', 'details'])
    .where('entity_id', '=', accountId)
    .orderBy('seq')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details })));
}

describe('staff single sign-on with OpenID Connect', () => {
  it('tells the sign-in page which provider to offer', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/options' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sso: { label: 'NHSmail' } });
  });

  it('signs in staff whose provider says their email is verified and did a second step, and records the link', async () => {
    const staff = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
    const login = atProvider({ email: staff.email.toUpperCase(), emailVerified: true, amr: ['pwd', 'mfa'] });
    const b = browser();
    const res = await signInWithSso(b, login);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/staff/');
    expect(res.headers['cache-control']).toBe('no-store');
    const session = res.cookies.find((c) => c.name === 'tandem_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session.maxAge).toBeUndefined();
    // The attempt's cookie is gone, and so is its row.
    expect(b.tandem.get('tandem_oidc')).toBeUndefined();
    expect(await t.database.db.selectFrom('oidc_attempt').selectAll().execute()).toEqual([]);

    const who = await me(b);
    expect(who.statusCode).toBe(200);
    expect(who.json().actor).toMatchObject({ type: 'staff', staffId: staff.id });

    const link = await t.database.db.selectFrom('account_oidc_link').selectAll().where('account_id', '=', staff.accountId).executeTakeFirstOrThrow();
    expect(link).toMatchObject({ issuer: provider.issuer, subject: provider.users.get(login)!.subject });
    expect(await auditRows(staff.accountId)).toEqual([
      { action: 'auth.oidc_linked', outcome: 'success', details: { issuer: provider.issuer } },
      { action: 'auth.sign_in', outcome: 'success', details: { method: 'oidc', secondStep: 'provider' } },
    ]);
  });

  it("asks for Tandem's own code when the provider did not say it used more than one factor, then signs in", async () => {
    const staff = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
    const b = browser();
    const res = await signInWithSso(b, atProvider({ email: staff.email, emailVerified: true, amr: ['pwd'] }));
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/staff/?step=mfa');
    // Half signed in: nothing of Tandem opens until the code is given.
    expect((await me(b)).statusCode).toBe(401);
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/auth/mfa/verify',
      headers: { origin: t.config.publicOrigin, cookie: b.tandem.header() },
      payload: { code: totpCodeAt(testTotpSecret, t.clock.now()) },
    });
    expect(verified.statusCode).toBe(200);
    b.tandem.take([].concat(verified.headers['set-cookie'] as never));
    const who = await me(b);
    expect(who.statusCode).toBe(200);
    expect(who.json().actor).toMatchObject({ type: 'staff', staffId: staff.id });
    expect(await auditRows(staff.accountId)).toContainEqual({ action: 'auth.first_factor', outcome: 'success', details: { method: 'oidc', next: 'mfa' } });
  });

  it('sends staff who have not set up an authenticator app to set one up first', async () => {
    const staff = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner'], { twoStep: false });
    const b = browser();
    const res = await signInWithSso(b, atProvider({ email: staff.email, emailVerified: true }));
    expect(res.headers.location).toBe('/staff/?step=enrol');
    expect(b.tandem.get('tandem_session')).toBeDefined();
    expect((await me(b)).statusCode).toBe(401);
  });

  it.each([
    ['an email the provider has not verified', 'unverified', async () => makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']).then((s) => ({ email: s.email, accountId: s.accountId, verified: false }))],
    ["a client's email", 'no_account', async () => makeClient(t.database.db, t.clock.now(), org.id, []).then((c) => ({ email: c.email, accountId: c.accountId!, verified: true }))],
    ['a disabled staff account', 'no_account', async () => makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner'], { status: 'disabled' }).then((s) => ({ email: s.email, accountId: s.accountId, verified: true }))],
  ])('refuses %s, says why in plain words on the sign-in page, and audits it', async (_name, reason, make) => {
    const person = await make();
    const b = browser();
    const res = await signInWithSso(b, atProvider({ email: person.email, emailVerified: person.verified, amr: ['mfa'] }));
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`/staff/?sso=${reason}`);
    expect(b.tandem.get('tandem_session')).toBeUndefined();
    expect((await me(b)).statusCode).toBe(401);
    expect(await auditRows(person.accountId)).toEqual([{ action: 'auth.sign_in', outcome: 'failed', details: { method: 'oidc', reason } }]);
    expect(await t.database.db.selectFrom('account_oidc_link').selectAll().where('account_id', '=', person.accountId).execute()).toEqual([]);
  });

  it('refuses an email no one has here, and makes no account', async () => {
    const email = `nobody-${Date.now()}@example.test`;
    const b = browser();
    const res = await signInWithSso(b, atProvider({ email, emailVerified: true, amr: ['mfa'] }));
    expect(res.headers.location).toBe('/staff/?sso=no_account');
    expect(await t.database.db.selectFrom('account').select('id').where('email', '=', email).execute()).toEqual([]);
  });

  it('refuses someone else who now has the address at the provider once the account is linked', async () => {
    const staff = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
    const first = await signInWithSso(browser(), atProvider({ email: staff.email, emailVerified: true, amr: ['mfa'] }));
    expect(first.headers.location).toBe('/staff/');
    // The address moves to a different person (a different subject) at the same provider.
    const b = browser();
    const res = await signInWithSso(b, atProvider({ email: staff.email, emailVerified: true, amr: ['mfa'] }));
    expect(res.headers.location).toBe('/staff/?sso=other_person');
    expect(b.tandem.get('tandem_session')).toBeUndefined();
    expect((await auditRows(staff.accountId)).at(-1)).toEqual({ action: 'auth.sign_in', outcome: 'failed', details: { method: 'oidc', reason: 'other_person' } });
  });

  it("refuses a linked subject that now carries a colleague's address", async () => {
    const pat = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
    const sam = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
    const login = atProvider({ email: pat.email, emailVerified: true, amr: ['mfa'] });
    expect((await signInWithSso(browser(), login)).headers.location).toBe('/staff/');
    provider.users.get(login)!.email = sam.email;
    const res = await signInWithSso(browser(), login);
    expect(res.headers.location).toBe('/staff/?sso=other_person');
  });

  describe('the attempt belongs to one browser, once, for 10 minutes', () => {
    it('refuses the same answer brought back twice', async () => {
      const staff = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
      const b = browser();
      const callback = await throughProvider(b, atProvider({ email: staff.email, emailVerified: true, amr: ['mfa'] }));
      const attemptCookie = b.tandem.get('tandem_oidc')!;
      expect((await backToTandem(b, callback)).headers.location).toBe('/staff/');
      const replay = browser();
      replay.tandem.take([`tandem_oidc=${attemptCookie}`]);
      expect((await backToTandem(replay, callback)).headers.location).toBe('/staff/?sso=expired');
      expect(replay.tandem.get('tandem_session')).toBeUndefined();
    });

    it("refuses an answer opened in another browser (no attempt cookie, or that browser's own)", async () => {
      const staff = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
      const login = atProvider({ email: staff.email, emailVerified: true, amr: ['mfa'] });
      const victim = browser();
      const callback = await throughProvider(victim, login);
      // Another browser with no attempt of its own.
      const other = browser();
      expect((await backToTandem(other, callback)).headers.location).toBe('/staff/?sso=expired');
      // Another browser that started its own attempt: the states do not match.
      const attacker = browser();
      await tandemGet(attacker, '/api/auth/oidc/start');
      expect(attacker.tandem.get('tandem_oidc')).toBeDefined();
      const res = await backToTandem(attacker, callback);
      expect(res.headers.location).toBe('/staff/?sso=failed');
      expect(attacker.tandem.get('tandem_session')).toBeUndefined();
      expect(await auditRows(staff.accountId)).toEqual([]);
    });

    it('refuses an answer whose state was changed', async () => {
      const staff = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
      const b = browser();
      const callback = new URL(await throughProvider(b, atProvider({ email: staff.email, emailVerified: true, amr: ['mfa'] })));
      callback.searchParams.set('state', 'not-the-state-we-sent');
      const res = await backToTandem(b, callback.href);
      expect(res.headers.location).toBe('/staff/?sso=failed');
      expect(b.tandem.get('tandem_session')).toBeUndefined();
    });

    it('refuses an attempt older than 10 minutes', async () => {
      const staff = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
      const b = browser();
      const callback = await throughProvider(b, atProvider({ email: staff.email, emailVerified: true, amr: ['mfa'] }));
      t.clock.advance(10 * 60_000);
      const res = await backToTandem(b, callback);
      expect(res.headers.location).toBe('/staff/?sso=expired');
      expect(b.tandem.get('tandem_session')).toBeUndefined();
    });

    it('refuses when the provider says no (the person cancelled)', async () => {
      const b = browser();
      await tandemGet(b, '/api/auth/oidc/start');
      const res = await tandemGet(b, `${callbackPath}?error=access_denied&state=whatever`);
      expect(res.headers.location).toBe('/staff/?sso=failed');
      expect(b.tandem.get('tandem_oidc')).toBeUndefined();
    });
  });

  it('sets the attempt cookie HttpOnly, SameSite=Lax, for 10 minutes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    expect(res.cookies.find((c) => c.name === 'tandem_oidc')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 600 });
    const location = new URL(res.headers.location as string);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      client_id: provider.clientId,
      redirect_uri: `http://localhost:3000${callbackPath}`,
      response_type: 'code',
      code_challenge_method: 'S256',
      scope: 'openid email',
    });
  });
});

describe('without single sign-on configured', () => {
  let plain: TestApp;
  beforeAll(async () => {
    plain = await createTestApp();
  });
  afterAll(() => plain?.close());

  it('offers no button, and its routes answer 404', async () => {
    expect((await plain.app.inject({ method: 'GET', url: '/api/auth/options' })).json()).toEqual({ sso: null });
    expect((await plain.app.inject({ method: 'GET', url: '/api/auth/oidc/start' })).statusCode).toBe(404);
    expect((await plain.app.inject({ method: 'GET', url: `${callbackPath}?code=x&state=y` })).statusCode).toBe(404);
  });
});

describe('with the provider out of reach', () => {
  let cut: TestApp;
  beforeAll(async () => {
    // Port 1 on loopback: nothing answers.
    cut = await createTestApp({ env: { OIDC_ISSUER: 'http://127.0.0.1:1', OIDC_CLIENT_ID: 'tandem', OIDC_CLIENT_SECRET: 'secret' } });
  });
  afterAll(() => cut?.close());

  it('sends the person back to the sign-in page with a plain message, and keeps nothing', async () => {
    const res = await cut.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/staff/?sso=failed');
    expect(res.cookies.find((c) => c.name === 'tandem_oidc')).toBeUndefined();
    expect(await cut.database.db.selectFrom('oidc_attempt').selectAll().execute()).toEqual([]);
    expect(cut.logs()).toContain('the provider could not be reached');
  });
});

describe('single sign-on configuration', () => {
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env, '/srv/tandem');
      return [];
    } catch (error) {
      if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
      throw error;
    }
  };
  const all = { OIDC_ISSUER: 'https://login.example.org/', OIDC_CLIENT_ID: 'tandem', OIDC_CLIENT_SECRET: 's3cret' };

  it('takes the issuer, client id and secret together, with the redirect URI on the public origin', () => {
    const config = loadConfig({ ...all, PUBLIC_ORIGIN: 'https://tandem.example.org', OIDC_LABEL: 'NHSmail' }, '/srv/tandem');
    expect(config.oidc).toEqual({
      issuer: 'https://login.example.org/',
      clientId: 'tandem',
      clientSecret: 's3cret',
      label: 'NHSmail',
      trustsProviderMfa: false,
      redirectUri: 'https://tandem.example.org/api/auth/oidc/callback',
    });
    expect(loadConfig({}, '/srv/tandem').oidc).toBeNull();
  });

  it.each([
    [{ OIDC_ISSUER: all.OIDC_ISSUER }, ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET']],
    [{ OIDC_ISSUER: all.OIDC_ISSUER, OIDC_CLIENT_ID: 'tandem' }, ['OIDC_CLIENT_SECRET']],
    [{ OIDC_CLIENT_SECRET: 's' }, ['OIDC_ISSUER', 'OIDC_CLIENT_ID']],
    [{ ...all, OIDC_ISSUER: 'http://login.example.org' }, ['OIDC_ISSUER']],
    [{ ...all, OIDC_ISSUER: 'not a url' }, ['OIDC_ISSUER']],
    [{ ...all, OIDC_TRUSTS_PROVIDER_MFA: 'yes' }, ['OIDC_TRUSTS_PROVIDER_MFA']],
  ])('refuses %j, naming %j', (env, variables) => {
    expect(problems(env)).toEqual(variables);
  });

  it('allows plain http only for a provider on this machine (tests)', () => {
    expect(problems({ ...all, OIDC_ISSUER: 'http://127.0.0.1:4000' })).toEqual([]);
  });
});

describe('a provider that keeps the email out of the ID token', () => {
  let saved: { t: TestApp; provider: TestProvider };
  beforeAll(async () => {
    saved = { t, provider };
    provider = await startTestProvider({ emailInIdToken: false });
    provider.registerClient(`http://localhost:3000${callbackPath}`);
    t = await createTestApp({ env: { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret, OIDC_TRUSTS_PROVIDER_MFA: 'true' } });
    org = await makeOrganisation(t.database.db, t.clock.now());
  });
  afterAll(async () => {
    await t?.close();
    await provider?.close();
    ({ t, provider } = saved);
  });

  it('reads the email from the user info endpoint, and still needs it verified', async () => {
    const staff = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
    const b = browser();
    const res = await signInWithSso(b, atProvider({ email: staff.email, emailVerified: true, amr: ['mfa'] }));
    expect(res.headers.location).toBe('/staff/');
    expect((await me(b)).json().actor).toMatchObject({ staffId: staff.id });
    const other = await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner']);
    const refused = await signInWithSso(browser(), atProvider({ email: other.email, emailVerified: false, amr: ['mfa'] }));
    expect(refused.headers.location).toBe('/staff/?sso=unverified');
  });
});
