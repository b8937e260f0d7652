import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;

/** One client's own activity since a time: mood ratings, steps finished, completed questionnaires. */
export async function activitySince(db: Db, clientId: string, from: Date) {
  const moods = await db.selectFrom('check_in').select('mood').where('client_id', '=', clientId).where('recorded_at', '>=', from).execute();
  const steps = await db
    .selectFrom('step_progress')
    .select(['module_id', 'step_id'])
    .where('client_id', '=', clientId)
    .where('recorded_at', '>=', from)
    .orderBy('recorded_at')
    .execute();
  const questionnaires = await db
    .selectFrom('questionnaire_response')
    .select(['id', 'instrument', 'total', 'authored_at', 'appointment_id'])
    .where('client_id', '=', clientId)
    .where('status', '=', 'completed')
    .where('authored_at', '>=', from)
    .orderBy('authored_at')
    .execute();
  return { moods: moods.map((m) => m.mood), steps, questionnaires };
}

/** Completed questionnaires for one appointment. */
export function completedForAppointment(db: Db, appointmentId: string) {
  return db
    .selectFrom('questionnaire_response')
    .select(['id', 'instrument', 'total'])
    .where('appointment_id', '=', appointmentId)
    .where('status', '=', 'completed')
    .execute();
}
