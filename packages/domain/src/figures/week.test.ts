import { describe, expect, it } from 'vitest';
import { addDays, monthOf, weekDates, weekStartOf } from './week';

describe('weeks run Monday to Sunday', () => {
  it.each([
    ['2026-03-02', '2026-03-02'], // a Monday
    ['2026-03-08', '2026-03-02'], // the Sunday after
    ['2026-03-09', '2026-03-09'],
    ['2026-01-01', '2025-12-29'], // across a year
  ])('%s is in the week of %s', (date, monday) => expect(weekStartOf(date)).toBe(monday));
  it('lists seven dates across a month end, and a clock change', () => {
    expect(weekDates('2026-03-23')).toEqual(['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29']);
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(monthOf('2026-03-31')).toBe('2026-03');
  });
});
