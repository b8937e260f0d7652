import { canManageAccounts, deliveryLogDays, deliveryState, DomainError, maskedAddress, type DeliveryLog } from '@tandem/domain';
import { sql } from 'kysely';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';

/** The most rows the log shows at once (a week of a busy service's email fits). */
const logLimit = 500;

/**
 * The organisation's email deliveries of the last week, newest first, with each one's state,
 * attempts and last error (admins only; decision 0031). Addresses are masked; no message bodies.
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
  await writeAudit(ctx.db, ctx, { action: 'delivery_log.read', entityType: 'email_message', details: { rows: rows.length } });
  return {
    days: deliveryLogDays,
    items: rows.map((r) => {
      const job = r.job_status ? { status: r.job_status, attempts: Number(r.attempts ?? 0) } : null;
      const state = deliveryState({ messageStatus: r.status, job });
      return {
        id: r.id,
        channel: 'email' as const,
        subject: r.subject,
        to: maskedAddress(r.to_address),
        state,
        attempts: job?.attempts ?? (r.status === 'sent' ? 1 : 0),
        maxAttempts: r.max_attempts ?? null,
        lastError: r.last_error ? r.last_error.slice(0, 300) : null,
        queuedAt: r.created_at.toISOString(),
        sentAt: r.sent_at?.toISOString() ?? null,
        nextTryAt: state === 'retrying' && r.due_at ? r.due_at.toISOString() : null,
      };
    }),
  };
}
