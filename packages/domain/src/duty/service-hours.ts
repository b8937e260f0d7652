import { z } from 'zod';
import { IsoDateSchema, TimeZoneSchema } from '../api/fields';
import { IdSchema } from '../ids';
import { localDate } from '../checkins/mood';
import { zonedDateTimeToInstant } from '../time/zoned';
import { mergeSpans, type Span } from './spans';

/**
 * A site's service hours (issue 5, "Service hours and duty cover"): the weekly opening hours in
 * the site's own time zone, the dates it is closed (bank holidays are data the admin keeps, not a
 * built-in calendar, because they differ between England, Wales, Scotland and Northern Ireland),
 * and the clinical lead who is the last resort for a risk alert.
 */

/** Day names, indexed as `Date.getUTCDay()` numbers them (0 = Sunday). */
export const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof weekdays)[number];

const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * One stretch of opening on one day, in the site's local time. `closes` may be '24:00' (the end of
 * the day). An interval never crosses midnight: hours that run overnight are written as two
 * intervals on two days (they join up), and night cover is what the on-call rota is for.
 */
export const OpeningIntervalSchema = z
  .strictObject({
    opens: z.string().regex(clockTime, 'must be a time written HH:MM'),
    closes: z.string().regex(new RegExp(`${clockTime.source}|^24:00$`), 'must be a time written HH:MM (24:00 for midnight)'),
  })
  .refine((i) => i.closes > i.opens, { message: 'must close after it opens, on the same day', path: ['closes'] });
export type OpeningInterval = z.infer<typeof OpeningIntervalSchema>;

/** A day's intervals; none (or a missing day) means closed all day. */
const DayHoursSchema = z
  .array(OpeningIntervalSchema)
  .max(8)
  .refine((day) => {
    const sorted = [...day].sort((a, b) => a.opens.localeCompare(b.opens));
    return sorted.every((interval, i) => i === 0 || sorted[i - 1]!.closes <= interval.opens);
  }, 'opening intervals on the same day must not overlap')
  .optional();

export const WeeklyHoursSchema = z.strictObject({
  sunday: DayHoursSchema,
  monday: DayHoursSchema,
  tuesday: DayHoursSchema,
  wednesday: DayHoursSchema,
  thursday: DayHoursSchema,
  friday: DayHoursSchema,
  saturday: DayHoursSchema,
});
export type WeeklyHours = z.infer<typeof WeeklyHoursSchema>;

export const SiteHoursSchema = z
  .strictObject({
    timeZone: TimeZoneSchema,
    weekly: WeeklyHoursSchema,
    /** Dates ('YYYY-MM-DD', in the site's time zone) on which the site is closed all day. */
    closureDates: z.array(IsoDateSchema).max(1000).default([]),
    /** The site's named clinical lead: the last resort, so an alert always has a recipient. */
    siteLeadStaffId: IdSchema,
  })
  .meta({ id: 'SiteHours' });
export type SiteHours = z.output<typeof SiteHoursSchema>;

/** `date` ('YYYY-MM-DD') moved by whole calendar days. */
export function addCalendarDays(date: string, days: number): string {
  // Noon UTC keeps the arithmetic clear of any date line.
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function weekdayOf(date: string): Weekday {
  return weekdays[new Date(`${date}T12:00:00Z`).getUTCDay()]!;
}

/**
 * The site's opening hours as instants: every stretch of opening that overlaps [from, to), merged
 * where one ends as the next begins (a 24:00 close meeting a 00:00 opening is one stretch), and not
 * cut to the window. Local times go through the zone's rules day by day, so a 09:00 opening is 09:00
 * on the clocks on both sides of a daylight-saving change.
 */
export function openingSpans(siteHours: SiteHours, from: Date, to: Date): Span[] {
  const closed = new Set(siteHours.closureDates);
  const zone = siteHours.timeZone;
  // One day either side: a stretch that opened yesterday may still be open at `from`.
  const last = addCalendarDays(localDate(to, zone), 1);
  const spans: Span[] = [];
  for (let date = addCalendarDays(localDate(from, zone), -1); date <= last; date = addCalendarDays(date, 1)) {
    if (closed.has(date)) continue;
    for (const interval of siteHours.weekly[weekdayOf(date)] ?? []) {
      const start = zonedDateTimeToInstant(date, interval.opens, zone);
      const end =
        interval.closes === '24:00'
          ? zonedDateTimeToInstant(addCalendarDays(date, 1), '00:00', zone)
          : zonedDateTimeToInstant(date, interval.closes, zone);
      // An interval wholly inside the hour skipped when clocks go forward can come out empty.
      if (end > start && start < to && end > from) spans.push({ start, end });
    }
  }
  return mergeSpans(spans);
}

/** Whether the site is open at `at`: opening is inclusive, closing exclusive. */
export function isSiteOpenAt(siteHours: SiteHours, at: Date): boolean {
  return openingSpans(siteHours, at, new Date(at.getTime() + 1)).some((s) => s.start <= at && at < s.end);
}

/**
 * The first moment after `after`, and no later than `until`, at which the site opens; null if it
 * does not open in that time. Searched a few days at a time, because most searches end within a
 * weekend and each day's local-to-instant conversion costs several Intl calls.
 */
export function nextOpeningAfter(siteHours: SiteHours, after: Date, until: Date): Date | null {
  const step = 4 * 24 * 3600_000;
  for (let from = after; from < until; ) {
    const to = new Date(Math.min(from.getTime() + step, until.getTime()));
    const spans = openingSpans(siteHours, from, new Date(to.getTime() + 1));
    const start = spans.map((s) => s.start).find((t) => t > after && t <= until);
    if (start) return start;
    from = to;
  }
  return null;
}
