import { describe, expect, it } from 'vitest';
import { escapeIcalText, foldIcalLine, formatIcalUtc, serialiseIcalCalendar, type IcalEvent } from './ical';

// UTF-8 octets, counted independently of the code under test (throws on a lone surrogate).
const octets = (text: string) => encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, '.').length;

describe('escapeIcalText (RFC 5545 §3.3.11)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', 'a\\,b'],
    ['a;b', 'a\\;b'],
    ['a\\b', 'a\\\\b'],
    ['line one\nline two', 'line one\\nline two'],
    ['windows\r\nbreak', 'windows\\nbreak'],
    ['old mac\rbreak', 'old mac\\nbreak'],
    ['tab\tkept', 'tab\tkept'],
    ['bell\u0007 and nul\u0000 dropped\u007f', 'bell and nul dropped'],
    ['colon: kept, "quotes" too', 'colon: kept\\, "quotes" too'],
    ['\\n is not a break', '\\\\n is not a break'],
    ['Zoë 😀', 'Zoë 😀'],
  ])('%j → %j', (input, expected) => {
    expect(escapeIcalText(input)).toBe(expected);
  });
});

describe('foldIcalLine (RFC 5545 §3.1)', () => {
  it.each([
    ['74 octets', 'a'.repeat(74), ['a'.repeat(74)]],
    ['75 octets: not folded', 'a'.repeat(75), ['a'.repeat(75)]],
    ['76 octets: folded after 75', 'a'.repeat(76), ['a'.repeat(75), ' a']],
    ['75 + 74: one continuation of 75 octets', 'a'.repeat(149), ['a'.repeat(75), ` ${'a'.repeat(74)}`]],
    ['75 + 75: a second continuation', 'a'.repeat(150), ['a'.repeat(75), ` ${'a'.repeat(74)}`, ' a']],
    // A two-octet character that would take octets 75–76 moves to the next line whole.
    ['é across the boundary', `${'a'.repeat(74)}é`, ['a'.repeat(74), ' é']],
    ['é ending exactly at 75', `${'a'.repeat(73)}é`, [`${'a'.repeat(73)}é`]],
    ['€ (3 octets) across the boundary', `${'a'.repeat(73)}€`, ['a'.repeat(73), ' €']],
    ['€ ending exactly at 75', `${'a'.repeat(72)}€`, [`${'a'.repeat(72)}€`]],
    ['😀 (4 octets, a surrogate pair) across the boundary', `${'a'.repeat(72)}😀`, ['a'.repeat(72), ' 😀']],
    ['😀 ending exactly at 75', `${'a'.repeat(71)}😀`, [`${'a'.repeat(71)}😀`]],
    ['empty', '', ['']],
  ])('%s', (_name, line, expected) => {
    const folded = foldIcalLine(line);
    expect(folded.split('\r\n')).toEqual(expected);
    for (const part of folded.split('\r\n')) expect(octets(part)).toBeLessThanOrEqual(75);
    // Unfolding (remove CRLF + one space) gives back the line.
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('never splits a multi-octet character, whatever the offset', () => {
    for (let pad = 0; pad < 8; pad++) {
      const line = `${'x'.repeat(pad)}${'Zoë ✓ 😀 '.repeat(30)}`;
      const parts = foldIcalLine(line).split('\r\n');
      for (const part of parts) {
        expect(octets(part)).toBeLessThanOrEqual(75);
        expect(part).not.toMatch(/\uFFFD/);
        // A lone surrogate would mean a 4-octet character was cut in two.
        expect(part).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }
      expect(parts.join('\r\n').replace(/\r\n /g, '')).toBe(line);
    }
  });
});

describe('formatIcalUtc', () => {
  it.each([
    ['2026-03-03T14:00:00Z', '20260303T140000Z'],
    ['2026-12-31T23:59:59.999Z', '20261231T235959Z'],
    ['2026-06-01T09:30:00+01:00', '20260601T083000Z'],
  ])('%s → %s', (input, expected) => {
    expect(formatIcalUtc(new Date(input))).toBe(expected);
  });
});

describe('serialiseIcalCalendar', () => {
  const event: IcalEvent = {
    uid: 'abc@tandem',
    sequence: 2,
    stamp: new Date('2026-03-02T09:00:00Z'),
    start: new Date('2026-03-03T14:00:00Z'),
    end: new Date('2026-03-03T14:30:00Z'),
    summary: 'Tandem appointment',
    description: 'Details are in Tandem: https://tandem.example/',
    status: 'CANCELLED',
  };
  const text = serialiseIcalCalendar({ productId: '-//Tandem//Appointments//EN', name: 'Tandem appointments', refreshMinutes: 60, events: [event] });

  it('ends every line, the last included, with CRLF and has no bare LF', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes the calendar and event properties in UTC', () => {
    const lines = text.split('\r\n');
    expect(lines.slice(0, 4)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Tandem//Appointments//EN', 'CALSCALE:GREGORIAN']);
    expect(lines).toEqual(
      expect.arrayContaining([
        'REFRESH-INTERVAL;VALUE=DURATION:PT60M',
        'UID:abc@tandem',
        'DTSTAMP:20260302T090000Z',
        'DTSTART:20260303T140000Z',
        'DTEND:20260303T143000Z',
        'SEQUENCE:2',
        'SUMMARY:Tandem appointment',
        'DESCRIPTION:Details are in Tandem: https://tandem.example/',
        'STATUS:CANCELLED',
        'TRANSP:TRANSPARENT',
      ]),
    );
  });

  it('folds long properties', () => {
    const long = serialiseIcalCalendar({ productId: 'p', events: [{ ...event, description: 'é'.repeat(100) }] });
    for (const line of long.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(long.replace(/\r\n /g, '')).toContain(`DESCRIPTION:${'é'.repeat(100)}\r\n`);
  });

  it('an empty calendar is still a valid calendar', () => {
    expect(serialiseIcalCalendar({ productId: 'p', events: [] })).toBe('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:p\r\nCALSCALE:GREGORIAN\r\nEND:VCALENDAR\r\n');
  });
});
