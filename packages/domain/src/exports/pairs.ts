import { firstAndLast } from '../measures/outcomes';

/** One recorded total of a measure, with when it was recorded (organisation date). */
export interface DatedScore {
  total: number;
  date: string;
}

/** A measure's scores in one referral, as the exports show them. */
export interface MeasurePair {
  /** Scores recorded in the referral. */
  count: number;
  first: DatedScore | null;
  /** The latest score; null unless there is a pair (a single score is a first score only). */
  last: DatedScore | null;
  /** Two or more scores: the first and last can be compared (outcomes need a pair). */
  paired: boolean;
}

/**
 * First and last of a measure's scores in time order (oldest first). "Pair" is decided by
 * `firstAndLast` in measures/outcomes.ts — the same rule the outcomes use, not a second one: a
 * referral with one score has a first score and no last.
 */
export function measurePair(scores: readonly DatedScore[]): MeasurePair {
  const paired = firstAndLast(scores.map((s) => s.total)) !== null;
  return { count: scores.length, first: scores[0] ?? null, last: paired ? scores[scores.length - 1]! : null, paired };
}
