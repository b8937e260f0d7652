import { z } from 'zod';
import { zonedDateTimeToInstant } from '../time/zoned';
import { localDate } from './mood';

/**
 * When the client is prompted to rate their mood (issue 6, "Mood monitoring"; BRIEF.md, "Mood
 * monitoring and adherence"): the trial prompted three times a day in week one, and its successor
 * apps prompt morning, afternoon and evening; guidance is never more than six prompts a day. So by
 * default: 09:00, 14:00 and 19:30 for the first seven days, then once a day at 19:30. The client and
 * their practitioner can change the times; the cap of six a day is a hard limit; no prompt falls in
 * the client's quiet hours; times are the client's own wall-clock times in their time zone
 * (daylight-saving safe). Sending the prompts comes with the reminders issue; this decides when.
 */
export const maxMoodPromptsPerDay = 6;
export const moodPromptWeekOneDays = 7;

export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:30');
const Times = z
  .array(LocalTime)
  .max(maxMoodPromptsPerDay, `must be at most ${maxMoodPromptsPerDay} a day`)
  .refine((times) => new Set(times).size === times.length, 'must not repeat a time')
  .transform((times) => [...times].sort());

export const MoodPromptScheduleSchema = z
  .strictObject({
    /** Prompts on each of the first seven days, from `startsOn`. */
    weekOneTimes: Times,
    /** Prompts on every later day. An empty list means no prompts. */
    laterTimes: Times,
    /** No prompt from `start` until `end` (may run past midnight, e.g. 22:00–07:30). */
    quietHours: z.strictObject({ start: LocalTime, end: LocalTime }).nullable(),
    /** The first day of week one, in the client's time zone. */
    startsOn: z.iso.date('must be a date'),
  })
  .meta({ id: 'MoodPromptSchedule' });
export type MoodPromptSchedule = z.output<typeof MoodPromptScheduleSchema>;

/** PUT …/mood-schedule: the schedule and the version it replaces (0 while the default applies). */
export const SetMoodPromptScheduleRequestSchema = z
  .strictObject({ schedule: MoodPromptScheduleSchema, version: z.number().int().min(0) })
  .meta({ id: 'SetMoodPromptScheduleRequest' });

/** The schedule as answered (already checked and sorted: no transforms, for the response schema). */
const StoredScheduleSchema = z.object({
  weekOneTimes: z.array(z.string()),
  laterTimes: z.array(z.string()),
  quietHours: z.object({ start: z.string(), end: z.string() }).nullable(),
  startsOn: z.string(),
});

export const MoodPromptScheduleStateSchema = z
  .object({
    schedule: StoredScheduleSchema,
    version: z.number().int(),
    isDefault: z.boolean(),
    timeZone: z.string(),
    /** The next prompt, or null when none is set. */
    nextPromptAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'MoodPromptScheduleState' });

export function defaultMoodPromptSchedule(startsOn: string): MoodPromptSchedule {
  return { weekOneTimes: ['09:00', '14:00', '19:30'], laterTimes: ['19:30'], quietHours: null, startsOn };
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Whether a local time falls in quiet hours (start included, end excluded; may wrap midnight). */
export function inQuietHours(time: string, quiet: MoodPromptSchedule['quietHours']): boolean {
  if (!quiet || quiet.start === quiet.end) return false;
  const t = minutes(time);
  const [s, e] = [minutes(quiet.start), minutes(quiet.end)];
  return s < e ? t >= s && t < e : t >= s || t < e;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The prompts on one local date, as instants, earliest first. None before `startsOn`. */
export function moodPromptsOn(schedule: MoodPromptSchedule, date: string, timeZone: string): Date[] {
  if (date < schedule.startsOn) return [];
  const weekOne = date < addDays(schedule.startsOn, moodPromptWeekOneDays);
  const times = (weekOne ? schedule.weekOneTimes : schedule.laterTimes).filter((t) => !inQuietHours(t, schedule.quietHours));
  return times.slice(0, maxMoodPromptsPerDay).map((t) => zonedDateTimeToInstant(date, t, timeZone));
}

/** The first prompt strictly after `after`, looking up to eight days ahead; null when there is none. */
export function nextMoodPromptAfter(schedule: MoodPromptSchedule, after: Date, timeZone: string): Date | null {
  const today = localDate(after, timeZone);
  for (let day = 0; day <= moodPromptWeekOneDays + 1; day++) {
    const next = moodPromptsOn(schedule, addDays(today, day), timeZone).find((p) => p > after);
    if (next) return next;
  }
  return null;
}
