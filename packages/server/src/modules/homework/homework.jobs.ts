import { homeworkReminderEmail, homeworkReminderTimes, localDate, MoodPromptScheduleSchema, type Clock } from '@tandem/domain';
import type { Transaction } from 'kysely';
import { writeAudit } from '../../audit/audit';
import type { Schema } from '../../db/schema';
import { queueEmail } from '../../email/email';
import { enqueueJob, type JobHandler } from '../../jobs/jobs';
import { mayContactClient } from '../consent/consent.service';
import { itemStates } from './homework.present';
import { doneFacts, findReminderFacts } from './homework.repo';

/** Job kind: an email to the client before homework is due (decision 0023). */
export const homeworkReminderJob = 'homework.reminder';

interface ReminderPayload {
  homeworkId: string;
  at: string;
}

/** Quiet hours from a stored mood-prompt schedule, if the client or practitioner set some. */
export function quietHoursOf(schedule: unknown) {
  const parsed = schedule ? MoodPromptScheduleSchema.safeParse(schedule) : null;
  return parsed?.success ? parsed.data.quietHours : null;
}

/**
 * Queues the homework's reminders in the caller's transaction (the one that sets it): two days
 * before the due date and on its morning, at 09:00 client time, out of quiet hours, none already
 * past (`homeworkReminderTimes`). The delivery key names the homework and the time, so a retried
 * request adds none.
 */
export async function enqueueHomeworkReminders(trx: Transaction<Schema>, clock: Clock, homework: { id: string; dueOn: string; timeZone: string; schedule: unknown }): Promise<number> {
  const times = homeworkReminderTimes({ dueOn: homework.dueOn, timeZone: homework.timeZone, now: clock.now(), quietHours: quietHoursOf(homework.schedule) });
  for (const dueAt of times) {
    const at = dueAt.toISOString();
    const payload: ReminderPayload = { homeworkId: homework.id, at };
    await enqueueJob(trx, clock, { kind: homeworkReminderJob, deliveryKey: `${homeworkReminderJob}:${homework.id}:${at}`, dueAt, payload, maxAttempts: 5 });
  }
  return times.length;
}

/**
 * Sends one reminder — only if, now, the homework is still active, not past its due date, not all
 * done, on an open episode, and the client's current consent allows email (decision 0016). The
 * email names nothing clinical (HAZ-046). Cancelled or finished homework is never chased: the
 * handler re-reads it, so nothing else has to find and remove its reminders.
 */
export function createHomeworkReminderHandler(publicOrigin: string): JobHandler {
  return async (payload, ctx) => {
    const { homeworkId } = payload as ReminderPayload;
    const facts = await findReminderFacts(ctx.db, homeworkId);
    if (!facts || facts.status !== 'active' || facts.episode_status === 'ended') return;
    if (localDate(ctx.clock.now(), facts.time_zone) > facts.due_on) return;
    const states = itemStates(facts, await doneFacts(ctx.db, facts.client_id));
    if (states.every((s) => s.done)) return;
    if (!(await mayContactClient(ctx.db, facts.client_id, 'email'))) return;
    const email = homeworkReminderEmail(`${publicOrigin}/`);
    await ctx.db.transaction().execute(async (trx) => {
      await queueEmail(trx, ctx.clock, { organisationId: facts.organisation_id, to: facts.email, ...email });
      const actor = { type: 'system' as const, component: `job:${homeworkReminderJob}`, organisationId: facts.organisation_id };
      await writeAudit(trx, { actor, clock: ctx.clock, requestId: null }, { action: 'homework.reminder', entityType: 'homework', entityId: homeworkId, clientId: facts.client_id });
    });
  };
}
