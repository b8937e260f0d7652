import { describe, expect, it } from 'vitest';
import { newSessionTimes, sessionIsLive, touchedIdleExpiry } from './session-rules';
import { signInDelayMs } from './sign-in-rules';

const t0 = new Date('2026-03-02T09:00:00Z');
const plus = (ms: number) => new Date(t0.getTime() + ms);
const min = 60_000;
const hour = 60 * min;

describe('session deadlines', () => {
  it.each([
    ['staff', false, 30 * min, 12 * hour],
    ['client', false, 12 * hour, 12 * hour],
    ['client', true, 30 * 24 * hour, 30 * 24 * hour],
  ] as const)('%s (remember %s): idle %d ms, absolute %d ms', (type, remember, idle, absolute) => {
    const times = newSessionTimes(type, remember, t0);
    expect(times.idleExpiresAt).toEqual(plus(idle));
    expect(times.absoluteExpiresAt).toEqual(plus(absolute));
    expect(sessionIsLive(times, plus(idle - 1))).toBe(true);
    expect(sessionIsLive(times, plus(idle))).toBe(false);
  });

  it('staff stay signed in while active, but never past 12 hours', () => {
    let times = newSessionTimes('staff', false, t0);
    for (let at = 25 * min; at < 12 * hour; at += 25 * min) {
      expect(sessionIsLive(times, plus(at))).toBe(true);
      times = { ...times, idleExpiresAt: touchedIdleExpiry('staff', false, times.absoluteExpiresAt, plus(at)) };
    }
    expect(times.idleExpiresAt.getTime()).toBeLessThanOrEqual(plus(12 * hour).getTime());
    expect(sessionIsLive(times, plus(12 * hour))).toBe(false);
  });
});

describe('sign-in backoff', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 1_000],
    [6, 2_000],
    [7, 4_000],
    [14, 512_000],
    [15, 900_000],
    [40, 900_000],
  ])('after %d failures waits %d ms', (failures, delay) => {
    expect(signInDelayMs(failures)).toBe(delay);
  });

  it.each([
    [49, 0],
    [50, 1_000],
    [51, 2_000],
  ])('a shared network address: after %d failures waits %d ms', (failures, delay) => {
    expect(signInDelayMs(failures, 50)).toBe(delay);
  });
});
