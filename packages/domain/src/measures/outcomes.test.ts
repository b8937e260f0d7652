import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changeSince,
  combinedReliableChange,
  episodeOutcome,
  firstAndLast,
  mixedReliableChangeCounts,
  outcomeRates,
  type EpisodeOutcome,
  type EpisodeOutcomeInput,
  type EpisodeScores,
} from './outcomes';
import { reliableChange } from './scoring';

const pair = (first: number, last: number) => ({ first, last });

/** An ended referral with two attended treatment appointments and the given scores. */
function ended(scores: EpisodeScores, overrides: Partial<EpisodeOutcomeInput> = {}): EpisodeOutcomeInput {
  return { ended: true, attendedTreatmentAppointments: 2, scores, ...overrides };
}

const nothingSet: EpisodeOutcome = {
  finishedTreatment: false,
  atCasenessAtStart: null,
  recovered: null,
  reliablyImproved: null,
  reliablyDeteriorated: null,
  reliablyRecovered: null,
};

function finished(o: Omit<EpisodeOutcome, 'finishedTreatment'>): EpisodeOutcome {
  return { finishedTreatment: true, ...o };
}

const recoveredAndImproved = { phq9: pair(15, 9), gad7: pair(12, 7) };

describe('episodeOutcome — finished treatment', () => {
  it.each([
    { name: 'not ended', input: ended(recoveredAndImproved, { ended: false, attendedTreatmentAppointments: 6 }), finishedTreatment: false },
    { name: 'ended, 0 treatment appointments', input: ended(recoveredAndImproved, { attendedTreatmentAppointments: 0 }), finishedTreatment: false },
    { name: 'ended, 1 treatment appointment', input: ended(recoveredAndImproved, { attendedTreatmentAppointments: 1 }), finishedTreatment: false },
    { name: 'ended, 2 treatment appointments', input: ended(recoveredAndImproved, { attendedTreatmentAppointments: 2 }), finishedTreatment: true },
  ])('$name → finished: $finishedTreatment', ({ input, finishedTreatment }) => {
    const outcome = episodeOutcome(input);
    expect(outcome.finishedTreatment).toBe(finishedTreatment);
    if (!finishedTreatment) expect(outcome).toEqual(nothingSet);
  });
});

describe('episodeOutcome — outcomes of finished referrals', () => {
  it.each([
    {
      name: 'at caseness, both below cut-offs at the end, PHQ-9 −6 and GAD-7 −5 → reliably recovered',
      scores: { phq9: pair(15, 9), gad7: pair(12, 7) },
      want: finished({ atCasenessAtStart: true, recovered: true, reliablyImproved: true, reliablyDeteriorated: false, reliablyRecovered: true }),
    },
    {
      name: 'PHQ-9 −5 and GAD-7 −3 → no reliable change; still at caseness (PHQ-9 10)',
      scores: { phq9: pair(15, 10), gad7: pair(10, 7) },
      want: finished({ atCasenessAtStart: true, recovered: false, reliablyImproved: false, reliablyDeteriorated: false, reliablyRecovered: false }),
    },
    {
      name: 'GAD-7 −4 improves; GAD-7 last 8 is still at caseness',
      scores: { phq9: pair(12, 7), gad7: pair(12, 8) },
      want: finished({ atCasenessAtStart: true, recovered: false, reliablyImproved: true, reliablyDeteriorated: false, reliablyRecovered: false }),
    },
    {
      name: 'recovered without reliable improvement (PHQ-9 11 → 9, GAD-7 9 → 7)',
      scores: { phq9: pair(11, 9), gad7: pair(9, 7) },
      want: finished({ atCasenessAtStart: true, recovered: true, reliablyImproved: false, reliablyDeteriorated: false, reliablyRecovered: false }),
    },
    {
      name: 'not at caseness at start (PHQ-9 9, GAD-7 7) → cannot recover, can improve',
      scores: { phq9: pair(9, 3), gad7: pair(7, 2) },
      want: finished({ atCasenessAtStart: false, recovered: false, reliablyImproved: true, reliablyDeteriorated: false, reliablyRecovered: false }),
    },
    {
      name: 'at caseness on PHQ-9 10 alone',
      scores: { phq9: pair(10, 4), gad7: pair(7, 7) },
      want: finished({ atCasenessAtStart: true, recovered: true, reliablyImproved: true, reliablyDeteriorated: false, reliablyRecovered: true }),
    },
    {
      name: 'at caseness on GAD-7 8 alone',
      scores: { phq9: pair(9, 9), gad7: pair(8, 4) },
      want: finished({ atCasenessAtStart: true, recovered: true, reliablyImproved: true, reliablyDeteriorated: false, reliablyRecovered: true }),
    },
    {
      name: 'PHQ-9 +6 → reliably deteriorated',
      scores: { phq9: pair(12, 18), gad7: pair(10, 10) },
      want: finished({ atCasenessAtStart: true, recovered: false, reliablyImproved: false, reliablyDeteriorated: true, reliablyRecovered: false }),
    },
    {
      name: 'PHQ-9 +5 → no reliable change',
      scores: { phq9: pair(12, 17), gad7: pair(10, 10) },
      want: finished({ atCasenessAtStart: true, recovered: false, reliablyImproved: false, reliablyDeteriorated: false, reliablyRecovered: false }),
    },
    {
      name: 'GAD-7 +4 → reliably deteriorated',
      scores: { phq9: pair(12, 12), gad7: pair(10, 14) },
      want: finished({ atCasenessAtStart: true, recovered: false, reliablyImproved: false, reliablyDeteriorated: true, reliablyRecovered: false }),
    },
    {
      name: 'GAD-7 +3 → no reliable change',
      scores: { phq9: pair(12, 12), gad7: pair(10, 13) },
      want: finished({ atCasenessAtStart: true, recovered: false, reliablyImproved: false, reliablyDeteriorated: false, reliablyRecovered: false }),
    },
    {
      name: 'mixed: PHQ-9 −10, GAD-7 +4 → never improved; deteriorated (ADR 0017)',
      scores: { phq9: pair(20, 10), gad7: pair(8, 12) },
      want: finished({ atCasenessAtStart: true, recovered: false, reliablyImproved: false, reliablyDeteriorated: true, reliablyRecovered: false }),
    },
    {
      name: 'mixed and recovered: PHQ-9 20 → 9, GAD-7 2 → 6 → recovered, not reliably recovered',
      scores: { phq9: pair(20, 9), gad7: pair(2, 6) },
      want: finished({ atCasenessAtStart: true, recovered: true, reliablyImproved: false, reliablyDeteriorated: true, reliablyRecovered: false }),
    },
    {
      name: 'missing last GAD-7, at caseness on PHQ-9 → no outcome set, still finished',
      scores: { phq9: pair(15, 5), gad7: null },
      want: finished({ atCasenessAtStart: true, recovered: null, reliablyImproved: null, reliablyDeteriorated: null, reliablyRecovered: null }),
    },
    {
      name: 'missing last GAD-7, PHQ-9 below cut-off → caseness cannot be decided',
      scores: { phq9: pair(8, 2), gad7: null },
      want: finished({ atCasenessAtStart: null, recovered: null, reliablyImproved: null, reliablyDeteriorated: null, reliablyRecovered: null }),
    },
    {
      name: 'no paired scores at all',
      scores: { phq9: null, gad7: null },
      want: finished({ atCasenessAtStart: null, recovered: null, reliablyImproved: null, reliablyDeteriorated: null, reliablyRecovered: null }),
    },
  ])('$name', ({ scores, want }) => {
    expect(episodeOutcome(ended(scores))).toEqual(want);
  });
});

describe('combinedReliableChange — the one rule for both measures', () => {
  it.each([
    ['improved', 'improved', 'improved'],
    ['improved', 'none', 'improved'],
    ['none', 'improved', 'improved'],
    ['none', 'none', 'none'],
    ['deteriorated', 'none', 'deteriorated'],
    ['none', 'deteriorated', 'deteriorated'],
    ['deteriorated', 'deteriorated', 'deteriorated'],
    ['improved', 'deteriorated', mixedReliableChangeCounts],
    ['deteriorated', 'improved', mixedReliableChangeCounts],
  ] as const)('PHQ-9 %s, GAD-7 %s → %s', (phq9, gad7, want) => {
    expect(combinedReliableChange(phq9, gad7)).toBe(want);
  });

  it('counts a mixed case as reliable deterioration (docs/decisions/0017)', () => {
    expect(mixedReliableChangeCounts).toBe('deteriorated');
  });
});

describe('outcomeRates', () => {
  it('counts each rate over its own denominator', () => {
    const outcomes = [
      episodeOutcome(ended({ phq9: pair(15, 9), gad7: pair(12, 7) })), // recovered, improved, reliably recovered
      episodeOutcome(ended({ phq9: pair(9, 3), gad7: pair(7, 2) })), // not at caseness, improved
      episodeOutcome(ended({ phq9: pair(12, 18), gad7: pair(10, 10) })), // deteriorated
      episodeOutcome(ended({ phq9: pair(15, 5), gad7: null })), // missing last GAD-7: in the denominators only
      episodeOutcome(ended({ phq9: pair(20, 9), gad7: pair(2, 6) })), // mixed: recovered and deteriorated
      episodeOutcome(ended({ phq9: pair(15, 9), gad7: pair(12, 7) }, { attendedTreatmentAppointments: 1 })), // not finished
      episodeOutcome(ended({ phq9: pair(15, 9), gad7: pair(12, 7) }, { ended: false })), // not ended
    ];
    expect(outcomeRates(outcomes)).toEqual({
      recovery: { numerator: 2, denominator: 4 },
      reliableImprovement: { numerator: 2, denominator: 5 },
      reliableDeterioration: { numerator: 2, denominator: 5 },
      reliableRecovery: { numerator: 1, denominator: 4 },
      finished: 5,
    });
  });

  // Verified for the figures (decision 0028): NHS England's formula is finished − not at caseness,
  // so a finished referral whose caseness cannot be decided stays in the recovery denominator.
  it.each([
    { name: 'caseness undecided (GAD-7 unpaired, PHQ-9 below)', scores: { phq9: pair(8, 2), gad7: null }, recoveryDenominator: 1 },
    { name: 'not at caseness on both first scores', scores: { phq9: pair(8, 2), gad7: pair(6, 1) }, recoveryDenominator: 0 },
    { name: 'at caseness on one first score', scores: { phq9: pair(10, 2), gad7: pair(6, 1) }, recoveryDenominator: 1 },
  ])('recovery denominator: $name → $recoveryDenominator', ({ scores, recoveryDenominator }) => {
    const rates = outcomeRates([episodeOutcome(ended(scores))]);
    expect(rates.recovery.denominator).toBe(recoveryDenominator);
    expect(rates.reliableImprovement.denominator).toBe(1);
  });

  it('is all zero for no referrals', () => {
    const zero = { numerator: 0, denominator: 0 };
    expect(outcomeRates([])).toEqual({ recovery: zero, reliableImprovement: zero, reliableDeterioration: zero, reliableRecovery: zero, finished: 0 });
  });
});

describe('firstAndLast', () => {
  it.each([
    { scores: [], want: null },
    { scores: [14], want: null },
    { scores: [14, 9], want: { first: 14, last: 9 } },
    { scores: [14, 20, 11, 9], want: { first: 14, last: 9 } },
  ])('$scores → $want', ({ scores, want }) => {
    expect(firstAndLast(scores)).toEqual(want);
  });
});

describe('changeSince', () => {
  it.each([
    { scores: [], want: null },
    { scores: [14], want: { first: 14, last: 14, sinceFirst: 0, sinceLast: null } },
    { scores: [14, 9], want: { first: 14, last: 9, sinceFirst: -5, sinceLast: -5 } },
    { scores: [14, 8, 11], want: { first: 14, last: 11, sinceFirst: -3, sinceLast: 3 } },
  ])('$scores → $want', ({ scores, want }) => {
    expect(changeSince(scores)).toEqual(want);
  });
});

describe('outcome rules never contradict each other', () => {
  const scorePair = (max: number) => fc.option(fc.record({ first: fc.integer({ min: 0, max }), last: fc.integer({ min: 0, max }) }), { nil: null });
  const inputs = fc.record({
    ended: fc.boolean(),
    attendedTreatmentAppointments: fc.integer({ min: 0, max: 20 }),
    scores: fc.record({ phq9: scorePair(27), gad7: scorePair(21) }),
  });

  it('for any referral', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const o = episodeOutcome(input);
        expect(o.finishedTreatment).toBe(input.ended && input.attendedTreatmentAppointments >= 2);
        if (!o.finishedTreatment) expect(o).toEqual(nothingSet);
        // Improvement and deterioration exclude each other (mixed cases are deterioration).
        expect(o.reliablyImproved === true && o.reliablyDeteriorated === true).toBe(false);
        if (o.reliablyRecovered === true) expect([o.recovered, o.reliablyImproved]).toEqual([true, true]);
        if (o.recovered === true) expect([o.finishedTreatment, o.atCasenessAtStart]).toEqual([true, true]);
        if (o.atCasenessAtStart === false) expect(o.recovered).toBe(false);
        const { phq9, gad7 } = input.scores;
        const paired = phq9 !== null && gad7 !== null;
        if (o.finishedTreatment && paired) {
          expect([o.atCasenessAtStart, o.recovered, o.reliablyImproved, o.reliablyDeteriorated, o.reliablyRecovered]).not.toContain(null);
          const mixed = [reliableChange('phq9', phq9.first, phq9.last), reliableChange('gad7', gad7.first, gad7.last)].sort().join('+') === 'deteriorated+improved';
          if (mixed) {
            expect(o.reliablyImproved).toBe(false);
            expect(o.reliablyDeteriorated).toBe(mixedReliableChangeCounts === 'deteriorated');
          }
        }
        if (o.finishedTreatment && !paired) expect([o.recovered, o.reliablyImproved, o.reliablyDeteriorated, o.reliablyRecovered]).toEqual([null, null, null, null]);
      }),
    );
  });

  it('for any list of referrals, numerators never exceed denominators', () => {
    fc.assert(
      fc.property(fc.array(inputs, { maxLength: 30 }), (list) => {
        const rates = outcomeRates(list.map(episodeOutcome));
        for (const rate of [rates.recovery, rates.reliableImprovement, rates.reliableDeterioration, rates.reliableRecovery]) {
          expect(rate.numerator).toBeGreaterThanOrEqual(0);
          expect(rate.numerator).toBeLessThanOrEqual(rate.denominator);
        }
        expect(rates.recovery.denominator).toBeLessThanOrEqual(rates.finished);
        expect(rates.reliableRecovery.numerator).toBeLessThanOrEqual(rates.recovery.numerator);
        expect(rates.reliableImprovement.numerator + rates.reliableDeterioration.numerator).toBeLessThanOrEqual(rates.finished);
      }),
    );
  });
});
