import { sql, type Kysely, type Transaction } from 'kysely';
import type { auditFor } from '../../audit/audit';
import { clientChangedNotice } from '../worklist/worklist.notify';
import type { Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;

const columns = ['id', 'client_id', 'mood', 'note', 'recorded_at', 'received_at'] as const;

/**
 * Stores a check-in unless its id exists, with its audit entry (`audited`, from auditFor over
 * "inserted") and the worklist's change notice, in one statement: atomic without a transaction
 * and one round trip (the check-in is the busiest write). Returns the row now stored under the id
 * and whether this call stored it; a replay returns the earlier row, audits and notifies nothing.
 */
export async function storeCheckIn(
  db: Db,
  row: { id: string; organisationId: string; clientId: string; mood: number; note: string | null; recordedAt: Date; receivedAt: Date },
  audited: ReturnType<typeof auditFor>,
): Promise<{ row: CheckInRow; created: boolean } | undefined> {
  const result = await db
    .with('inserted', (qc) =>
      qc
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
        .returning(columns),
    )
    .with('audited', audited)
    .selectFrom('inserted')
    .select([...columns, sql<boolean>`true`.as('created'), clientChangedNotice('inserted.client_id').as('notice')])
    .unionAll((qc) =>
      qc
        .selectFrom('check_in')
        .select([...columns, sql<boolean>`false`.as('created'), sql<string>`null`.as('notice')])
        .where('id', '=', row.id)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('inserted').select('inserted.id')))),
    )
    .executeTakeFirst();
  if (!result) return undefined;
  const { created, notice: _notice, ...stored } = result;
  return { row: stored, created };
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
