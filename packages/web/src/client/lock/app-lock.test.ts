import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppLock, isDueToLock, lockStorageKeys } from './app-lock';

const minute = 60_000;

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}

function setup(options: { pinSet?: boolean; lastUsedAt?: number } = {}) {
  const storage = memoryStorage();
  if (options.pinSet) storage.setItem(lockStorageKeys.pinSet, '1');
  if (options.lastUsedAt !== undefined) storage.setItem(lockStorageKeys.lastUsedAt, String(options.lastUsedAt));
  const events = new EventTarget();
  let hidden = false;
  const lock = new AppLock({ now: () => Date.now(), storage, events, isHidden: () => hidden });
  const seen: string[] = [];
  lock.subscribe(() => {
    const state = lock.getState();
    seen.push(state.locked ? `locked:${state.why}` : 'open');
  });
  return {
    lock,
    storage,
    seen,
    tap: () => events.dispatchEvent(new Event('pointerdown')),
    hide: () => {
      hidden = true;
      events.dispatchEvent(new Event('visibilitychange'));
    },
    show: () => {
      hidden = false;
      events.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

describe('isDueToLock: 5 minutes unused (appPinRules.lockAfterMs)', () => {
  it.each([
    [true, 0, 5 * minute - 1, false],
    [true, 0, 5 * minute, true],
    [true, 0, 60 * minute, true],
    [false, 0, 60 * minute, false],
    [true, null, 0, true],
    [false, null, 0, false],
  ])('PIN set %s, last used %s, now %s → %s', (pinSet, lastUsedAt, now, due) => {
    expect(isDueToLock(pinSet, lastUsedAt, now)).toBe(due);
  });
});

describe('the app lock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-26T12:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('locks after 5 minutes without use while open, and not a moment before', () => {
    const { lock, seen } = setup({ pinSet: true, lastUsedAt: Date.now() });
    const stop = lock.start();
    vi.advanceTimersByTime(5 * minute - 1);
    expect(lock.getState().locked).toBe(false);
    vi.advanceTimersByTime(1);
    expect(lock.getState()).toEqual({ locked: true, why: 'unused' });
    expect(seen).toEqual(['locked:unused']);
    stop();
  });

  it('use of the app starts the 5 minutes again', () => {
    const { lock, tap } = setup({ pinSet: true, lastUsedAt: Date.now() });
    const stop = lock.start();
    vi.advanceTimersByTime(4 * minute);
    tap();
    vi.advanceTimersByTime(4 * minute);
    expect(lock.getState().locked).toBe(false);
    vi.advanceTimersByTime(minute + 1);
    expect(lock.getState().locked).toBe(true);
    stop();
  });

  it('never locks itself without a PIN', () => {
    const { lock, hide, show } = setup({ lastUsedAt: Date.now() });
    const stop = lock.start();
    hide();
    vi.advanceTimersByTime(60 * minute);
    show();
    expect(lock.getState().locked).toBe(false);
    stop();
  });

  it('locks when it comes back after 5 minutes hidden, even if no timer fired meanwhile', () => {
    const { lock, hide, show } = setup({ pinSet: true, lastUsedAt: Date.now() });
    const stop = lock.start();
    hide();
    // A background tab's timers may not run: move the clock without running them.
    vi.setSystemTime(Date.now() + 5 * minute);
    show();
    expect(lock.getState()).toEqual({ locked: true, why: 'unused' });
    stop();
  });

  it('stays open when it comes back after a short time hidden', () => {
    const { lock, hide, show } = setup({ pinSet: true, lastUsedAt: Date.now() });
    const stop = lock.start();
    hide();
    vi.setSystemTime(Date.now() + 4 * minute);
    show();
    expect(lock.getState().locked).toBe(false);
    stop();
  });

  it('locks at once when opened after 5 minutes away (also offline: no server needed)', () => {
    const { lock } = setup({ pinSet: true, lastUsedAt: Date.now() - 5 * minute });
    const stop = lock.start();
    expect(lock.getState().locked).toBe(true);
    stop();
  });

  it('a tap after the lock time locks rather than counting as use', () => {
    const { lock, tap, storage } = setup({ pinSet: true, lastUsedAt: Date.now() });
    const stop = lock.start();
    vi.setSystemTime(Date.now() + 6 * minute);
    const before = storage.getItem(lockStorageKeys.lastUsedAt);
    tap();
    expect(lock.getState().locked).toBe(true);
    expect(storage.getItem(lockStorageKeys.lastUsedAt)).toBe(before);
    stop();
  });

  it('locks when the server says so, and opens after unlocking, counting from then', () => {
    const { lock, seen } = setup({ pinSet: true, lastUsedAt: Date.now() });
    const stop = lock.start();
    lock.lockedByServer();
    expect(lock.getState()).toEqual({ locked: true, why: 'server' });
    vi.advanceTimersByTime(10 * minute);
    lock.unlocked();
    expect(lock.getState().locked).toBe(false);
    vi.advanceTimersByTime(5 * minute - 1);
    expect(lock.getState().locked).toBe(false);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['locked:server', 'open', 'locked:unused']);
    stop();
  });

  it('setting a PIN starts the timer; removing it stops it', () => {
    const { lock } = setup({ lastUsedAt: Date.now() - 60 * minute });
    const stop = lock.start();
    lock.setPinSet(true);
    // Setting a PIN is use: no lock for the next 5 minutes.
    expect(lock.getState().locked).toBe(false);
    vi.advanceTimersByTime(4 * minute);
    lock.setPinSet(false);
    vi.advanceTimersByTime(10 * minute);
    expect(lock.getState().locked).toBe(false);
    stop();
  });

  it('keeps only "PIN set" and the last-used time, and forgets both on sign-out', () => {
    const { lock, storage, tap } = setup({ lastUsedAt: Date.now() });
    const stop = lock.start();
    lock.setPinSet(true);
    vi.advanceTimersByTime(10_000);
    tap();
    expect([...storage.map.keys()].sort()).toEqual([lockStorageKeys.lastUsedAt, lockStorageKeys.pinSet].sort());
    expect(storage.getItem(lockStorageKeys.lastUsedAt)).toBe(String(Date.now()));
    lock.forget();
    expect(storage.map.size).toBe(0);
    vi.advanceTimersByTime(60 * minute);
    expect(lock.getState().locked).toBe(false);
    stop();
  });

  it('stops listening when stopped', () => {
    const { lock, hide, show } = setup({ pinSet: true, lastUsedAt: Date.now() });
    const stop = lock.start();
    stop();
    hide();
    vi.setSystemTime(Date.now() + 10 * minute);
    vi.advanceTimersByTime(10 * minute);
    show();
    expect(lock.getState().locked).toBe(false);
  });
});
