import { sql, type Kysely, type Transaction } from 'kysely';
import type { Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;

/** The account behind an email, with what is needed to build its actor. */
export function findAccountByEmail(db: Db, email: string) {
  return db
    .selectFrom('account')
    .select(['id', 'organisation_id', 'actor_type', 'staff_id', 'client_id', 'password_hash', 'status'])
    .where('email', '=', email)
    .executeTakeFirst();
}

/** A live-or-not session by token hash, joined to its account, person and organisation. */
/**
 * The session behind a cookie, with the account and person it signs in. Every signed-in request
 * asks this, so it is shaped for PostgreSQL's planner: one two-table join and a primary-key
 * look-up per extra field, rather than a five-table join whose planning alone cost several times a
 * simple insert (pg_stat_statements, bench/: 0.57 ms planning against 0.04 ms running).
 */
export function findSessionByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('auth_session as s')
    .innerJoin('account as a', 'a.id', 's.account_id')
    .select((eb) => [
      's.id as sessionId',
      's.remember',
      's.last_seen_at as lastSeenAt',
      's.idle_expires_at as idleExpiresAt',
      's.absolute_expires_at as absoluteExpiresAt',
      's.revoked_at as revokedAt',
      's.stage',
      's.second_step_failures as secondStepFailures',
      's.pin_hash as pinHash',
      's.pin_failures as pinFailures',
      'a.id as accountId',
      'a.actor_type as actorType',
      'a.status as accountStatus',
      'a.organisation_id as organisationId',
      // Never null: account.organisation_id is a required reference.
      sql<string>`${eb.selectFrom('organisation as o').select('o.name').whereRef('o.id', '=', 'a.organisation_id')}`.as('organisationName'),
      'a.staff_id as staffId',
      eb.selectFrom('staff as st').select('st.roles').whereRef('st.id', '=', 'a.staff_id').as('roles'),
      eb.selectFrom('staff as st').select('st.display_name').whereRef('st.id', '=', 'a.staff_id').as('staffName'),
      eb.selectFrom('staff as st').select('st.time_zone').whereRef('st.id', '=', 'a.staff_id').as('staffTimeZone'),
      'a.client_id as clientId',
      eb.selectFrom('client as c').select('c.given_name').whereRef('c.id', '=', 'a.client_id').as('clientGivenName'),
      eb.selectFrom('client as c').select('c.family_name').whereRef('c.id', '=', 'a.client_id').as('clientFamilyName'),
      eb.selectFrom('client as c').select('c.time_zone').whereRef('c.id', '=', 'a.client_id').as('clientTimeZone'),
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSessionByTokenHash>>>;

export async function insertSession(
  db: Db,
  row: { id: string; tokenHash: string; accountId: string; remember: boolean; now: Date; idleExpiresAt: Date; absoluteExpiresAt: Date; stage: 'full' | 'mfa' | 'enrol' },
) {
  await db
    .insertInto('auth_session')
    .values({
      id: row.id,
      token_hash: row.tokenHash,
      account_id: row.accountId,
      remember: row.remember,
      created_at: row.now,
      last_seen_at: row.now,
      idle_expires_at: row.idleExpiresAt,
      absolute_expires_at: row.absoluteExpiresAt,
      revoked_at: null,
      stage: row.stage,
    })
    .execute();
}

export async function touchSession(db: Db, sessionId: string, now: Date, idleExpiresAt: Date) {
  await db.updateTable('auth_session').set({ last_seen_at: now, idle_expires_at: idleExpiresAt }).where('id', '=', sessionId).execute();
}

export async function revokeSession(db: Db, sessionId: string, now: Date) {
  await db.updateTable('auth_session').set({ revoked_at: now }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
}

export async function revokeAccountSessions(db: Db, accountId: string, now: Date) {
  await db.updateTable('auth_session').set({ revoked_at: now }).where('account_id', '=', accountId).where('revoked_at', 'is', null).execute();
}

export function readThrottles(db: Db, keys: string[]) {
  return db.selectFrom('sign_in_throttle').selectAll().where('key', 'in', keys).execute();
}

export async function recordThrottleFailure(db: Db, key: string, now: Date, windowStart: Date) {
  await db
    .insertInto('sign_in_throttle')
    .values({ key, failures: 1, last_failure_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        // Failures older than the window are forgotten: start counting again.
        failures: eb
          .case()
          .when('sign_in_throttle.last_failure_at', '<', windowStart)
          .then(1)
          .else(eb('sign_in_throttle.failures', '+', 1))
          .end(),
        last_failure_at: now,
      })),
    )
    .execute();
}

export async function clearThrottle(db: Db, key: string) {
  await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}
