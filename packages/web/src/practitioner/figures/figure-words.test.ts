import { describe, expect, it } from 'vitest';
import { countText, durationText, rateText } from './figure-words';

const t = (key: string, values?: Record<string, string | number>) => `${key}${values ? JSON.stringify(values) : ''}`;

describe('figure words', () => {
  it.each([
    [0, 'practitioner.figures.time.none'],
    [59, 'practitioner.figures.time.underMinute'],
    [60, 'practitioner.figures.time.minutes{"count":1}'],
    [3599, 'practitioner.figures.time.minutes{"count":59}'],
    [3660, 'practitioner.figures.time.hoursMinutes{"hours":1,"minutes":1}'],
  ])('%i seconds → %s', (s, out) => expect(durationText(s, t)).toBe(out));

  it('gives a rate with its count and interval in whole percent', () => {
    expect(rateText({ suppressed: false, numerator: 3, denominator: 5, rate: 0.6, ci: { low: 0.2307, high: 0.8824 } }, 5, t)).toBe(
      'practitioner.figures.rate{"numerator":3,"denominator":5,"percent":"60","low":"23","high":"88"}',
    );
  });
  it('says why a figure is not shown', () => {
    expect(rateText({ suppressed: true, numerator: null, denominator: null, rate: null, ci: null }, 5, t)).toBe('practitioner.figures.suppressed{"min":5}');
    expect(countText(null, 5, t)).toBe('practitioner.figures.suppressed{"min":5}');
    expect(countText(7, 5, t)).toBe('practitioner.figures.count{"count":7}');
    expect(rateText({ suppressed: false, numerator: 0, denominator: 0, rate: null, ci: null }, 5, t)).toBe('practitioner.figures.rateNone');
  });
});
