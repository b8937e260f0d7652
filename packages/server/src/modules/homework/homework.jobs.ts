import { homeworkReminderEmail, homeworkReminderTimes, localDate, MoodPromptScheduleSchema, type Clock } from '@tandem/domain';
import type { Transaction } from 'kysely';
import type { Schema } from '../../db/schema';
import { enqueueJob, type JobHandler } from '../../jobs/jobs';
import { sendClientNotice } from '../client-notices/client-notices.service';
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
 * done, and on an open episode — the one way the client's current choices allow (decision 0032),
 * never in quiet hours. Nothing clinical (HAZ-046). Cancelled or finished homework is never
 * chased: the handler re-reads it, so nothing else has to find and remove its reminders.
 */
export function createHomeworkReminderHandler(publicOrigin: string): JobHandler {
  return async (payload, ctx) => {
    const { homeworkId } = payload as ReminderPayload;
    const facts = await findReminderFacts(ctx.db, homeworkId);
    if (!facts || facts.status !== 'active' || facts.episode_status === 'ended') return 'not sent: the homework is no longer set';
    if (localDate(ctx.clock.now(), facts.time_zone) > facts.due_on) return 'not sent: past its due date';
    const states = itemStates(facts, await doneFacts(ctx.db, facts.client_id));
    if (states.every((s) => s.done)) return 'not sent: all done';
    return sendClientNotice(ctx, { kind: homeworkReminderJob, payload }, {
      clientId: facts.client_id,
      push: 'homework-reminder',
      email: homeworkReminderEmail(`${publicOrigin}/`),
      scope: homeworkId,
      audit: { action: 'homework.reminder', entityType: 'homework', entityId: homeworkId },
    });
  };
}
