import { casenessCutoffs, isAtCaseness, reliableChange, type ReliableChange } from './scoring';

/*
 * Per-referral (episode) outcomes, counted when the referral ends, as NHS Talking Therapies
 * counts them (BRIEF.md, "Measures"). Sources: OHID Fingertips "Common mental disorders" profile
 * glossary; Clark et al. 2018, "Transparency about the outcomes of mental health services (IAPT
 * approach)", Lancet 391:679–686; NHS England's Talking Therapies analytics code
 * (github nhsengland/Talking-Therapies), which counts from the dataset's CompletedTreatment_Flag,
 * NotCaseness_Flag, Recovery_Flag, ReliableImprovement_Flag, ReliableDeterioration_Flag and
 * NoChange_Flag; NHS Digital, "Psychological Therapies: reports on the use of IAPT services",
 * Outcomes (recovery rate = recovered ÷ (finished − not at caseness); improvement rate =
 * improved ÷ finished).
 */

/** A measure's first and last scores in the referral, or null when it has no pair. */
export type ScorePair = { first: number; last: number } | null;

/**
 * The first and last PHQ-9 and GAD-7 totals of the referral. A measure is null unless it was
 * recorded at least twice: "first and last" means the earliest and the latest of two or more
 * scores (use `firstAndLast`). A single score is a first score with no last one, so no outcome
 * can be set from it (BRIEF.md). Outcomes need paired scores: NHS Talking Therapies reports
 * outcomes on paired (first and last) scores, and NHS England's analytics code takes a first
 * score only where a last one exists (`CASE WHEN WASAS_Work_LastScore IS NOT NULL THEN
 * WASAS_Work_FirstScore END`); Gyani et al. 2013 (Behav Res Ther 51:597) likewise analysed
 * patients with "at least two outcome scores".
 */
export interface EpisodeScores {
  phq9: { first: number; last: number } | null;
  gad7: { first: number; last: number } | null;
}

export interface EpisodeOutcomeInput {
  /** The referral has ended (discharged). */
  ended: boolean;
  /** Treatment appointments attended on time or late; assessment and review contacts do not count. */
  attendedTreatmentAppointments: number;
  scores: EpisodeScores;
}

/** null = cannot be set (not finished, or a measure without paired scores). */
export interface EpisodeOutcome {
  finishedTreatment: boolean;
  atCasenessAtStart: boolean | null;
  recovered: boolean | null;
  reliablyImproved: boolean | null;
  reliablyDeteriorated: boolean | null;
  reliablyRecovered: boolean | null;
}

/** Attended treatment appointments needed for "finished treatment" (NHS Talking Therapies). */
export const minTreatmentAppointmentsToFinish = 2;

/** The earliest and latest of scores in time order, or null with fewer than two (no pair). */
export function firstAndLast(scores: readonly number[]): { first: number; last: number } | null {
  if (scores.length < 2) return null;
  return { first: scores[0]!, last: scores[scores.length - 1]! };
}

/**
 * How a *mixed* case counts — one measure reliably improves while the other reliably
 * deteriorates. It is never a reliable improvement (BRIEF.md). NHS England's published metadata
 * does not say whether it is a deterioration; Tandem counts it as reliable deterioration
 * (docs/decisions/0017-reliable-change-mixed-cases.md). This constant is the one place the rule
 * lives; `combinedReliableChange` is the one function that applies it.
 */
export const mixedReliableChangeCounts = 'deteriorated' as const satisfies Exclude<ReliableChange, 'improved'>;

/**
 * The referral's reliable change from both measures: deteriorated if either measure reliably
 * deteriorates (a mixed case counts as `mixedReliableChangeCounts`); improved if either reliably
 * improves and neither deteriorates; otherwise none.
 */
export function combinedReliableChange(phq9: ReliableChange, gad7: ReliableChange): ReliableChange {
  const improved = phq9 === 'improved' || gad7 === 'improved';
  const deteriorated = phq9 === 'deteriorated' || gad7 === 'deteriorated';
  if (improved && deteriorated) return mixedReliableChangeCounts;
  if (deteriorated) return 'deteriorated';
  if (improved) return 'improved';
  return 'none';
}

const notFinished: EpisodeOutcome = {
  finishedTreatment: false,
  atCasenessAtStart: null,
  recovered: null,
  reliablyImproved: null,
  reliablyDeteriorated: null,
  reliablyRecovered: null,
};

/**
 * The outcome of one referral:
 * - finished treatment: ended, with ≥ 2 attended treatment appointments. Not finished → nothing
 *   else is set (all null).
 * - at caseness at start: PHQ-9 first ≥ 10 or GAD-7 first ≥ 8 (`isAtCaseness`; null when it cannot
 *   be decided).
 * - recovered: at caseness at start and both last scores below their cut-offs; false when not at
 *   caseness at start (such a referral cannot recover and leaves the recovery denominator).
 * - reliably improved / deteriorated: `combinedReliableChange` of the two measures' first → last.
 * - reliably recovered: recovered and reliably improved.
 * Without paired scores on a measure no outcome can be set (null), but the referral still counts
 * as finished (BRIEF.md).
 */
export function episodeOutcome(input: EpisodeOutcomeInput): EpisodeOutcome {
  const finishedTreatment = input.ended && input.attendedTreatmentAppointments >= minTreatmentAppointmentsToFinish;
  if (!finishedTreatment) return notFinished;

  const { phq9, gad7 } = input.scores;
  const atCasenessAtStart = isAtCaseness({ phq9: phq9?.first ?? null, gad7: gad7?.first ?? null });
  if (phq9 === null || gad7 === null) {
    // isAtCaseness is false only when both first scores are known, so here it is true or null.
    return { ...notFinished, finishedTreatment, atCasenessAtStart };
  }

  const belowCutOffsAtEnd = phq9.last < casenessCutoffs.phq9 && gad7.last < casenessCutoffs.gad7;
  const recovered = atCasenessAtStart === true && belowCutOffsAtEnd;
  const change = combinedReliableChange(reliableChange('phq9', phq9.first, phq9.last), reliableChange('gad7', gad7.first, gad7.last));
  const reliablyImproved = change === 'improved';
  return {
    finishedTreatment,
    atCasenessAtStart,
    recovered,
    reliablyImproved,
    reliablyDeteriorated: change === 'deteriorated',
    reliablyRecovered: recovered && reliablyImproved,
  };
}

export interface Rate {
  numerator: number;
  denominator: number;
}

export interface OutcomeRates {
  recovery: Rate;
  reliableImprovement: Rate;
  reliableDeterioration: Rate;
  reliableRecovery: Rate;
  /** Referrals that finished treatment. */
  finished: number;
}

/**
 * Rates over ended referrals (BRIEF.md; NHS Digital's published calculations):
 * - recovery: recovered ÷ (finished − not at caseness at start);
 * - reliable improvement and reliable deterioration: ÷ all finished, including those not at
 *   caseness;
 * - reliable recovery: reliably recovered ÷ recovery's denominator.
 * A finished referral whose outcome could not be set (null: no paired scores) stays in every
 * denominator and is in no numerator, as in NHS England's code, which subtracts only referrals
 * whose NotCaseness_Flag is true and counts only flags that are true. Missing scores therefore
 * lower a service's rates; they never raise them.
 */
export function outcomeRates(outcomes: readonly EpisodeOutcome[]): OutcomeRates {
  const finished = outcomes.filter((o) => o.finishedTreatment);
  const count = (pick: (o: EpisodeOutcome) => boolean | null) => finished.filter((o) => pick(o) === true).length;
  const notAtCaseness = finished.filter((o) => o.atCasenessAtStart === false).length;
  const recoveryDenominator = finished.length - notAtCaseness;
  return {
    recovery: { numerator: count((o) => o.recovered), denominator: recoveryDenominator },
    reliableImprovement: { numerator: count((o) => o.reliablyImproved), denominator: finished.length },
    reliableDeterioration: { numerator: count((o) => o.reliablyDeteriorated), denominator: finished.length },
    reliableRecovery: { numerator: count((o) => o.reliablyRecovered), denominator: recoveryDenominator },
    finished: finished.length,
  };
}

/**
 * Change since the first and since the previous score, for showing on a client's record.
 * `scores` are in time order; null when there are none. `sinceLast` is last − previous (null with
 * a single score). Negative is better on the PHQ-9, GAD-7 and WSAS.
 */
export function changeSince(scores: readonly number[]): { first: number; last: number; sinceFirst: number; sinceLast: number | null } | null {
  if (scores.length === 0) return null;
  const first = scores[0]!;
  const last = scores[scores.length - 1]!;
  const previous = scores.length >= 2 ? scores[scores.length - 2]! : null;
  return { first, last, sinceFirst: last - first, sinceLast: previous === null ? null : last - previous };
}
