import { describe, expect, it } from 'vitest';
import { formatNhsNumber, isValidNhsNumber } from './nhs-number';

describe('isValidNhsNumber (modulus 11, NHS Data Dictionary)', () => {
  it.each([
    ['9434765919', true, 'the Data Dictionary example'],
    ['943 476 5919', true, 'with spaces'],
    ['943-476-5919', true, 'with hyphens'],
    ['9434765918', false, 'wrong check digit'],
    ['4010232137', true, 'another valid number'],
    ['4010232130', false, 'check digit that should be 7 given as 0'],
    ['0100000010', true, 'sum 9 + 2 = 11 → remainder 0 → 11 → check digit 0'],
    ['0100000011', false, 'the same with check digit 1'],
    ['1000000001', true, 'sum 10 → 11 − 10 = 1'],
    ['1000000000', false, 'the same with check digit 0'],
    ['123456789', false, 'nine digits'],
    ['12345678901', false, 'eleven digits'],
    ['94347659IO', false, 'letters'],
    ['', false, 'empty'],
  ])('%s → %s (%s)', (input, valid) => {
    expect(isValidNhsNumber(input)).toBe(valid);
  });

  it('refuses every number whose check digit would be 10', () => {
    // 00000000 6: sum = 6 × 2 = 12; 12 mod 11 = 1; 11 − 1 = 10 → no valid check digit exists.
    for (let last = 0; last <= 9; last++) expect(isValidNhsNumber(`000000006${last}`)).toBe(false);
  });
});

describe('formatNhsNumber', () => {
  it('groups as 3 3 4', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
  });
});
