import type { OpeningInterval, Weekday, WeeklyHours } from '@tandem/domain';

/**
 * A day's opening hours as typed in one text box: '09:00-17:00', or with a break
 * '09:00-12:30, 13:30-17:00'; empty means closed all day. One box a day keeps the week on one
 * screen and lets a split day be typed as it is said.
 */
export function hoursToText(intervals: readonly OpeningInterval[] | undefined): string {
  return (intervals ?? []).map((i) => `${i.opens}-${i.closes}`).join(', ');
}

/** What was typed, as intervals; null when some part is not 'HH:MM-HH:MM'. Times are not checked here. */
export function textToHours(text: string): OpeningInterval[] | null {
  const parts = text.split(',').map((part) => part.trim()).filter(Boolean);
  const intervals: OpeningInterval[] = [];
  for (const part of parts) {
    const match = /^(\d{1,2})[:.](\d{2})\s*(?:-|–|—|to)\s*(\d{1,2})[:.](\d{2})$/i.exec(part);
    if (!match) return null;
    intervals.push({ opens: `${match[1]!.padStart(2, '0')}:${match[2]}`, closes: `${match[3]!.padStart(2, '0')}:${match[4]}` });
  }
  return intervals;
}

/** The week as typed, day by day; days whose text cannot be read are listed in `unreadable`. */
export function weekFromText(text: Record<Weekday, string>): { weekly: WeeklyHours; unreadable: Weekday[] } {
  const weekly: WeeklyHours = {};
  const unreadable: Weekday[] = [];
  for (const [day, value] of Object.entries(text) as [Weekday, string][]) {
    const intervals = textToHours(value);
    if (intervals === null) unreadable.push(day);
    else if (intervals.length) weekly[day] = intervals;
  }
  return { weekly, unreadable };
}

/** Closure days typed one a line ('2026-12-25'), blank lines ignored. */
export function closureLines(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}
