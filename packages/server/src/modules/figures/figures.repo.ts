import { attendedStatuses } from '@tandem/domain';
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;

/** SQL of the figures module (decision 0028): active time, work written, engagement and outcome facts. */

/** A half-open span of time [from, to) and the calendar dates it covers (organisation time). */
export interface Span {
  from: Date;
  to: Date;
  firstDay: string;
  lastDay: string;
}

export function previousBeatAt(db: Db, staffId: string) {
  return db.selectFrom('activity_beat').select('received_at').where('staff_id', '=', staffId).orderBy('received_at', 'desc').limit(1).executeTakeFirst();
}

/** Records a beat once: false when its id was already recorded (a retry). */
export async function insertBeat(
  db: Db,
  row: { id: string; organisation_id: string; staff_id: string; client_id: string; day: string; claimed_seconds: number; credited_seconds: number; received_at: Date },
): Promise<boolean> {
  const inserted = await db.insertInto('activity_beat').values(row).onConflict((oc) => oc.column('id').doNothing()).returning('id').executeTakeFirst();
  return inserted !== undefined;
}

export async function addActiveSeconds(db: Db, row: { organisation_id: string; staff_id: string; client_id: string; day: string; seconds: number; updated_at: Date }): Promise<void> {
  await db
    .insertInto('active_time_day')
    .values(row)
    .onConflict((oc) => oc.columns(['staff_id', 'client_id', 'day']).doUpdateSet({ seconds: sql`active_time_day.seconds + excluded.seconds`, updated_at: row.updated_at }))
    .execute();
}

/** Active seconds by staff member, client and day within the span's dates. */
export function listActiveTime(db: Db, organisationId: string, staffIds: readonly string[] | 'all', span: Span) {
  let q = db
    .selectFrom('active_time_day')
    .select(['staff_id', 'client_id', 'day', 'seconds'])
    .where('organisation_id', '=', organisationId)
    .where('day', '>=', span.firstDay)
    .where('day', '<=', span.lastDay);
  if (staffIds !== 'all') {
    if (!staffIds.length) return Promise.resolve([]);
    q = q.where('staff_id', 'in', staffIds);
  }
  return q.execute();
}

/** Feedback written, session notes begun and messages written to clients, by staff member, in the span. */
export async function countWorkWritten(db: Db, organisationId: string, span: Span) {
  const feedback = await db
    .selectFrom('exercise_feedback as f')
    .innerJoin('staff as s', 's.id', 'f.staff_id')
    .select(['f.staff_id', sql<number>`count(*)`.as('n')])
    .where('s.organisation_id', '=', organisationId)
    .where('f.created_at', '>=', span.from)
    .where('f.created_at', '<', span.to)
    .groupBy('f.staff_id')
    .execute();
  const notes = await db
    .selectFrom('session_note')
    .select(['created_by as staff_id', sql<number>`count(*)`.as('n')])
    .where('organisation_id', '=', organisationId)
    .where('created_at', '>=', span.from)
    .where('created_at', '<', span.to)
    .where('created_by', 'is not', null)
    .groupBy('created_by')
    .execute();
  const messages = await db
    .selectFrom('message')
    .select(['author_staff_id as staff_id', sql<number>`count(*)`.as('n')])
    .where('organisation_id', '=', organisationId)
    .where('author_type', '=', 'staff')
    .where('received_at', '>=', span.from)
    .where('received_at', '<', span.to)
    .groupBy('author_staff_id')
    .execute();
  return {
    feedback: new Map(feedback.map((r) => [r.staff_id, Number(r.n)])),
    notes: new Map(notes.map((r) => [r.staff_id!, Number(r.n)])),
    messages: new Map(messages.map((r) => [r.staff_id!, Number(r.n)])),
  };
}

/** Clients whose processing is restricted are left out of every figure (decision 0042). */
const notRestricted = (eb: ExpressionBuilder<Schema, 'episode'>) =>
  eb.not(eb.exists(eb.selectFrom('processing_restriction as r').select('r.id').whereRef('r.client_id', '=', 'episode.client_id').where('r.lifted_at', 'is', null)));

/** Episodes open at some time in the span: referred by its last day and not ended before its first. */
export function listEpisodesOpenIn(db: Db, organisationId: string, span: Span) {
  return db
    .selectFrom('episode')
    .select(['id', 'client_id', 'assigned_practitioner_id'])
    .where('organisation_id', '=', organisationId)
    .where('referral_date', '<=', span.lastDay)
    .where((eb) => eb.or([eb('status', '<>', 'ended'), eb('ended_on', '>=', span.firstDay)]))
    .where(notRestricted)
    .execute();
}

/** The clients' own activity in the span: check-ins, steps, entries sent, questionnaires they completed. */
export async function listClientActivity(db: Db, clientIds: readonly string[], span: Span) {
  if (!clientIds.length) return { checkIns: [], steps: [], entries: [], questionnaires: [] };
  const checkIns = await db.selectFrom('check_in').select(['client_id', 'recorded_at as at']).where('client_id', 'in', clientIds).where('recorded_at', '>=', span.from).where('recorded_at', '<', span.to).execute();
  const steps = await db.selectFrom('step_progress').select(['client_id', 'recorded_at as at']).where('client_id', 'in', clientIds).where('recorded_at', '>=', span.from).where('recorded_at', '<', span.to).execute();
  const entries = await db
    .selectFrom('exercise_entry_submission as s')
    .innerJoin('exercise_entry as e', 'e.id', 's.entry_id')
    .select(['e.client_id', 's.recorded_at as at'])
    .where('e.client_id', 'in', clientIds)
    .where('s.recorded_at', '>=', span.from)
    .where('s.recorded_at', '<', span.to)
    .execute();
  const questionnaires = await db
    .selectFrom('questionnaire_response')
    .select(['client_id', 'authored_at as at'])
    .where('client_id', 'in', clientIds)
    .where('status', '=', 'completed')
    .where('author_staff_id', 'is', null)
    .where('authored_at', '>=', span.from)
    .where('authored_at', '<', span.to)
    .execute();
  return { checkIns, steps, entries, questionnaires };
}

/** Homework (not cancelled) due on a date in the span. */
export function listHomeworkDue(db: Db, clientIds: readonly string[], span: Span) {
  if (!clientIds.length) return Promise.resolve([]);
  return db
    .selectFrom('homework')
    .select(['id', 'client_id', 'items', 'set_at'])
    .where('client_id', 'in', clientIds)
    .where('status', '=', 'active')
    .where('due_on', '>=', span.firstDay)
    .where('due_on', '<=', span.lastDay)
    .execute();
}

/** Episodes that ended on a date in the span, with their attended treatment appointments. */
export async function listEndedEpisodes(db: Db, organisationId: string, span: Span) {
  const episodes = await db
    .selectFrom('episode')
    .select(['id', 'client_id', 'assigned_practitioner_id'])
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'ended')
    .where('ended_on', '>=', span.firstDay)
    .where('ended_on', '<=', span.lastDay)
    .where(notRestricted)
    .execute();
  if (!episodes.length) return [];
  const counts = await db
    .selectFrom('appointment')
    .select(['episode_id', sql<number>`count(*)`.as('n')])
    .where('episode_id', 'in', episodes.map((e) => e.id))
    .where('purpose', '=', 'treatment')
    .where('status', 'in', [...attendedStatuses])
    .groupBy('episode_id')
    .execute();
  const attended = new Map(counts.map((c) => [c.episode_id, Number(c.n)]));
  return episodes.map((e) => ({ ...e, attended: attended.get(e.id) ?? 0 }));
}

/** Completed PHQ-9 and GAD-7 totals of these episodes, oldest first. */
export function listEpisodeScores(db: Db, episodeIds: readonly string[]) {
  if (!episodeIds.length) return Promise.resolve([]);
  return db
    .selectFrom('questionnaire_response')
    .select(['episode_id', 'instrument', 'total'])
    .where('episode_id', 'in', episodeIds)
    .where('status', '=', 'completed')
    .where('instrument', 'in', ['phq9', 'gad7'])
    .orderBy('authored_at')
    .orderBy('id')
    .execute();
}
