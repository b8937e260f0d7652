import { newId, type StaffRole } from '@tandem/domain';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema';
import { hashPassword } from '../modules/auth/secrets';

/**
 * Typed factories for real rows in the test database (no JSON fixtures, no mocks). People made
 * here can sign in through the real API with `testPassword`.
 */
export const testPassword = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
const hashed = () => (passwordHash ??= hashPassword(testPassword));

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
  options: { name?: string; supervisorId?: string; status?: 'active' | 'invited' | 'disabled' } = {},
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
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'tandem_session');
  if (!cookie) throw new Error('no session cookie');
  return `tandem_session=${cookie.value}`;
}
