import { mayContact, MoodPromptScheduleSchema, noticeChannel, quietHoursEnd, type PushKind } from '@tandem/domain';
import { writeAudit } from '../../audit/audit';
import { queueEmail } from '../../email/email';
import { enqueueJob, type JobHandlerContext } from '../../jobs/jobs';
import { currentConsentRecord } from '../consent/consent.repo';
import { isProcessingRestricted } from '../data-rights/data-rights.repo';
import { queuePush } from '../push/push.service';

/**
 * One reminder, mood prompt or message notice to a client (decision 0032). The job that sends it
 * has already checked that it is still wanted (the appointment still booked, the message unread).
 */
export interface ClientNotice {
  clientId: string;
  /** The words on the phone (`pushPayload`) and the email: both fixed, nothing clinical. */
  push: PushKind;
  email: { subject: string; text: string };
  /**
   * What must not be notified twice when several notices wait out the same quiet hours (the
   * conversation, the appointment at its time): one deferred notice per scope and end of quiet hours.
   */
  scope: string;
  /** False when this notice may go on the phone only (mood prompts after the day's first). */
  emailAllowed?: boolean;
  audit: { action: string; entityType: string; entityId: string };
}

/** What sending needs, read just before sending: consent, devices, quiet hours, address. */
async function noticeFacts(ctx: JobHandlerContext, clientId: string) {
  const client = await ctx.db
    .selectFrom('client')
    .leftJoin('account', (join) => join.onRef('account.client_id', '=', 'client.id').on('account.status', '=', 'active'))
    .leftJoin('mood_prompt_schedule as s', 's.client_id', 'client.id')
    .select(['client.organisation_id', 'client.email', 'client.time_zone', 'account.id as account_id', 's.schedule'])
    .where('client.id', '=', clientId)
    .executeTakeFirst();
  if (!client) return null;
  const consent = await currentConsentRecord(ctx.db, clientId);
  const devices = client.account_id
    ? Number((await ctx.db.selectFrom('push_subscription').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', client.account_id).executeTakeFirstOrThrow()).n)
    : 0;
  const schedule = client.schedule ? MoodPromptScheduleSchema.safeParse(client.schedule) : null;
  return { ...client, choices: consent?.choices ?? null, devices, quietHours: schedule?.success ? schedule.data.quietHours : null };
}

/**
 * Sends a notice to a client the one way their choices allow now (consent is read at this moment,
 * so a withdrawal applies at once): on their phone, else by email, else not at all (the app still
 * shows it). In their quiet hours nothing goes: the same job runs again when they end, one per
 * `scope`, and checks everything afresh. Returns the outcome in fixed words for the delivery log.
 */
export async function sendClientNotice(ctx: JobHandlerContext, job: { kind: string; payload: unknown }, notice: ClientNotice): Promise<string> {
  const facts = await noticeFacts(ctx, notice.clientId);
  if (!facts) return 'not sent: no such client';
  // A restricted client's data is kept but not used: no reminders, prompts or notices (decision 0042, HAZ-106).
  if (await isProcessingRestricted(ctx.db, notice.clientId)) return 'not sent: processing restricted';
  const now = ctx.clock.now();
  const quietEnd = quietHoursEnd(now, facts.time_zone, facts.quietHours);
  if (quietEnd) {
    const deliveryKey = `${job.kind}:${notice.scope}:after-quiet:${quietEnd.toISOString()}`;
    await enqueueJob(ctx.db, ctx.clock, { kind: job.kind, deliveryKey, dueAt: quietEnd, payload: job.payload, maxAttempts: 5 });
    return 'waiting: quiet hours; it will be sent when they end';
  }
  const channel = noticeChannel({
    allowsPush: facts.account_id !== null && mayContact(facts.choices, 'push'),
    allowsEmail: notice.emailAllowed !== false && mayContact(facts.choices, 'email'),
    devices: facts.devices,
  });
  if (!channel) return 'not sent: no way of contacting the client is allowed or set up';
  await ctx.db.transaction().execute(async (trx) => {
    if (channel === 'push') {
      await queuePush(trx, ctx.clock, { accountId: facts.account_id!, organisationId: facts.organisation_id, kind: notice.push, key: ctx.deliveryKey });
    } else {
      await queueEmail(trx, ctx.clock, { organisationId: facts.organisation_id, to: facts.email, ...notice.email });
    }
    const actor = { type: 'system' as const, component: `job:${job.kind}`, organisationId: facts.organisation_id };
    await writeAudit(trx, { actor, clock: ctx.clock, requestId: null }, { ...notice.audit, clientId: notice.clientId, details: { channel } });
  });
  return channel === 'push' ? 'sent by push' : 'sent by email';
}
