import { z } from 'zod';
import { IdSchema } from '../ids';

/*
 * Practitioner active time in a client's record (issue 9 item 5, decision 0028): foreground time
 * with an idle cut-off, outside session mode. The page counts; the server caps. Both rules live
 * here so they are one rule, tested at their boundaries.
 */

/**
 * Input within this long counts as "in use". Two minutes: reading a client's longer exercise entry
 * (about 300 words at 200 words a minute) takes about 90 seconds without a key press or a pointer
 * move, so a shorter window would under-count reading, the work this figure exists to show; a
 * longer one lets a tab left open count for longer after the person walked away. An idle tab
 * counts at most this long after the last input — never overnight.
 */
export const activeIdleWindowMs = 120_000;

/** The page sends what it counted about this often (and when the page is hidden or closed). */
export const activeBeatIntervalMs = 30_000;

/**
 * The most one beat may add, in seconds: two beat intervals, so a timer delayed by a busy page
 * still counts, while a forged or replayed large beat cannot add hours.
 */
export const maxBeatSeconds = 60;

/** What the page knows at a tick. Times are milliseconds since the epoch. */
export interface ActiveTick {
  now: number;
  /** The document is visible (not a background tab, not minimised). */
  visible: boolean;
  /** The document has the keyboard focus (the window is the one in use). */
  focused: boolean;
  /** The last keyboard or pointer input on the page, or null if none yet. */
  lastInputAt: number | null;
}

/**
 * The milliseconds to count between the previous tick (`since`) and this one: only while the page
 * is visible and focused, and only up to `activeIdleWindowMs` after the last input. A page that
 * was hidden or unfocused at this tick counts nothing for the interval (it cannot tell when it
 * lost the focus, so it errs towards less).
 */
export function activeMsBetween(since: number, tick: ActiveTick, idleWindowMs = activeIdleWindowMs): number {
  if (!tick.visible || !tick.focused || tick.lastInputAt === null) return 0;
  const activeUntil = Math.min(tick.now, tick.lastInputAt + idleWindowMs);
  return Math.max(0, activeUntil - since);
}

/**
 * Seconds the server adds for one beat: the seconds claimed, whole and at least 0, at most
 * `maxBeatSeconds`, and never more than the time since this person's previous beat on any record
 * (so two tabs or two clients open at once cannot count the same minute twice; rounded up, so a
 * timer firing a few milliseconds early loses nothing). `sincePreviousMs` is null for a person's
 * first beat.
 */
export function creditedBeatSeconds(claimed: number, sincePreviousMs: number | null): number {
  const whole = Math.max(0, Math.floor(claimed));
  const capped = Math.min(whole, maxBeatSeconds);
  return sincePreviousMs === null ? capped : Math.min(capped, Math.max(0, Math.ceil(sincePreviousMs / 1000)));
}

/** POST /api/activity/beats — seconds of active time in one client's record since the last beat. */
export const ActivityBeatRequestSchema = z
  .strictObject({
    /** Made by the page for each beat: a repeat (a retry) is counted once. */
    beatId: IdSchema,
    clientId: IdSchema,
    seconds: z.number().int().min(1).max(3600),
  })
  .meta({ id: 'ActivityBeatRequest' });
export type ActivityBeatRequest = z.infer<typeof ActivityBeatRequestSchema>;

export const ActivityBeatResultSchema = z.object({ credited: z.number().int().min(0) }).meta({ id: 'ActivityBeatResult' });
export type ActivityBeatResult = z.infer<typeof ActivityBeatResultSchema>;
