import { isFirstPromptOfDay, isScheduledPrompt, moodPromptEmail, moodPromptSkipAfterCheckInMs, nextMoodPromptAfter, type Clock } from '@tandem/domain';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Schema } from '../../db/schema';
import { enqueueJob, type JobHandler } from '../../jobs/jobs';
import { sendClientNotice } from '../client-notices/client-notices.service';
import { isProcessingRestricted } from '../data-rights/data-rights.repo';
import { moodScheduleOf } from './mood-schedule.repo';

type Db = Kysely<Schema> | Transaction<Schema>;

/** Job kind: one mood prompt at one of the client's chosen times (decision 0032). */
export const moodPromptJob = 'mood.prompt';

interface MoodPromptPayload {
  clientId: string;
  /** The prompt's time: one of the schedule's times when it was queued. */
  at: string;
}

/**
 * A prompt sent this late (the server was down at its time) is skipped, not sent at a time the
 * client did not choose; the next one comes as usual (Tandem's own choice).
 */
const promptLateLimitMs = 60 * 60_000;

/**
 * Queues the client's next mood prompt after `after`, in the caller's transaction: when they agree
 * to use Tandem, when a new episode starts, when the times change, and by each prompt for the one
 * after it (a chain). The delivery key names the client and the instant, so paths that work out the
 * same prompt queue it once; a prompt whose time is no longer in the schedule sends nothing and
 * ends its chain (the change started a new one).
 */
export async function enqueueNextMoodPrompt(db: Db, clock: Clock, clientId: string, after: Date = clock.now()): Promise<Date | null> {
  const { schedule, timeZone } = await moodScheduleOf(db, clientId);
  const next = nextMoodPromptAfter(schedule, after, timeZone);
  if (!next) return null;
  const at = next.toISOString();
  const payload: MoodPromptPayload = { clientId, at };
  await enqueueJob(db, clock, { kind: moodPromptJob, deliveryKey: `${moodPromptJob}:${clientId}:${at}`, dueAt: next, payload, maxAttempts: 3 });
  return next;
}

/**
 * Sends one prompt if it is still wanted: its time is still in the schedule; the client has open
 * care (not on hold); they have not just checked in; it is not more than an hour late. By a
 * notification on the phone at every chosen time, by email only for the day's first (decision
 * 0032), never in quiet hours (the schedule leaves them out).
 */
export function createMoodPromptHandler(publicOrigin: string): JobHandler {
  return async (payload, ctx) => {
    const { clientId, at } = payload as MoodPromptPayload;
    const when = new Date(at);
    const now = ctx.clock.now();
    const { schedule, timeZone } = await moodScheduleOf(ctx.db, clientId);
    if (!isScheduledPrompt(schedule, when, timeZone)) return 'not sent: the prompt times changed';
    const care = await ctx.db.selectFrom('episode').select('status').where('client_id', '=', clientId).where('status', '!=', 'ended').execute();
    if (care.length === 0) return 'not sent: care has ended';
    // A restricted client's chain ends here; lifting the restriction starts it again (decision 0042).
    if (await isProcessingRestricted(ctx.db, clientId)) return 'not sent: processing restricted';
    await enqueueNextMoodPrompt(ctx.db, ctx.clock, clientId, when > now ? when : now);
    if (care.every((e) => e.status === 'on_hold')) return 'not sent: care is on hold';
    if (now.getTime() - when.getTime() > promptLateLimitMs) return 'not sent: too late';
    const recent = await ctx.db
      .selectFrom('check_in')
      .select('id')
      .where('client_id', '=', clientId)
      .where('recorded_at', '>=', new Date(now.getTime() - moodPromptSkipAfterCheckInMs))
      .limit(1)
      .executeTakeFirst();
    if (recent) return 'not sent: checked in a moment ago';
    return sendClientNotice(ctx, { kind: moodPromptJob, payload }, {
      clientId,
      push: 'mood-prompt',
      email: moodPromptEmail(`${publicOrigin}/check-in`),
      emailAllowed: isFirstPromptOfDay(schedule, when, timeZone),
      scope: `${clientId}:${at}`,
      audit: { action: 'mood.prompt', entityType: 'client', entityId: clientId },
    });
  };
}

/** Job kind: the daily check that every client in care has their next prompt queued. */
export const moodPromptSweepJob = 'mood.prompt.sweep';

/** The sweep runs daily at this UTC time, and once when a server starts. */
const sweepHourUtc = 3;

/** Queues a sweep now (a server starting); once per UTC day however many instances start. */
export async function enqueueMoodPromptSweep(db: Db, clock: Clock): Promise<void> {
  const now = clock.now();
  await enqueueJob(db, clock, { kind: moodPromptSweepJob, deliveryKey: `${moodPromptSweepJob}:${now.toISOString().slice(0, 10)}:start`, dueAt: now, maxAttempts: 3 });
}

/**
 * Mends broken chains: a client in care with no prompt waiting (their consent was recorded before
 * prompts were sent, or a prompt's job gave up) gets their next one queued. Then queues tomorrow's
 * sweep. A client with no prompt times at all gets none, as before.
 */
export const moodPromptSweepHandler: JobHandler = async (_payload, ctx) => {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .selectFrom('episode as e')
    .select('e.client_id')
    .distinct()
    .where('e.status', '!=', 'ended')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('scheduled_job as j')
            .select('j.id')
            .where('j.kind', '=', moodPromptJob)
            .where('j.status', 'in', ['pending', 'running'])
            .where(sql<boolean>`j.payload->>'clientId' = e.client_id::text`),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('processing_restriction as r').select('r.id').whereRef('r.client_id', '=', 'e.client_id').where('r.lifted_at', 'is', null))),
    )
    .execute();
  let queued = 0;
  for (const row of rows) if (await enqueueNextMoodPrompt(ctx.db, ctx.clock, row.client_id)) queued++;
  const tomorrow = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, sweepHourUtc));
  await enqueueJob(ctx.db, ctx.clock, { kind: moodPromptSweepJob, deliveryKey: `${moodPromptSweepJob}:${tomorrow.toISOString().slice(0, 10)}`, dueAt: tomorrow, maxAttempts: 3 });
  return `queued ${queued}`;
};
