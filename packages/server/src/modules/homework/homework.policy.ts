import { DomainError } from '@tandem/domain';
import type { ServiceContext } from '../../context';
import { assertEpisodeOpen, requireEpisodeAccess } from '../episodes/episodes.policy';
import { findHomework } from './homework.repo';

/**
 * Who may do what with homework. Homework belongs to its episode, so the episode's policy decides
 * (episodes.policy.ts): whoever manages the episode sets and cancels it, only while it is open;
 * staff who may read the episode read it; the client reads their own through /api/me/homework.
 * Someone without access gets "not found".
 */
export async function requireHomeworkSet(ctx: ServiceContext, episodeId: string, action: string) {
  const found = await requireEpisodeAccess(ctx, episodeId, action, (a) => a.allowed.manageEpisodes);
  assertEpisodeOpen(found.episode);
  return found;
}

export function requireHomeworkRead(ctx: ServiceContext, episodeId: string, action: string) {
  if (ctx.actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Your homework is on your own page.');
  return requireEpisodeAccess(ctx, episodeId, action);
}

/** One homework, for a change by whoever manages its episode. */
export async function requireHomeworkChange(ctx: ServiceContext, homeworkId: string, action: string) {
  const row = await findHomework(ctx.db, homeworkId);
  if (!row || row.organisation_id !== ctx.actor.organisationId) throw new DomainError('homework.not_found', 'There is no homework here that you can open.');
  const found = await requireEpisodeAccess(ctx, row.episode_id, action, (a) => a.allowed.manageEpisodes).catch(() => {
    throw new DomainError('homework.not_found', 'There is no homework here that you can open.');
  });
  return { row, ...found };
}

export function requireClient(ctx: ServiceContext) {
  if (ctx.actor.type !== 'client') throw new DomainError('auth.forbidden', 'Only a client has their own homework.');
  return ctx.actor;
}
