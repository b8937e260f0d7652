import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instrumentIds, instruments, type InstrumentId } from './instruments';
import {
  answerProblems,
  casenessCutoffs,
  isAtCaseness,
  reliableChange,
  reliableChangeThresholds,
  severityBand,
  severityBands,
  totalScore,
  type AnswerProblem,
  type Answers,
} from './scoring';

/** Every item of `id` answered with `value` (then overridden by `overrides`). */
function answersOf(id: InstrumentId, value: number | null, overrides: Record<string, number | null> = {}): Answers {
  return { ...Object.fromEntries(instruments[id].items.map((item) => [item.linkId, value])), ...overrides };
}

function without(answers: Answers, linkId: string): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([key]) => key !== linkId));
}

/** Any complete, valid set of answers for an instrument, including WSAS "not applicable". */
function validAnswers(id: InstrumentId): fc.Arbitrary<Answers> {
  const items = instruments[id].items.map((item) => {
    const values = fc.constantFrom<number | null>(...item.answerOptions.map((o) => o.value));
    return item.notApplicableAllowed ? fc.oneof(values, fc.constant(null)) : values;
  });
  return fc.tuple(...items).map((values) => Object.fromEntries(instruments[id].items.map((item, i) => [item.linkId, values[i]!])));
}

interface ProblemCase {
  name: string;
  id: InstrumentId;
  answers: Answers;
  complete: boolean;
  want: AnswerProblem[];
}

describe('answerProblems', () => {
  it.each<ProblemCase>([
    { name: 'complete PHQ-9', id: 'phq9', answers: answersOf('phq9', 1), complete: true, want: [] },
    { name: 'partial PHQ-9 saved item by item', id: 'phq9', answers: { 'phq9-1': 2 }, complete: false, want: [] },
    { name: 'empty partial GAD-7', id: 'gad7', answers: {}, complete: false, want: [] },
    { name: 'missing item when complete', id: 'phq9', answers: without(answersOf('phq9', 0), 'phq9-9'), complete: true, want: [{ linkId: 'phq9-9', problem: 'missing' }] },
    { name: 'unknown item', id: 'gad7', answers: answersOf('gad7', 0, { 'gad7-8': 1 }), complete: true, want: [{ linkId: 'gad7-8', problem: 'unknown_item' }] },
    { name: 'item of another instrument', id: 'gad7', answers: { 'phq9-1': 1 }, complete: false, want: [{ linkId: 'phq9-1', problem: 'unknown_item' }] },
    { name: 'above range (PHQ-9 4)', id: 'phq9', answers: { 'phq9-3': 4 }, complete: false, want: [{ linkId: 'phq9-3', problem: 'out_of_range' }] },
    { name: 'below range (GAD-7 −1)', id: 'gad7', answers: { 'gad7-1': -1 }, complete: false, want: [{ linkId: 'gad7-1', problem: 'out_of_range' }] },
    { name: 'WSAS 9', id: 'wsas', answers: { 'wsas-2': 9 }, complete: false, want: [{ linkId: 'wsas-2', problem: 'out_of_range' }] },
    { name: 'non-integer', id: 'phq9', answers: { 'phq9-1': 1.5 }, complete: false, want: [{ linkId: 'phq9-1', problem: 'out_of_range' }] },
    { name: 'NaN', id: 'phq9', answers: { 'phq9-1': Number.NaN }, complete: false, want: [{ linkId: 'phq9-1', problem: 'out_of_range' }] },
    { name: 'WSAS work item not applicable', id: 'wsas', answers: answersOf('wsas', 3, { 'wsas-1': null }), complete: true, want: [] },
    { name: 'WSAS home item not applicable', id: 'wsas', answers: answersOf('wsas', 3, { 'wsas-2': null }), complete: true, want: [{ linkId: 'wsas-2', problem: 'not_applicable_not_allowed' }] },
    { name: 'PHQ-9 item 9 not applicable', id: 'phq9', answers: { 'phq9-9': null }, complete: false, want: [{ linkId: 'phq9-9', problem: 'not_applicable_not_allowed' }] },
    {
      name: 'several problems at once, unknown items first',
      id: 'gad7',
      answers: { 'gad7-1': 5, x: 0 },
      complete: true,
      want: [
        { linkId: 'x', problem: 'unknown_item' },
        { linkId: 'gad7-1', problem: 'out_of_range' },
        ...['gad7-2', 'gad7-3', 'gad7-4', 'gad7-5', 'gad7-6', 'gad7-7'].map((linkId) => ({ linkId, problem: 'missing' as const })),
      ],
    },
  ])('$name', ({ id, answers, complete, want }) => {
    expect(answerProblems(id, answers, { complete })).toEqual(want);
  });
});

describe('totalScore', () => {
  it.each([
    { name: 'PHQ-9 all 0', id: 'phq9', answers: answersOf('phq9', 0), want: 0 },
    { name: 'PHQ-9 all 3', id: 'phq9', answers: answersOf('phq9', 3), want: 27 },
    { name: 'PHQ-9 mixed', id: 'phq9', answers: answersOf('phq9', 1, { 'phq9-1': 3, 'phq9-9': 0 }), want: 10 },
    { name: 'GAD-7 all 3', id: 'gad7', answers: answersOf('gad7', 3), want: 21 },
    { name: 'WSAS all 8', id: 'wsas', answers: answersOf('wsas', 8), want: 40 },
    { name: 'WSAS work not applicable: sum of the other four, not prorated', id: 'wsas', answers: answersOf('wsas', 8, { 'wsas-1': null }), want: 32 },
    { name: 'WSAS work not applicable, others 2', id: 'wsas', answers: answersOf('wsas', 2, { 'wsas-1': null }), want: 8 },
  ] as const)('$name → $want', ({ id, answers, want }) => {
    expect(totalScore(id, answers)).toBe(want);
  });

  it.each([
    { name: 'incomplete', id: 'phq9', answers: { 'phq9-1': 1 } },
    { name: 'out of range', id: 'gad7', answers: answersOf('gad7', 4) },
    { name: 'not applicable where not allowed', id: 'gad7', answers: answersOf('gad7', 1, { 'gad7-3': null }) },
  ] as const)('throws when $name', ({ id, answers }) => {
    expect(() => totalScore(id, answers)).toThrow(Error);
  });

  it.each(instrumentIds)('%s: any complete, valid answers give a whole-number total within the range', (id) => {
    fc.assert(
      fc.property(validAnswers(id), (answers) => {
        expect(answerProblems(id, answers, { complete: true })).toEqual([]);
        const total = totalScore(id, answers);
        expect(Number.isInteger(total)).toBe(true);
        expect(total).toBeGreaterThanOrEqual(instruments[id].range.min);
        expect(total).toBeLessThanOrEqual(instruments[id].range.max);
        expect(() => severityBand(id, total)).not.toThrow();
      }),
    );
  });
});

describe('severityBand', () => {
  it.each([
    ['phq9', 0, 'minimal'],
    ['phq9', 4, 'minimal'],
    ['phq9', 5, 'mild'],
    ['phq9', 9, 'mild'],
    ['phq9', 10, 'moderate'],
    ['phq9', 14, 'moderate'],
    ['phq9', 15, 'moderately_severe'],
    ['phq9', 19, 'moderately_severe'],
    ['phq9', 20, 'severe'],
    ['phq9', 27, 'severe'],
    ['gad7', 0, 'minimal'],
    ['gad7', 4, 'minimal'],
    ['gad7', 5, 'mild'],
    ['gad7', 9, 'mild'],
    ['gad7', 10, 'moderate'],
    ['gad7', 14, 'moderate'],
    ['gad7', 15, 'severe'],
    ['gad7', 21, 'severe'],
    ['wsas', 0, 'subclinical'],
    ['wsas', 9, 'subclinical'],
    ['wsas', 10, 'significant'],
    ['wsas', 20, 'significant'],
    ['wsas', 21, 'moderately_severe_or_worse'],
    ['wsas', 40, 'moderately_severe_or_worse'],
  ] as const)('%s %i → %s', (id, total, want) => {
    expect(severityBand(id, total)).toBe(want);
  });

  it.each([
    ['phq9', -1],
    ['phq9', 28],
    ['gad7', 22],
    ['wsas', 41],
    ['phq9', 9.5],
  ] as const)('%s %d is not a total → throws', (id, total) => {
    expect(() => severityBand(id, total)).toThrow(Error);
  });

  it.each(instrumentIds)('%s: the bands cover the whole range without gaps or overlaps', (id) => {
    const bands = severityBands[id];
    expect(bands[0]?.min).toBe(instruments[id].range.min);
    expect(bands.at(-1)?.max).toBe(instruments[id].range.max);
    bands.slice(1).forEach((band, i) => expect(band.min).toBe(bands[i]!.max + 1));
  });
});

describe('isAtCaseness', () => {
  it.each([
    { phq9: 9, gad7: 7, want: false },
    { phq9: 10, gad7: 7, want: true },
    { phq9: 9, gad7: 8, want: true },
    { phq9: 10, gad7: 8, want: true },
    { phq9: 0, gad7: 0, want: false },
    { phq9: 10, gad7: null, want: true },
    { phq9: null, gad7: 8, want: true },
    { phq9: 9, gad7: null, want: null },
    { phq9: null, gad7: 7, want: null },
    { phq9: null, gad7: null, want: null },
  ])('PHQ-9 $phq9, GAD-7 $gad7 → $want', ({ phq9, gad7, want }) => {
    expect(isAtCaseness({ phq9, gad7 })).toBe(want);
  });

  it('uses the NHS Talking Therapies cut-offs', () => {
    expect(casenessCutoffs).toEqual({ phq9: 10, gad7: 8 });
  });
});

describe('reliableChange', () => {
  it.each([
    ['phq9', 15, 10, 'none'],
    ['phq9', 15, 9, 'improved'],
    ['phq9', 15, 20, 'none'],
    ['phq9', 15, 21, 'deteriorated'],
    ['phq9', 27, 0, 'improved'],
    ['phq9', 12, 12, 'none'],
    ['gad7', 12, 9, 'none'],
    ['gad7', 12, 8, 'improved'],
    ['gad7', 12, 15, 'none'],
    ['gad7', 12, 16, 'deteriorated'],
  ] as const)('%s %i → %i: %s', (id, first, last, want) => {
    expect(reliableChange(id, first, last)).toBe(want);
  });

  it('uses the NHS Talking Therapies thresholds', () => {
    expect(reliableChangeThresholds).toEqual({ phq9: 6, gad7: 4 });
  });

  it('is symmetric: swapping first and last swaps improved and deteriorated', () => {
    const swapped = { improved: 'deteriorated', deteriorated: 'improved', none: 'none' } as const;
    fc.assert(
      fc.property(fc.constantFrom('phq9' as const, 'gad7' as const), fc.integer({ min: 0, max: 27 }), fc.integer({ min: 0, max: 27 }), (id, a, b) => {
        expect(reliableChange(id, b, a)).toBe(swapped[reliableChange(id, a, b)]);
      }),
    );
  });
});
