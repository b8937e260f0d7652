/**
 * A small iCalendar (RFC 5545) writer for the subscribed calendar feed: one VCALENDAR of VEVENTs,
 * times in UTC, text escaped (§3.3.11), lines folded at 75 octets (§3.1) and ended with CRLF.
 * Written here rather than taken from a library: ical-generator 11 needs Node 22, and the feed
 * needs only this much.
 */
export type IcalEventStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

export interface IcalEvent {
  /** Globally unique and stable across edits (§3.8.4.7). */
  uid: string;
  /** Revision number; raised whenever the event changes (§3.8.7.4). */
  sequence: number;
  /** When the event's information last changed (DTSTAMP, §3.8.7.2). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  url?: string;
  status: IcalEventStatus;
}

export interface IcalCalendar {
  /** PRODID, e.g. '-//Tandem//Appointments//EN'. */
  productId: string;
  /** Shown as the calendar's name by most apps (RFC 7986 NAME and X-WR-CALNAME). */
  name?: string;
  /** How often subscribers should fetch the feed again (RFC 7986 REFRESH-INTERVAL). */
  refreshMinutes?: number;
  events: IcalEvent[];
}

/** Longest content line in octets, not counting the CRLF (RFC 5545 §3.1). */
export const icalLineOctets = 75;

/** Octets of one code point in UTF-8. */
function utf8Octets(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Escapes a TEXT value (§3.3.11): backslash, semicolon and comma get a backslash; any line break
 * becomes `\n`. Other control characters are not allowed in TEXT and are dropped (tab is kept).
 */
export function escapeIcalText(value: string): string {
  let out = '';
  for (const ch of value.replace(/\r\n|\r/g, '\n')) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n') out += '\\n';
    else if (ch === '\\' || ch === ';' || ch === ',') out += `\\${ch}`;
    else if ((code < 0x20 && ch !== '\t') || code === 0x7f) continue;
    else out += ch;
  }
  return out;
}

/**
 * Folds one content line (§3.1): no line longer than 75 octets; each continuation starts with a
 * single space. A multi-octet UTF-8 character is never split across lines. Lines are joined with
 * CRLF; the result has no trailing line break.
 */
export function foldIcalLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Octets(ch.codePointAt(0)!);
    if (octets + size > icalLineOctets) {
      lines.push(current);
      // The leading space of a continuation line counts towards its 75 octets.
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

/** A UTC DATE-TIME value, e.g. 20260303T140000Z (§3.3.5, form 2). */
export function formatIcalUtc(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

function eventLines(event: IcalEvent): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${escapeIcalText(event.uid)}`,
    `DTSTAMP:${formatIcalUtc(event.stamp)}`,
    `DTSTART:${formatIcalUtc(event.start)}`,
    `DTEND:${formatIcalUtc(event.end)}`,
    `SEQUENCE:${Math.max(0, Math.trunc(event.sequence))}`,
    `SUMMARY:${escapeIcalText(event.summary)}`,
    ...(event.description ? [`DESCRIPTION:${escapeIcalText(event.description)}`] : []),
    // URI values are not TEXT: they are not escaped (§3.3.13).
    ...(event.url ? [`URL:${event.url}`] : []),
    `STATUS:${event.status}`,
    `TRANSP:${event.status === 'CANCELLED' ? 'TRANSPARENT' : 'OPAQUE'}`,
    'END:VEVENT',
  ];
}

/** Serialises a calendar: CRLF line endings (including the last line), folded lines. */
export function serialiseIcalCalendar(calendar: IcalCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeIcalText(calendar.productId)}`,
    'CALSCALE:GREGORIAN',
    ...(calendar.name ? [`NAME:${escapeIcalText(calendar.name)}`, `X-WR-CALNAME:${escapeIcalText(calendar.name)}`] : []),
    ...(calendar.refreshMinutes
      ? [`REFRESH-INTERVAL;VALUE=DURATION:PT${calendar.refreshMinutes}M`, `X-PUBLISHED-TTL:PT${calendar.refreshMinutes}M`]
      : []),
    ...calendar.events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return lines.map(foldIcalLine).join('\r\n') + '\r\n';
}
