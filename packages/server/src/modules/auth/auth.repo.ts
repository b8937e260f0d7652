import type { Kysely, Transaction } from 'kysely';
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
export function findSessionByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('auth_session as s')
    .innerJoin('account as a', 'a.id', 's.account_id')
    .innerJoin('organisation as o', 'o.id', 'a.organisation_id')
    .leftJoin('staff as st', 'st.id', 'a.staff_id')
    .leftJoin('client as c', 'c.id', 'a.client_id')
    .select([
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
      'o.name as organisationName',
      'st.id as staffId',
      'st.roles as roles',
      'st.display_name as staffName',
      'st.time_zone as staffTimeZone',
      'c.id as clientId',
      'c.given_name as clientGivenName',
      'c.family_name as clientFamilyName',
      'c.time_zone as clientTimeZone',
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
