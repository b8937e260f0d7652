import type { RotaPeriod } from './rota';
import { openingSpans, type SiteHours } from './service-hours';
import { uncovered } from './spans';

/**
 * What is wrong with a duty rota (issue 5, "Bad input": a rota with overlapping or missing periods
 * is reported, not silently accepted). Each problem carries the stretch it concerns.
 */
export type RotaProblem =
  /** Two periods cover the same time — two people at once, or one person entered twice. */
  | { kind: 'overlap'; startsAt: Date; endsAt: Date; periods: [RotaPeriod, RotaPeriod] }
  /** Opening hours with nobody on the rota: alerts then go to the site lead. */
  | { kind: 'gap'; startsAt: Date; endsAt: Date }
  /** A period that ends at or before its start, which covers nothing. */
  | { kind: 'empty_period'; startsAt: Date; endsAt: Date; period: RotaPeriod };

/**
 * The rota's problems between `from` and `to`, in time order: periods that overlap, and stretches
 * of opening hours nobody is rostered for. Out-of-hours time without on-call is not a gap, because
 * most services roster only while open. It reports and never changes the rota: the admin decides
 * how to fix it. Away periods are not considered — they are absences, not rota errors.
 */
export function checkRota(periods: readonly RotaPeriod[], siteHours: SiteHours, from: Date, to: Date): RotaProblem[] {
  const problems: RotaProblem[] = [];
  const inWindow = (start: Date, end: Date) => start < to && end > from;
  const valid: RotaPeriod[] = [];
  for (const period of periods) {
    if (period.endsAt > period.startsAt) valid.push(period);
    // Reported when any part of it, read either way round, falls in the window.
    else if (period.endsAt < to && period.startsAt >= from) {
      problems.push({ kind: 'empty_period', startsAt: period.startsAt, endsAt: period.endsAt, period });
    }
  }

  const sorted = [...valid].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  sorted.forEach((first, i) => {
    for (const second of sorted.slice(i + 1)) {
      if (second.startsAt >= first.endsAt) break;
      const startsAt = second.startsAt;
      const endsAt = first.endsAt < second.endsAt ? first.endsAt : second.endsAt;
      if (inWindow(startsAt, endsAt)) problems.push({ kind: 'overlap', startsAt, endsAt, periods: [first, second] });
    }
  });

  const covered = valid.map((p) => ({ start: p.startsAt, end: p.endsAt }));
  for (const open of openingSpans(siteHours, from, to)) {
    const within = { start: open.start > from ? open.start : from, end: open.end < to ? open.end : to };
    for (const gap of uncovered(within, covered)) problems.push({ kind: 'gap', startsAt: gap.start, endsAt: gap.end });
  }

  return problems.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
