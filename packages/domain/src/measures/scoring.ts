import { instruments, type InstrumentId } from './instruments';

/** Answers keyed by item linkId. null only for a WSAS work item answered "not applicable". */
export type Answers = Readonly<Record<string, number | null>>;

export const answerProblemKinds = ['unknown_item', 'out_of_range', 'missing', 'not_applicable_not_allowed'] as const;
export type AnswerProblemKind = (typeof answerProblemKinds)[number];

export interface AnswerProblem {
  /** The item concerned; null for a problem with the response as a whole (none today). */
  linkId: string | null;
  problem: AnswerProblemKind;
}

/**
 * What is wrong with a set of answers; empty when they are valid. An answer must be one of the
 * item's option values (a whole number in range; anything else is `out_of_range`). With
 * `complete: false` unanswered items are allowed, because measures are saved item by item; with
 * `complete: true` every item needs an answer (null counts as an answer where "not applicable"
 * is allowed).
 */
export function answerProblems(instrumentId: InstrumentId, answers: Answers, opts: { complete: boolean }): AnswerProblem[] {
  const { items } = instruments[instrumentId];
  const known = new Set(items.map((item) => item.linkId));
  const problems: AnswerProblem[] = Object.keys(answers)
    .filter((linkId) => !known.has(linkId))
    .map((linkId) => ({ linkId, problem: 'unknown_item' as const }));
  for (const item of items) {
    const value = Object.hasOwn(answers, item.linkId) ? answers[item.linkId] : undefined;
    if (value === undefined) {
      if (opts.complete) problems.push({ linkId: item.linkId, problem: 'missing' });
    } else if (value === null) {
      if (!item.notApplicableAllowed) problems.push({ linkId: item.linkId, problem: 'not_applicable_not_allowed' });
    } else if (!item.answerOptions.some((option) => option.value === value)) {
      problems.push({ linkId: item.linkId, problem: 'out_of_range' });
    }
  }
  return problems;
}

/**
 * The total: the sum of the item scores. Needs complete, valid answers (throws otherwise — the
 * caller validates first with `answerProblems`).
 *
 * WSAS work item "not applicable" (retired, or chose not to have a job for reasons unrelated to
 * the problem): the item is left out and the total is the sum of the other four items, 0–32. It
 * is not prorated. Source: the tick box on the published form (Mundt et al. 2002, appendix; the
 * NHS Talking Therapies WSAS), which takes the person out of rating item 1; CamCOPS (University
 * of Cambridge) scores it the same way (maximum 32 when retired). NHS England's Talking Therapies
 * analytics code treats a missing WSAS work score as absent, not as 0.
 */
export function totalScore(instrumentId: InstrumentId, answers: Answers): number {
  const problems = answerProblems(instrumentId, answers, { complete: true });
  if (problems.length > 0) {
    const list = problems.map((p) => `${p.linkId ?? 'response'}: ${p.problem}`).join(', ');
    throw new Error(`${instrumentId} answers are not complete and valid (${list})`);
  }
  return instruments[instrumentId].items.reduce((sum, item) => sum + (answers[item.linkId] ?? 0), 0);
}

export const severityBandIds = [
  'minimal',
  'mild',
  'moderate',
  'moderately_severe',
  'severe',
  'subclinical',
  'significant',
  'moderately_severe_or_worse',
] as const;
export type SeverityBand = (typeof severityBandIds)[number];

export interface SeverityBandRange {
  band: SeverityBand;
  /** Lowest total in the band (inclusive). */
  min: number;
  /** Highest total in the band (inclusive). */
  max: number;
}

/**
 * Severity bands by total, in order, covering the instrument's whole range (BRIEF.md, "Measures"):
 * - PHQ-9: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe
 *   (Kroenke, Spitzer & Williams 2001; also the LOINC 44261-6 term description).
 * - GAD-7: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe (Spitzer et al. 2006).
 * - WSAS: below 10 subclinical, 10–20 significant functional impairment, above 20 moderately
 *   severe or worse psychopathology (Mundt et al. 2002). With the work item not applicable the
 *   same bands are applied to the 4-item total (no published alternative was found).
 * Bands describe symptoms for charts and conversation; they are never a diagnosis.
 */
export const severityBands: Record<InstrumentId, readonly SeverityBandRange[]> = {
  phq9: [
    { band: 'minimal', min: 0, max: 4 },
    { band: 'mild', min: 5, max: 9 },
    { band: 'moderate', min: 10, max: 14 },
    { band: 'moderately_severe', min: 15, max: 19 },
    { band: 'severe', min: 20, max: 27 },
  ],
  gad7: [
    { band: 'minimal', min: 0, max: 4 },
    { band: 'mild', min: 5, max: 9 },
    { band: 'moderate', min: 10, max: 14 },
    { band: 'severe', min: 15, max: 21 },
  ],
  wsas: [
    { band: 'subclinical', min: 0, max: 9 },
    { band: 'significant', min: 10, max: 20 },
    { band: 'moderately_severe_or_worse', min: 21, max: 40 },
  ],
};

/** Plain-English names of the bands, for labels and text alternatives of charts. */
export const severityBandLabels: Record<SeverityBand, string> = {
  minimal: 'Minimal',
  mild: 'Mild',
  moderate: 'Moderate',
  moderately_severe: 'Moderately severe',
  severe: 'Severe',
  subclinical: 'Subclinical',
  significant: 'Significant impairment',
  moderately_severe_or_worse: 'Moderately severe or worse',
};

/** The band a total falls in (`severityBands`). Throws for a total that is not a whole number in range. */
export function severityBand(instrumentId: InstrumentId, total: number): SeverityBand {
  const found = severityBands[instrumentId].find((b) => Number.isInteger(total) && total >= b.min && total <= b.max);
  if (!found) throw new Error(`${instrumentId} total ${total} is not a whole number in ${instruments[instrumentId].range.min}–${instruments[instrumentId].range.max}`);
  return found.band;
}

/**
 * Caseness cut-offs: a score at or above is a clinical case — PHQ-9 ≥ 10 or GAD-7 ≥ 8 (NHS
 * Talking Therapies; OHID Fingertips "Common mental disorders" glossary; Clark et al. 2018,
 * Lancet 391:679). A disorder-specific anxiety measure replaces the GAD-7 for specific anxiety
 * disorders; Tandem does not collect those yet.
 */
export const casenessCutoffs = { phq9: 10, gad7: 8 } as const;

/**
 * At caseness: PHQ-9 ≥ 10 or GAD-7 ≥ 8. True as soon as one known score is at caseness; false only
 * when both are known and both below; null when that cannot be decided (a score missing and the
 * other below its cut-off, or both missing).
 */
export function isAtCaseness(scores: { phq9: number | null; gad7: number | null }): boolean | null {
  const phq9 = scores.phq9 === null ? null : scores.phq9 >= casenessCutoffs.phq9;
  const gad7 = scores.gad7 === null ? null : scores.gad7 >= casenessCutoffs.gad7;
  if (phq9 === true || gad7 === true) return true;
  if (phq9 === false && gad7 === false) return false;
  return null;
}

/**
 * Reliable change: a change at least as large as the measure's reliable change index — 6 points on
 * the PHQ-9, 4 on the GAD-7 (NHS Talking Therapies; Clark et al. 2018; OHID Fingertips glossary).
 */
export const reliableChangeThresholds = { phq9: 6, gad7: 4 } as const;

export type ReliableChange = 'improved' | 'deteriorated' | 'none';

/** Whether a measure changed reliably from `first` to `last`: a fall of ≥ threshold improves, a rise of ≥ threshold deteriorates. */
export function reliableChange(instrumentId: 'phq9' | 'gad7', first: number, last: number): ReliableChange {
  const change = last - first;
  const threshold = reliableChangeThresholds[instrumentId];
  if (change <= -threshold) return 'improved';
  if (change >= threshold) return 'deteriorated';
  return 'none';
}
