/**
 * Converting a wall-clock time in a time zone to an instant, with Intl only (no tz library).
 * Used for schedules set in people's own time ("08:30 in London").
 */
export interface ZonedParts {
  /** 'YYYY' */
  year: string;
  /** '01'–'12' */
  month: string;
  /** '01'–'31' */
  day: string;
  /** '00'–'23' */
  hour: string;
  minute: string;
  second: string;
}

/** Making an Intl formatter is slow; one per time zone is kept and reused. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** What the clocks in `timeZone` show at `instant`, as zero-padded parts (24-hour). */
export function zonedParts(instant: Date, timeZone: string): ZonedParts {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

function offsetMs(instant: Date, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which the clocks in `timeZone` show `date` ('YYYY-MM-DD') and `time` ('HH:MM').
 * In the hour skipped when clocks go forward the result is an hour later; in the hour repeated
 * when they go back it is the first occurrence.
 */
export function zonedDateTimeToInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const day = 24 * 3600_000;
  const before = offsetMs(new Date(guess - day), timeZone);
  const after = offsetMs(new Date(guess + day), timeZone);
  // A candidate is right when the zone's offset at that instant is the one it was built with.
  const valid = [guess - before, guess - after].filter((c, i) => offsetMs(new Date(c), timeZone) === (i === 0 ? before : after));
  return new Date(valid.length ? Math.min(...valid) : guess - before);
}
