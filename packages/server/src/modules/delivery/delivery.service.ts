import { canManageAccounts, deliveryLogDays, deliveryState, DomainError, maskedAddress, pushDeliveryState, pushPayload, type DeliveryLog, type DeliveryLogEntry, type PushKind } from '@tandem/domain';
import { sql } from 'kysely';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { pushSendJob, type PushJobPayload } from '../push/push.service';

/** The most rows the log shows at once (a week of a busy service's email fits). */
const logLimit = 500;

/**
 * The organisation's email and phone-notification deliveries of the last week, newest first, with
 * each one's state, attempts and last error (admins only; decisions 0031, 0032). Addresses are
 * masked, a phone shows only as its push service; no message bodies.
 */
export async function deliveryLog(ctx: ServiceContext): Promise<DeliveryLog> {
  const actor = ctx.actor;
  if (actor.type !== 'staff' || !canManageAccounts(actor)) throw new DomainError('auth.forbidden', 'Only admins can see the delivery log.');
  const since = new Date(ctx.clock.now().getTime() - deliveryLogDays * 24 * 3600_000);
  const rows = await ctx.db
    .selectFrom('email_message as m')
    .leftJoin('scheduled_job as j', (join) => join.on('j.delivery_key', '=', sql<string>`'email:' || m.id::text`))
    .select(['m.id', 'm.subject', 'm.to_address', 'm.status', 'm.created_at', 'm.sent_at', 'j.status as job_status', 'j.attempts', 'j.max_attempts', 'j.last_error', 'j.due_at'])
    .where('m.organisation_id', '=', actor.organisationId)
    .where('m.created_at', '>=', since)
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(logLimit)
    .execute();
  const pushes = await ctx.db
    .selectFrom('scheduled_job')
    .select(['id', 'payload', 'status', 'attempts', 'max_attempts', 'last_error', 'outcome', 'due_at', 'created_at', 'completed_at'])
    .where('kind', '=', pushSendJob)
    .where('created_at', '>=', since)
    .where(sql<boolean>`payload->>'organisationId' = ${actor.organisationId}`)
    .orderBy('created_at', 'desc')
    .limit(logLimit)
    .execute();
  await writeAudit(ctx.db, ctx, { action: 'delivery_log.read', entityType: 'email_message', details: { rows: rows.length, pushes: pushes.length } });
  const pushItems = pushes.map((r): DeliveryLogEntry => {
    const payload = r.payload as PushJobPayload;
    const { state, reason } = pushDeliveryState({ status: r.status, attempts: Number(r.attempts), outcome: r.outcome });
    return {
      id: r.id,
      channel: 'push',
      subject: pushPayload(payload.kind as PushKind).body,
      to: payload.service,
      state,
      reason,
      attempts: Number(r.attempts),
      maxAttempts: r.max_attempts,
      lastError: r.last_error ? r.last_error.slice(0, 300) : null,
      queuedAt: r.created_at.toISOString(),
      sentAt: state === 'sent' ? (r.completed_at?.toISOString() ?? null) : null,
      nextTryAt: state === 'retrying' ? r.due_at.toISOString() : null,
    };
  });
  const emailItems = rows.map((r): DeliveryLogEntry => {
    const job = r.job_status ? { status: r.job_status, attempts: Number(r.attempts ?? 0) } : null;
    const state = deliveryState({ messageStatus: r.status, job });
    return {
      id: r.id,
      channel: 'email' as const,
      subject: r.subject,
      to: maskedAddress(r.to_address),
      state,
      reason: null,
      attempts: job?.attempts ?? (r.status === 'sent' ? 1 : 0),
      maxAttempts: r.max_attempts ?? null,
      lastError: r.last_error ? r.last_error.slice(0, 300) : null,
      queuedAt: r.created_at.toISOString(),
      sentAt: r.sent_at?.toISOString() ?? null,
      nextTryAt: state === 'retrying' && r.due_at ? r.due_at.toISOString() : null,
    };
  });
  const items = [...emailItems, ...pushItems].sort((a, b) => b.queuedAt.localeCompare(a.queuedAt) || b.id.localeCompare(a.id)).slice(0, logLimit);
  return { days: deliveryLogDays, items };
}
