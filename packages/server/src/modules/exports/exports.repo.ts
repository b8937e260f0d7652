import { attendedStatuses } from '@tandem/domain';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;

/** SQL of the exports (decision 0043). Every query is bounded by the organisation. */

/** A span of organisation dates and the instants that bound it: [from, to). */
export interface ExportSpan {
  firstDay: string;
  lastDay: string;
  from: Date;
  to: Date;
}

/** Clients whose processing is restricted now (decision 0042) or whose data was erased: never exported. */
function excludedClients(db: Db, organisationId: string) {
  return db
    .selectFrom('processing_restriction')
    .select('client_id')
    .where('organisation_id', '=', organisationId)
    .where('lifted_at', 'is', null)
    .union(db.selectFrom('client_erasure').select('client_id').where('organisation_id', '=', organisationId));
}

/** Episodes open at some time in the span, or with an appointment in it, of clients who may be exported. */
export function listExportEpisodes(db: Db, organisationId: string, span: ExportSpan, clientIds?: readonly string[]) {
  if (clientIds && !clientIds.length) return Promise.resolve([]);
  let q = db
    .selectFrom('episode as e')
    .innerJoin('client as c', 'c.id', 'e.client_id')
    .select(['e.id', 'e.client_id', 'c.nhs_number', 'c.date_of_birth', 'e.referral_date', 'e.referral_source', 'e.ended_on', 'e.step', 'e.status', 'e.ending_reason'])
    .where('e.organisation_id', '=', organisationId)
    .where('e.client_id', 'not in', excludedClients(db, organisationId))
    .where((eb) =>
      eb.or([
        eb.and([eb('e.referral_date', '<=', span.lastDay), eb.or([eb('e.status', '<>', 'ended'), eb('e.ended_on', '>=', span.firstDay)])]),
        eb.exists(eb.selectFrom('appointment as a').select('a.id').whereRef('a.episode_id', '=', 'e.id').where('a.starts_at', '>=', span.from).where('a.starts_at', '<', span.to)),
      ]),
    )
    .orderBy('e.referral_date')
    .orderBy('e.id');
  if (clientIds) q = q.where('e.client_id', 'in', clientIds);
  return q.execute();
}

/** Appointments starting in the span, of these episodes. */
export function listExportAppointments(db: Db, episodeIds: readonly string[], span: ExportSpan) {
  if (!episodeIds.length) return Promise.resolve([]);
  return db
    .selectFrom('appointment')
    .select(['id', 'episode_id', 'client_id', 'practitioner_id', 'starts_at', 'duration_minutes', 'purpose', 'contact_method', 'status'])
    .where('episode_id', 'in', episodeIds)
    .where('starts_at', '>=', span.from)
    .where('starts_at', '<', span.to)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

/** Attended treatment appointments in the whole of each episode (what "finished treatment" counts). */
export async function countAttendedTreatment(db: Db, episodeIds: readonly string[]): Promise<Map<string, number>> {
  if (!episodeIds.length) return new Map();
  const rows = await db
    .selectFrom('appointment')
    .select(['episode_id', sql<number>`count(*)`.as('n')])
    .where('episode_id', 'in', episodeIds)
    .where('purpose', '=', 'treatment')
    .where('status', 'in', [...attendedStatuses])
    .groupBy('episode_id')
    .execute();
  return new Map(rows.map((r) => [r.episode_id, Number(r.n)]));
}

/** Completed questionnaire responses of these episodes, oldest first (the order first and last are taken in). */
export function listEpisodeResponses(db: Db, episodeIds: readonly string[]) {
  if (!episodeIds.length) return Promise.resolve([]);
  return db
    .selectFrom('questionnaire_response')
    .select(['id', 'episode_id', 'client_id', 'instrument', 'total', 'authored_at'])
    .where('episode_id', 'in', episodeIds)
    .where('status', '=', 'completed')
    .orderBy('authored_at')
    .orderBy('id')
    .execute();
}

/** The answers of these responses (item values only). */
export function listAnswers(db: Db, responseIds: readonly string[]) {
  if (!responseIds.length) return Promise.resolve([]);
  return db.selectFrom('questionnaire_answer').select(['response_id', 'link_id', 'value']).where('response_id', 'in', responseIds).execute();
}

/** Each client's latest consent record's research choice (the newest record is the one in force). */
export async function listResearchConsent(db: Db, organisationId: string): Promise<Map<string, boolean>> {
  const rows = await db
    .selectFrom('consent_record')
    .select(['client_id', 'choices'])
    .distinctOn('client_id')
    .where('organisation_id', '=', organisationId)
    .orderBy('client_id')
    .orderBy('seq', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.client_id, r.choices.research === true]));
}

/** Mood check-ins (the 1–10 rating only, never the note) made in the span. */
export function listCheckIns(db: Db, clientIds: readonly string[], span: ExportSpan) {
  if (!clientIds.length) return Promise.resolve([]);
  return db
    .selectFrom('check_in')
    .select(['client_id', 'mood', 'recorded_at'])
    .where('client_id', 'in', clientIds)
    .where('recorded_at', '>=', span.from)
    .where('recorded_at', '<', span.to)
    .orderBy('recorded_at')
    .execute();
}

/** Steps completed and exercise entries sent, per client, in the span (counts only). */
export async function countOnlineWork(db: Db, clientIds: readonly string[], span: ExportSpan) {
  if (!clientIds.length) return { steps: new Map<string, number>(), entries: new Map<string, number>() };
  const steps = await db
    .selectFrom('step_progress')
    .select(['client_id', sql<number>`count(*)`.as('n')])
    .where('client_id', 'in', clientIds)
    .where('recorded_at', '>=', span.from)
    .where('recorded_at', '<', span.to)
    .groupBy('client_id')
    .execute();
  const entries = await db
    .selectFrom('exercise_entry')
    .select(['client_id', sql<number>`count(*)`.as('n')])
    .where('client_id', 'in', clientIds)
    .where('first_submitted_at', '>=', span.from)
    .where('first_submitted_at', '<', span.to)
    .groupBy('client_id')
    .execute();
  return { steps: new Map(steps.map((r) => [r.client_id, Number(r.n)])), entries: new Map(entries.map((r) => [r.client_id, Number(r.n)])) };
}

/** Homework (not cancelled) set in the span. */
export function listHomeworkSet(db: Db, clientIds: readonly string[], span: ExportSpan) {
  if (!clientIds.length) return Promise.resolve([]);
  return db
    .selectFrom('homework')
    .select(['client_id', 'items', 'set_at'])
    .where('client_id', 'in', clientIds)
    .where('status', '=', 'active')
    .where('set_at', '>=', span.from)
    .where('set_at', '<', span.to)
    .execute();
}
