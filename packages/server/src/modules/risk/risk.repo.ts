import { defaultRiskPolicy, RiskPolicySchema, type RiskPolicy } from '@tandem/domain';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { RiskAlertTable, Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;
export type RiskAlertRow = Selectable<RiskAlertTable>;

/** The organisation's risk policy, or the default until its clinical lead sets one. */
export async function loadRiskPolicy(db: Db, organisationId: string): Promise<{ policy: RiskPolicy; version: number; isDefault: boolean }> {
  const row = await db.selectFrom('risk_policy').select(['policy', 'version']).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!row) return { policy: defaultRiskPolicy, version: 0, isDefault: true };
  return { policy: RiskPolicySchema.parse(row.policy), version: row.version, isDefault: false };
}

export function findAlert(db: Db, alertId: string) {
  return db.selectFrom('risk_alert').selectAll().where('id', '=', alertId).executeTakeFirst();
}

export function findAlertForResponse(db: Db, responseId: string) {
  return db.selectFrom('risk_alert').selectAll().where('response_id', '=', responseId).executeTakeFirst();
}

/** The client's latest item-9 alert in an episode (another response than `exceptResponseId`). */
export function lastItem9Alert(db: Db, clientId: string, episodeId: string | null, exceptResponseId: string | null) {
  let query = db
    .selectFrom('risk_alert')
    .select(['answer_value', 'status'])
    .where('client_id', '=', clientId)
    .where('trigger', '=', 'phq9_item9')
    .orderBy('raised_at', 'desc')
    .orderBy('id', 'desc');
  query = episodeId === null ? query.where('episode_id', 'is', null) : query.where('episode_id', '=', episodeId);
  if (exceptResponseId) query = query.where('response_id', '!=', exceptResponseId);
  return query.executeTakeFirst();
}

export function listAlertEvents(db: Db, alertIds: string[]) {
  if (!alertIds.length) return Promise.resolve([]);
  return db.selectFrom('risk_alert_event').selectAll().where('alert_id', 'in', alertIds).orderBy('seq').execute();
}

export async function insertAlertEvent(db: Db, event: { id: string; alertId: string; at: Date; kind: string; staffId: string | null; note: string | null }) {
  await db
    .insertInto('risk_alert_event')
    .values({ id: event.id, alert_id: event.alertId, at: event.at, kind: event.kind, staff_id: event.staffId, note: event.note })
    .execute();
}

/** Open alerts routed to a person, or for clients on their care team. */
export function listAlertsForStaff(db: Db, staffId: string, organisationId: string, status: 'open' | 'acknowledged' | 'all') {
  let query = db
    .selectFrom('risk_alert')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where((eb) =>
      eb.or([
        eb('recipient_staff_id', '=', staffId),
        eb('client_id', 'in', eb.selectFrom('care_team_member').select('client_id').where('staff_id', '=', staffId)),
      ]),
    )
    .orderBy('raised_at', 'desc')
    .limit(200);
  if (status !== 'all') query = query.where('status', '=', status);
  return query.execute();
}

export function listAlertsOfClient(db: Db, clientId: string) {
  return db.selectFrom('risk_alert').selectAll().where('client_id', '=', clientId).orderBy('raised_at', 'desc').limit(200).execute();
}

/**
 * A client's unacknowledged alerts that belong to this episode (or to no episode: raised before
 * one opened) — what discharge must wait for.
 */
export function openAlertsOfEpisode(db: Db, clientId: string, episodeId: string) {
  return db
    .selectFrom('risk_alert')
    .select('id')
    .where('client_id', '=', clientId)
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('episode_id', '=', episodeId), eb('episode_id', 'is', null)]))
    .execute();
}
