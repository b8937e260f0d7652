import { addDays } from '../figures/week';

/*
 * The research export (issue 12 item 4, decision 0043): de-identified data of clients whose
 * latest consent record says yes to research. Pseudonyms are made on the server (an HMAC with a
 * key made for one export and never kept); the rules that need no key live here. Every column is
 * described in docs/data-dictionaries/research-export.md.
 */

/**
 * Each client's dates move by one offset, the same for all their dates in one export, so the
 * intervals between them (days from referral to first session, days between check-ins) and the
 * day of the week stay true while the calendar dates do not. Whole weeks, 2 to 13 in either
 * direction: never zero (a zero shift would be the real date), at least two weeks so a shifted
 * date is not next to the real one, and at most about three months so seasons stay roughly right.
 * This project's choice (decision 0043); the safe-harbour method of HIPAA (45 CFR 164.514(b)(2))
 * instead removes all dates but the year, which would lose the intervals research needs.
 */
export const dateShiftWeeks = { min: 2, max: 13 } as const;

/** A shift in days from a whole number of weeks and a direction. */
export function dateShiftDays(weeks: number, direction: 1 | -1): number {
  if (!Number.isInteger(weeks) || weeks < dateShiftWeeks.min || weeks > dateShiftWeeks.max) throw new RangeError(`a shift is ${dateShiftWeeks.min}–${dateShiftWeeks.max} weeks`);
  return weeks * 7 * direction;
}

/** A date 'YYYY-MM-DD' moved by a client's shift. */
export function shiftDate(date: string, shiftDays: number): string {
  return addDays(date, shiftDays);
}

/** Ten-year age bands (the youngest open-ended below 18, the oldest from 65), instead of a date of birth. */
export const ageBands = ['under 18', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export type AgeBand = (typeof ageBands)[number];

/** Age in whole years on a date, from a date of birth (both 'YYYY-MM-DD'). */
export function ageOn(dateOfBirth: string, onDate: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The age band on a date (the real date, before any shift). */
export function ageBand(dateOfBirth: string, onDate: string): AgeBand {
  const age = ageOn(dateOfBirth, onDate);
  if (age < 18) return 'under 18';
  if (age < 25) return '18-24';
  if (age >= 65) return '65+';
  const decade = Math.floor((age - 25) / 10);
  return (['25-34', '35-44', '45-54', '55-64'] as const)[decade]!;
}

export const researchFiles = {
  'episodes.csv': [
    'client',
    'episode',
    'age_band_at_referral',
    'step',
    'referral_source',
    'status',
    'referral_date_shifted',
    'ended_on_shifted',
    'ending_reason',
    'attended_treatment_appointments',
    'finished_treatment',
    'at_caseness_at_start',
    'recovered',
    'reliably_improved',
    'reliably_deteriorated',
    'reliably_recovered',
  ],
  'appointments.csv': ['client', 'episode', 'date_shifted', 'purpose', 'contact_method', 'status', 'duration_minutes'],
  'check_ins.csv': ['client', 'date_shifted', 'mood'],
  'questionnaires.csv': ['client', 'episode', 'instrument', 'date_shifted', 'total', 'item_1', 'item_2', 'item_3', 'item_4', 'item_5', 'item_6', 'item_7', 'item_8', 'item_9'],
  'engagement.csv': ['client', 'steps_completed', 'exercise_entries_submitted', 'homework_items_set', 'homework_items_done'],
} as const;
export type ResearchFile = keyof typeof researchFiles;
