import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Schema, SessionNoteTable } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;

export function findNote(db: Db, appointmentId: string) {
  return db.selectFrom('session_note').selectAll().where('appointment_id', '=', appointmentId).executeTakeFirst();
}
export type SessionNoteRow = NonNullable<Awaited<ReturnType<typeof findNote>>>;

/** Locks the appointment for the rest of the transaction: saves of its note apply one at a time, and its status cannot change under them. */
export function lockAppointment(db: Transaction<Schema>, appointmentId: string) {
  return db.selectFrom('appointment').select(['id', 'status']).where('id', '=', appointmentId).forUpdate().executeTakeFirstOrThrow();
}

export async function insertNote(db: Db, row: Insertable<SessionNoteTable>): Promise<void> {
  await db.insertInto('session_note').values(row).execute();
}

export async function updateNote(db: Db, appointmentId: string, change: Updateable<SessionNoteTable>): Promise<void> {
  await db.updateTable('session_note').set(change).where('appointment_id', '=', appointmentId).execute();
}

export function listNotesOfEpisodes(db: Db, episodeIds: readonly string[]) {
  if (!episodeIds.length) return Promise.resolve([]);
  return db.selectFrom('session_note').selectAll().where('episode_id', 'in', episodeIds).execute();
}

/** Appointments that took place (attended on time or late), oldest first. */
export function listAttendedOfEpisodes(db: Db, episodeIds: readonly string[]) {
  if (!episodeIds.length) return Promise.resolve([]);
  return db
    .selectFrom('appointment')
    .select(['id', 'episode_id', 'starts_at', 'purpose'])
    .where('episode_id', 'in', episodeIds)
    .where('status', 'in', ['attended', 'attended_late'])
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

export function listDoneStepsOfClients(db: Db, clientIds: readonly string[]) {
  if (!clientIds.length) return Promise.resolve([]);
  return db.selectFrom('step_progress').select(['client_id', 'module_id', 'step_id', 'recorded_at']).where('client_id', 'in', clientIds).execute();
}

export async function organisationTimeZone(db: Db, organisationId: string): Promise<string> {
  const row = await db.selectFrom('organisation').select('time_zone').where('id', '=', organisationId).executeTakeFirstOrThrow();
  return row.time_zone;
}

/** A supervisor's named supervisees (supervision is of people, not sites — decision 0014). */
export function listSupervisees(db: Db, supervisorId: string, organisationId: string) {
  return db
    .selectFrom('supervision as sv')
    .innerJoin('staff as p', 'p.id', 'sv.practitioner_id')
    .select(['p.id', 'p.display_name'])
    .where('sv.supervisor_id', '=', supervisorId)
    .where('sv.organisation_id', '=', organisationId)
    .orderBy('p.display_name')
    .orderBy('p.id')
    .execute();
}

/** The open episodes assigned to these practitioners. */
export function listOpenEpisodesOf(db: Db, practitionerIds: readonly string[], organisationId: string) {
  if (!practitionerIds.length) return Promise.resolve([]);
  return db
    .selectFrom('episode')
    .select(['id', 'client_id', 'assigned_practitioner_id', 'status'])
    .where('assigned_practitioner_id', 'in', practitionerIds)
    .where('organisation_id', '=', organisationId)
    .where('status', '<>', 'ended')
    .orderBy('id')
    .execute();
}
