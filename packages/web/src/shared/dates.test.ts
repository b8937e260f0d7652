import { describe, expect, it } from 'vitest';
import { formatDayMonth, formatInstantDayMonth } from './dates';
import { createTranslate } from './i18n/i18n';
import type { CommonKey } from './i18n/keys';
import arabic from './i18n/locales/ar/common.json';
import english from './i18n/locales/en/common.json';

const en = createTranslate<CommonKey>('en', english);
const ar = createTranslate<CommonKey>('ar', english, arabic);
const pseudo = createTranslate<CommonKey>('en-XA', english);

describe('formatDayMonth: a calendar date in words, for clients', () => {
  it.each([
    ['2024-12-03', 'Tuesday 3 December'],
    ['2026-01-05', 'Monday 5 January'],
    ['2026-03-01', 'Sunday 1 March'],
    ['2026-05-16', 'Saturday 16 May'],
    ['2028-02-29', 'Tuesday 29 February'],
    ['2026-10-09', 'Friday 9 October'],
  ])('%s is %s', (iso, expected) => {
    expect(formatDayMonth(iso, en)).toBe(expected);
  });

  it('uses the translated day and month names', () => {
    expect(formatDayMonth('2024-12-03', ar)).toBe('الثلاثاء 3 ديسمبر');
    expect(formatDayMonth('2024-12-03', pseudo)).toBe('⟦⟦Ţúéšðáý⟧ 3 ⟦Ðéçéɱƀéŕ⟧⟧');
  });

  it.each(['2026-02-30', '3 December', ''])('leaves %j as it is', (text) => {
    expect(formatDayMonth(text, en)).toBe(text);
  });
});

describe('formatInstantDayMonth: the day on the viewer’s clocks', () => {
  it.each([
    ['an afternoon in London', '2024-12-03T14:00:00Z', 'Europe/London', 'Tuesday 3 December'],
    ['00:30 in London in summer is still the day before in UTC', '2026-06-09T23:30:00Z', 'Europe/London', 'Wednesday 10 June'],
    ['23:30 in London in winter', '2026-01-13T23:30:00Z', 'Europe/London', 'Tuesday 13 January'],
    ['late evening in New York is the next day in UTC', '2026-03-04T03:00:00Z', 'America/New_York', 'Tuesday 3 March'],
    ['just after midnight in Tokyo is the day before in UTC', '2026-12-31T15:30:00Z', 'Asia/Tokyo', 'Friday 1 January'],
  ])('%s', (_name, instant, timeZone, expected) => {
    expect(formatInstantDayMonth(instant, timeZone, en)).toBe(expected);
  });

  it('leaves an unreadable instant as it is', () => {
    expect(formatInstantDayMonth('soon', 'Europe/London', en)).toBe('soon');
  });
});
