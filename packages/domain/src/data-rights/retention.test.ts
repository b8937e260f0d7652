import { describe, expect, it } from 'vitest';
import { addYears, decideErasure, defaultRetentionYearsAfterDischarge } from './retention';

describe('retention before erasure', () => {
  // NHS England Records Management Code of Practice 2023, Appendix II, "Mental health records":
  // 20 years after the date of last contact. Last contact 2030-06-15 → kept until 2050-06-15.
  it.each([
    ['one day before the end of retention', '2050-06-14', false],
    ['on the day retention ends', '2050-06-15', true],
    ['one day after', '2050-06-16', true],
  ])('%s (%s): allowed %s', (_what, today, allowed) => {
    const decision = decideErasure({ careOngoing: false, lastContactOn: '2030-06-15', retentionYears: defaultRetentionYearsAfterDischarge, today });
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) expect(decision).toEqual({ allowed: false, reason: 'retention_period', keepUntil: '2050-06-15' });
  });

  it('care still going on keeps the records whatever the dates', () => {
    expect(decideErasure({ careOngoing: true, lastContactOn: '2000-01-01', retentionYears: 1, today: '2030-01-01' })).toEqual({ allowed: false, reason: 'care_ongoing' });
  });

  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2030-12-31', 20, '2050-12-31'],
    ['2030-01-01', 0, '2030-01-01'],
  ])('adds whole years: %s + %i = %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });
});
