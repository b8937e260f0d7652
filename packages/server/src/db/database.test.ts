import { newId } from '@tandem/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { migrateToLatest } from './migrate';
import { createTestDatabase } from '../test/test-database';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await sql`create table probe (id uuid primary key, label text not null)`.execute(database.db);
});
afterAll(() => database.close());

function signal() {
  let fire!: () => void;
  const fired = new Promise<void>((resolve) => (fire = resolve));
  return { fire, fired };
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('transactions', () => {
  it('a failing and a succeeding transaction run concurrently: the acknowledged row survives', async () => {
    const failingId = newId(new Date());
    const acknowledgedId = newId(new Date());
    const failingInserted = signal();
    const acknowledgedInserted = signal();

    // A inserts, waits until B has inserted (or 300 ms when B cannot start because A holds the
    // only connection), then fails and rolls back. B starts after A's insert and commits. On a
    // shared connection without serialisation, A's ROLLBACK would undo B's insert and B's COMMIT
    // would acknowledge nothing (STACK-NOTES, PGlite trap 1).
    const failing = database.db.transaction().execute(async (trx) => {
      await sql`insert into probe values (${failingId}, 'failing')`.execute(trx);
      failingInserted.fire();
      await Promise.race([acknowledgedInserted.fired, sleep(300)]);
      throw new Error('boom');
    });
    const succeeding = (async () => {
      await failingInserted.fired;
      await database.db.transaction().execute(async (trx) => {
        await sql`insert into probe values (${acknowledgedId}, 'acknowledged')`.execute(trx);
        acknowledgedInserted.fire();
        await sleep(50);
      });
      return 'acknowledged';
    })();

    const [failed, acknowledged] = await Promise.allSettled([failing, succeeding]);
    expect(failed.status).toBe('rejected');
    expect(acknowledged).toEqual({ status: 'fulfilled', value: 'acknowledged' });
    const rows = await sql<{ id: string; label: string }>`select id, label from probe order by label`.execute(database.db);
    expect(rows.rows).toEqual([{ id: acknowledgedId, label: 'acknowledged' }]);
  });

  it('many concurrent transactions, half failing, keep exactly the committed rows', async () => {
    const ids = Array.from({ length: 20 }, () => newId(new Date()));
    const results = await Promise.allSettled(
      ids.map((id, i) =>
        database.db.transaction().execute(async (trx) => {
          await sql`insert into probe values (${id}, ${`bulk-${i}`})`.execute(trx);
          await sleep(i % 3);
          if (i % 2 === 1) throw new Error('fail odd');
        }),
      ),
    );
    const committed = ids.filter((_, i) => results[i]!.status === 'fulfilled').sort();
    const found = await sql<{ id: string }>`select id from probe where label like 'bulk-%' order by id`.execute(database.db);
    expect(found.rows.map((r) => r.id)).toEqual(committed);
    expect(committed).toHaveLength(10);
  });
});

describe('migrations', () => {
  it('are idempotent: a second run applies nothing', async () => {
    expect(await migrateToLatest(database.db)).toEqual([]);
  });
});
