import { sql, type Kysely, type Transaction } from 'kysely';
import type { Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;

/*
 * The worklist's facts for a whole caseload at once: one set-based query per kind of fact, so the
 * number of queries does not grow with the caseload (worklist.test.ts counts them).
 */

/** Clients with an active episode, and when each client's account became active. */
export async function careFacts(db: Db, clientIds: string[]) {
  const active = await db.selectFrom('episode').select('client_id').distinct().where('client_id', 'in', clientIds).where('status', '=', 'active').execute();
  const accounts = await db.selectFrom('account').select(['client_id', 'activated_at']).where('client_id', 'in', clientIds).execute();
  return { active: new Set(active.map((r) => r.client_id)), accounts };
}

export function openAlerts(db: Db, clientIds: string[]) {
  return db.selectFrom('risk_alert').select(['client_id', 'tier', 'due_at', 'raised_at']).where('client_id', 'in', clientIds).where('status', '=', 'open').execute();
}

export function openMissedAfterAlert(db: Db, clientIds: string[]) {
  return db
    .selectFrom('follow_up_task')
    .select(['client_id', 'due_at'])
    .where('client_id', 'in', clientIds)
    .where('status', '=', 'open')
    .where('kind', '=', 'missed_appointment_after_alert')
    .execute();
}

/** Completed PHQ-9 and GAD-7 totals of episodes that have not ended, oldest first. */
export function currentScores(db: Db, clientIds: string[]) {
  return db
    .selectFrom('questionnaire_response as r')
    .innerJoin('episode as e', 'e.id', 'r.episode_id')
    .select(['r.client_id', 'r.instrument', 'r.total'])
    .where('r.client_id', 'in', clientIds)
    // Redundant (a response's episode is its client's) but lets the episodes come by client index.
    .where('e.client_id', 'in', clientIds)
    .where('r.status', '=', 'completed')
    .where('r.instrument', 'in', ['phq9', 'gad7'])
    .where('e.status', '!=', 'ended')
    .orderBy('r.authored_at')
    .orderBy('r.id')
    .execute();
}

/**
 * Each client's latest online activity: a check-in, a questionnaire they answered themselves, a
 * sent exercise entry, a finished step, or an agenda item. Times are when the client did it. One
 * newest-row look-up a kind of activity a client (each on an index by client and time), not an
 * aggregate over a year of rows.
 */
export async function lastActivity(db: Db, clientIds: string[]): Promise<Map<string, Date>> {
  const rows = await sql<{ client_id: string; last_at: Date | null }>`
    select c.id as client_id, greatest(
      (select max(recorded_at) from check_in where client_id = c.id),
      (select max(authored_at) from questionnaire_response where client_id = c.id and source = 'client'),
      (select max(s.recorded_at) from exercise_entry e join exercise_entry_submission s on s.entry_id = e.id where e.client_id = c.id),
      (select max(recorded_at) from step_progress where client_id = c.id),
      (select max(recorded_at) from agenda_item where client_id = c.id)
    ) as last_at
    from client c
    where c.id in (${sql.join(clientIds)})`.execute(db);
  return new Map(rows.rows.flatMap((r) => (r.last_at === null ? [] : [[r.client_id, new Date(r.last_at)] as const])));
}

/** Active homework due before `dueBefore` whose appointment is still ahead (booked) or has none. */
export function homeworkDueBefore(db: Db, clientIds: string[], dueBefore: string) {
  return db
    .selectFrom('homework as h')
    .leftJoin('appointment as a', 'a.id', 'h.appointment_id')
    .select(['h.client_id', 'h.items', 'h.set_at', 'h.due_on'])
    .where('h.client_id', 'in', clientIds)
    .where('h.status', '=', 'active')
    .where('h.due_on', '<', dueBefore)
    .where((eb) => eb.or([eb('h.appointment_id', 'is', null), eb('a.status', '=', 'booked')]))
    .execute();
}

/** What done-ness needs (as homework.repo's doneFacts), for several clients since `since`. */
export async function doneFactsOf(db: Db, clientIds: string[], since: Date) {
  const steps = await db.selectFrom('step_progress').select(['client_id', 'module_id', 'step_id', 'recorded_at']).where('client_id', 'in', clientIds).where('recorded_at', '>=', since).execute();
  const submissions = await db
    .selectFrom('exercise_entry as e')
    .innerJoin('exercise_entry_submission as s', 's.entry_id', 'e.id')
    .select(['e.client_id', 'e.id', 'e.exercise', 'e.module_id', 'e.shared', 's.revision', 's.data', 's.recorded_at'])
    .where('e.client_id', 'in', clientIds)
    .where('s.recorded_at', '>=', since)
    .orderBy('s.recorded_at')
    .orderBy('s.revision')
    .execute();
  return { steps, submissions };
}

/** Shared entries whose latest sent revision has no feedback yet, with when that revision was sent. */
export async function awaitingFeedback(db: Db, clientIds: string[]) {
  const ids = sql.join(clientIds);
  const rows = await sql<{ client_id: string; recorded_at: Date }>`
    select e.client_id, s.recorded_at
    from exercise_entry e
    join exercise_entry_submission s on s.entry_id = e.id
      and s.revision = (select max(revision) from exercise_entry_submission where entry_id = e.id)
    where e.client_id in (${ids}) and e.shared
      and not exists (select 1 from exercise_feedback f where f.entry_id = e.id and f.revision >= s.revision)`.execute(db);
  return rows.rows.map((r) => ({ client_id: r.client_id, recorded_at: new Date(r.recorded_at) }));
}

/** Booked appointments starting between `from` and `until`. */
export function bookedBetween(db: Db, clientIds: string[], from: Date, until: Date) {
  return db
    .selectFrom('appointment')
    .select(['id', 'client_id', 'starts_at'])
    .where('client_id', 'in', clientIds)
    .where('status', '=', 'booked')
    .where('starts_at', '>=', from)
    .where('starts_at', '<', until)
    .execute();
}

export async function staffTimeZone(db: Db, staffId: string): Promise<string> {
  const row = await db.selectFrom('staff').select('time_zone').where('id', '=', staffId).executeTakeFirstOrThrow();
  return row.time_zone;
}
