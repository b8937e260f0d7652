import { zonedParts } from '@tandem/domain';

/**
 * What GET/PUT /api/me/mood-schedule answer (MoodPromptScheduleStateSchema, packages/domain
 * checkins/prompt-schedule.ts). Restated as types here: that module builds zod schemas at load,
 * and the client app does not ship the schema library.
 */
export interface MoodScheduleState {
  schedule: { weekOneTimes: string[]; laterTimes: string[]; quietHours: { start: string; end: string } | null; startsOn: string };
  version: number;
  isDefault: boolean;
  timeZone: string;
  nextPromptAt: string | null;
}

/** Never more than six prompts a day (BRIEF.md, "Mood monitoring"; the server's hard limit too). */
export const remindersPerDayMax = 6;

/** The form: each list as typed (a time like '09:30', or '' before one is chosen). */
export interface ReminderDraft {
  weekOne: string[];
  later: string[];
  quietStart: string;
  quietEnd: string;
}

export type ReminderList = 'weekOne' | 'later';

/** One thing to fix, said in words by the page: where it is, and what is wrong. */
export type ReminderProblem =
  | { kind: 'empty'; list: ReminderList; index: number }
  | { kind: 'twice'; list: ReminderList; index: number; time: string }
  | { kind: 'quiet'; list: ReminderList; index: number; time: string }
  | { kind: 'quiet-half' }
  | { kind: 'quiet-same' };

export function draftFrom(state: MoodScheduleState): ReminderDraft {
  const { weekOneTimes, laterTimes, quietHours } = state.schedule;
  return { weekOne: [...weekOneTimes], later: [...laterTimes], quietStart: quietHours?.start ?? '', quietEnd: quietHours?.end ?? '' };
}

/** The last of the first seven days (the first is `startsOn`), as 'YYYY-MM-DD'. */
export function firstWeekLastDay(startsOn: string): string {
  const day = new Date(`${startsOn}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 6);
  return day.toISOString().slice(0, 10);
}

/** Whether today, in the client's time zone, is still one of their first seven days. */
export function inFirstWeek(startsOn: string, now: Date, timeZone: string): boolean {
  const p = zonedParts(now, timeZone);
  return `${p.year}-${p.month}-${p.day}` <= firstWeekLastDay(startsOn);
}

const asMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

/**
 * Quiet hours run from `start` up to (not including) `end`, and may pass midnight — the same rule
 * the server uses to skip prompts (inQuietHours, packages/domain checkins/prompt-schedule.ts).
 */
export function isQuiet(time: string, start: string, end: string): boolean {
  const [at, from, until] = [asMinutes(time), asMinutes(start), asMinutes(end)];
  if (from === until) return false;
  return from < until ? from <= at && at < until : at >= from || at < until;
}

/** Everything to fix before saving: the lists checked here are the ones the page shows. */
export function checkDraft(draft: ReminderDraft, lists: readonly ReminderList[]): ReminderProblem[] {
  const problems: ReminderProblem[] = [];
  const quiet = draft.quietStart !== '' && draft.quietEnd !== '';
  if (draft.quietStart === '' ? draft.quietEnd !== '' : draft.quietEnd === '') problems.push({ kind: 'quiet-half' });
  else if (quiet && draft.quietStart === draft.quietEnd) problems.push({ kind: 'quiet-same' });
  for (const list of lists) {
    draft[list].forEach((time, index) => {
      if (time === '') problems.push({ kind: 'empty', list, index });
      else if (draft[list].indexOf(time) < index) problems.push({ kind: 'twice', list, index, time });
      else if (quiet && isQuiet(time, draft.quietStart, draft.quietEnd)) problems.push({ kind: 'quiet', list, index, time });
    });
  }
  return problems;
}

/** The PUT body's schedule: times sorted, quiet hours only when both ends are set. */
export function scheduleFrom(draft: ReminderDraft, state: MoodScheduleState): MoodScheduleState['schedule'] {
  return {
    weekOneTimes: [...draft.weekOne].sort(),
    laterTimes: [...draft.later].sort(),
    quietHours: draft.quietStart && draft.quietEnd ? { start: draft.quietStart, end: draft.quietEnd } : null,
    startsOn: state.schedule.startsOn,
  };
}
