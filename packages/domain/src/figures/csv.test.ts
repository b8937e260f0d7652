import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
    ['', ''],
  ])('%j → %s', (cell, out) => expect(csvField(cell)).toBe(out));
  it.each([
    [0.5, '0.5'],
    [-3, '-3'],
    [null, ''],
    [Number.NaN, ''],
  ])('%s → %j', (cell, out) => expect(csvField(cell)).toBe(out));
});

describe('toCsv', () => {
  it('joins rows with CRLF and ends with one', () => expect(toCsv([['a', 1], ['b,c', null]])).toBe('a,1\r\n"b,c",\r\n'));
});
