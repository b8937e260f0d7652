import { newId, type Clock } from '@tandem/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../db/schema';
import { enqueueJob, type JobHandler } from '../jobs/jobs';
import type { Mailer, OutgoingEmail } from './mailer';

export const sendEmailJob = 'email.send';

/**
 * Queues an email in the caller's transaction: the message row and the job that sends it commit
 * together with the change that caused them, or not at all.
 */
export async function queueEmail(
  trx: Transaction<Schema>,
  clock: Clock,
  email: OutgoingEmail & { organisationId: string | null },
): Promise<string> {
  const now = clock.now();
  const id = newId(now);
  await trx
    .insertInto('email_message')
    .values({
      id,
      organisation_id: email.organisationId,
      to_address: email.to,
      subject: email.subject,
      body_text: email.text,
      status: 'queued',
      created_at: now,
      sent_at: null,
    })
    .execute();
  await enqueueJob(trx, clock, { kind: sendEmailJob, deliveryKey: `email:${id}`, dueAt: now, payload: { emailId: id }, maxAttempts: 8 });
  return id;
}

/**
 * Sends one queued email. Over SMTP, the body is erased once sent (it may hold a single-use link).
 * Without SMTP in development the message is kept for the dev outbox page.
 */
export function createSendEmailHandler(mailer: Mailer, onDevOutbox: () => void): JobHandler {
  return async (payload, ctx) => {
    const { emailId } = payload as { emailId: string };
    const message = await ctx.db.selectFrom('email_message').selectAll().where('id', '=', emailId).executeTakeFirst();
    if (!message || message.status !== 'queued' || message.body_text === null) return;
    if (mailer.mode === 'dev_outbox') {
      await markEmail(ctx.db, emailId, 'dev_outbox', null, true);
      onDevOutbox();
      return;
    }
    await mailer.send({ to: message.to_address, subject: message.subject, text: message.body_text });
    await markEmail(ctx.db, emailId, 'sent', ctx.clock.now(), false);
  };
}

async function markEmail(db: Kysely<Schema>, id: string, status: 'sent' | 'dev_outbox', sentAt: Date | null, keepBody: boolean) {
  await db
    .updateTable('email_message')
    .set({ status, sent_at: sentAt, ...(keepBody ? {} : { body_text: null }) })
    .where('id', '=', id)
    .execute();
}
