import { localDate, zonedDateTimeToInstant } from '@tandem/domain';

const dayMs = 86_400_000;

export interface Day {
  /** 'YYYY-MM-DD' in the organisation's time zone. */
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** The instant of local noon. */
  noon: number;
}

/**
 * Days counted from today (0) in the organisation's time zone: -1 is yesterday, 7 a week ahead.
 * Each day's local noon is worked out once; a time of day is placed from it, which is right for
 * every time after the small hours, when clocks change.
 */
export class Calendar {
  private readonly days = new Map<number, Day>();

  constructor(
    readonly now: Date,
    readonly timeZone: string,
  ) {}

  day(offset: number): Day {
    let day = this.days.get(offset);
    if (!day) {
      const date = localDate(new Date(this.now.getTime() + offset * dayMs), this.timeZone);
      day = { date, weekday: new Date(`${date}T12:00:00Z`).getUTCDay(), noon: zonedDateTimeToInstant(date, '12:00', this.timeZone).getTime() };
      this.days.set(offset, day);
    }
    return day;
  }

  /** The instant `minutes` after local midnight on day `offset`. */
  at(offset: number, minutes: number): Date {
    return new Date(this.day(offset).noon + (minutes - 720) * 60_000);
  }

  /** The same day, or the Monday after when it falls on a weekend. */
  weekdayOnOrAfter(offset: number): number {
    const weekday = this.day(offset).weekday;
    return weekday === 6 ? offset + 2 : weekday === 0 ? offset + 1 : offset;
  }
}
