import type { Insertable, Kysely, Transaction } from 'kysely';
import type { AppointmentTable, Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;

export function findAppointment(db: Db, appointmentId: string) {
  return db.selectFrom('appointment').selectAll().where('id', '=', appointmentId).executeTakeFirst();
}
export type AppointmentRow = NonNullable<Awaited<ReturnType<typeof findAppointment>>>;

export function listAppointmentsOfEpisode(db: Db, episodeId: string) {
  return db.selectFrom('appointment').selectAll().where('episode_id', '=', episodeId).orderBy('starts_at').orderBy('id').execute();
}

export function listAppointmentEvents(db: Db, appointmentIds: string[]) {
  if (!appointmentIds.length) return Promise.resolve([]);
  return db.selectFrom('appointment_event').selectAll().where('appointment_id', 'in', appointmentIds).orderBy('seq').execute();
}

/**
 * Locks the practitioner's row for the rest of the transaction, so two bookings for the same
 * practitioner are checked for clashes one after the other, never side by side.
 */
export async function lockPractitioner(db: Transaction<Schema>, staffId: string) {
  await db.selectFrom('staff').select('id').where('id', '=', staffId).forUpdate().execute();
}

/** The practitioner's appointments that are not cancelled and start within the window. */
export function practitionerAppointmentsBetween(db: Db, staffId: string, from: Date, to: Date) {
  return db
    .selectFrom('appointment')
    .select(['id', 'starts_at', 'duration_minutes'])
    .where('practitioner_id', '=', staffId)
    .where('status', 'not in', ['cancelled_by_client', 'cancelled_by_service'])
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .execute();
}

export async function insertAppointment(db: Db, row: Insertable<AppointmentTable>) {
  await db.insertInto('appointment').values(row).execute();
}

export async function insertAppointmentEvent(db: Db, row: { id: string; appointmentId: string; at: Date; byStaffId: string | null; from: string | null; to: string }) {
  await db
    .insertInto('appointment_event')
    .values({ id: row.id, appointment_id: row.appointmentId, at: row.at, by_staff_id: row.byStaffId, from_status: row.from, to_status: row.to })
    .execute();
}

export async function updateAppointmentStatusAtVersion(db: Db, appointmentId: string, version: number, status: AppointmentTable['status'], now: Date) {
  const result = await db
    .updateTable('appointment')
    .set((eb) => ({ status, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', appointmentId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
