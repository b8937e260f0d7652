import { newId } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeStaff, signInAs } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { hashApiToken } from './api-tokens.service';

/** Service accounts and API tokens (decision 0041): made and revoked by admins, scoped, shown once. */

let t: TestApp;
let origin: string;
let org: Awaited<ReturnType<typeof makeOrganisation>>;
let otherOrg: Awaited<ReturnType<typeof makeOrganisation>>;
let admin: string;
let adminEmail: string;
let otherAdmin: string;
let practitioner: string;

beforeAll(async () => {
  t = await createTestApp();
  origin = t.config.publicOrigin;
  org = await makeOrganisation(t.database.db, t.clock.now());
  otherOrg = await makeOrganisation(t.database.db, t.clock.now());
  adminEmail = (await makeStaff(t.database.db, t.clock.now(), org.id, ['admin'])).email;
  admin = await signInAs(t.app, origin, adminEmail);
  otherAdmin = await signInAs(t.app, origin, (await makeStaff(t.database.db, t.clock.now(), otherOrg.id, ['admin'])).email);
  practitioner = await signInAs(t.app, origin, (await makeStaff(t.database.db, t.clock.now(), org.id, ['practitioner', 'supervisor'])).email);
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const asPerson = (cookie: string, method: Method, url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { origin, cookie }, ...(payload ? { payload } : {}) });
/** An integration's request: a bearer token, no Origin, no cookie (unless given). */
const asToken = (secret: string, method: Method, url: string, extra: { cookie?: string; payload?: object } = {}) =>
  t.app.inject({ method, url, headers: { authorization: `Bearer ${secret}`, ...(extra.cookie ? { cookie: extra.cookie } : {}) }, ...(extra.payload ? { payload: extra.payload } : {}) });

async function newServiceAccount(cookie = admin, name = `Record system ${newId(t.clock.now()).slice(-12)}`) {
  const res = await asPerson(cookie, 'POST', '/api/service-accounts', { id: newId(t.clock.now()), name });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string };
}

async function newToken(serviceAccountId: string, body: object = { scopes: ['fhir:read'] }, cookie = admin) {
  const res = await asPerson(cookie, 'POST', `/api/service-accounts/${serviceAccountId}/tokens`, { id: newId(t.clock.now()), ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; secret: string; hint: string; scopes: string[]; expiresAt: string; state: string };
}

describe('admins make and revoke tokens', () => {
  it('a token is shown once; the database keeps only its hash; lists never show a secret; all of it is audited', async () => {
    const account = await newServiceAccount();
    const token = await newToken(account.id, { scopes: ['fhir:read', 'measures:write'], days: 30 });
    expect(token.secret).toMatch(/^tandem_[A-Za-z0-9_-]{43}$/);
    expect(token.hint).toBe(token.secret.slice(7, 13));
    expect(token.state).toBe('active');
    expect(new Date(token.expiresAt).getTime() - t.clock.now().getTime()).toBe(30 * 86_400_000);

    const row = await t.database.db.selectFrom('api_token').selectAll().where('id', '=', token.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashApiToken(token.secret));
    expect(JSON.stringify(row)).not.toContain(token.secret.slice(7));

    const list = await asPerson(admin, 'GET', '/api/service-accounts');
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.body).not.toContain(token.secret.slice(7));
    const listed = list.json().serviceAccounts.find((a: { id: string }) => a.id === account.id);
    expect(listed.tokens).toEqual([expect.objectContaining({ id: token.id, hint: token.hint, scopes: ['fhir:read', 'measures:write'], state: 'active', lastUsedAt: null })]);

    const actions = await t.database.db.selectFrom('audit_event').select(['action', 'entity_id', 'details']).where('entity_id', 'in', [account.id, token.id]).orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['service_account.create', 'api_token.create']);
    expect(JSON.stringify(actions)).not.toContain(token.secret.slice(7));
  });

  it('a repeat of the same account is the same answer; the same token id again is refused, never showing the secret twice', async () => {
    const id = newId(t.clock.now());
    const first = await asPerson(admin, 'POST', '/api/service-accounts', { id, name: 'Repeat system' });
    const again = await asPerson(admin, 'POST', '/api/service-accounts', { id, name: 'Repeat system' });
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    expect((await asPerson(admin, 'POST', '/api/service-accounts', { id, name: 'Another name' })).json().error.code).toBe('write.id_conflict');
    const clash = await asPerson(admin, 'POST', '/api/service-accounts', { id: newId(t.clock.now()), name: 'Repeat system' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('service_account.name_taken');

    const tokenId = newId(t.clock.now());
    expect((await asPerson(admin, 'POST', `/api/service-accounts/${id}/tokens`, { id: tokenId, scopes: ['exports:read'] })).statusCode).toBe(201);
    const repeat = await asPerson(admin, 'POST', `/api/service-accounts/${id}/tokens`, { id: tokenId, scopes: ['exports:read'] });
    expect(repeat.statusCode).toBe(409);
    expect(repeat.body).not.toContain('tandem_');
  });

  it.each([
    ['no scope', { scopes: [] }, 'body/scopes'],
    ['an unknown scope', { scopes: ['research:read'] }, 'body/scopes/0'],
    ['a scope twice', { scopes: ['fhir:read', 'fhir:read'] }, 'body/scopes'],
    ['0 days', { scopes: ['fhir:read'], days: 0 }, 'body/days'],
    ['more than a year', { scopes: ['fhir:read'], days: 366 }, 'body/days'],
  ])('refuses a token with %s, naming the field, and makes nothing', async (_label, body, path) => {
    const account = await newServiceAccount();
    const res = await asPerson(admin, 'POST', `/api/service-accounts/${account.id}/tokens`, { id: newId(t.clock.now()), ...body });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await t.database.db.selectFrom('api_token').select('id').where('service_account_id', '=', account.id).execute()).toEqual([]);
  });

  it('a token may last exactly a year', async () => {
    const account = await newServiceAccount();
    const token = await newToken(account.id, { scopes: ['fhir:read'], days: 365 });
    expect(new Date(token.expiresAt).getTime() - t.clock.now().getTime()).toBe(365 * 86_400_000);
  });

  it('only an admin of the same organisation: another organisation’s admin and a practitioner are refused, the owner admin’s identical requests work', async () => {
    const account = await newServiceAccount();
    const token = await newToken(account.id);
    const tokenBody = { id: newId(t.clock.now()), scopes: ['fhir:read'] };

    const foreignMake = await asPerson(otherAdmin, 'POST', `/api/service-accounts/${account.id}/tokens`, tokenBody);
    expect(foreignMake.statusCode).toBe(404);
    const foreignRevoke = await asPerson(otherAdmin, 'DELETE', `/api/service-accounts/${account.id}/tokens/${token.id}`);
    expect(foreignRevoke.statusCode).toBe(404);
    const foreignList = await asPerson(otherAdmin, 'GET', '/api/service-accounts');
    expect(foreignList.statusCode).toBe(200);
    expect(foreignList.body).not.toContain(account.id);
    for (const [method, url, body] of [
      ['GET', '/api/service-accounts', undefined],
      ['POST', '/api/service-accounts', { id: newId(t.clock.now()), name: 'Not mine' }],
      ['POST', `/api/service-accounts/${account.id}/tokens`, tokenBody],
      ['DELETE', `/api/service-accounts/${account.id}/tokens/${token.id}`, undefined],
    ] as const) {
      const refused = await asPerson(practitioner, method, url, body);
      expect(refused.statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await t.database.db.selectFrom('api_token').select('revoked_at').where('id', '=', token.id).executeTakeFirstOrThrow()).revoked_at).toBeNull();

    expect((await asPerson(admin, 'POST', `/api/service-accounts/${account.id}/tokens`, tokenBody)).statusCode).toBe(201);
    expect((await asPerson(admin, 'DELETE', `/api/service-accounts/${account.id}/tokens/${token.id}`)).statusCode).toBe(200);
  });
});

describe('a token at the door', () => {
  it('a good token on a route that takes no token is refused 403, even a POST without Origin, and a cookie beside it is never used', async () => {
    const account = await newServiceAccount();
    const token = await newToken(account.id, { scopes: ['fhir:read', 'measures:write', 'exports:read'] });
    const read = await asToken(token.secret, 'GET', '/api/me');
    expect(read.statusCode).toBe(403);
    expect(read.json().error.code).toBe('auth.token_not_accepted');
    const write = await asToken(token.secret, 'POST', '/api/service-accounts', { payload: { id: newId(t.clock.now()), name: 'By token' } });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('auth.token_not_accepted');
    // An admin's cookie beside the token: the request is the token's alone.
    const withCookie = await asToken(token.secret, 'GET', '/api/service-accounts', { cookie: admin });
    expect(withCookie.statusCode).toBe(403);
    expect(withCookie.json().error.code).toBe('auth.token_not_accepted');
    // Public routes stay public.
    expect((await asToken(token.secret, 'GET', '/api/health')).statusCode).toBe(200);
  });

  it.each([
    ['a malformed header', (s: string) => `Token ${s}`],
    ['a malformed secret', () => 'Bearer tandem_short'],
    ['an unknown secret', () => `Bearer tandem_${'A'.repeat(43)}`],
  ])('%s is answered 401 with WWW-Authenticate, even on a public route', async (_label, header) => {
    const account = await newServiceAccount();
    const token = await newToken(account.id);
    for (const url of ['/api/me', '/api/health']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { authorization: header(token.secret) } });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('auth.token_invalid');
      expect(res.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    }
  });

  it('a revoked token stops at once; revoking again changes nothing', async () => {
    const account = await newServiceAccount();
    const token = await newToken(account.id);
    expect((await asToken(token.secret, 'GET', '/api/me')).json().error.code).toBe('auth.token_not_accepted');
    const revoked = await asPerson(admin, 'DELETE', `/api/service-accounts/${account.id}/tokens/${token.id}`);
    expect(revoked.json()).toMatchObject({ id: token.id, state: 'revoked' });
    expect((await asToken(token.secret, 'GET', '/api/me')).json().error.code).toBe('auth.token_invalid');
    const again = await asPerson(admin, 'DELETE', `/api/service-accounts/${account.id}/tokens/${token.id}`);
    expect(again.json()).toEqual(revoked.json());
    const audits = await t.database.db.selectFrom('audit_event').select('action').where('entity_id', '=', token.id).where('action', '=', 'api_token.revoke').execute();
    expect(audits).toHaveLength(1);
  });

  it('a token works until the moment it expires, not after; its last use is kept to the minute', async () => {
    const account = await newServiceAccount();
    const token = await newToken(account.id, { scopes: ['fhir:read'], days: 1 });
    const lastUsed = async () => (await t.database.db.selectFrom('api_token').select('last_used_at').where('id', '=', token.id).executeTakeFirstOrThrow()).last_used_at;
    await asToken(token.secret, 'GET', '/api/me');
    const first = await lastUsed();
    expect(first?.getTime()).toBe(t.clock.now().getTime());
    t.clock.advance(30_000);
    await asToken(token.secret, 'GET', '/api/me');
    expect((await lastUsed())?.getTime()).toBe(first?.getTime());
    t.clock.advance(86_400_000 - 30_001);
    expect((await asToken(token.secret, 'GET', '/api/me')).json().error.code).toBe('auth.token_not_accepted');
    expect((await lastUsed())?.getTime()).toBe(t.clock.now().getTime());
    t.clock.advance(1);
    expect((await asToken(token.secret, 'GET', '/api/me')).json().error.code).toBe('auth.token_invalid');
    // A day on, the admin signs in again to see it.
    const laterAdmin = await signInAs(t.app, origin, adminEmail);
    const listed = (await asPerson(laterAdmin, 'GET', '/api/service-accounts')).json().serviceAccounts.find((a: { id: string }) => a.id === account.id);
    expect(listed.tokens[0].state).toBe('expired');
  });
});

describe('the OpenAPI document', () => {
  it('describes the session and the API token, and no route takes a token without naming its scope', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie' });
    expect(doc.paths['/api/service-accounts'].get.security).toEqual([{ session: [] }]);
    for (const route of t.app.apiRoutes.filter((r) => r.tokenScope)) {
      const operation = doc.paths[route.url.replace(/:(\w+)/g, '{$1}')][route.method.toLowerCase()];
      expect(operation.security, `${route.method} ${route.url}`).toEqual([{ session: [] }, { apiToken: [route.tokenScope] }]);
    }
  });
});
