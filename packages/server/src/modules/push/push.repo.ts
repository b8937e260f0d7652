import type { Kysely, Transaction } from 'kysely';
import webpush from 'web-push';
import type { Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;

/**
 * The server's VAPID key pair, made the first time it is needed. Two instances making it at once
 * both insert; the second insert is a no-op and both read the one row that won.
 */
export async function vapidKeys(db: Db, now: Date): Promise<{ publicKey: string; privateKey: string }> {
  const existing = await db.selectFrom('push_vapid_key').select(['public_key', 'private_key']).where('id', '=', 1).executeTakeFirst();
  if (existing) return { publicKey: existing.public_key, privateKey: existing.private_key };
  const made = webpush.generateVAPIDKeys();
  await db
    .insertInto('push_vapid_key')
    .values({ id: 1, public_key: made.publicKey, private_key: made.privateKey, created_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const row = await db.selectFrom('push_vapid_key').select(['public_key', 'private_key']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { publicKey: row.public_key, privateKey: row.private_key };
}

/**
 * Saves a device's subscription for the account signed in on it. The endpoint is the device: one
 * saved before by another account (a phone passed on) now belongs to this one.
 */
export async function upsertSubscription(db: Db, row: { id: string; accountId: string; endpoint: string; p256dh: string; auth: string; now: Date }) {
  return db
    .insertInto('push_subscription')
    .values({ id: row.id, account_id: row.accountId, endpoint: row.endpoint, p256dh: row.p256dh, auth: row.auth, created_at: row.now, last_sent_at: null })
    .onConflict((oc) => oc.column('endpoint').doUpdateSet({ account_id: row.accountId, p256dh: row.p256dh, auth: row.auth }))
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

export function findSubscription(db: Db, id: string) {
  return db.selectFrom('push_subscription').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listAccountSubscriptions(db: Db, accountId: string) {
  return db.selectFrom('push_subscription').select(['id', 'endpoint']).where('account_id', '=', accountId).orderBy('created_at').execute();
}

export async function deleteSubscription(db: Db, id: string, accountId?: string): Promise<boolean> {
  let query = db.deleteFrom('push_subscription').where('id', '=', id);
  if (accountId) query = query.where('account_id', '=', accountId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function markSent(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('push_subscription').set({ last_sent_at: at }).where('id', '=', id).execute();
}
