import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;

const columns = ['id', 'client_id', 'mood', 'note', 'recorded_at', 'received_at'] as const;

/** Inserts a check-in unless its id exists; returns true when this call inserted it. */
export async function insertCheckIn(
  db: Db,
  row: { id: string; organisationId: string; clientId: string; mood: number; note: string | null; recordedAt: Date; receivedAt: Date },
): Promise<boolean> {
  const inserted = await db
    .insertInto('check_in')
    .values({
      id: row.id,
      organisation_id: row.organisationId,
      client_id: row.clientId,
      mood: row.mood,
      note: row.note,
      recorded_at: row.recordedAt,
      received_at: row.receivedAt,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function findCheckIn(db: Db, id: string) {
  return db.selectFrom('check_in').select(columns).where('id', '=', id).executeTakeFirst();
}
export type CheckInRow = NonNullable<Awaited<ReturnType<typeof findCheckIn>>>;

export function listCheckIns(db: Db, clientId: string, since: Date) {
  return db
    .selectFrom('check_in')
    .select(columns)
    .where('client_id', '=', clientId)
    .where('recorded_at', '>=', since)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Check-ins of many clients since a time, and each client's latest ever: two queries in all. */
export async function checkInsForClients(db: Db, clientIds: string[], since: Date) {
  if (!clientIds.length) return { recent: [], latest: [] };
  const recent = await db
    .selectFrom('check_in')
    .select(['client_id', 'mood', 'recorded_at'])
    .where('client_id', 'in', clientIds)
    .where('recorded_at', '>=', since)
    .execute();
  const latest = await db
    .selectFrom('check_in')
    .select(['client_id', (eb) => eb.fn.max('recorded_at').as('last_recorded_at')])
    .where('client_id', 'in', clientIds)
    .groupBy('client_id')
    .execute();
  return { recent, latest };
}
