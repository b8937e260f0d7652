import type { InviteStaffRequestSchema} from '@tandem/domain';
import { canManageAccounts, DomainError, invitationLifetimeMs, type StaffSummary } from '@tandem/domain';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { assertCanSendInvitations, createInvitation } from '../invitations/invitations.service';
import { countSitesOfOrganisation, findStaffById, insertStaffMember, listStaffOfOrganisation, staffIdsWithRole } from './staff.repo';

type InviteStaff = z.output<typeof InviteStaffRequestSchema>;

/**
 * An admin adds a member of staff and emails them an invitation. Supervisors are named people
 * who hold the supervisor role in the same organisation.
 */
export async function inviteStaff(ctx: ServiceContext, input: InviteStaff): Promise<StaffSummary> {
  if (!canManageAccounts(ctx.actor)) throw new DomainError('auth.forbidden', 'Only admins can invite staff.');
  const organisationId = ctx.actor.organisationId!;
  const existing = await findStaffById(ctx.db, input.id);
  if (existing) {
    if (existing.organisation_id === organisationId && existing.email === input.email) return presentStaff(existing, true);
    throw new DomainError('write.id_conflict', 'A different record was already saved with this id.');
  }
  const supervisors = await staffIdsWithRole(ctx.db, organisationId, input.supervisorIds, 'supervisor');
  const unknown = input.supervisorIds.filter((id) => !supervisors.includes(id));
  if (unknown.length) {
    throw new DomainError('staff.not_found', 'A chosen supervisor is not a supervisor in your organisation.', unknown.map((id) => ({ path: 'body/supervisorIds', message: id })));
  }
  if ((await countSitesOfOrganisation(ctx.db, organisationId, input.siteIds)) !== new Set(input.siteIds).size) {
    throw new DomainError('request.invalid', 'A chosen site is not in your organisation.', [{ path: 'body/siteIds', message: 'unknown site' }]);
  }
  assertCanSendInvitations(ctx);
  const org = await ctx.db.selectFrom('organisation').select('time_zone').where('id', '=', organisationId).executeTakeFirstOrThrow();
  const now = ctx.clock.now();
  // The staff record, its account and the invitation email commit together or not at all.
  await ctx.db.transaction().execute(async (trx) => {
    await insertStaffMember(trx, { ...input, timeZone: input.timeZone ?? org.time_zone, organisationId, now });
    await writeAudit(trx, ctx, { action: 'staff.create', entityType: 'staff', entityId: input.id, details: { roles: input.roles.join('+') } });
    const invitation = {
      kind: 'staff' as const,
      organisationId,
      email: input.email,
      clientId: null,
      staffId: input.id,
      expiresAt: new Date(now.getTime() + invitationLifetimeMs),
    };
    await createInvitation(ctx, invitation, trx);
  });
  const created = await findStaffById(ctx.db, input.id);
  return presentStaff(created!, true);
}

function presentStaff(
  row: { id: string; display_name: string; email: string; roles: StaffSummary['roles']; status: StaffSummary['accountStatus'] },
  withEmail: boolean,
): StaffSummary {
  return { id: row.id, displayName: row.display_name, email: withEmail ? row.email : '', roles: row.roles, accountStatus: row.status };
}

/** Colleagues in the caller's organisation; only admins see email addresses. */
export async function listStaff(ctx: ServiceContext): Promise<StaffSummary[]> {
  if (ctx.actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only staff can list staff.');
  const admin = canManageAccounts(ctx.actor);
  const rows = await listStaffOfOrganisation(ctx.db, ctx.actor.organisationId);
  return rows.map((row) => presentStaff(row, admin));
}
