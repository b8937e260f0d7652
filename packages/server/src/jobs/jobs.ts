import { newId, type Clock } from '@tandem/domain';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Schema } from '../db/schema';

/**
 * Scheduled work in Tandem's own table (docs/decisions/0006-scheduled-work.md).
 *
 * - `enqueueJob` runs inside the caller's transaction, so a job exists if and only if the change
 *   that caused it committed. The unique delivery key makes a second enqueue of the same thing a
 *   no-op (one reminder per appointment and kind, one escalation per alert and step).
 * - `claimNextJob` takes one due job with `FOR UPDATE SKIP LOCKED`, marks it running with a lease
 *   and commits: two workers never claim the same job (HAZ-004; jobs.test.ts).
 * - A failed job is retried with exponential backoff until `max_attempts`, then marked failed.
 * - A job whose worker died is claimable again once its lease has expired. Handlers must finish
 *   inside the lease, and effects outside the database (email) carry the delivery key so a retry
 *   after a crash can be recognised.
 */
export interface JobHandlerContext {
  jobId: string;
  deliveryKey: string;
  attempt: number;
  clock: Clock;
  db: Kysely<Schema>;
}

/**
 * A handler does its job or throws (to be retried). When it had a choice it may say what it did in
 * a few fixed words ("sent by push", "not sent: care has ended"): kept as the job's outcome and
 * shown in the delivery log (decision 0032). Never data: the words are the handler's own.
 */
export type JobHandler = (payload: unknown, ctx: JobHandlerContext) => Promise<void | string>;

export interface EnqueueJob {
  kind: string;
  deliveryKey: string;
  dueAt: Date;
  payload?: unknown;
  maxAttempts?: number;
}

/** Enqueues a job in the given transaction; returns false when the delivery key already exists. */
export async function enqueueJob(trx: Transaction<Schema> | Kysely<Schema>, clock: Clock, job: EnqueueJob): Promise<boolean> {
  const now = clock.now();
  const result = await trx
    .insertInto('scheduled_job')
    .values({
      id: newId(now),
      kind: job.kind,
      delivery_key: job.deliveryKey,
      due_at: job.dueAt,
      payload: JSON.stringify(job.payload ?? {}),
      ...(job.maxAttempts ? { max_attempts: job.maxAttempts } : {}),
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('delivery_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export interface ClaimedJob {
  id: string;
  kind: string;
  deliveryKey: string;
  payload: unknown;
  attempt: number;
  maxAttempts: number;
}

export const defaultLeaseMs = 5 * 60_000;

/** Claims the earliest due job, or returns undefined. Commits the claim before returning. */
export async function claimNextJob(
  db: Kysely<Schema>,
  clock: Clock,
  workerId: string,
  leaseMs = defaultLeaseMs,
): Promise<ClaimedJob | undefined> {
  return db.transaction().execute(async (trx) => {
    const now = clock.now();
    const row = await trx
      .selectFrom('scheduled_job')
      .select(['id', 'kind', 'delivery_key', 'payload', 'attempts', 'max_attempts'])
      .where('due_at', '<=', now)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'pending'),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<=', now)]),
        ]),
      )
      .orderBy('due_at')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!row) return undefined;
    await trx
      .updateTable('scheduled_job')
      .set({
        status: 'running',
        attempts: sql<number>`attempts + 1`,
        locked_until: new Date(now.getTime() + leaseMs),
        locked_by: workerId,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
    return {
      id: row.id,
      kind: row.kind,
      deliveryKey: row.delivery_key,
      payload: row.payload,
      attempt: row.attempts + 1,
      maxAttempts: row.max_attempts,
    };
  });
}

/** Backoff before retry n (1-based): 30 s, 1 min, 2 min, … capped at one hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 60 * 60_000);
}

async function finishJob(db: Kysely<Schema>, clock: Clock, job: ClaimedJob, workerId: string, result: { error: unknown } | { outcome: string | null }) {
  const now = clock.now();
  const query = db.updateTable('scheduled_job').where('id', '=', job.id).where('locked_by', '=', workerId);
  if ('outcome' in result) {
    await query.set({ status: 'done', completed_at: now, updated_at: now, locked_until: null, last_error: null, outcome: result.outcome?.slice(0, 200) ?? null }).execute();
    return;
  }
  const error = result.error;
  // Never store an error's full text: it may echo data. Keep its name and the first line only.
  const message = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : 'non-Error thrown';
  const giveUp = job.attempt >= job.maxAttempts;
  await query
    .set({
      status: giveUp ? 'failed' : 'pending',
      due_at: giveUp ? sql`due_at` : new Date(now.getTime() + retryDelayMs(job.attempt)),
      last_error: message.slice(0, 500),
      locked_until: null,
      updated_at: now,
    })
    .execute();
}

export interface WorkerOptions {
  db: Kysely<Schema>;
  clock: Clock;
  handlers: Record<string, JobHandler>;
  workerId?: string;
  leaseMs?: number;
  onError?: (error: unknown, job?: ClaimedJob) => void;
}

/**
 * Runs due jobs until none is due; returns how many ran. The server calls this on a timer; tests
 * call it directly after moving the clock.
 */
export async function runDueJobs(options: WorkerOptions): Promise<number> {
  const workerId = options.workerId ?? newId(options.clock.now());
  let ran = 0;
  for (;;) {
    const job = await claimNextJob(options.db, options.clock, workerId, options.leaseMs);
    if (!job) return ran;
    ran++;
    const handler = options.handlers[job.kind];
    try {
      if (!handler) throw new Error(`No handler for job kind "${job.kind}"`);
      const outcome = await handler(job.payload, {
        jobId: job.id,
        deliveryKey: job.deliveryKey,
        attempt: job.attempt,
        clock: options.clock,
        db: options.db,
      });
      await finishJob(options.db, options.clock, job, workerId, { outcome: outcome ?? null });
    } catch (error) {
      options.onError?.(error, job);
      await finishJob(options.db, options.clock, job, workerId, { error });
    }
  }
}

/** Polls for due jobs every `pollMs` until stopped. Returns the stop function. */
export function startWorker(options: WorkerOptions & { pollMs: number }): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const workerId = options.workerId ?? newId(options.clock.now());
  const tick = () => {
    running = runDueJobs({ ...options, workerId })
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.pollMs);
      });
  };
  timer = setTimeout(tick, options.pollMs);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
