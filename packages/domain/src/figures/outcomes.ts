import { outcomeRates, type EpisodeOutcome } from '../measures/outcomes';
import { minCountToShow, rateFigure, suppressedRate, type RateFigure } from './rates';

/**
 * NHS Talking Therapies outcome rates of episodes in Tandem, as figures (decision 0028). The
 * definitions and denominators are `outcomeRates` (measures/outcomes.ts): recovery and reliable
 * recovery over finished episodes at caseness at the start; reliable improvement and reliable
 * deterioration over all finished episodes (NHS Talking Therapies for anxiety and depression
 * manual, 2024, "Outcome measures"; NHS England, NHS Talking Therapies data handbook, "Key
 * performance indicators"). Each rate is suppressed below `minCountToShow` of its own denominator,
 * and every rate is when fewer than that finished.
 */
export interface OutcomeFigures {
  /** Episodes that finished treatment; null when between 1 and the minimum (suppressed). */
  finished: number | null;
  recovery: RateFigure;
  reliableImprovement: RateFigure;
  reliableDeterioration: RateFigure;
  reliableRecovery: RateFigure;
}

export function outcomeFigures(outcomes: readonly EpisodeOutcome[], min = minCountToShow): OutcomeFigures {
  const r = outcomeRates(outcomes);
  // A group whose finished count is hidden shows no rate either: even "0 of 0 at caseness" would
  // tell something of the few episodes behind it.
  const fewFinished = r.finished > 0 && r.finished < min;
  const figure = (rate: { numerator: number; denominator: number }) => (fewFinished ? suppressedRate : rateFigure(rate.numerator, rate.denominator, min));
  return {
    finished: fewFinished ? null : r.finished,
    recovery: figure(r.recovery),
    reliableImprovement: figure(r.reliableImprovement),
    reliableDeterioration: figure(r.reliableDeterioration),
    reliableRecovery: figure(r.reliableRecovery),
  };
}
