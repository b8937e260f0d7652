import { exerciseForms, type ExerciseId, type ExerciseSubmission } from '@tandem/domain';

/**
 * The small calculations behind showing a client's exercise entry readably (BRIEF.md, design rule
 * B2: the practitioner sees a summary, not the raw data).
 */

/**
 * The entry's data read with the exercise's own submitted form (forms.ts), or null when it does
 * not fit — an entry from a form this screen does not know yet is then said to be unreadable,
 * never shown as raw data.
 */
export function readSubmission<E extends ExerciseId>(exercise: E, data: unknown): ExerciseSubmission<E> | null {
  const parsed = exerciseForms[exercise].submitted.safeParse(data);
  return parsed.success ? (parsed.data as ExerciseSubmission<E>) : null;
}

type Feeling = ExerciseSubmission<'thought-record'>['feelings'][number];

export interface FeelingChange {
  name: string;
  before: number | null;
  after: number | null;
}

/**
 * A thought record's feelings before and after, side by side: one row per feeling, matched by
 * name whatever its case, in the order the client first named them. A feeling rated only once has
 * null on the other side.
 */
export function feelingChanges(before: readonly Feeling[], after: readonly Feeling[]): FeelingChange[] {
  const rows = new Map<string, FeelingChange>();
  const row = (name: string) => {
    const key = name.trim().toLocaleLowerCase();
    const found = rows.get(key) ?? { name: name.trim(), before: null, after: null };
    rows.set(key, found);
    return found;
  };
  for (const feeling of before) row(feeling.name).before ??= feeling.intensity;
  for (const feeling of after) row(feeling.name).after ??= feeling.intensity;
  return [...rows.values()];
}

/** Rows with a date ('YYYY-MM-DD') and a time ('HH:MM' or null), in time order; untimed first in a day. */
export function inTimeOrder<R extends { date: string; time: string | null }>(rows: readonly R[]): R[] {
  return [...rows].sort((a, b) => `${a.date} ${a.time ?? ''}`.localeCompare(`${b.date} ${b.time ?? ''}`));
}

/** A planner's activities grouped by day, days and times in order. */
export function byDay<R extends { date: string; time: string | null }>(rows: readonly R[]): { date: string; rows: R[] }[] {
  const days: { date: string; rows: R[] }[] = [];
  for (const row of inTimeOrder(rows)) {
    const last = days.at(-1);
    if (last?.date === row.date) last.rows.push(row);
    else days.push({ date: row.date, rows: [row] });
  }
  return days;
}
