import { DomainError, type Actor, type ClientActor, type StaffActor } from '@tandem/domain';

/**
 * Who may have a calendar feed: a person with an account — a client (their own appointments) or
 * a member of staff (the appointments they hold). An integration or Tandem itself has none.
 */
export function requireFeedOwner(actor: Actor): ClientActor | StaffActor {
  if (actor.type !== 'client' && actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only a signed-in person can have a calendar feed.');
  return actor;
}

/** A feed secret is 32 random bytes in base64url: anything else is not worth a database look-up. */
export function looksLikeFeedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
