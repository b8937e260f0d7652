import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;

export async function insertAttempt(
  db: Db,
  row: { keyHash: string; state: string; nonce: string; codeVerifier: string; now: Date; expiresAt: Date },
) {
  await db
    .insertInto('oidc_attempt')
    .values({ key_hash: row.keyHash, state: row.state, nonce: row.nonce, code_verifier: row.codeVerifier, created_at: row.now, expires_at: row.expiresAt })
    .execute();
}

/** Attempts nobody finished: nothing in them is worth keeping once they have expired. */
export async function deleteExpiredAttempts(db: Db, now: Date) {
  await db.deleteFrom('oidc_attempt').where('expires_at', '<=', now).execute();
}

/** Takes an attempt out of the table: whoever deletes it is the only one who can use it. */
export function takeAttempt(db: Db, keyHash: string) {
  return db.deleteFrom('oidc_attempt').where('key_hash', '=', keyHash).returning(['state', 'nonce', 'code_verifier', 'expires_at']).executeTakeFirst();
}

/** The account behind an email, with the subject this issuer first signed in to it with. */
export function findAccountForSso(db: Db, email: string, issuer: string) {
  return db
    .selectFrom('account as a')
    .leftJoin('account_oidc_link as l', (join) => join.onRef('l.account_id', '=', 'a.id').on('l.issuer', '=', issuer))
    .select(['a.id', 'a.organisation_id', 'a.actor_type', 'a.client_id', 'a.status', 'l.subject as linked_subject'])
    .where('a.email', '=', email)
    .executeTakeFirst();
}

/** Which account, if any, this issuer's subject already opens. */
export async function findLinkedAccountId(db: Db, issuer: string, subject: string): Promise<string | null> {
  const row = await db.selectFrom('account_oidc_link').select('account_id').where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst();
  return row?.account_id ?? null;
}

export async function insertLink(db: Db, row: { issuer: string; subject: string; accountId: string; now: Date }) {
  await db
    .insertInto('account_oidc_link')
    .values({ issuer: row.issuer, subject: row.subject, account_id: row.accountId, created_at: row.now, last_used_at: row.now })
    .execute();
}

export async function touchLink(db: Db, issuer: string, subject: string, now: Date) {
  await db.updateTable('account_oidc_link').set({ last_used_at: now }).where('issuer', '=', issuer).where('subject', '=', subject).execute();
}
