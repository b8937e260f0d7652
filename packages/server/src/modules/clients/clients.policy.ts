import { clientAccess, DomainError, type Actor, type ClientAccess, type ErrorCode } from '@tandem/domain';
import type { Kysely } from 'kysely';
import { writeAudit, type AuditContext } from '../../audit/audit';
import type { Schema } from '../../db/schema';
import { loadAccessFacts } from './clients.repo';

/**
 * Loads the facts and applies the domain policy. A record the actor may not see — in another
 * organisation, off their caseload, or not there at all — answers the same `client.not_found`, so
 * nobody learns which clients exist. A refused look at a real client is audited (in its own
 * transaction, so the refusal's rollback cannot remove it). Call it before opening the write
 * transaction: on the embedded engine a second connection cannot be had inside one.
 */
export async function requireClientAccess(
  ctx: AuditContext & { actor: Actor; db: Kysely<Schema> },
  clientId: string,
  action: string,
  need: (access: ClientAccess) => boolean = (access) => access.allowed.read,
  notFound: { code: ErrorCode; message: string } = { code: 'client.not_found', message: 'There is no client record here that you can open.' },
): Promise<ClientAccess> {
  const facts = await loadAccessFacts(ctx.db, clientId, ctx.clock.now());
  const access = facts ? clientAccess(ctx.actor, facts) : undefined;
  if (!facts || !access || !need(access)) {
    if (facts && facts.organisationId === ctx.actor.organisationId) {
      await writeAudit(ctx.db, ctx, { action, outcome: 'denied', entityType: 'client', entityId: clientId, clientId });
    }
    throw new DomainError(notFound.code, notFound.message);
  }
  return access;
}
