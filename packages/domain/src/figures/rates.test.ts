import { describe, expect, it } from 'vitest';
import { minCountToShow, rateFigure, wilsonInterval } from './rates';

const round = (x: number) => Math.round(x * 10_000) / 10_000;

describe('wilsonInterval', () => {
  // Newcombe 1998 (Stat Med 17:857), Table I, method 3 (Wilson score without continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    // Small groups as Tandem shows them.
    [3, 5, 0.2307, 0.8824],
    [4, 7, 0.2505, 0.8418],
    [5, 5, 0.5655, 1],
  ])('%i of %i → %f to %f', (k, n, low, high) => {
    const ci = wilsonInterval(k, n)!;
    expect([round(ci.low), round(ci.high)]).toEqual([low, high]);
  });

  it('has no interval for no trials and refuses counts outside 0..n', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(6, 5)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 5)).toThrow(RangeError);
  });
});

describe('rateFigure suppresses below the minimum count', () => {
  it('uses 5 as the minimum', () => expect(minCountToShow).toBe(5));
  it.each([
    [0, 0, false],
    [0, 1, true],
    [4, 4, true],
    [0, 5, false],
    [5, 5, false],
  ])('%i of %i suppressed: %s', (k, n, suppressed) => {
    expect(rateFigure(k, n).suppressed).toBe(suppressed);
  });
  it('hides the counts, not only the rate, of a suppressed figure', () => {
    expect(rateFigure(1, 4)).toEqual({ suppressed: true, numerator: null, denominator: null, rate: null, ci: null });
  });
  it('shows 0 of 0 as no rate', () => {
    expect(rateFigure(0, 0)).toEqual({ suppressed: false, numerator: 0, denominator: 0, rate: null, ci: null });
  });
  it('shows the count, rate and interval from the minimum', () => {
    const f = rateFigure(3, 5);
    expect(f).toMatchObject({ suppressed: false, numerator: 3, denominator: 5, rate: 0.6 });
    expect(round(f.ci!.low)).toBe(0.2307);
  });
});
