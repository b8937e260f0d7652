import {
  casenessCutoffs,
  changeSince,
  instruments,
  reliableChange,
  reliableChangeThresholds,
  severityBand,
  severityBands,
  type InstrumentId,
  type QuestionnaireResponse,
  type ReliableChange,
  type SeverityBand,
} from '@tandem/domain';

/** One scored questionnaire, as the client page shows it. */
export interface Score {
  response: QuestionnaireResponse;
  total: number;
  band: SeverityBand;
  /** The band's lowest and highest totals. */
  bandMin: number;
  bandMax: number;
  /** When it was answered (the client's or practitioner's time), else when it reached the server. */
  at: string;
  /** Change from the score before it (any referral); null for the first. */
  fromPrevious: number | null;
}

export interface Comparison {
  from: Score;
  change: number;
  /** PHQ-9 and GAD-7 only; null where no reliable change index applies (WSAS). */
  reliable: ReliableChange | null;
}

export interface InstrumentSummary {
  instrumentId: InstrumentId;
  /** Oldest first. */
  scores: Score[];
  latest: Score;
  /** Against the first score of the latest score's referral; null when the latest is that first. */
  sinceFirst: Comparison | null;
  /** Against the score just before the latest in the same referral; null when there is none. */
  sinceLast: Comparison | null;
  /** Whether `sinceFirst` is within one referral (outcomes are counted per referral). */
  withinReferral: boolean;
  /** PHQ-9 ≥ 10, GAD-7 ≥ 8 (NHS Talking Therapies caseness); null for the WSAS. */
  caseness: { cutoff: number; atOrAbove: boolean } | null;
}

export const summarisedInstruments: readonly InstrumentId[] = ['phq9', 'gad7', 'wsas'];

function reliableFor(instrumentId: InstrumentId, first: number, last: number): ReliableChange | null {
  return instrumentId === 'wsas' ? null : reliableChange(instrumentId, first, last);
}

/**
 * Latest score, change since the first and since the last, and the reliable-change flag
 * (PHQ-9 ±6, GAD-7 ±4: `reliableChangeThresholds` in @tandem/domain), per measure. "First" is
 * the first score in the latest score's referral, as NHS Talking Therapies counts change per
 * referral (BRIEF.md, "Measures"); a score from an earlier referral is not a starting point.
 * Bands come from the domain's one table (`severityBands`); they describe a score, not a person.
 */
export function summariseScores(responses: readonly QuestionnaireResponse[]): InstrumentSummary[] {
  const summaries: InstrumentSummary[] = [];
  for (const instrumentId of summarisedInstruments) {
    const scored = responses
      .filter((r): r is QuestionnaireResponse & { total: number } => r.instrumentId === instrumentId && r.status === 'completed' && r.total !== null)
      .sort((a, b) => Date.parse(a.authoredAt ?? a.receivedAt) - Date.parse(b.authoredAt ?? b.receivedAt));
    if (!scored.length) continue;
    const scores: Score[] = scored.map((response, i) => {
      const band = severityBand(instrumentId, response.total);
      const range = severityBands[instrumentId].find((b) => b.band === band)!;
      const previous = scored[i - 1];
      return {
        response,
        total: response.total,
        band,
        bandMin: range.min,
        bandMax: range.max,
        at: response.authoredAt ?? response.receivedAt,
        fromPrevious: previous ? response.total - previous.total : null,
      };
    });
    const latest = scores[scores.length - 1]!;
    const referral = scores.filter((s) => s.response.episodeId === latest.response.episodeId);
    const change = changeSince(referral.map((s) => s.total))!;
    const first = referral[0]!;
    const previous = referral.length >= 2 ? referral[referral.length - 2]! : null;
    const cutoff = instrumentId === 'wsas' ? null : casenessCutoffs[instrumentId];
    summaries.push({
      instrumentId,
      scores,
      latest,
      sinceFirst: referral.length >= 2 ? { from: first, change: change.sinceFirst, reliable: reliableFor(instrumentId, first.total, latest.total) } : null,
      sinceLast:
        previous && change.sinceLast !== null ? { from: previous, change: change.sinceLast, reliable: reliableFor(instrumentId, previous.total, latest.total) } : null,
      withinReferral: latest.response.episodeId !== null,
      caseness: cutoff === null ? null : { cutoff, atOrAbove: latest.total >= cutoff },
    });
  }
  return summaries;
}

/** The reliable-change threshold of a measure, for saying what the flag means. */
export function reliableThreshold(instrumentId: InstrumentId): number | null {
  return instrumentId === 'wsas' ? null : reliableChangeThresholds[instrumentId];
}

export function maxScore(instrumentId: InstrumentId): number {
  return instruments[instrumentId].range.max;
}

/**
 * For each score (oldest first), the reliable change since the first score of its own referral:
 * null for that first score and for the WSAS, which has no reliable change index here.
 */
export function reliableSinceFirst(instrumentId: InstrumentId, scores: readonly Score[]): (ReliableChange | null)[] {
  return scores.map((score) => {
    const first = scores.find((s) => s.response.episodeId === score.response.episodeId)!;
    return first === score ? null : reliableFor(instrumentId, first.total, score.total);
  });
}
