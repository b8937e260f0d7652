import { zonedParts } from '@tandem/domain';
import type { Translate } from './i18n/i18n';
import type { CommonKey } from './i18n/keys';

/** Day, month and year as typed into a GOV.UK-style date input. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const emptyDate: DateParts = { day: '', month: '', year: '' };

export type DateCheck = { kind: 'empty' } | { kind: 'invalid' } | { kind: 'future' } | { kind: 'ok'; iso: string };

/**
 * Builds 'YYYY-MM-DD' from what was typed, refusing dates that do not exist (31 February) and,
 * for a date of birth, dates after `today` ('YYYY-MM-DD').
 */
export function checkDateOfBirth(parts: DateParts, today: string): DateCheck {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return { kind: 'empty' };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { kind: 'invalid' };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso || Number(year) < 1900) return { kind: 'invalid' };
  if (iso > today) return { kind: 'future' };
  return { kind: 'ok', iso };
}

/** Today's date where the person is, as 'YYYY-MM-DD'. */
export function localToday(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const monthKeys = [
  'common.month.1', 'common.month.2', 'common.month.3', 'common.month.4', 'common.month.5', 'common.month.6',
  'common.month.7', 'common.month.8', 'common.month.9', 'common.month.10', 'common.month.11', 'common.month.12',
] as const satisfies readonly CommonKey[];

/**
 * A calendar date 'YYYY-MM-DD' as NHS screens show it, with the month as a short word so day and
 * month cannot be swapped by mistake: "12 Apr 1990" (NHS common user interface date display).
 */
export function formatDate(iso: string, t: Translate<CommonKey>): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? monthKeys[Number(match[2]) - 1] : undefined;
  if (!match || !month) return iso;
  return `${Number(match[3])} ${t(month)} ${match[1]}`;
}

/**
 * An instant as the date and time on the clocks of `timeZone`: "2 Mar 2026, 08:55" (24-hour, as
 * NHS screens show times). The viewer's own time zone is passed in, never guessed.
 */
export function formatDateTime(iso: string, timeZone: string, t: Translate<CommonKey>): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const p = zonedParts(instant, timeZone);
  return t('common.dateTime', { date: formatDate(`${p.year}-${p.month}-${p.day}`, t), time: `${p.hour}:${p.minute}` });
}

/** Days of the week by ISO number (1 Monday … 7 Sunday). */
const weekdayKeys = [
  'common.weekday.1', 'common.weekday.2', 'common.weekday.3', 'common.weekday.4', 'common.weekday.5', 'common.weekday.6', 'common.weekday.7',
] as const satisfies readonly CommonKey[];

const monthNameKeys = [
  'common.monthLong.1', 'common.monthLong.2', 'common.monthLong.3', 'common.monthLong.4', 'common.monthLong.5', 'common.monthLong.6',
  'common.monthLong.7', 'common.monthLong.8', 'common.monthLong.9', 'common.monthLong.10', 'common.monthLong.11', 'common.monthLong.12',
] as const satisfies readonly CommonKey[];

/**
 * A calendar date 'YYYY-MM-DD' in words, for clients: "Tuesday 3 December" — the day of the week
 * and the month written out, no year (an appointment is always close by). Words come from the
 * translations, so every language (and the pseudo-locale) shows its own.
 */
export function formatDayMonth(iso: string, t: Translate<CommonKey>): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(`${iso}T12:00:00Z`);
  const month = monthNameKeys[Number(match[2]) - 1];
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso || !month) return iso;
  const weekday = weekdayKeys[(date.getUTCDay() + 6) % 7]!;
  return t('common.dayMonth', { weekday: t(weekday), day: Number(match[3]), month: t(month) });
}

/** An instant as "Tuesday 3 December" on the clocks of `timeZone` (the viewer's own, passed in). */
export function formatInstantDayMonth(iso: string, timeZone: string, t: Translate<CommonKey>): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const p = zonedParts(instant, timeZone);
  return formatDayMonth(`${p.year}-${p.month}-${p.day}`, t);
}
