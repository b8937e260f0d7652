import { canManageAccounts, DomainError, type StaffActor } from '@tandem/domain';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { requireClientAccess } from '../clients/clients.policy';
import { findClientForDataRights } from './data-rights.repo';

/**
 * Who may handle a client's removal request (decision 0042): admins of the client's own
 * organisation, and no one else. Anyone else in that organisation is refused (403, audited); a
 * client of another organisation, or none at all, answers "not found" as every client record does.
 */
export async function requireDataRightsAdmin(ctx: ServiceContext, clientId: string, action: string) {
  const client = await findClientForDataRights(ctx.db, clientId);
  const sameOrganisation = !!client && client.organisation_id === ctx.actor.organisationId;
  if (!canManageAccounts(ctx.actor) || ctx.actor.type !== 'staff') {
    if (sameOrganisation) await writeAudit(ctx.db, ctx, { action, outcome: 'denied', entityType: 'client', entityId: clientId, clientId });
    throw new DomainError('auth.forbidden', 'Only an admin of the service can handle a request to remove data.');
  }
  if (!client || !sameOrganisation) throw new DomainError('client.not_found', 'There is no client record here that you can open.');
  return { client, admin: ctx.actor as StaffActor };
}

/** Only an admin may look clients up by email or NHS number for a data request. */
export function requireAdmin(ctx: ServiceContext): StaffActor {
  if (!canManageAccounts(ctx.actor) || ctx.actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only an admin of the service can handle a request to remove data.');
  return ctx.actor;
}

/**
 * Who may see whether a client's processing is restricted: the organisation's admins (who handle
 * the request) and staff who may read the client's record (they see the banner).
 */
export async function requireDataRightsRead(ctx: ServiceContext, clientId: string, action: string): Promise<{ canManage: boolean }> {
  if (canManageAccounts(ctx.actor) && ctx.actor.type === 'staff') {
    const client = await findClientForDataRights(ctx.db, clientId);
    if (client && client.organisation_id === ctx.actor.organisationId) return { canManage: true };
  }
  if (ctx.actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Your own data is on the "Your data" page.');
  await requireClientAccess(ctx, clientId, action);
  return { canManage: false };
}
