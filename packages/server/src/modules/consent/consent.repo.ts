import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;

export function listConsentRecords(db: Db, clientId: string) {
  return db.selectFrom('consent_record').selectAll().where('client_id', '=', clientId).orderBy('seq', 'desc').execute();
}
export type ConsentRow = Awaited<ReturnType<typeof listConsentRecords>>[number];

export function findConsentRecord(db: Db, id: string) {
  return db.selectFrom('consent_record').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The client's current consent: the newest record, or undefined before any. */
export function currentConsentRecord(db: Db, clientId: string) {
  return db.selectFrom('consent_record').selectAll().where('client_id', '=', clientId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}
