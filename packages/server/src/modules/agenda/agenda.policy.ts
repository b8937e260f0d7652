import { DomainError } from '@tandem/domain';
import type { ServiceContext } from '../../context';
import { requireClientAccess } from '../clients/clients.policy';

/**
 * Who may do what with agenda items: the client adds, reads and removes their own; staff who may
 * read the client's record read the open ones; whoever manages the client's episodes marks them
 * discussed. Anyone else gets "not found".
 */
export function requireClient(ctx: ServiceContext) {
  if (ctx.actor.type !== 'client') throw new DomainError('auth.forbidden', 'Only a client keeps their own list of things to talk about.');
  return ctx.actor;
}

export const agendaNotFound = { code: 'agenda_item.not_found' as const, message: 'There is no item here that you can open.' };

export function requireAgendaRead(ctx: ServiceContext, clientId: string) {
  return requireClientAccess(ctx, clientId, 'agenda_item.list');
}

export function requireAgendaManage(ctx: ServiceContext, clientId: string) {
  return requireClientAccess(ctx, clientId, 'agenda_item.discussed', (a) => a.allowed.manageEpisodes, agendaNotFound);
}
