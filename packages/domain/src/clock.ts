/**
 * The one source of "now". Services, jobs and policies take a Clock instead of calling
 * `new Date()`, so tests can move time (reminders, escalations, session expiry) deterministically.
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** The wall clock of the machine. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that only moves when told to. Used by tests and by scripted demos.
 */
export class ManualClock implements Clock {
  #ms: number;

  constructor(start: Date | string) {
    this.#ms = new Date(start).getTime();
    if (Number.isNaN(this.#ms)) throw new RangeError(`ManualClock: invalid start ${String(start)}`);
  }

  now(): Date {
    return new Date(this.#ms);
  }

  /** Moves time forward by the given milliseconds (never backwards). */
  advance(ms: number): void {
    if (ms < 0) throw new RangeError('ManualClock cannot go backwards');
    this.#ms += ms;
  }

  /** Sets time to an instant at or after the current one. */
  set(to: Date | string): void {
    const next = new Date(to).getTime();
    if (Number.isNaN(next) || next < this.#ms) throw new RangeError('ManualClock cannot go backwards');
    this.#ms = next;
  }
}
