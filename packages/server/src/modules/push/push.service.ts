import { DomainError, pushEndpointAllowed, pushOutcomes, pushPayload, type Clock, type PushKind, type SavePushSubscriptionRequestSchema } from '@tandem/domain';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import type { Schema } from '../../db/schema';
import { enqueueJob, type JobHandler } from '../../jobs/jobs';
import { deleteSubscription, findSubscription, listAccountSubscriptions, markSent, upsertSubscription, vapidKeys } from './push.repo';
import { sendPush, type PushSettings } from './push.sender';

type Db = Kysely<Schema> | Transaction<Schema>;

/** Job kind: one notification to one device (decision 0030). */
export const pushSendJob = 'push.send';

/** The key the client app subscribes with. Signed-in only: nothing to learn from it, but no use either. */
export async function pushPublicKey(ctx: ServiceContext): Promise<{ publicKey: string }> {
  return { publicKey: (await vapidKeys(ctx.db, ctx.clock.now())).publicKey };
}

/**
 * Saves this device's subscription for the signed-in person. An endpoint that is not a push service
 * Tandem sends to is refused (the server would otherwise POST to any address it was given).
 */
export async function savePushSubscription(ctx: ServiceContext, id: string, input: z.output<typeof SavePushSubscriptionRequestSchema>): Promise<{ id: string; createdAt: string }> {
  if (ctx.actor.type !== 'client' && ctx.actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only a person signed in on a device can get notifications on it.');
  if (!pushEndpointAllowed(input.endpoint, ctx.config.pushServiceOrigins)) {
    throw new DomainError('request.invalid', 'This browser’s push service is not one Tandem can send to.', [{ path: 'body/endpoint', message: 'is not a known push service' }]);
  }
  const actor = ctx.actor;
  return ctx.db.transaction().execute(async (trx) => {
    const row = await upsertSubscription(trx, { id, accountId: actor.accountId, endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth, now: ctx.clock.now() });
    await writeAudit(trx, ctx, { action: 'push_subscription.save', entityType: 'push_subscription', entityId: row.id });
    return { id: row.id, createdAt: row.created_at.toISOString() };
  });
}

/** Removes one of the person's own subscriptions (on sign-out, or when they turn push off); idempotent. */
export async function removePushSubscription(ctx: ServiceContext, id: string): Promise<void> {
  if (ctx.actor.type !== 'client' && ctx.actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only a person signed in on a device can get notifications on it.');
  const actor = ctx.actor;
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await deleteSubscription(trx, id, actor.accountId);
    if (removed) await writeAudit(trx, ctx, { action: 'push_subscription.remove', entityType: 'push_subscription', entityId: id });
    // Gone already: done (idempotent). Someone else's: not found, and left as it is.
    else if (await findSubscription(trx, id)) throw new DomainError('request.not_found', 'There is no subscription here that you can remove.');
  });
}

/** What a push job carries: the device, the words' kind, and for the delivery log whose and where. */
export interface PushJobPayload {
  subscriptionId: string;
  kind: PushKind;
  /** The organisation whose delivery log shows it (null for none). */
  organisationId: string | null;
  /** The push service's host ("fcm.googleapis.com"): the device's address is never shown. */
  service: string;
}

/** The host of a push endpoint, for the delivery log ("fcm.googleapis.com"). */
export function pushServiceHost(endpoint: string): string {
  return /^[a-z]+:\/\/([^/?#:]+)/i.exec(endpoint)?.[1]?.toLowerCase() ?? 'unknown';
}

/**
 * Queues a notification of `kind` to every device of the account, in the caller's transaction.
 * `key` names the cause (a message, a reminder): one job per cause and device, so a retried
 * request queues nothing twice. Whether this person may be contacted by push is the caller's
 * check (a client's consent, decision 0016).
 */
export async function queuePush(db: Db, clock: Clock, input: { accountId: string; organisationId: string | null; kind: PushKind; key: string }): Promise<number> {
  const subscriptions = await listAccountSubscriptions(db, input.accountId);
  for (const subscription of subscriptions) {
    const payload: PushJobPayload = { subscriptionId: subscription.id, kind: input.kind, organisationId: input.organisationId, service: pushServiceHost(subscription.endpoint) };
    await enqueueJob(db, clock, { kind: pushSendJob, deliveryKey: `${pushSendJob}:${input.key}:${subscription.id}`, dueAt: clock.now(), payload, maxAttempts: 5 });
  }
  return subscriptions.length;
}

/**
 * Sends one queued notification. A subscription removed since (signed out, turned off, or gone)
 * sends nothing; one the push service says is gone is removed; other failures are retried by the
 * job table with backoff up to its limit.
 */
export function createPushSendHandler(settings: PushSettings): JobHandler {
  return async (payload, ctx) => {
    const { subscriptionId, kind } = payload as PushJobPayload;
    const subscription = await findSubscription(ctx.db, subscriptionId);
    if (!subscription) return pushOutcomes.deviceOff;
    const keys = await vapidKeys(ctx.db, ctx.clock.now());
    const outcome = await sendPush(subscription, pushPayload(kind), keys, settings);
    if (outcome === 'gone') {
      await ctx.db.transaction().execute(async (trx) => {
        await deleteSubscription(trx, subscriptionId);
        const actor = { type: 'system' as const, component: `job:${pushSendJob}`, organisationId: null };
        await writeAudit(trx, { actor, clock: ctx.clock, requestId: null }, { action: 'push_subscription.gone', entityType: 'push_subscription', entityId: subscriptionId });
      });
      return pushOutcomes.deviceGone;
    }
    await markSent(ctx.db, subscriptionId, ctx.clock.now());
    return pushOutcomes.sent;
  };
}
