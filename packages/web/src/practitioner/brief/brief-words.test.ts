import { describe, expect, it } from 'vitest';
import { matchStaffRoute, staffPaths } from '../routes';
import { changeKey } from './brief-words';

describe('the brief’s address', () => {
  it.each([
    ['/staff/clients/abc/brief', { name: 'brief', clientId: 'abc' }],
    ['/staff/clients/abc/brief/', { name: 'brief', clientId: 'abc' }],
    ['/staff/clients/a%2Fb/brief', { name: 'brief', clientId: 'a/b' }],
    ['/staff/clients/%E0%A4%A/brief', { name: 'not-found' }],
    ['/staff/clients/abc', { name: 'client', clientId: 'abc' }],
    ['/staff/clients/abc/brief/more', { name: 'not-found' }],
  ])('%s', (path, want) => {
    expect(matchStaffRoute(path)).toEqual(want);
  });

  it('round-trips an id through staffPaths.brief', () => {
    expect(matchStaffRoute(staffPaths.brief('x y/z'))).toEqual({ name: 'brief', clientId: 'x y/z' });
  });
});

describe('changeKey', () => {
  it.each([
    [-6, 'practitioner.brief.measures.down'],
    [-1, 'practitioner.brief.measures.down'],
    [0, 'practitioner.brief.measures.same'],
    [1, 'practitioner.brief.measures.up'],
  ])('%i → %s', (change, key) => {
    expect(changeKey(change)).toBe(key);
  });
});
