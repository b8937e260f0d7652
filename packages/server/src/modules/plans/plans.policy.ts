import { canManageAccounts, DomainError, type Actor, type StaffActor } from '@tandem/domain';
import type { ServiceContext } from '../../context';
import { assertEpisodeOpen, requireEpisodeAccess } from '../episodes/episodes.policy';

/**
 * Who may do what with plans. A plan belongs to its episode, so the episode's policy decides
 * (episodes.policy.ts): the care team reads and edits it, a supervisor of the care team and an
 * admin under break-glass read it; someone without access gets "not found", as for the episode.
 * Templates: every staff member may read them; admins add the organisation's own.
 */

/** Staff choose templates; clients and anonymous callers never see the catalogue. */
export function requireStaff(actor: Actor): StaffActor {
  if (actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only staff can see plan templates.');
  return actor;
}

/** Adding an organisation template is configuration: admins only (like care settings). */
export function requireTemplateAdmin(actor: Actor): StaffActor {
  if (!canManageAccounts(actor) || actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only admins can add a plan template.');
  return actor;
}

/**
 * Reading an episode's plan and its history: staff who may read the episode. The client reads their
 * plan through /api/me/plan, which leaves out the care team's record (reasons, editors, template).
 */
export function requirePlanRead(ctx: ServiceContext, episodeId: string, action: string) {
  if (ctx.actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Your plan is on your own page.');
  return requireEpisodeAccess(ctx, episodeId, action);
}

/** Making or editing an episode's plan: whoever manages the episode, and only while it is open. */
export async function requirePlanEdit(ctx: ServiceContext, episodeId: string, action: string) {
  const found = await requireEpisodeAccess(ctx, episodeId, action, (a) => a.allowed.manageEpisodes);
  assertEpisodeOpen(found.episode);
  return found;
}
