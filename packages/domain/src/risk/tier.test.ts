import { describe, expect, it } from 'vitest';
import { defaultRiskPolicy, RiskPolicySchema, type RiskPolicy } from './policy';
import { alertDeadline, escalationPath, nextRecipient, riskTierFor, type PreviousPositive, type RiskTrigger } from './tier';

const item9 = (value: number, source: 'client_app' | 'in_session' | 'imported' = 'client_app'): RiskTrigger => ({ kind: 'item9', value, source });
const reviewed = (value: number): PreviousPositive => ({ value, reviewed: true });
const unreviewed = (value: number): PreviousPositive => ({ value, reviewed: false });

describe('riskTierFor with the default policy', () => {
  it.each([
    ['the help button', { kind: 'help_button' } as RiskTrigger, null, 'help_button', 'immediate'],
    ['a first positive answer of 1', item9(1), null, 'first_positive', 'immediate'],
    ['a first positive answer of 3', item9(3), null, 'first_positive', 'immediate'],
    ['an increase from 1 to 2', item9(2), reviewed(1), 'increase', 'immediate'],
    ['an unchanged 2, reviewed', item9(2), reviewed(2), 'score_two_or_more', 'immediate'],
    ['a fall from 3 to 2, reviewed', item9(2), reviewed(3), 'score_two_or_more', 'immediate'],
    ['an unchanged 1, reviewed', item9(1), reviewed(1), 'unchanged_one_reviewed', 'before_next_contact'],
    ['a fall from 2 to 1, reviewed', item9(1), reviewed(2), 'unchanged_one_reviewed', 'before_next_contact'],
    ['an unchanged 1, not yet reviewed', item9(1), unreviewed(1), 'unchanged_one_unreviewed', 'immediate'],
    ['an answer of 3 given in session', item9(3, 'in_session'), null, 'answered_in_session', 'recorded'],
    ['an imported first positive', item9(1, 'imported'), null, 'first_positive', 'immediate'],
  ])('%s', (_name, trigger, previous, rule, tier) => {
    expect(riskTierFor(trigger, previous, defaultRiskPolicy)).toEqual({ rule, tier });
  });

  it('refuses a non-positive answer (callers raise alerts only for positive ones)', () => {
    expect(() => riskTierFor(item9(0), null, defaultRiskPolicy)).toThrow();
    expect(() => riskTierFor(item9(4), null, defaultRiskPolicy)).toThrow();
  });
});

describe('riskTierFor picks the most urgent tier when several rules apply', () => {
  const lenient: RiskPolicy = { ...defaultRiskPolicy, rules: { ...defaultRiskPolicy.rules, first_positive: 'before_next_contact', score_two_or_more: 'immediate' } };
  it('a first positive answer of 3 is immediate, though first positives are "before next contact"', () => {
    expect(riskTierFor(item9(3), null, lenient)).toEqual({ rule: 'score_two_or_more', tier: 'immediate' });
  });
  it('a first positive answer of 1 follows the first-positive rule', () => {
    expect(riskTierFor(item9(1), null, lenient)).toEqual({ rule: 'first_positive', tier: 'before_next_contact' });
  });
});

describe('RiskPolicySchema', () => {
  it('accepts the default policy', () => {
    expect(RiskPolicySchema.safeParse(defaultRiskPolicy).success).toBe(true);
  });
  it.each(['help_button', 'first_positive', 'increase', 'score_two_or_more', 'unchanged_one_reviewed', 'unchanged_one_unreviewed'] as const)(
    'refuses "recorded" (no deadline) for %s',
    (rule) => {
      const result = RiskPolicySchema.safeParse({ ...defaultRiskPolicy, rules: { ...defaultRiskPolicy.rules, [rule]: 'recorded' } });
      expect(result.success).toBe(false);
    },
  );
  it.each([4, 30 * 24 * 60 + 1])('refuses %i immediate minutes', (minutes) => {
    expect(RiskPolicySchema.safeParse({ ...defaultRiskPolicy, immediateMinutes: minutes }).success).toBe(false);
  });
});

describe('alertDeadline', () => {
  const raisedAt = new Date('2026-03-06T18:00:00Z');
  const coverageStartsAt = new Date('2026-03-09T09:00:00Z');
  const at = (nextAppointmentAt: Date | null) => ({ raisedAt, coverageStartsAt, nextAppointmentAt });
  it('immediate: the policy minutes from when someone is on hand', () => {
    expect(alertDeadline('immediate', defaultRiskPolicy, at(null))?.toISOString()).toBe('2026-03-09T10:00:00.000Z');
  });
  it('before next contact: the next appointment', () => {
    expect(alertDeadline('before_next_contact', defaultRiskPolicy, at(new Date('2026-03-10T11:00:00Z')))?.toISOString()).toBe('2026-03-10T11:00:00.000Z');
  });
  it('before next contact: at most the policy maximum when the appointment is far off or missing', () => {
    expect(alertDeadline('before_next_contact', defaultRiskPolicy, at(new Date('2026-04-10T11:00:00Z')))?.toISOString()).toBe('2026-03-13T18:00:00.000Z');
    expect(alertDeadline('before_next_contact', defaultRiskPolicy, at(null))?.toISOString()).toBe('2026-03-13T18:00:00.000Z');
  });
  it('before next contact: never before someone is on hand', () => {
    expect(alertDeadline('before_next_contact', defaultRiskPolicy, at(new Date('2026-03-07T10:00:00Z')))?.toISOString()).toBe(coverageStartsAt.toISOString());
  });
  it('recorded: no deadline', () => {
    expect(alertDeadline('recorded', defaultRiskPolicy, at(null))).toBeNull();
  });
});

describe('escalation path', () => {
  it.each([
    ['practitioner → duty → lead → named', { first: 'p', dutyNow: 'd', siteLead: 'l', named: 'n' }, ['p', 'd', 'l', 'n']],
    ['duty was first: duty → lead → named', { first: 'd', dutyNow: 'd', siteLead: 'l', named: 'n' }, ['d', 'l', 'n']],
    ['nobody on duty, no named person', { first: 'p', dutyNow: null, siteLead: 'l', named: null }, ['p', 'l']],
    ['the lead is the named person', { first: 'p', dutyNow: 'd', siteLead: 'l', named: 'l' }, ['p', 'd', 'l']],
  ])('%s', (_name, people, expected) => {
    expect(escalationPath(people)).toEqual(expected);
  });
  it.each([
    ['p', 'd'],
    ['d', 'l'],
    ['n', 'n'],
    ['someone off the path', 'p'],
  ])('after %s comes %s', (current, next) => {
    expect(nextRecipient(['p', 'd', 'l', 'n'], current)).toBe(next);
  });
});
