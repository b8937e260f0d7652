import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;

export function findInvitationByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('invitation as i')
    .innerJoin('account as a', 'a.id', 'i.account_id')
    .innerJoin('organisation as o', 'o.id', 'i.organisation_id')
    .leftJoin('client as c', 'c.id', 'a.client_id')
    .leftJoin('staff as s', 's.id', 'a.staff_id')
    .select([
      'i.id',
      'i.kind',
      'i.expires_at as expiresAt',
      'i.used_at as usedAt',
      'i.revoked_at as revokedAt',
      'i.date_of_birth_failures as dateOfBirthFailures',
      'i.organisation_id as organisationId',
      'o.name as organisationName',
      'a.id as accountId',
      'a.actor_type as actorType',
      'a.client_id as clientId',
      'a.status as accountStatus',
      'c.date_of_birth as dateOfBirth',
      'a.email',
      // Names the person might build a password from (refused: NIST SP 800-63B-4 §3.1.1.2).
      'c.given_name as givenName',
      'c.family_name as familyName',
      's.display_name as staffName',
    ])
    .where('i.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function findAccountFor(db: Db, person: { clientId: string | null; staffId: string | null }) {
  let query = db.selectFrom('account').select(['id', 'email', 'status']);
  query = person.clientId ? query.where('client_id', '=', person.clientId) : query.where('staff_id', '=', person.staffId ?? '');
  return query.executeTakeFirst();
}

export async function revokeOpenInvitations(db: Db, accountId: string, now: Date) {
  await db
    .updateTable('invitation')
    .set({ revoked_at: now })
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Marks an invitation used; false when another request used it first. */
export async function markInvitationUsed(db: Db, invitationId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('invitation')
    .set({ used_at: now })
    .where('id', '=', invitationId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recordDateOfBirthFailure(db: Db, invitationId: string, now: Date, maxAttempts: number) {
  return db
    .updateTable('invitation')
    .set((eb) => ({
      date_of_birth_failures: eb('date_of_birth_failures', '+', 1),
      revoked_at: eb.case().when('date_of_birth_failures', '>=', maxAttempts - 1).then(now).else(eb.ref('revoked_at')).end(),
    }))
    .where('id', '=', invitationId)
    .returning(['date_of_birth_failures', 'revoked_at'])
    .executeTakeFirstOrThrow();
}
