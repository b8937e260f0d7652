import { DomainError, type ClientAccess } from '@tandem/domain';
import type { ServiceContext } from '../../context';
import { requireClientAccess } from '../clients/clients.policy';
import { findEpisode, type EpisodeRow } from './episodes.repo';

const notFound = { code: 'episode.not_found' as const, message: 'There is no episode here that you can open.' };

/**
 * An episode the actor may act on: its client's access decides. Someone without access — or in
 * another organisation — gets "not found", as for the client record itself.
 */
export async function requireEpisodeAccess(
  ctx: ServiceContext,
  episodeId: string,
  action: string,
  need: (access: ClientAccess) => boolean = (access) => access.allowed.read,
): Promise<{ episode: EpisodeRow; access: ClientAccess }> {
  const episode = await findEpisode(ctx.db, episodeId);
  if (!episode || episode.organisation_id !== ctx.actor.organisationId) throw new DomainError(notFound.code, notFound.message);
  const access = await requireClientAccess(ctx, episode.client_id, action, need, notFound);
  return { episode, access };
}

/** Changes need an episode that has not ended: after discharge the record is read-only. */
export function assertEpisodeOpen(episode: EpisodeRow): void {
  if (episode.status === 'ended') throw new DomainError('episode.closed', 'This episode has ended; its record can no longer be changed.');
}
