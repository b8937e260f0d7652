import { describe, expect, it } from 'vitest';
import { AppPinSchema, SecondStepRequestSchema, SetAppPinRequestSchema } from '../api/two-step';
import { appPinRules, normaliseCode, pinIsTooEasy, recoveryCodeRules, twoStepRequired } from './two-step';

describe('two-step sign-in rules (decision 0035)', () => {
  it('is required for staff and a choice for clients', () => {
    expect(twoStepRequired('staff')).toBe(true);
    expect(twoStepRequired('client')).toBe(false);
  });

  it('uses a recovery-code alphabet without look-alike characters', () => {
    expect(recoveryCodeRules.alphabet).toHaveLength(31);
    expect(recoveryCodeRules.alphabet).not.toMatch(/[01ilo]/);
    expect(new Set(recoveryCodeRules.alphabet).size).toBe(recoveryCodeRules.alphabet.length);
  });

  it.each([
    [' 123 456 ', '123456'],
    ['K7M2P-X9RT4', 'k7m2px9rt4'],
    ['k7m2p x9rt4', 'k7m2px9rt4'],
  ])('reads the typed code %j as %j', (typed, code) => {
    expect(normaliseCode(typed)).toBe(code);
  });

  it.each([
    ['123456', true],
    ['12345', false],
    ['1234567', false],
    ['12a456', false],
    ['k7m2p-x9rt4', true],
    ['k7m2p-x9rt', false],
    ['k7m2p-x9rt44', false],
    ['k7m2p-x9rt0', false],
  ])('accepts %j as a code: %s', (code, ok) => {
    expect(SecondStepRequestSchema.safeParse({ code }).success).toBe(ok);
  });
});

describe('the app PIN (decision 0035)', () => {
  it('locks after 5 minutes unused and ends the session after 5 wrong PINs', () => {
    expect(appPinRules.lockAfterMs).toBe(5 * 60_000);
    expect(appPinRules.maxFailures).toBe(5);
  });

  it.each([
    ['123', false],
    ['2580', true],
    ['25804', true],
    ['258047', true],
    ['2580471', false],
    ['25a0', false],
  ])('a PIN of %j has the right length and characters: %s', (pin, ok) => {
    expect(AppPinSchema.safeParse(pin).success).toBe(ok);
  });

  it.each([
    ['0000', true],
    ['777777', true],
    ['1234', true],
    ['3456', true],
    ['9876', true],
    ['654321', true],
    ['1235', false],
    ['2580', false],
    ['1122', false],
    ['0987', false],
  ])('%j is too easy to guess: %s', (pin, easy) => {
    expect(pinIsTooEasy(pin)).toBe(easy);
    expect(SetAppPinRequestSchema.safeParse({ pin }).success).toBe(!easy);
  });
});
