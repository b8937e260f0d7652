import { z } from 'zod';
import { IdSchema } from '../ids';
import { zonedParts } from '../time/zoned';

/**
 * Mood is rated 1–10, words at both ends (BRIEF.md, "Mood monitoring"; the trial and its
 * successor apps used a 1–10 scale). A rating is a self-report for the client and their
 * practitioner to talk about, never a score with bands or a diagnosis. There is no LOINC code for
 * a 1–10 mood rating; exports will use a documented local code system (interoperability issue).
 */
export const moodScale = { min: 1, max: 10 } as const;

/** Longest note a client can add to a check-in. */
export const checkInNoteMaxLength = 1000;

/**
 * How far a device clock may be ahead of the server before a check-in's recorded time is
 * refused as impossible. Phones drift; a minute or two is normal, a day is not.
 */
export const maxDeviceClockAheadMs = 10 * 60_000;

/** POST /api/check-ins — the id is made on the phone and is the write's idempotency key. */
export const CreateCheckInRequestSchema = z
  .strictObject({
    id: IdSchema,
    mood: z.number().int('must be a whole number').min(moodScale.min, 'must be 1 to 10').max(moodScale.max, 'must be 1 to 10'),
    note: z
      .string()
      .trim()
      .max(checkInNoteMaxLength, `must be at most ${checkInNoteMaxLength} characters`)
      .transform((note) => (note === '' ? null : note))
      .nullable()
      .default(null),
    /** When the client made the check-in, by their device's clock (kept for display). */
    recordedAt: z.iso.datetime({ offset: true, message: 'must be a date and time' }),
  })
  .meta({ id: 'CreateCheckInRequest' });
export type CreateCheckInRequest = z.input<typeof CreateCheckInRequestSchema>;

export const CheckInSchema = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    mood: z.number().int(),
    note: z.string().nullable(),
    recordedAt: z.iso.datetime(),
    receivedAt: z.iso.datetime(),
  })
  .meta({ id: 'CheckIn' });
export type CheckIn = z.infer<typeof CheckInSchema>;

export const CheckInListSchema = z.object({ checkIns: z.array(CheckInSchema) }).meta({ id: 'CheckInList' });

export const CheckInListQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(366).default(14),
});

/** One day of a mood trend: the mean of that day's ratings, or null when there were none. */
export interface MoodDay {
  date: string;
  mood: number | null;
  count: number;
}

/** The calendar date of an instant in a time zone, as 'YYYY-MM-DD'. */
export function localDate(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The last `days` calendar days up to and including today in `timeZone`, each with the mean mood
 * of the check-ins made that day (rounded to one decimal) — for a sparkline and its text
 * alternative. Days are the client's days: a check-in at 00:30 in London belongs to that day.
 */
export function moodTrend(
  checkIns: { mood: number; recordedAt: Date }[],
  now: Date,
  timeZone: string,
  days = 14,
): MoodDay[] {
  const today = localDate(now, timeZone);
  const first = addDays(today, -(days - 1));
  const sums = new Map<string, { sum: number; count: number }>();
  for (const c of checkIns) {
    const date = localDate(c.recordedAt, timeZone);
    if (date < first || date > today) continue;
    const entry = sums.get(date) ?? { sum: 0, count: 0 };
    entry.sum += c.mood;
    entry.count += 1;
    sums.set(date, entry);
  }
  return Array.from({ length: days }, (_, i) => {
    const date = addDays(first, i);
    const entry = sums.get(date);
    return { date, mood: entry ? Math.round((entry.sum / entry.count) * 10) / 10 : null, count: entry?.count ?? 0 };
  });
}
