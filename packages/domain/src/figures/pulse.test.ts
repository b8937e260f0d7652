import { describe, expect, it } from 'vitest';
import { PulseAnswerRequestSchema, summarisePulse, type PulseAnswer } from './pulse';

const a = (value: number | null, burden: number | null, comment: string | null = null): PulseAnswer => ({ value, burden, comment });

describe('summarisePulse', () => {
  it('shows only the number of answers below five people', () => {
    expect(summarisePulse('2026-03', [a(5, 1, 'Great'), a(4, 2), a(3, 3), a(2, 4)])).toEqual({
      month: '2026-03',
      responses: 4,
      suppressed: true,
      minCount: 5,
      value: null,
      burden: null,
      comments: [],
    });
  });
  it('shows means, counts and sorted comments from five', () => {
    const s = summarisePulse('2026-03', [a(5, 1, 'Zoe says'), a(4, null), a(3, 3, 'A lot to read'), a(2, 4), a(null, 5)]);
    expect(s).toMatchObject({ responses: 5, suppressed: false, comments: ['A lot to read', 'Zoe says'] });
    expect(s.value).toEqual({ answers: 4, mean: 3.5, counts: [0, 1, 1, 1, 1] });
    expect(s.burden).toEqual({ answers: 4, mean: 3.25, counts: [1, 0, 1, 1, 1] });
  });
});

describe('PulseAnswerRequestSchema', () => {
  it.each([
    [{ value: 1, burden: null, comment: null }, true],
    [{ value: null, burden: 5, comment: 'ok' }, true],
    [{ value: null, burden: null, comment: 'only a comment' }, false],
    [{ value: 0, burden: 3, comment: null }, false],
    [{ value: 6, burden: 3, comment: null }, false],
    [{ value: 3, burden: 3, comment: 'x'.repeat(1001) }, false],
  ])('%j valid: %s', (body, ok) => expect(PulseAnswerRequestSchema.safeParse(body).success).toBe(ok));
});
