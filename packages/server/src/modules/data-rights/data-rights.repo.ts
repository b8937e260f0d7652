import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;

/** Whether processing of the client's data is restricted now (an unlifted restriction; decision 0042). */
export async function isProcessingRestricted(db: Db, clientId: string): Promise<boolean> {
  const row = await db.selectFrom('processing_restriction').select('id').where('client_id', '=', clientId).where('lifted_at', 'is', null).executeTakeFirst();
  return !!row;
}

export function findClientForDataRights(db: Db, clientId: string) {
  return db
    .selectFrom('client')
    .select(['id', 'organisation_id', 'given_name', 'family_name', 'date_of_birth', 'email'])
    .where('id', '=', clientId)
    .executeTakeFirst();
}

/** A client of the organisation by email (any case) or NHS number (spaces ignored). */
export function findClientByEmailOrNhsNumber(db: Db, organisationId: string, query: string) {
  const email = query.trim().toLowerCase();
  const nhs = query.replace(/\s/g, '');
  return db
    .selectFrom('client')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb(eb.fn('lower', ['email']), '=', email), ...( /^\d{10}$/.test(nhs) ? [eb('nhs_number', '=', nhs)] : [])]))
    .orderBy('created_at')
    .executeTakeFirst();
}

export function listRestrictions(db: Db, clientId: string) {
  return db
    .selectFrom('processing_restriction as r')
    .innerJoin('staff as by', 'by.id', 'r.restricted_by')
    .leftJoin('staff as lifter', 'lifter.id', 'r.lifted_by')
    .select(['r.id', 'r.requested_at', 'r.restricted_at', 'r.reason', 'r.lifted_at', 'r.lift_reason', 'by.display_name as restricted_by_name', 'lifter.display_name as lifted_by_name'])
    .where('r.client_id', '=', clientId)
    .orderBy('r.restricted_at', 'desc')
    .execute();
}

export async function insertRestriction(
  db: Db,
  row: { id: string; clientId: string; organisationId: string; requestedAt: Date; at: Date; by: string; reason: string },
): Promise<boolean> {
  const result = await db
    .insertInto('processing_restriction')
    .values({ id: row.id, client_id: row.clientId, organisation_id: row.organisationId, requested_at: row.requestedAt, restricted_at: row.at, restricted_by: row.by, reason: row.reason })
    .onConflict((oc) => oc.column('client_id').where('lifted_at', 'is', null).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Lifts the active restriction; returns its id, or undefined when there was none. */
export async function liftRestriction(db: Db, clientId: string, at: Date, by: string, reason: string) {
  const row = await db
    .updateTable('processing_restriction')
    .set({ lifted_at: at, lifted_by: by, lift_reason: reason })
    .where('client_id', '=', clientId)
    .where('lifted_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export function findErasure(db: Db, clientId: string) {
  return db.selectFrom('client_erasure').select(['erased_at']).where('client_id', '=', clientId).executeTakeFirst();
}

/**
 * The facts the retention rule needs: whether any episode is still open, and the last day of
 * contact — the latest of an episode's end, an attended appointment and the day the record was made.
 */
export async function retentionFacts(db: Db, clientId: string) {
  const open = await db.selectFrom('episode').select('id').where('client_id', '=', clientId).where('status', '<>', 'ended').executeTakeFirst();
  const ended = await db.selectFrom('episode').select((eb) => eb.fn.max('ended_on').as('last')).where('client_id', '=', clientId).executeTakeFirst();
  const attended = await db
    .selectFrom('appointment')
    .select((eb) => eb.fn.max('starts_at').as('last'))
    .where('client_id', '=', clientId)
    .where('status', 'in', ['attended', 'attended_late'])
    .executeTakeFirst();
  const client = await db.selectFrom('client').select('created_at').where('id', '=', clientId).executeTakeFirstOrThrow();
  return { careOngoing: !!open, lastEndedOn: (ended?.last as string | null) ?? null, lastAttendedAt: (attended?.last as Date | null) ?? null, createdAt: client.created_at };
}
