import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../db/schema';
import './calendar.schema';

type Db = Kysely<Schema> | Transaction<Schema>;

/** Moves a booked appointment, if it is still at `version`; false when it was changed since. */
export async function moveAppointmentAtVersion(db: Db, appointmentId: string, version: number, to: { startsAt: Date; durationMinutes: number }, now: Date) {
  const result = await db
    .updateTable('appointment')
    .set((eb) => ({ starts_at: to.startsAt, duration_minutes: to.durationMinutes, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', appointmentId)
    .where('version', '=', version)
    .where('status', '=', 'booked')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertAppointmentChange(
  db: Db,
  row: { id: string; appointmentId: string; at: Date; byStaffId: string | null; from: { startsAt: Date; durationMinutes: number }; to: { startsAt: Date; durationMinutes: number }; reason: string | null },
) {
  await db
    .insertInto('appointment_change')
    .values({
      id: row.id,
      appointment_id: row.appointmentId,
      at: row.at,
      by_staff_id: row.byStaffId,
      from_starts_at: row.from.startsAt,
      from_duration_minutes: row.from.durationMinutes,
      to_starts_at: row.to.startsAt,
      to_duration_minutes: row.to.durationMinutes,
      reason: row.reason,
    })
    .execute();
}

export function listAppointmentChanges(db: Db, appointmentId: string) {
  return db.selectFrom('appointment_change').selectAll().where('appointment_id', '=', appointmentId).orderBy('seq').execute();
}

/** What a reminder needs to decide and to say: the appointment now, its episode, the client. */
export function findReminderFacts(db: Db, appointmentId: string) {
  return db
    .selectFrom('appointment')
    .innerJoin('episode', 'episode.id', 'appointment.episode_id')
    .innerJoin('client', 'client.id', 'appointment.client_id')
    .select(['appointment.organisation_id', 'appointment.client_id', 'appointment.starts_at', 'appointment.status', 'episode.status as episode_status', 'client.email', 'client.time_zone'])
    .where('appointment.id', '=', appointmentId)
    .executeTakeFirst();
}

export function findLiveFeedOfAccount(db: Db, accountId: string) {
  return db.selectFrom('calendar_feed').selectAll().where('account_id', '=', accountId).where('revoked_at', 'is', null).executeTakeFirst();
}

/** The live feed with this secret's hash, with its owner's account (and roles, for staff). */
export function findLiveFeedByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('calendar_feed')
    .innerJoin('account', 'account.id', 'calendar_feed.account_id')
    .leftJoin('staff', 'staff.id', 'account.staff_id')
    .select([
      'calendar_feed.id',
      'calendar_feed.organisation_id',
      'account.id as account_id',
      'account.actor_type',
      'account.staff_id',
      'account.client_id',
      'account.status as account_status',
      'staff.roles as staff_roles',
    ])
    .where('calendar_feed.token_hash', '=', tokenHash)
    .where('calendar_feed.revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Revokes the account's live feed, if any; returns whether there was one. */
export async function revokeLiveFeed(db: Db, accountId: string, now: Date) {
  const result = await db.updateTable('calendar_feed').set({ revoked_at: now }).where('account_id', '=', accountId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertFeed(db: Db, row: { id: string; organisationId: string; accountId: string; tokenHash: string; at: Date }) {
  await db
    .insertInto('calendar_feed')
    .values({ id: row.id, organisation_id: row.organisationId, account_id: row.accountId, token_hash: row.tokenHash, created_at: row.at, revoked_at: null, last_read_at: null })
    .execute();
}

export async function markFeedRead(db: Db, feedId: string, now: Date) {
  await db.updateTable('calendar_feed').set({ last_read_at: now }).where('id', '=', feedId).execute();
}

const feedColumns = ['id', 'starts_at', 'duration_minutes', 'status', 'version', 'updated_at', 'client_id'] as const;

/** A client's appointments from `from` on, in time order. */
export function clientAppointmentsFrom(db: Db, clientId: string, from: Date, limit: number) {
  return db.selectFrom('appointment').select(feedColumns).where('client_id', '=', clientId).where('starts_at', '>=', from).orderBy('starts_at').orderBy('id').limit(limit).execute();
}

/** A practitioner's own appointments (across their caseload) from `from` on, in time order. */
export function practitionerAppointmentsFrom(db: Db, staffId: string, from: Date, limit: number) {
  return db.selectFrom('appointment').select(feedColumns).where('practitioner_id', '=', staffId).where('starts_at', '>=', from).orderBy('starts_at').orderBy('id').limit(limit).execute();
}
