import { describe, expect, it } from 'vitest';
import { appointmentsOverlap } from './appointment';
import { canChangeEpisodeStatus, careStatusOf, type EpisodeStatus } from './episode';
import { reviewReasonsFor } from './review';

describe('episode status changes outside discharge', () => {
  it.each([
    ['waiting', 'active', true],
    ['waiting', 'on_hold', true],
    ['active', 'on_hold', true],
    ['on_hold', 'active', true],
    ['active', 'waiting', false],
    ['active', 'ended', false],
    ['ended', 'active', false],
    ['ended', 'waiting', false],
  ] as [EpisodeStatus, EpisodeStatus, boolean][])('%s → %s: %s', (from, to, allowed) => {
    expect(canChangeEpisodeStatus(from, to)).toBe(allowed);
  });
});

describe('appointmentsOverlap', () => {
  const at = (time: string, minutes: number) => ({ startsAt: new Date(`2026-03-02T${time}:00Z`), durationMinutes: minutes });
  it.each([
    [at('10:00', 60), at('10:30', 30), true, 'inside'],
    [at('10:00', 60), at('11:00', 30), false, 'back to back'],
    [at('10:00', 60), at('09:00', 60), false, 'ends as the other starts'],
    [at('10:00', 60), at('09:30', 31), true, 'one minute over'],
    [at('10:00', 60), at('10:00', 60), true, 'the same slot'],
  ])('%o and %o: %s (%s)', (a, b, clash) => {
    expect(appointmentsOverlap(a, b)).toBe(clash);
    expect(appointmentsOverlap(b, a)).toBe(clash);
  });
});

describe('careStatusOf', () => {
  it.each([
    [[], 'none'],
    [['waiting'], 'open'],
    [['ended', 'active'], 'open'],
    [['ended'], 'ended'],
    [['ended', 'ended'], 'ended'],
  ] as [EpisodeStatus[], string][])('%j → %s', (statuses, status) => {
    expect(careStatusOf(statuses)).toBe(status);
  });
});

describe('reviewReasonsFor (default limits: step 2 at 8 contacts; step 3 at 16 until the clinical lead sets it)', () => {
  it.each([
    ['low_intensity', 7, []],
    ['low_intensity', 8, ['session_limit_reached']],
    ['high_intensity', 15, []],
    ['high_intensity', 16, ['session_limit_reached']],
  ] as const)('%s after %d attended treatment sessions → %j', (step, sessions, reasons) => {
    expect(reviewReasonsFor(step, sessions)).toEqual(reasons);
  });
});

describe('reviewReasonsFor: no improvement by session 4 (default)', () => {
  it.each([
    ['3 sessions, no change yet', 3, [15, 15], [12, 12], []],
    ['4 sessions, no reliable change on either', 4, [15, 10], [12, 9], ['no_improvement']],
    ['4 sessions, PHQ-9 fell by 6 (reliable)', 4, [15, 9], [12, 12], []],
    ['4 sessions, GAD-7 fell by 4 (reliable)', 4, [15, 15], [12, 8], []],
    ['4 sessions, PHQ-9 fell by 5 and GAD-7 by 3', 4, [15, 10], [12, 9], ['no_improvement']],
    ['4 sessions, one score on each: nothing to compare', 4, [15], [12], []],
    ['4 sessions, only PHQ-9 paired and unchanged', 4, [15, 14], [], ['no_improvement']],
    ['8 sessions at step 2, no improvement', 8, [15, 16], [12, 12], ['session_limit_reached', 'no_improvement']],
  ] as const)('%s', (_name, sessions, phq9, gad7, reasons) => {
    expect(reviewReasonsFor('low_intensity', sessions, { phq9, gad7 })).toEqual(reasons);
  });
  it('follows the service setting for N', () => {
    const settings = { sessionLimits: { low_intensity: 8, high_intensity: 16 }, noImprovementBySession: 6 };
    expect(reviewReasonsFor('low_intensity', 5, { phq9: [15, 15], gad7: [] }, settings)).toEqual([]);
    expect(reviewReasonsFor('low_intensity', 6, { phq9: [15, 15], gad7: [] }, settings)).toEqual(['no_improvement']);
  });
});
