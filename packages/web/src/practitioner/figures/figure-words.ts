import type { RateFigureView } from '@tandem/domain';
import type { Translate } from '../../shared/i18n/i18n';
import type { PractitionerKey } from '../../shared/i18n/keys';

type T = Translate<PractitionerKey>;

const percent = (x: number) => String(Math.round(x * 100));

/** A rate in words: "3 of 5 (60%; 95% range 23% to 88%)", "Not shown: fewer than 5" or "None to count". */
export function rateText(f: RateFigureView, min: number, t: T): string {
  if (f.suppressed) return t('practitioner.figures.suppressed', { min });
  if (f.rate === null || f.ci === null || f.numerator === null || f.denominator === null) return t('practitioner.figures.rateNone');
  return t('practitioner.figures.rate', { numerator: f.numerator, denominator: f.denominator, percent: percent(f.rate), low: percent(f.ci.low), high: percent(f.ci.high) });
}

/** A count that may be suppressed (null). */
export function countText(n: number | null, min: number, t: T): string {
  return n === null ? t('practitioner.figures.suppressed', { min }) : t('practitioner.figures.count', { count: n });
}

/** Active seconds in words: "None", "Less than a minute", "25 min", "1 h 5 min". */
export function durationText(seconds: number, t: T): string {
  if (seconds <= 0) return t('practitioner.figures.time.none');
  if (seconds < 60) return t('practitioner.figures.time.underMinute');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('practitioner.figures.time.minutes', { count: minutes });
  return t('practitioner.figures.time.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}
