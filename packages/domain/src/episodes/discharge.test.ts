import { describe, expect, it } from 'vitest';
import { finalMeasuresDue } from './discharge';

const at = (iso: string) => new Date(iso);
const lastSession = at('2026-03-10T10:00:00Z');

describe('finalMeasuresDue', () => {
  it.each([
    ['no session attended: nothing to ask', null, { phq9: null, gad7: null, wsas: null }, []],
    ['no scores yet: PHQ-9 and GAD-7', lastSession, { phq9: null, gad7: null, wsas: null }, ['phq9', 'gad7']],
    ['scores before the last session: all three (WSAS has a first)', lastSession, { phq9: at('2026-03-03T09:00:00Z'), gad7: at('2026-03-03T09:00:00Z'), wsas: at('2026-02-20T09:00:00Z') }, ['phq9', 'gad7', 'wsas']],
    ['scored just before the last session started: due', lastSession, { phq9: at('2026-03-10T09:59:59Z'), gad7: at('2026-03-10T10:00:00Z'), wsas: null }, ['phq9']],
    ['scored at or after the last session: not due', lastSession, { phq9: at('2026-03-10T10:30:00Z'), gad7: at('2026-03-10T10:00:00Z'), wsas: null }, []],
  ] as const)('%s', (_name, lastAttendedAt, latestScoreAt, expected) => {
    expect(finalMeasuresDue({ lastAttendedAt, latestScoreAt })).toEqual(expected);
  });
});
