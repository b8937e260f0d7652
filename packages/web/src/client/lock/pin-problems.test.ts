import { describe, expect, it } from 'vitest';
import { pinProblems } from './AppPinPage';

describe('checking a new app PIN on the phone (the server checks the same: SetAppPinRequestSchema)', () => {
  it.each([
    ['', '', { pin: 'missing' }],
    ['123', '123', { pin: 'format' }],
    ['1234567', '1234567', { pin: 'format' }],
    ['12a4', '12a4', { pin: 'format' }],
    ['1111', '1111', { pin: 'easy' }],
    ['1234', '1234', { pin: 'easy' }],
    ['987654', '987654', { pin: 'easy' }],
    ['2580', '', { again: 'againMissing' }],
    ['2580', '2581', { again: 'different' }],
    ['2580', '2580', {}],
    ['135792', '135792', {}],
  ])('%j then %j → %j', (pin, again, problems) => {
    expect(pinProblems(pin, again)).toEqual(problems);
  });
});
