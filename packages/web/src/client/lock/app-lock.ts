import { appPinRules } from '@tandem/domain';

/**
 * The client app's own lock (decision 0035). A remembered phone with an app PIN locks after 5
 * minutes without use — while the app is open, when it comes back after being hidden, and when it
 * opens again — even offline, before the server's own 5-minute lock would show. It also locks when
 * the server answers 401 `auth.locked`. Opening it again always needs the PIN, checked by the
 * server (POST /api/auth/pin/unlock).
 *
 * The phone keeps only two things (never the PIN): whether this session has a PIN, and when the
 * app was last used (shared by the app's tabs, so use in one counts for all).
 */

/** Where the two facts are kept. */
export const lockStorageKeys = { pinSet: 'tandem.pin-set', lastUsedAt: 'tandem.last-used-at' } as const;

/** Activity that counts as using the app. */
const activityEvents = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/** Writing the last-used time at most this often (every key press would be wasteful). */
const noteEveryMs = 5_000;

export interface AppLockPorts {
  now(): number;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Where activity and `visibilitychange` are heard (the document). */
  events: EventTarget;
  isHidden(): boolean;
}

export type LockState = { locked: false } | { locked: true; why: 'unused' | 'server' };

/** Whether the app should be locked: it has a PIN and has been unused for the lock time. */
export function isDueToLock(pinSet: boolean, lastUsedAt: number | null, now: number, lockAfterMs: number = appPinRules.lockAfterMs): boolean {
  if (!pinSet) return false;
  // Never used on record (storage cleared) while a PIN is set: lock, to be safe.
  if (lastUsedAt === null) return true;
  return now - lastUsedAt >= lockAfterMs;
}

export class AppLock {
  private state: LockState = { locked: false };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopListening: (() => void) | undefined;

  constructor(
    private readonly ports: AppLockPorts,
    private readonly lockAfterMs: number = appPinRules.lockAfterMs,
  ) {}

  getState = (): LockState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Whether this phone's session has a PIN, as last known. */
  pinSet(): boolean {
    return this.ports.storage.getItem(lockStorageKeys.pinSet) === '1';
  }

  lastUsedAt(): number | null {
    const raw = this.ports.storage.getItem(lockStorageKeys.lastUsedAt);
    const value = raw === null ? NaN : Number(raw);
    return Number.isFinite(value) ? value : null;
  }

  /**
   * Starts watching: checks at once (the app may open after a long time away), then on every
   * return to the page and after 5 minutes without use. Returns the function that stops it.
   */
  start(): () => void {
    this.stopListening?.();
    const { events } = this.ports;
    const onActivity = () => this.noteUse(false);
    const onVisibility = () => {
      if (!this.ports.isHidden()) this.check();
    };
    for (const name of activityEvents) events.addEventListener(name, onActivity, { passive: true, capture: true });
    events.addEventListener('visibilitychange', onVisibility);
    this.stopListening = () => {
      for (const name of activityEvents) events.removeEventListener(name, onActivity, { capture: true });
      events.removeEventListener('visibilitychange', onVisibility);
      this.clearTimer();
    };
    this.check();
    return () => {
      this.stopListening?.();
      this.stopListening = undefined;
    };
  }

  /**
   * After sign-in, and whenever the server says whether this session has a PIN. Setting a PIN
   * counts as use (the person is here); without one the app never locks itself.
   */
  setPinSet(pinSet: boolean): void {
    if (pinSet === this.pinSet()) return;
    if (pinSet) {
      this.ports.storage.setItem(lockStorageKeys.pinSet, '1');
      this.noteUse(true);
    } else {
      this.ports.storage.removeItem(lockStorageKeys.pinSet);
      this.clearTimer();
    }
  }

  /** The server answered 401 `auth.locked`. */
  lockedByServer(): void {
    this.set({ locked: true, why: 'server' });
  }

  /** The server accepted the PIN: open, and start counting from now. */
  unlocked(): void {
    this.ports.storage.setItem(lockStorageKeys.lastUsedAt, String(this.ports.now()));
    this.set({ locked: false });
    this.schedule(this.lockAfterMs);
  }

  /** Signed out (or the session ended): nothing to lock, and nothing of the session kept. */
  forget(): void {
    this.ports.storage.removeItem(lockStorageKeys.pinSet);
    this.ports.storage.removeItem(lockStorageKeys.lastUsedAt);
    this.clearTimer();
    this.set({ locked: false });
  }

  /** Locks now if it is time; otherwise sets the timer for when it will be. */
  check(): void {
    if (this.state.locked) return;
    const now = this.ports.now();
    const lastUsedAt = this.lastUsedAt();
    if (isDueToLock(this.pinSet(), lastUsedAt, now, this.lockAfterMs)) {
      this.clearTimer();
      this.set({ locked: true, why: 'unused' });
      return;
    }
    this.schedule(lastUsedAt === null ? this.lockAfterMs : lastUsedAt + this.lockAfterMs - now);
  }

  private noteUse(always: boolean): void {
    // While locked, taps on the lock screen are not use of the app; without a PIN nothing is kept.
    if (this.state.locked || (!always && !this.pinSet())) return;
    const now = this.ports.now();
    const last = this.lastUsedAt();
    // A use after the lock time (a timer that never fired in a background tab) locks instead.
    if (!always && isDueToLock(this.pinSet(), last, now, this.lockAfterMs)) {
      this.check();
      return;
    }
    if (always || last === null || now - last >= noteEveryMs) this.ports.storage.setItem(lockStorageKeys.lastUsedAt, String(now));
    if (this.pinSet() && this.stopListening) this.schedule(this.lockAfterMs);
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    if (!this.pinSet() || !this.stopListening) return;
    // Another tab may have been used meanwhile: the timer checks again rather than locking blindly.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.check();
    }, Math.max(delayMs, 0));
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private set(state: LockState): void {
    if (state.locked === this.state.locked && (!state.locked || (this.state.locked && state.why === this.state.why))) return;
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
