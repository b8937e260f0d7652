import { messageEmailSlot, newMessageEmail, type Clock } from '@tandem/domain';
import type { Transaction } from 'kysely';
import { writeAudit } from '../../audit/audit';
import type { Schema } from '../../db/schema';
import { queueEmail } from '../../email/email';
import { enqueueJob, type JobHandler } from '../../jobs/jobs';
import { mayContactClient } from '../consent/consent.service';
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
 * Sends the email only if, now, a care-team message is still unread and the client's current
 * consent allows email (decision 0016; a withdrawal applies at once). The email says only that a
 * message is waiting: no words, no names (HAZ-066). It goes through the email job like every email.
 */
export function createMessageEmailHandler(publicOrigin: string): JobHandler {
  return async (payload, ctx) => {
    const { episodeId } = payload as MessageEmailPayload;
    const facts = await findNotifyFacts(ctx.db, episodeId);
    if (!facts || Number(facts.unread ?? 0) === 0) return;
    if (!(await mayContactClient(ctx.db, facts.client_id, 'email'))) return;
    const email = newMessageEmail(`${publicOrigin}/messages`);
    await ctx.db.transaction().execute(async (trx) => {
      await queueEmail(trx, ctx.clock, { organisationId: facts.organisation_id, to: facts.email, ...email });
      const actor = { type: 'system' as const, component: `job:${messageEmailJob}`, organisationId: facts.organisation_id };
      await writeAudit(trx, { actor, clock: ctx.clock, requestId: null }, { action: 'message.email', entityType: 'episode', entityId: episodeId, clientId: facts.client_id });
    });
  };
}
