import { riskItem } from '@tandem/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;

/**
 * SQL for the pre-session brief (decision 0026). Each function is one query whatever the amount of
 * data, so the brief costs a fixed number of queries (no N+1).
 */

/** The client's open episode: the latest referral not ended. */
export function findOpenEpisode(db: Db, clientId: string) {
  return db
    .selectFrom('episode')
    .select(['id', 'organisation_id', 'client_id', 'status', 'created_at'])
    .where('client_id', '=', clientId)
    .where('status', '<>', 'ended')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The homework leading to the next appointment, else the newest active homework set since `from`. */
export function findBriefHomework(db: Db, episodeId: string, nextAppointmentId: string | null, from: Date) {
  let query = db.selectFrom('homework').selectAll().where('episode_id', '=', episodeId).where('status', '=', 'active');
  if (nextAppointmentId) {
    query = query
      .where((eb) => eb.or([eb('appointment_id', '=', nextAppointmentId), eb('set_at', '>=', from)]))
      .orderBy((eb) => eb.case().when('appointment_id', '=', nextAppointmentId).then(0).else(1).end());
  } else {
    query = query.where('set_at', '>=', from);
  }
  return query.orderBy('set_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** Exercise drafts started (saved, not sent) since `since`: what makes an exercise "partly" done. */
export function listDraftsSince(db: Db, clientId: string, since: Date) {
  return db.selectFrom('exercise_entry').select(['exercise', 'module_id']).where('client_id', '=', clientId).where('status', '=', 'draft').where('created_at', '>=', since).execute();
}

export function listCheckInsSince(db: Db, clientId: string, from: Date) {
  return db.selectFrom('check_in').select(['mood', 'recorded_at']).where('client_id', '=', clientId).where('recorded_at', '>=', from).orderBy('recorded_at').limit(2000).execute();
}

/** Completed PHQ-9 and GAD-7 scores of the episode (the referral's first and latest count). */
export function listEpisodeScores(db: Db, episodeId: string) {
  return db
    .selectFrom('questionnaire_response')
    .select(['instrument', 'total', 'authored_at', 'received_at'])
    .where('episode_id', '=', episodeId)
    .where('status', '=', 'completed')
    .where('instrument', 'in', ['phq9', 'gad7'])
    .where('total', 'is not', null)
    .limit(500)
    .execute();
}

/** Risk alerts raised since `from`, and any of the client's alerts still open, whenever raised. */
export function listBriefAlerts(db: Db, clientId: string, from: Date) {
  return db
    .selectFrom('risk_alert')
    .select(['id', 'trigger', 'tier', 'status', 'raised_at', 'answer_value', 'response_id'])
    .where('client_id', '=', clientId)
    .where((eb) => eb.or([eb('raised_at', '>=', from), eb('status', '=', 'open')]))
    .orderBy('raised_at', 'desc')
    .execute();
}

/** Positive answers to PHQ-9 question 9 given since `from`, in finished or unfinished questionnaires. */
export function listItem9AnswersSince(db: Db, clientId: string, from: Date) {
  return db
    .selectFrom('questionnaire_answer as a')
    .innerJoin('questionnaire_response as r', 'r.id', 'a.response_id')
    .select(['a.response_id', 'a.value', 'a.recorded_at'])
    .where('r.client_id', '=', clientId)
    .where('r.instrument', '=', riskItem.instrumentId)
    .where('a.link_id', '=', riskItem.linkId)
    .where('a.value', '>', 0)
    .where('a.recorded_at', '>=', from)
    .execute();
}
