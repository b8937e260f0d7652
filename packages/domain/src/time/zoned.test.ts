import { describe, expect, it } from 'vitest';
import { zonedDateTimeToInstant } from './zoned';

describe('zonedDateTimeToInstant', () => {
  it.each([
    ['2026-01-15', '08:30', 'Europe/London', '2026-01-15T08:30:00.000Z'],
    ['2026-07-15', '08:30', 'Europe/London', '2026-07-15T07:30:00.000Z'],
    ['2026-03-29', '00:30', 'Europe/London', '2026-03-29T00:30:00.000Z'], // before the change at 01:00 GMT
    ['2026-03-29', '03:00', 'Europe/London', '2026-03-29T02:00:00.000Z'], // after it: BST
    ['2026-10-25', '01:30', 'Europe/London', '2026-10-25T00:30:00.000Z'], // repeated hour: first (BST)
    ['2026-03-29', '01:30', 'Europe/London', '2026-03-29T01:30:00.000Z'], // skipped hour: shown as 02:30 BST
    ['2026-07-15', '23:45', 'America/New_York', '2026-07-16T03:45:00.000Z'],
    ['2026-07-15', '09:00', 'Asia/Kolkata', '2026-07-15T03:30:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, iso) => {
    expect(zonedDateTimeToInstant(date, time, zone).toISOString()).toBe(iso);
  });
});
