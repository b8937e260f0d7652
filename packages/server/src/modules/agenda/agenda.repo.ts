import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AgendaItemTable, Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;
export type AgendaItemRow = Selectable<AgendaItemTable>;

/** Inserts an item unless its id exists; true when this call inserted it. */
export async function insertAgendaItem(db: Db, row: AgendaItemRow): Promise<boolean> {
  const inserted = await db.insertInto('agenda_item').values(row).onConflict((oc) => oc.column('id').doNothing()).returning('id').executeTakeFirst();
  return inserted !== undefined;
}

export function findAgendaItem(db: Db, id: string) {
  return db.selectFrom('agenda_item').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAgendaItems(db: Db, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('agenda_item').selectAll().where('id', 'in', ids).execute();
}

/** A client's items still to talk about, oldest first (the order they came up). */
export function listOpenAgendaItems(db: Db, clientId: string) {
  return db.selectFrom('agenda_item').selectAll().where('client_id', '=', clientId).where('status', '=', 'open').orderBy('recorded_at').orderBy('id').limit(200).execute();
}

export async function markDiscussed(db: Db, id: string, change: { at: Date; by: string | null; appointmentId: string }): Promise<void> {
  await db
    .updateTable('agenda_item')
    .set({ status: 'discussed', discussed_at: change.at, discussed_by: change.by, discussed_appointment_id: change.appointmentId })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .execute();
}

export async function markRemoved(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('agenda_item').set({ status: 'removed', removed_at: at }).where('id', '=', id).where('status', '=', 'open').execute();
}
