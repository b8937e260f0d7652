import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;

export function listDoneSteps(db: Db, clientId: string) {
  return db.selectFrom('step_progress').selectAll().where('client_id', '=', clientId).orderBy('recorded_at').orderBy('module_id').orderBy('step_id').execute();
}

/** Records a finished step once: the first time counts (a replay changes nothing). */
export async function insertDoneStep(db: Db, row: { client_id: string; module_id: string; step_id: string; content_version: string; recorded_at: Date; received_at: Date }): Promise<boolean> {
  const inserted = await db
    .insertInto('step_progress')
    .values(row)
    .onConflict((oc) => oc.columns(['client_id', 'module_id', 'step_id']).doNothing())
    .returning('step_id')
    .executeTakeFirst();
  return inserted !== undefined;
}
