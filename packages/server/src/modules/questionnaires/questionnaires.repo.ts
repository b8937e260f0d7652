import type { Kysely, Selectable, Transaction } from 'kysely';
import type { QuestionnaireResponseTable, Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;
export type ResponseRow = Selectable<QuestionnaireResponseTable>;

export function findResponse(db: Db, id: string) {
  return db.selectFrom('questionnaire_response').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function answersOf(db: Db, responseIds: string[]): Promise<Map<string, Record<string, number | null>>> {
  const map = new Map<string, Record<string, number | null>>(responseIds.map((id) => [id, {}]));
  if (!responseIds.length) return map;
  const rows = await db.selectFrom('questionnaire_answer').select(['response_id', 'link_id', 'value']).where('response_id', 'in', responseIds).execute();
  for (const row of rows) map.get(row.response_id)![row.link_id] = row.value;
  return map;
}

/** The answers of one response, by item. */
export async function answersOfResponse(db: Db, responseId: string): Promise<Record<string, number | null>> {
  return (await answersOf(db, [responseId])).get(responseId) ?? {};
}

/**
 * Saves one answer. A later answer to the same item replaces an earlier one by the device's
 * time, so answers sent out of order (offline) end with the one chosen last.
 */
export async function upsertAnswer(db: Db, row: { responseId: string; linkId: string; value: number | null; recordedAt: Date; receivedAt: Date }, force = false) {
  await db
    .insertInto('questionnaire_answer')
    .values({ response_id: row.responseId, link_id: row.linkId, value: row.value, recorded_at: row.recordedAt, received_at: row.receivedAt })
    .onConflict((oc) => {
      const update = oc.columns(['response_id', 'link_id']).doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        recorded_at: eb.ref('excluded.recorded_at'),
        received_at: eb.ref('excluded.received_at'),
      }));
      return force ? update : update.where('questionnaire_answer.recorded_at', '<=', row.recordedAt);
    })
    .execute();
}

export function listCompletedResponses(db: Db, clientId: string) {
  return db
    .selectFrom('questionnaire_response')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('status', '=', 'completed')
    .orderBy('authored_at')
    .orderBy('id')
    .limit(500)
    .execute();
}

/** What the due rules need for one client: their episodes, booked appointments and completed responses. */
export async function dueFacts(db: Db, clientId: string) {
  const episodes = await db.selectFrom('episode').select(['id', 'status']).where('client_id', '=', clientId).execute();
  const appointments = await db
    .selectFrom('appointment')
    .select(['id', 'episode_id', 'starts_at', 'duration_minutes', 'purpose', 'status'])
    .where('client_id', '=', clientId)
    .where('status', '=', 'booked')
    .execute();
  const completed = await db
    .selectFrom('questionnaire_response')
    .select(['appointment_id', 'instrument'])
    .where('client_id', '=', clientId)
    .where('status', '=', 'completed')
    .where('appointment_id', 'is not', null)
    .execute();
  const inProgress = await db
    .selectFrom('questionnaire_response')
    .select(['id', 'appointment_id', 'instrument'])
    .where('client_id', '=', clientId)
    .where('status', '=', 'in_progress')
    .execute();
  return { episodes, appointments, completed, inProgress };
}
