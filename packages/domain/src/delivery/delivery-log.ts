import { z } from 'zod';

/**
 * The delivery log (issue 10 item 5): each email's and each phone notification's state as admins
 * see it, worked out from the message and the job that sends it. Retries use the job table's backoff (30 s, doubling, at most
 * an hour) up to the job's limit; then it has given up.
 */
export const deliveryStates = ['queued', 'sent', 'retrying', 'gave-up', 'kept-for-development', 'not-sent'] as const;
export type DeliveryState = (typeof deliveryStates)[number];

export interface DeliveryFacts {
  messageStatus: 'queued' | 'sent' | 'dev_outbox' | 'failed';
  /** The sending job, if the message was sent through one (the risk pathway sends directly). */
  job: { status: 'pending' | 'running' | 'done' | 'failed'; attempts: number } | null;
}

/**
 * What a push job says it did (its outcome; decision 0032): sent, or not sent because the device's
 * notifications were turned off meanwhile, or because the push service said the device is gone
 * (the subscription is then removed).
 */
export const pushOutcomes = { sent: 'sent', deviceOff: 'not-sent:device-off', deviceGone: 'not-sent:device-gone' } as const;
export type PushOutcome = (typeof pushOutcomes)[keyof typeof pushOutcomes];
export const notSentReasons = ['device-off', 'device-gone'] as const;
export type NotSentReason = (typeof notSentReasons)[number];

/** A push notification's state, from its job alone (a push has no message row). */
export function pushDeliveryState(job: { status: 'pending' | 'running' | 'done' | 'failed'; attempts: number; outcome: string | null }): { state: DeliveryState; reason: NotSentReason | null } {
  if (job.status === 'done') {
    if (job.outcome === pushOutcomes.deviceOff) return { state: 'not-sent', reason: 'device-off' };
    if (job.outcome === pushOutcomes.deviceGone) return { state: 'not-sent', reason: 'device-gone' };
    return { state: 'sent', reason: null };
  }
  return { state: deliveryState({ messageStatus: 'queued', job }), reason: null };
}

export function deliveryState(facts: DeliveryFacts): DeliveryState {
  if (facts.messageStatus === 'sent') return 'sent';
  if (facts.messageStatus === 'dev_outbox') return 'kept-for-development';
  if (facts.messageStatus === 'failed' || facts.job?.status === 'failed') return 'gave-up';
  // A claim counts an attempt as it starts: one running now has failed attempts - 1 times before.
  const failedBefore = facts.job ? facts.job.attempts - (facts.job.status === 'running' ? 1 : 0) : 0;
  return failedBefore > 0 ? 'retrying' : 'queued';
}

/** An address shown to admins with most of it hidden: "s•••@example.org" (enough to recognise, not to copy). */
export function maskedAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${address[0]}•••${address.slice(at)}`;
}

export const DeliveryLogEntrySchema = z.object({
  id: z.uuid(),
  /** An email, or a notification on a phone (web push). */
  channel: z.enum(['email', 'push']),
  /** The email's subject or the notification's words: Tandem's own fixed wording, never clinical (HAZ-042, HAZ-046, HAZ-077). */
  subject: z.string(),
  /** The address masked, or for a notification the push service (the device's address is never shown). */
  to: z.string(),
  state: z.enum(deliveryStates),
  /** Why a notification was not sent (state `not-sent` only). */
  reason: z.enum(notSentReasons).nullable(),
  attempts: z.number().int(),
  maxAttempts: z.number().int().nullable(),
  lastError: z.string().nullable(),
  queuedAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  /** When a retry is due (retrying only). */
  nextTryAt: z.iso.datetime().nullable(),
});
export type DeliveryLogEntry = z.output<typeof DeliveryLogEntrySchema>;

export const DeliveryLogSchema = z.object({ items: z.array(DeliveryLogEntrySchema), days: z.number().int() }).meta({ id: 'DeliveryLog' });
export type DeliveryLog = z.output<typeof DeliveryLogSchema>;

/** How far back the log reaches. */
export const deliveryLogDays = 7;
