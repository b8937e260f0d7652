import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { createTestDatabase, testEngine } from '../test/test-database';

/**
 * Both drivers must return identical values (HAZ-003). CI runs this file on PGlite and again on
 * PostgreSQL 15, so each expectation is checked on both engines.
 */
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe(`type parsing on ${testEngine}`, () => {
  it('runs the session in UTC', async () => {
    const { rows } = await sql<{ tz: string }>`select current_setting('TimeZone') as tz`.execute(database.db);
    expect(rows[0]!.tz).toBe('UTC');
  });

  it('reads int8 as a number, including count(*)', async () => {
    const { rows } = await sql<{ big: unknown; n: unknown; neg: unknown }>`
      select 9007199254740991::int8 as big, count(*) as n, (-42)::int8 as neg from (values (1), (2), (3)) v(x)`.execute(database.db);
    expect(rows[0]).toEqual({ big: 9007199254740991, n: 3, neg: -42 });
  });

  it('refuses an int8 beyond the safe integer range instead of rounding it', async () => {
    await expect(sql`select 9007199254740993::int8 as too_big`.execute(database.db)).rejects.toThrow(/safe integer/);
  });

  it.each([
    ['2024-03-31', 'the day the clocks go forward in the UK'],
    ['2024-10-27', 'the day the clocks go back'],
    ['1950-01-01', 'a date of birth long ago'],
    ['2000-02-29', 'a leap day'],
  ])('reads date %s (%s) as the same calendar string', async (value) => {
    const { rows } = await sql<{ d: unknown }>`select ${value}::date as d`.execute(database.db);
    expect(rows[0]!.d).toBe(value);
  });

  it('reads timestamptz as the same instant', async () => {
    const { rows } = await sql<{ t: unknown }>`select '2024-03-31 00:30:00+00'::timestamptz as t`.execute(database.db);
    expect(rows[0]!.t).toBeInstanceOf(Date);
    expect((rows[0]!.t as Date).toISOString()).toBe('2024-03-31T00:30:00.000Z');
  });

  it('writes a Date parameter as its instant and reads it back unchanged', async () => {
    const instant = new Date('2024-10-27T01:30:00.123Z');
    const { rows } = await sql<{ t: Date; d: string }>`select ${instant}::timestamptz as t, (${instant}::timestamptz)::date as d`.execute(database.db);
    expect(rows[0]!.t.toISOString()).toBe(instant.toISOString());
    expect(rows[0]!.d).toBe('2024-10-27');
  });

  it('reads numeric as exact decimal text and jsonb as an object', async () => {
    const { rows } = await sql<{ n: unknown; j: unknown }>`select 12.50::numeric as n, '{"a":[1,2]}'::jsonb as j`.execute(database.db);
    expect(rows[0]).toEqual({ n: '12.50', j: { a: [1, 2] } });
  });
});
