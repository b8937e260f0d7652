import { describe, expect, it } from 'vitest';
import { ManualClock, systemClock } from './clock';

describe('ManualClock', () => {
  it('moves only when told to, and never backwards', () => {
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-03-02T09:00:00.000Z');
    clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2026-03-02T09:01:30.000Z');
    clock.set('2026-03-03T00:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-03-03T00:00:00.000Z');
    expect(() => clock.set('2026-03-02T00:00:00Z')).toThrow(RangeError);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => new ManualClock('not a date')).toThrow(RangeError);
  });

  it('hands out copies, so callers cannot move time by mutating a Date', () => {
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    clock.now().setFullYear(2000);
    expect(clock.now().getUTCFullYear()).toBe(2026);
  });
});

describe('systemClock', () => {
  it('reads the wall clock', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
