import { describe, expect, it } from 'vitest';
import { decideSsoSignIn, providerMfaCounts, type SsoCandidate } from './sso';

const verified = { email: 'pat@nhs.example', emailVerified: true, subject: 'sub-pat' };
const staff: SsoCandidate = { actorType: 'staff', status: 'active', linkedSubject: null, subjectLinkedElsewhere: false };

describe('which SSO sign-ins open an account (decision 0036)', () => {
  it.each([
    ['a verified email of an active staff account, first time: sign in and link', verified, staff, { outcome: 'sign-in', link: true }],
    ['the same subject again: sign in, already linked', verified, { ...staff, linkedSubject: 'sub-pat' }, { outcome: 'sign-in', link: false }],
    ['email not verified at the provider', { ...verified, emailVerified: false }, staff, { outcome: 'refuse', reason: 'unverified' }],
    ['no email at all', { ...verified, email: null }, staff, { outcome: 'refuse', reason: 'unverified' }],
    ['no account with that email', verified, null, { outcome: 'refuse', reason: 'no_account' }],
    ["a client's email", verified, { ...staff, actorType: 'client' }, { outcome: 'refuse', reason: 'no_account' }],
    ['a disabled staff account', verified, { ...staff, status: 'disabled' }, { outcome: 'refuse', reason: 'no_account' }],
    ['an invited account not yet accepted', verified, { ...staff, status: 'invited' }, { outcome: 'refuse', reason: 'no_account' }],
    ['the email moved to another person at the provider', verified, { ...staff, linkedSubject: 'sub-someone-else' }, { outcome: 'refuse', reason: 'other_person' }],
    ['this subject already opens another account', verified, { ...staff, subjectLinkedElsewhere: true }, { outcome: 'refuse', reason: 'other_person' }],
  ] as const)('%s', (_name, identity, candidate, expected) => {
    expect(decideSsoSignIn(identity, candidate)).toEqual(expected);
  });
});

describe("when the provider's second step counts (RFC 8176)", () => {
  it.each([
    [true, ['pwd', 'mfa'], true],
    [true, ['pwd'], false],
    [true, [], false],
    [false, ['mfa'], false],
    [true, ['MFA'], false],
  ] as const)('trusted %s, amr %j: %s', (trusted, amr, expected) => {
    expect(providerMfaCounts(trusted, amr)).toBe(expected);
  });
});
