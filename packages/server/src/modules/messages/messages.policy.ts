import { clientAccess, DomainError } from '@tandem/domain';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { loadAccessFacts } from '../clients/clients.repo';
import { isRoutedTo } from './messages.repo';

/**
 * Who may do what with messages (decision 0027):
 * - a client reads and writes their own conversation only;
 * - the client's care team reads, writes and marks read;
 * - a colleague a client's message was routed to (away cover, duty) reads, writes and marks read
 *   that client's current conversation, and nothing else of the record;
 * - others who may read the record (supervision, break-glass, an open alert's recipient) read the
 *   conversation without marking it read, so the care team still sees what is new; they cannot write.
 * Anyone else gets "not found", and a refused look at a real client is audited.
 */
export function requireClient(ctx: ServiceContext) {
  if (ctx.actor.type !== 'client') throw new DomainError('auth.forbidden', 'Only a client has their own messages.');
  return ctx.actor;
}

export function requireStaff(ctx: ServiceContext) {
  if (ctx.actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only staff keep quick replies and see their caseload’s messages.');
  return ctx.actor;
}

export interface ConversationAccess {
  /** May write and mark read: the care team, or the colleague covering. */
  answers: boolean;
}

export async function requireConversationAccess(ctx: ServiceContext, clientId: string, episodeId: string | null, action: string): Promise<ConversationAccess> {
  const staff = requireStaff(ctx);
  const facts = await loadAccessFacts(ctx.db, clientId, ctx.clock.now());
  if (!facts || facts.organisationId !== staff.organisationId) throw new DomainError('client.not_found', 'There is no client record here that you can open.');
  const access = clientAccess(ctx.actor, facts);
  if (access.basis === 'care_team') return { answers: true };
  if (episodeId && (await isRoutedTo(ctx.db, episodeId, staff.staffId))) return { answers: true };
  if (access.allowed.read) return { answers: false };
  await writeAudit(ctx.db, ctx, { action, outcome: 'denied', entityType: 'client', entityId: clientId, clientId });
  throw new DomainError('client.not_found', 'There is no client record here that you can open.');
}

/** For writing: read-only access is refused plainly (the person already sees the conversation). */
export function requireAnswering(access: ConversationAccess): void {
  if (!access.answers) throw new DomainError('auth.forbidden', 'Only the client’s care team, or the colleague covering, can write to this client.');
}
