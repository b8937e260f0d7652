import { describe, expect, it } from 'vitest';
import { CreateCheckInRequestSchema, localDate, moodTrend } from './mood';

const id = '0190f5a0-0000-7000-8000-000000000001';
const valid = { id, mood: 5, recordedAt: '2026-03-02T08:00:00Z' };

describe('CreateCheckInRequestSchema', () => {
  it.each([
    [0, false],
    [1, true],
    [10, true],
    [11, false],
    [5.5, false],
  ])('mood %s → valid %s', (mood, ok) => {
    expect(CreateCheckInRequestSchema.safeParse({ ...valid, mood }).success).toBe(ok);
  });

  it.each([
    ['x'.repeat(1000), true],
    ['x'.repeat(1001), false],
  ])('a note of %#: valid %s (limit 1000)', (note, ok) => {
    expect(CreateCheckInRequestSchema.safeParse({ ...valid, note }).success).toBe(ok);
  });

  it('stores an empty or blank note as no note', () => {
    expect(CreateCheckInRequestSchema.parse({ ...valid, note: '   ' }).note).toBeNull();
    expect(CreateCheckInRequestSchema.parse(valid).note).toBeNull();
  });

  it('refuses unknown fields and a missing device time', () => {
    expect(CreateCheckInRequestSchema.safeParse({ ...valid, clientId: id }).success).toBe(false);
    expect(CreateCheckInRequestSchema.safeParse({ id, mood: 5 }).success).toBe(false);
  });
});

describe('localDate', () => {
  it.each([
    ['2026-03-28T23:30:00Z', 'Europe/London', '2026-03-28'],
    ['2026-03-29T23:30:00Z', 'Europe/London', '2026-03-30'], // BST from 29 March: 00:30 local
    ['2026-10-24T23:30:00Z', 'Europe/London', '2026-10-25'],
    ['2026-10-25T23:30:00Z', 'Europe/London', '2026-10-25'], // GMT again: 23:30 local
    ['2026-03-02T23:30:00Z', 'UTC', '2026-03-02'],
  ])('%s in %s is %s', (instant, zone, date) => {
    expect(localDate(new Date(instant), zone)).toBe(date);
  });
});

describe('moodTrend', () => {
  const now = new Date('2026-04-14T10:00:00Z');
  it('covers the last 14 local days, today included, with daily means', () => {
    const trend = moodTrend(
      [
        { mood: 4, recordedAt: new Date('2026-04-14T07:00:00Z') },
        { mood: 7, recordedAt: new Date('2026-04-14T09:00:00Z') },
        { mood: 3, recordedAt: new Date('2026-04-01T08:00:00Z') },
        { mood: 9, recordedAt: new Date('2026-03-31T08:00:00Z') }, // 15 days ago: outside
        { mood: 2, recordedAt: new Date('2026-04-04T23:30:00Z') }, // 00:30 BST on 5 April
      ],
      now,
      'Europe/London',
    );
    expect(trend).toHaveLength(14);
    expect(trend[0]).toEqual({ date: '2026-04-01', mood: 3, count: 1 });
    expect(trend[13]).toEqual({ date: '2026-04-14', mood: 5.5, count: 2 });
    expect(trend.find((d) => d.date === '2026-04-05')).toEqual({ date: '2026-04-05', mood: 2, count: 1 });
    expect(trend.find((d) => d.date === '2026-04-04')).toEqual({ date: '2026-04-04', mood: null, count: 0 });
  });
});
