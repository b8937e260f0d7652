import { ManualClock } from '@tandem/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { createTestDatabase, testEngine } from '../test/test-database';
import { claimNextJob, enqueueJob, retryDelayMs, runDueJobs, type JobHandler } from './jobs';

let database: Database;
let clock: ManualClock;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.db.deleteFrom('scheduled_job').execute();
  clock = new ManualClock('2026-03-02T09:00:00Z');
});

const at = (iso: string) => new Date(iso);

async function jobRow(deliveryKey: string) {
  return database.db.selectFrom('scheduled_job').selectAll().where('delivery_key', '=', deliveryKey).executeTakeFirstOrThrow();
}

describe('enqueueing', () => {
  it('is idempotent by delivery key', async () => {
    expect(await enqueueJob(database.db, clock, { kind: 'k', deliveryKey: 'reminder:a', dueAt: clock.now() })).toBe(true);
    expect(await enqueueJob(database.db, clock, { kind: 'k', deliveryKey: 'reminder:a', dueAt: clock.now() })).toBe(false);
    const { count } = await database.db.selectFrom('scheduled_job').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    expect(count).toBe(1);
  });

  it('happens only if the transaction that caused it commits', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await enqueueJob(trx, clock, { kind: 'k', deliveryKey: 'rolled-back', dueAt: clock.now() });
        throw new Error('the causing change failed');
      }),
    ).rejects.toThrow('the causing change failed');
    expect(await database.db.selectFrom('scheduled_job').selectAll().execute()).toEqual([]);
  });
});

describe('running', () => {
  it('runs a job only once the injected clock reaches its due time', async () => {
    const ran: unknown[] = [];
    const handlers = { remind: (async (payload) => void ran.push(payload)) satisfies JobHandler };
    await enqueueJob(database.db, clock, { kind: 'remind', deliveryKey: 'r1', dueAt: at('2026-03-02T10:00:00Z'), payload: { n: 1 } });
    expect(await runDueJobs({ db: database.db, clock, handlers })).toBe(0);
    clock.set('2026-03-02T09:59:59.999Z');
    expect(await runDueJobs({ db: database.db, clock, handlers })).toBe(0);
    clock.set('2026-03-02T10:00:00Z');
    expect(await runDueJobs({ db: database.db, clock, handlers })).toBe(1);
    expect(ran).toEqual([{ n: 1 }]);
    expect((await jobRow('r1')).status).toBe('done');
    expect(await runDueJobs({ db: database.db, clock, handlers })).toBe(0);
  });

  it('retries a failing job with backoff, then gives up at the attempt limit', async () => {
    let calls = 0;
    const handlers = {
      flaky: (async () => {
        calls++;
        throw new Error('smtp refused\nsecond line with data');
      }) satisfies JobHandler,
    };
    await enqueueJob(database.db, clock, { kind: 'flaky', deliveryKey: 'f1', dueAt: clock.now(), maxAttempts: 3 });
    await runDueJobs({ db: database.db, clock, handlers });
    let row = await jobRow('f1');
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'Error: smtp refused' });
    expect(row.due_at.getTime()).toBe(clock.now().getTime() + retryDelayMs(1));

    clock.advance(retryDelayMs(1) - 1);
    expect(await runDueJobs({ db: database.db, clock, handlers })).toBe(0);
    clock.advance(1);
    await runDueJobs({ db: database.db, clock, handlers });
    clock.advance(retryDelayMs(2));
    await runDueJobs({ db: database.db, clock, handlers });
    row = await jobRow('f1');
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    clock.advance(24 * 3600_000);
    expect(await runDueJobs({ db: database.db, clock, handlers })).toBe(0);
    expect(calls).toBe(3);
  });

  it('fails a job of an unknown kind instead of dropping it', async () => {
    await enqueueJob(database.db, clock, { kind: 'nobody-handles-this', deliveryKey: 'u1', dueAt: clock.now(), maxAttempts: 1 });
    await runDueJobs({ db: database.db, clock, handlers: {} });
    expect(await jobRow('u1')).toMatchObject({ status: 'failed', last_error: 'Error: No handler for job kind "nobody-handles-this"' });
  });

  it('lets another worker reclaim a job whose worker died, once its lease has expired', async () => {
    await enqueueJob(database.db, clock, { kind: 'k', deliveryKey: 'lease', dueAt: clock.now() });
    const claimed = await claimNextJob(database.db, clock, 'worker-that-dies', 60_000);
    expect(claimed?.deliveryKey).toBe('lease');
    expect(await claimNextJob(database.db, clock, 'worker-b', 60_000)).toBeUndefined();
    clock.advance(60_000);
    const reclaimed = await claimNextJob(database.db, clock, 'worker-b', 60_000);
    expect(reclaimed).toMatchObject({ deliveryKey: 'lease', attempt: 2 });
  });

  it(`two workers never run one job twice (${testEngine})`, async () => {
    const total = 60;
    for (let i = 0; i < total; i++) {
      await enqueueJob(database.db, clock, { kind: 'count', deliveryKey: `c${i}`, dueAt: clock.now(), payload: { i } });
    }
    const runs = new Map<number, string[]>();
    const handlerFor = (worker: string): JobHandler => async (payload) => {
      const i = (payload as { i: number }).i;
      runs.set(i, [...(runs.get(i) ?? []), worker]);
      await new Promise((resolve) => setTimeout(resolve, 1));
    };
    const [a, b] = await Promise.all([
      runDueJobs({ db: database.db, clock, handlers: { count: handlerFor('a') }, workerId: 'a' }),
      runDueJobs({ db: database.db, clock, handlers: { count: handlerFor('b') }, workerId: 'b' }),
    ]);
    expect(a + b).toBe(total);
    expect(runs.size).toBe(total);
    for (const [, workers] of runs) expect(workers).toHaveLength(1);
    const done = await database.db.selectFrom('scheduled_job').select('status').where('status', '=', 'done').execute();
    expect(done).toHaveLength(total);
  });
});
