import { describe, expect, it } from 'vitest';
import { activeIdleWindowMs, activeMsBetween, creditedBeatSeconds, maxBeatSeconds } from './active-time';

const s = 1000;
const tick = (now: number, lastInputAt: number | null, visible = true, focused = true) => ({ now, lastInputAt, visible, focused });

describe('activeMsBetween: what the page counts', () => {
  it('uses a two-minute idle window', () => expect(activeIdleWindowMs).toBe(120 * s));
  it.each([
    ['input just now: the whole interval', 0, tick(30 * s, 29 * s), 30 * s],
    ['input at the start, window not yet over', 0, tick(30 * s, 0), 30 * s],
    ['window ends exactly at the tick', 0, tick(120 * s, 0), 120 * s],
    ['window ends inside the interval: counted up to it', 100 * s, tick(130 * s, 0), 20 * s],
    ['window ended before the interval: nothing', 130 * s, tick(160 * s, 0), 0],
    ['window ended one ms before the interval', 120 * s + 1, tick(150 * s, 0), 0],
    ['no input yet: nothing', 0, tick(30 * s, null), 0],
    ['hidden page: nothing', 0, tick(30 * s, 29 * s, false, true), 0],
    ['unfocused window: nothing', 0, tick(30 * s, 29 * s, true, false), 0],
    ['a tab left open overnight counts at most the window after the last input', 0, tick(12 * 3600 * s, 0), 120 * s],
  ])('%s', (_name, since, t, expected) => {
    expect(activeMsBetween(since, t)).toBe(expected);
  });
});

describe('creditedBeatSeconds: what the server adds', () => {
  it('caps one beat at 60 seconds', () => expect(maxBeatSeconds).toBe(60));
  it.each([
    [30, null, 30],
    [60, null, 60],
    [61, null, 60],
    [3600, null, 60],
    [30.9, null, 30],
    [-5, null, 0],
    // Never more than the time since the person's previous beat (two tabs cannot double-count).
    [30, 31_000, 30],
    [30, 30_000, 30],
    [30, 29_001, 30],
    [30, 29_000, 29],
    [30, 0, 0],
    [30, 1, 1],
    [60, 600_000, 60],
  ])('%f claimed, %s ms since the previous beat → %i', (claimed, since, expected) => {
    expect(creditedBeatSeconds(claimed, since)).toBe(expected);
  });
});
