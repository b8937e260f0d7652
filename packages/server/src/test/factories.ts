import { randomBytes } from 'node:crypto';
import { apiTokenRules, newId, type ApiTokenScope, type Clock, type StaffRole } from '@tandem/domain';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { generateSync } from 'otplib';
import type { Schema } from '../db/schema';
import { hashApiToken } from '../modules/api-tokens/api-tokens.service';
import { hashPassword } from '../modules/auth/secrets';

/**
 * Typed factories for real rows in the test database (no JSON fixtures, no mocks). People made
 * here can sign in through the real API with `testPassword`.
 */
export const testPassword = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
const hashed = () => (passwordHash ??= hashPassword(testPassword));

/**
 * The authenticator secret of every member of staff made here (staff must use two-step sign-in:
 * decision 0035). Tests of two-step sign-in itself make their own.
 */
export const testTotpSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The code an authenticator app holding `secret` shows at `at`. */
export function totpCodeAt(secret: string, at: Date): string {
  return generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/** The database and clock behind each test app, so `signInAs` can finish a two-step sign-in. */
const testApps = new WeakMap<FastifyInstance, { db: Kysely<Schema>; clock: Clock }>();
export function registerTestApp(app: FastifyInstance, parts: { db: Kysely<Schema>; clock: Clock }) {
  testApps.set(app, parts);
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function makeOrganisation(db: Kysely<Schema>, at: Date, name = `Org ${unique()}`) {
  const id = newId(at);
  await db.insertInto('organisation').values({ id, name, time_zone: 'Europe/London', created_at: at }).execute();
  const siteId = newId(at);
  await db.insertInto('site').values({ id: siteId, organisation_id: id, name: `${name} main site`, created_at: at }).execute();
  return { id, name, siteId };
}

export async function makeStaff(
  db: Kysely<Schema>,
  at: Date,
  organisationId: string,
  roles: StaffRole[],
  options: { name?: string; supervisorId?: string; status?: 'active' | 'invited' | 'disabled'; twoStep?: boolean } = {},
) {
  const id = newId(at);
  const email = `staff-${unique()}@example.test`;
  const displayName = options.name ?? `Staff ${unique()}`;
  await db
    .insertInto('staff')
    .values({ id, organisation_id: organisationId, display_name: displayName, roles, created_at: at, updated_at: at })
    .execute();
  const accountId = newId(at);
  await db
    .insertInto('account')
    .values({
      id: accountId,
      organisation_id: organisationId,
      actor_type: 'staff',
      staff_id: id,
      client_id: null,
      email,
      password_hash: await hashed(),
      status: options.status ?? 'active',
      created_at: at,
      updated_at: at,
      activated_at: at,
    })
    .execute();
  if (options.twoStep !== false) {
    await db.insertInto('account_totp').values({ account_id: accountId, secret: testTotpSecret, confirmed_at: at, last_used_step: null, created_at: at }).execute();
  }
  if (options.supervisorId) {
    await db
      .insertInto('supervision')
      .values({ supervisor_id: options.supervisorId, practitioner_id: id, organisation_id: organisationId, created_at: at })
      .execute();
  }
  return { id, accountId, email, displayName, organisationId, roles };
}

export async function makeClient(
  db: Kysely<Schema>,
  at: Date,
  organisationId: string,
  careTeam: string[],
  options: { account?: 'active' | 'none'; dateOfBirth?: string; nhsNumber?: string | null; givenName?: string; familyName?: string } = {},
) {
  const id = newId(at);
  const email = `client-${unique()}@example.test`;
  const givenName = options.givenName ?? 'Alex';
  const familyName = options.familyName ?? `Client${unique()}`;
  const dateOfBirth = options.dateOfBirth ?? '1990-04-12';
  await db
    .insertInto('client')
    .values({
      id,
      organisation_id: organisationId,
      site_id: null,
      given_name: givenName,
      family_name: familyName,
      date_of_birth: dateOfBirth,
      nhs_number: options.nhsNumber ?? null,
      email,
      phone: null,
      gp_practice: null,
      emergency_contact: null,
      created_by: careTeam[0] ?? null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  for (const staffId of careTeam) {
    await db
      .insertInto('care_team_member')
      .values({ client_id: id, staff_id: staffId, organisation_id: organisationId, added_by: staffId, added_at: at })
      .execute();
  }
  let accountId: string | null = null;
  if (options.account !== 'none') {
    accountId = newId(at);
    await db
      .insertInto('account')
      .values({
        id: accountId,
        organisation_id: organisationId,
        actor_type: 'client',
        staff_id: null,
        client_id: id,
        email,
        password_hash: await hashed(),
        status: 'active',
        created_at: at,
        updated_at: at,
        activated_at: at,
      })
      .execute();
  }
  return { id, accountId, email, givenName, familyName, dateOfBirth, organisationId };
}


/** Signs in through the real API and returns the session cookie header. */
export async function signInAs(
  app: FastifyInstance,
  origin: string,
  email: string,
  options: { remember?: boolean; password?: string } = {},
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers: { origin },
    payload: { email, password: options.password ?? testPassword, ...(options.remember ? { remember: true } : {}) },
  });
  if (res.statusCode === 202) return finishSecondStep(app, origin, email, res);
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  return cookieOf(res);
}

function cookieOf(res: { cookies: { name: string; value: string }[] }): string {
  const cookie = res.cookies.find((c) => c.name === 'tandem_session' || c.name === '__Host-tandem_session');
  if (!cookie) throw new Error('no session cookie');
  return `${cookie.name}=${cookie.value}`;
}

/**
 * The code step of a two-step sign-in, through the real API, with the code an app holding
 * `testTotpSecret` shows at the test clock's time. Tests sign the same person in many times at one
 * fixed instant, so the account's one-use record is cleared first; the one-use rule itself is
 * tested in two-step.test.ts. Staff who have not set it up yet do so first.
 */
export async function finishSecondStep(app: FastifyInstance, origin: string, email: string, res: { body: string; cookies: { name: string; value: string }[] }): Promise<string> {
  const parts = testApps.get(app);
  if (!parts) throw new Error('signInAs: this app was not made by createTestApp, so its clock is unknown');
  const half = cookieOf(res);
  if ((JSON.parse(res.body) as { next: string }).next === 'enrol') {
    // Staff made without two-step sign-in (the demo's, or `twoStep: false`) set it up, as at a first sign-in.
    const started = await app.inject({ method: 'POST', url: '/api/auth/mfa/enrolment', headers: { origin, cookie: half } });
    if (started.statusCode !== 200) throw new Error(`two-step set-up failed for ${email}: ${started.statusCode} ${started.body}`);
    const { secret } = JSON.parse(started.body) as { secret: string };
    const confirmed = await app.inject({
      method: 'POST',
      url: '/api/auth/mfa/enrolment/confirm',
      headers: { origin, cookie: half },
      payload: { code: totpCodeAt(secret, parts.clock.now()) },
    });
    if (confirmed.statusCode !== 200) throw new Error(`two-step set-up failed for ${email}: ${confirmed.statusCode} ${confirmed.body}`);
    return cookieOf(confirmed);
  }
  const account = await parts.db.selectFrom('account').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const totp = await parts.db.selectFrom('account_totp').select('secret').where('account_id', '=', account.id).executeTakeFirstOrThrow();
  await parts.db.updateTable('account_totp').set({ last_used_step: null }).where('account_id', '=', account.id).execute();
  const verified = await app.inject({
    method: 'POST',
    url: '/api/auth/mfa/verify',
    headers: { origin, cookie: half },
    payload: { code: totpCodeAt(totp.secret, parts.clock.now()) },
  });
  if (verified.statusCode !== 200) throw new Error(`second step failed for ${email}: ${verified.statusCode} ${verified.body}`);
  return cookieOf(verified);
}

/** A service account of `organisationId` with one live API token holding `scopes` (decision 0041); returns the token's secret. */
export async function makeApiToken(db: Kysely<Schema>, at: Date, organisationId: string, createdBy: string, scopes: ApiTokenScope[]) {
  const serviceAccountId = newId(at);
  const tokenId = newId(at);
  const secret = `${apiTokenRules.prefix}${randomBytes(apiTokenRules.secretBytes).toString('base64url')}`;
  await db.insertInto('service_account').values({ id: serviceAccountId, organisation_id: organisationId, name: `Records ${serviceAccountId}`, created_by: createdBy, created_at: at, received_at: at }).execute();
  await db
    .insertInto('api_token')
    .values({ id: tokenId, service_account_id: serviceAccountId, token_hash: hashApiToken(secret), hint: secret.slice(7, 13), scopes, created_by: createdBy, created_at: at, received_at: at, expires_at: new Date(at.getTime() + 86_400_000) })
    .execute();
  return { serviceAccountId, tokenId, secret };
}
