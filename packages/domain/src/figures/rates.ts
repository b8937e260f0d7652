/*
 * Rates as Tandem shows them (decision 0028): each with its count, a 95 % confidence interval,
 * and nothing at all below a minimum count.
 */

/** z for a two-sided 95 % interval. */
export const z95 = 1.959963984540054;

/**
 * The smallest denominator (and group) whose rate is shown. Below 5: a rate such as "1 of 3"
 * can point at one client or one practitioner in a small team, and its interval is so wide
 * (1 of 3: 6 % to 79 %) that it says almost nothing. NHS England's published statistics suppress
 * small counts for the same two reasons (NHS Digital, statistical disclosure control: counts of
 * 1 to 7 are suppressed in the NHS Talking Therapies monthly statistics); Tandem's figures are
 * for one service's own supervision, not publication, so the smaller bar of 5 is used.
 */
export const minCountToShow = 5;

export interface Interval {
  low: number;
  high: number;
}

/**
 * The Wilson score interval for k successes in n trials (Wilson E.B. 1927, "Probable inference,
 * the law of succession, and statistical inference", J Am Stat Assoc 22:209–212; recommended over
 * the simple Wald interval by Newcombe R.G. 1998, Stat Med 17:857–872, and Brown, Cai & DasGupta
 * 2001, Stat Sci 16:101–133, because it stays within 0–1 and keeps its coverage at small n and at
 * rates near 0 or 1). null when n is 0.
 */
export function wilsonInterval(k: number, n: number, z = z95): Interval | null {
  if (n <= 0) return null;
  if (k < 0 || k > n) throw new RangeError(`wilsonInterval: ${k} of ${n}`);
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At k = 0 and k = n the formula gives exactly 0 and 1; rounding error must not move them.
  return { low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half) };
}

/** A rate as shown: suppressed below the minimum, else the counts, the rate and its interval. */
export type RateFigure =
  | { suppressed: true; numerator: null; denominator: null; rate: null; ci: null }
  | { suppressed: false; numerator: number; denominator: number; rate: number | null; ci: Interval | null };

/** A rate not shown: its group is too small. */
export const suppressedRate: RateFigure = { suppressed: true, numerator: null, denominator: null, rate: null, ci: null };

/**
 * k of n as a figure: suppressed (no counts at all — "fewer than 5" already tells the size) when
 * n is below `minCountToShow`, except 0 of 0, which identifies nobody and shows as "none".
 */
export function rateFigure(k: number, n: number, min = minCountToShow): RateFigure {
  if (n > 0 && n < min) return suppressedRate;
  return { suppressed: false, numerator: k, denominator: n, rate: n === 0 ? null : k / n, ci: wilsonInterval(k, n) };
}
