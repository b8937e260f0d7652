import { messageEmailSlot, newMessageEmail, type Clock } from '@tandem/domain';
import type { Transaction } from 'kysely';
import type { Schema } from '../../db/schema';
import { enqueueJob, type JobHandler } from '../../jobs/jobs';
import { sendClientNotice } from '../client-notices/client-notices.service';
import { findNotifyFacts } from './messages.repo';

/** Job kind: the email telling a client a care-team message is waiting. */
export const messageEmailJob = 'message.email';

interface MessageEmailPayload {
  episodeId: string;
}

/**
 * Plans the client's email about a new message, in the caller's transaction. The delivery key names
 * the conversation and an hour, so a conversation gets at most one email an hour; when this hour's
 * is already planned, the next hour's (due at its start) covers a message written after it.
 */
export async function enqueueMessageEmail(trx: Transaction<Schema>, clock: Clock, episodeId: string): Promise<void> {
  const payload: MessageEmailPayload = { episodeId };
  const plan = async (taken: boolean) => {
    const slot = messageEmailSlot(clock.now(), taken);
    return enqueueJob(trx, clock, { kind: messageEmailJob, deliveryKey: `${messageEmailJob}:${episodeId}:${slot.hour}`, dueAt: slot.dueAt, payload, maxAttempts: 5 });
  };
  if (!(await plan(false))) await plan(true);
}

/**
 * Tells the client a message is waiting — only if, now, a care-team message is still unread — the
 * one way their current choices allow (decision 0032; a withdrawal applies at once), never in
 * quiet hours: messages written overnight make one notice when the quiet hours end. It says only
 * that a message is waiting: no words, no names (HAZ-066).
 */
export function createMessageEmailHandler(publicOrigin: string): JobHandler {
  return async (payload, ctx) => {
    const { episodeId } = payload as MessageEmailPayload;
    const facts = await findNotifyFacts(ctx.db, episodeId);
    if (!facts || Number(facts.unread ?? 0) === 0) return 'not sent: nothing unread';
    return sendClientNotice(ctx, { kind: messageEmailJob, payload }, {
      clientId: facts.client_id,
      push: 'message',
      email: newMessageEmail(`${publicOrigin}/messages`),
      scope: episodeId,
      audit: { action: 'message.email', entityType: 'episode', entityId: episodeId },
    });
  };
}
