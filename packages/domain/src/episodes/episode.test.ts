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
