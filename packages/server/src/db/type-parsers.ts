/**
 * Both drivers must hand the application identical values (STACK-NOTES, PGlite trap 4):
 *  - int8 (count(*), sums) as a JavaScript number; a value beyond 2^53 is an error, not a silent
 *    rounding;
 *  - date as the ISO calendar string 'YYYY-MM-DD' (a date of birth is not an instant; turning it
 *    into a Date shifts it by a day in some time zones);
 *  - timestamp with time zone as a Date (sessions run in UTC);
 *  - timestamp without time zone is read as UTC (the schema does not use it).
 * Proven on both engines by type-parsing.test.ts.
 */
export const typeOids = {
  int8: 20,
  date: 1082,
  timestamp: 1114,
  numeric: 1700,
} as const;

export function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${text} is outside the safe integer range`);
  return n;
}

export function parseDate(text: string): string {
  return text;
}

export function parseTimestampWithoutZone(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}Z`);
}

/** Parsers by type OID, for PGlite's `parsers` option and pg's `types.getTypeParser`. */
export const textParsers: Record<number, (text: string) => unknown> = {
  [typeOids.int8]: parseInt8,
  [typeOids.date]: parseDate,
  [typeOids.timestamp]: parseTimestampWithoutZone,
  // numeric keeps its exact decimal text on both drivers.
  [typeOids.numeric]: (text: string) => text,
};
