import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { HomeworkTable, Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;
export type HomeworkRow = Selectable<HomeworkTable>;

export function findHomework(db: Db, id: string) {
  return db.selectFrom('homework').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertHomework(db: Db, row: Insertable<HomeworkTable>): Promise<void> {
  await db.insertInto('homework').values(row).execute();
}

export function listHomeworkOfEpisode(db: Db, episodeId: string) {
  return db.selectFrom('homework').selectAll().where('episode_id', '=', episodeId).orderBy('set_at', 'desc').orderBy('id', 'desc').limit(200).execute();
}

/** The newest active homework of the client's open episode that is not yet past its due date. */
export function findCurrentHomework(db: Db, clientId: string, today: string) {
  return db
    .selectFrom('homework')
    .innerJoin('episode', 'episode.id', 'homework.episode_id')
    .selectAll('homework')
    .where('homework.client_id', '=', clientId)
    .where('homework.status', '=', 'active')
    .where('episode.status', '<>', 'ended')
    .where('homework.due_on', '>=', today)
    .orderBy('homework.set_at', 'desc')
    .orderBy('homework.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The homework to go through in a session: set for it, else the newest active one set since the last session. */
export async function findHomeworkForSession(db: Db, episodeId: string, appointmentId: string, since: Date, before: Date) {
  const linked = await db
    .selectFrom('homework')
    .selectAll()
    .where('appointment_id', '=', appointmentId)
    .where('status', '=', 'active')
    .orderBy('set_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (linked) return linked;
  return db
    .selectFrom('homework')
    .selectAll()
    .where('episode_id', '=', episodeId)
    .where('status', '=', 'active')
    .where('set_at', '>=', since)
    .where('set_at', '<', before)
    .orderBy('set_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function cancelHomeworkRow(db: Db, id: string, change: { cancelled_at: Date; cancelled_by: string | null; cancel_reason: string }): Promise<void> {
  await db.updateTable('homework').set({ status: 'cancelled', ...change }).where('id', '=', id).where('status', '=', 'active').execute();
}

/** The episode's next booked appointment that has not started. */
export function nextBookedAppointment(db: Db, episodeId: string, now: Date) {
  return db
    .selectFrom('appointment')
    .select(['id', 'starts_at', 'status', 'episode_id'])
    .where('episode_id', '=', episodeId)
    .where('status', '=', 'booked')
    .where('starts_at', '>', now)
    .orderBy('starts_at')
    .limit(1)
    .executeTakeFirst();
}

/** The client's time zone and stored mood-prompt schedule (for quiet hours). */
export async function clientTimeFacts(db: Db, clientId: string) {
  const client = await db.selectFrom('client').select(['time_zone', 'given_name']).where('id', '=', clientId).executeTakeFirstOrThrow();
  const schedule = await db.selectFrom('mood_prompt_schedule').select('schedule').where('client_id', '=', clientId).executeTakeFirst();
  return { timeZone: client.time_zone, givenName: client.given_name, schedule: schedule?.schedule ?? null };
}

/** What done-ness needs: the client's finished steps and every sent revision of their entries. */
export async function doneFacts(db: Db, clientId: string) {
  const steps = await db.selectFrom('step_progress').select(['module_id', 'step_id', 'recorded_at']).where('client_id', '=', clientId).execute();
  const submissions = await db
    .selectFrom('exercise_entry as e')
    .innerJoin('exercise_entry_submission as s', 's.entry_id', 'e.id')
    .select(['e.id', 'e.exercise', 'e.module_id', 'e.shared', 's.revision', 's.data', 's.recorded_at'])
    .where('e.client_id', '=', clientId)
    .orderBy('s.recorded_at')
    .orderBy('s.revision')
    .limit(2000)
    .execute();
  return { steps, submissions };
}
export type DoneFacts = Awaited<ReturnType<typeof doneFacts>>;

/** What the reminder job re-reads when it is due. */
export function findReminderFacts(db: Db, homeworkId: string) {
  return db
    .selectFrom('homework')
    .innerJoin('episode', 'episode.id', 'homework.episode_id')
    .innerJoin('client', 'client.id', 'homework.client_id')
    .select(['homework.id', 'homework.organisation_id', 'homework.client_id', 'homework.items', 'homework.status', 'homework.due_on', 'homework.set_at', 'episode.status as episode_status', 'client.email', 'client.time_zone'])
    .where('homework.id', '=', homeworkId)
    .executeTakeFirst();
}
