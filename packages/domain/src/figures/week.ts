import { z } from 'zod';

/** Figures are by calendar week, Monday to Sunday (ISO 8601), in the organisation's time zone. */

const dayMs = 86_400_000;
const parse = (date: string) => new Date(`${date}T00:00:00Z`);
const format = (d: Date) => d.toISOString().slice(0, 10);

/** The Monday of the week holding `date` ('YYYY-MM-DD'). */
export function weekStartOf(date: string): string {
  const d = parse(date);
  const fromMonday = (d.getUTCDay() + 6) % 7;
  return format(new Date(d.getTime() - fromMonday * dayMs));
}

/** The seven dates of the week starting `monday`. */
export function weekDates(monday: string): string[] {
  const start = parse(monday).getTime();
  return Array.from({ length: 7 }, (_, i) => format(new Date(start + i * dayMs)));
}

/** `date` moved by whole days. */
export function addDays(date: string, days: number): string {
  return format(new Date(parse(date).getTime() + days * dayMs));
}

/** The calendar month of a date, 'YYYY-MM' (the pulse is asked once per month). */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export const WeekQuerySchema = z.strictObject({
  /** Any date in the week wanted; the current week when left out. */
  week: z.iso.date().optional(),
});
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM');
