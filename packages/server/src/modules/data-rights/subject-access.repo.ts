import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../db/schema';
import '../calendar/calendar.schema';

/**
 * SQL for a client's subject-access download (decision 0042): each query names its columns, so
 * secrets (password and token hashes, push keys) and other people's data never reach it.
 */
type Db = Kysely<Schema>;

export function profileOf(db: Db, clientId: string) {
  return db
    .selectFrom('client as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .leftJoin('site as s', 's.id', 'c.site_id')
    .select([
      'c.given_name',
      'c.family_name',
      'c.date_of_birth',
      'c.nhs_number',
      'c.email',
      'c.phone',
      'c.gp_practice',
      'c.emergency_contact',
      'c.preferred_language',
      'c.time_zone',
      'c.created_at',
      'o.name as organisation',
      's.name as site',
    ])
    .where('c.id', '=', clientId)
    .executeTakeFirstOrThrow();
}

export function accountOf(db: Db, clientId: string) {
  return db.selectFrom('account').select(['id', 'email', 'status', 'created_at', 'activated_at']).where('client_id', '=', clientId).executeTakeFirst();
}

export function consentOf(db: Db, clientId: string) {
  return db.selectFrom('consent_record').select(['wording_version', 'choices', 'recorded_at', 'recorded_by_type']).where('client_id', '=', clientId).orderBy('seq').execute();
}

export function episodesOf(db: Db, clientId: string) {
  return db
    .selectFrom('episode as e')
    .innerJoin('staff as p', 'p.id', 'e.assigned_practitioner_id')
    .select(['e.id', 'e.referral_date', 'e.referral_source', 'e.problem_descriptor', 'e.step', 'e.status', 'e.ending_reason', 'e.ended_on', 'p.display_name as practitioner'])
    .where('e.client_id', '=', clientId)
    .orderBy('e.created_at')
    .execute();
}

export function appointmentsOf(db: Db, clientId: string) {
  return db
    .selectFrom('appointment as a')
    .innerJoin('staff as p', 'p.id', 'a.practitioner_id')
    .select(['a.starts_at', 'a.duration_minutes', 'a.purpose', 'a.contact_method', 'a.status', 'p.display_name as practitioner'])
    .where('a.client_id', '=', clientId)
    .orderBy('a.starts_at')
    .execute();
}

export function checkInsOf(db: Db, clientId: string) {
  return db.selectFrom('check_in').select(['mood', 'note', 'recorded_at']).where('client_id', '=', clientId).orderBy('recorded_at').execute();
}

export async function questionnairesOf(db: Db, clientId: string) {
  const responses = await db
    .selectFrom('questionnaire_response')
    .select(['id', 'instrument', 'instrument_version', 'status', 'source', 'total', 'authored_at', 'updated_at'])
    .where('client_id', '=', clientId)
    .orderBy('updated_at')
    .execute();
  const ids = responses.map((r) => r.id);
  const answers = ids.length
    ? await db.selectFrom('questionnaire_answer').select(['response_id', 'link_id', 'value']).where('response_id', 'in', ids).orderBy('link_id').execute()
    : [];
  return responses.map((r) => ({ ...r, answers: Object.fromEntries(answers.filter((a) => a.response_id === r.id).map((a) => [a.link_id, a.value])) }));
}

export function exercisesOf(db: Db, clientId: string) {
  return db
    .selectFrom('exercise_entry')
    .select(['id', 'exercise', 'module_id', 'step_id', 'status', 'shared', 'data', 'revision', 'recorded_at'])
    .where('client_id', '=', clientId)
    .orderBy('created_at')
    .execute();
}

export function exerciseOtherVersionsOf(db: Db, clientId: string) {
  return db
    .selectFrom('exercise_entry_other_version as v')
    .innerJoin('exercise_entry as e', 'e.id', 'v.entry_id')
    .select(['v.entry_id', 'e.exercise', 'v.data', 'v.shared', 'v.status', 'v.recorded_at', 'v.resolved_at'])
    .where('e.client_id', '=', clientId)
    .orderBy('v.recorded_at')
    .execute();
}

export function exerciseFeedbackOf(db: Db, clientId: string) {
  return db
    .selectFrom('exercise_feedback as f')
    .innerJoin('exercise_entry as e', 'e.id', 'f.entry_id')
    .innerJoin('staff as s', 's.id', 'f.staff_id')
    .select(['f.entry_id', 'e.exercise', 'f.text', 's.display_name as from', 'f.created_at'])
    .where('e.client_id', '=', clientId)
    .orderBy('f.created_at')
    .execute();
}

export function stepProgressOf(db: Db, clientId: string) {
  return db.selectFrom('step_progress').select(['module_id', 'step_id', 'recorded_at']).where('client_id', '=', clientId).orderBy('recorded_at').execute();
}

export function homeworkOf(db: Db, clientId: string) {
  return db
    .selectFrom('homework')
    .select(['items', 'due_on', 'status', 'set_at', 'cancelled_at', 'cancel_reason'])
    .where('client_id', '=', clientId)
    .orderBy('set_at')
    .execute();
}

export function agendaOf(db: Db, clientId: string) {
  return db.selectFrom('agenda_item').select(['text', 'status', 'recorded_at', 'discussed_at', 'removed_at']).where('client_id', '=', clientId).orderBy('recorded_at').execute();
}

export function plansOf(db: Db, clientId: string) {
  return db.selectFrom('treatment_plan').select(['episode_id', 'steps', 'updated_at']).where('client_id', '=', clientId).orderBy('created_at').execute();
}

export function messagesOf(db: Db, clientId: string) {
  return db
    .selectFrom('message as m')
    .leftJoin('staff as s', 's.id', 'm.author_staff_id')
    .select(['m.author_type', 's.display_name as author', 'm.text', 'm.recorded_at', 'm.read_at'])
    .where('m.client_id', '=', clientId)
    .orderBy('m.recorded_at')
    .execute();
}

export function moodScheduleOf(db: Db, clientId: string) {
  return db.selectFrom('mood_prompt_schedule').select(['schedule', 'updated_at']).where('client_id', '=', clientId).executeTakeFirst();
}

/** The notices `sendClientNotice` sends, by their audit action, in plain words. */
export const noticeWords: Record<string, string> = {
  'appointment.reminder': 'Appointment reminder',
  'homework.reminder': 'Homework reminder',
  'mood.prompt': 'Mood check-in reminder',
  'message.email': 'New message notice',
};

/** Notices sent to the client (reminders, prompts, message notices): their audit rows, codes only. */
export function noticesOf(db: Db, clientId: string) {
  return db
    .selectFrom('audit_event')
    .select(['action', 'occurred_at', 'details'])
    .where('client_id', '=', clientId)
    .where('actor_type', '=', 'system')
    .where('action', 'in', Object.keys(noticeWords))
    .orderBy('seq')
    .execute();
}

/** Emails to the client's address: when and about what (never the body, which may hold a sign-up link). */
export function emailsTo(db: Db, organisationId: string, address: string) {
  return db.selectFrom('email_message').select(['subject', 'status', 'created_at', 'sent_at']).where('organisation_id', '=', organisationId).where('to_address', '=', address).orderBy('created_at').execute();
}

export function pushDevicesOf(db: Db, accountId: string) {
  return db.selectFrom('push_subscription').select(['endpoint', 'created_at', 'last_sent_at']).where('account_id', '=', accountId).orderBy('created_at').execute();
}

export function signInsOf(db: Db, accountId: string) {
  return db
    .selectFrom('auth_session')
    .select(['created_at', 'last_seen_at', 'remember', 'revoked_at', 'absolute_expires_at'])
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .execute();
}

export function calendarFeedsOf(db: Db, accountId: string) {
  return db.selectFrom('calendar_feed').select(['created_at', 'last_read_at', 'revoked_at']).where('account_id', '=', accountId).orderBy('created_at').execute();
}

export function restrictionsOf(db: Db, clientId: string) {
  return db.selectFrom('processing_restriction').select(['requested_at', 'restricted_at', 'reason', 'lifted_at']).where('client_id', '=', clientId).orderBy('restricted_at').execute();
}

/** How many records the service reviews before giving them out (the note in the download says so). */
export async function withheldCounts(db: Db, clientId: string) {
  const [notes, alerts] = await Promise.all([
    db.selectFrom('session_note').select(sql<number>`count(*)::int`.as('n')).where('client_id', '=', clientId).executeTakeFirstOrThrow(),
    db.selectFrom('risk_alert').select(sql<number>`count(*)::int`.as('n')).where('client_id', '=', clientId).executeTakeFirstOrThrow(),
  ]);
  return { sessionNotes: Number(notes.n), riskAlerts: Number(alerts.n) };
}
