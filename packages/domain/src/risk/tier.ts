import type { ResponseTierName } from '../duty/rota';
import type { RiskPolicy, RiskRule } from './policy';
import { riskRules } from './policy';

/** Where an answer came from (kept for export as QuestionnaireResponse provenance). */
export const answerSources = ['client_app', 'in_session', 'imported'] as const;
export type AnswerSource = (typeof answerSources)[number];

/** What started the risk pathway. */
export type RiskTrigger = { kind: 'help_button' } | { kind: 'item9'; value: number; source: AnswerSource };

/** The last positive item-9 answer earlier in the episode, and whether a person reviewed it. */
export interface PreviousPositive {
  value: number;
  reviewed: boolean;
}

const urgency: Record<ResponseTierName, number> = { immediate: 0, before_next_contact: 1, recorded: 2 };

/**
 * Which of the policy's rules apply to a warning sign, and the tier it gets: when several apply
 * (a first positive answer of 3 is also "2 or more"), the most urgent tier wins, so a clinical
 * lead's choice for one rule can never slow down another that also applies. Ties go to the rule
 * listed first in `riskRules`.
 *
 * - The help button: `help_button`.
 * - An answer given in a session: `answered_in_session` only — a practitioner was there.
 * - Otherwise (client app, imported): `first_positive` when there was no earlier positive answer
 *   in the episode; `increase` when higher than the last one; `score_two_or_more` for 2 or 3; an
 *   answer of 1 that is not an increase is `unchanged_one_reviewed` or `unchanged_one_unreviewed`
 *   by whether the last positive answer was reviewed.
 *
 * Callers raise an alert only for a positive answer (item 9 > 0; `isRiskAnswer`); a value of 0
 * here is a programming error.
 */
export function riskTierFor(trigger: RiskTrigger, previous: PreviousPositive | null, policy: RiskPolicy): { rule: RiskRule; tier: ResponseTierName } {
  const applicable: RiskRule[] = [];
  if (trigger.kind === 'help_button') applicable.push('help_button');
  else {
    if (!Number.isInteger(trigger.value) || trigger.value < 1 || trigger.value > 3) throw new Error(`Not a positive item-9 answer: ${trigger.value}`);
    if (trigger.source === 'in_session') applicable.push('answered_in_session');
    else {
      if (previous === null) applicable.push('first_positive');
      else if (trigger.value > previous.value) applicable.push('increase');
      if (trigger.value >= 2) applicable.push('score_two_or_more');
      if (trigger.value === 1 && previous !== null && previous.value >= 1) {
        applicable.push(previous.reviewed ? 'unchanged_one_reviewed' : 'unchanged_one_unreviewed');
      }
    }
  }
  const ranked = applicable
    .map((rule) => ({ rule, tier: policy.rules[rule] }))
    .sort((a, b) => urgency[a.tier] - urgency[b.tier] || riskRules.indexOf(a.rule) - riskRules.indexOf(b.rule));
  return ranked[0]!;
}

/**
 * When an alert must be acknowledged. Immediate: the policy's minutes from the moment someone is
 * on hand (`coverageStartsAt`, from `whoMustSee`). Before next contact: the start of the next
 * booked appointment, but never later than the policy's maximum after the alert, and never before
 * someone is on hand. Recorded: no deadline (seen in the session).
 */
export function alertDeadline(
  tier: ResponseTierName,
  policy: RiskPolicy,
  at: { raisedAt: Date; coverageStartsAt: Date; nextAppointmentAt: Date | null },
): Date | null {
  const plus = (from: Date, minutes: number) => new Date(from.getTime() + minutes * 60_000);
  if (tier === 'recorded') return null;
  if (tier === 'immediate') return plus(at.coverageStartsAt, policy.immediateMinutes);
  const latest = plus(at.raisedAt, policy.beforeNextContactMaxMinutes);
  const next = at.nextAppointmentAt && at.nextAppointmentAt > at.raisedAt && at.nextAppointmentAt < latest ? at.nextAppointmentAt : latest;
  return next < at.coverageStartsAt ? at.coverageStartsAt : next;
}

/**
 * The escalation path for an unacknowledged alert (or one whose notice could not be sent): the
 * person first named, then whoever is on duty now, then the site's lead, then the organisation's
 * named escalation person. People appear once, in that order. `nextRecipient` gives the person
 * after the current one; at the end of the path the last person is asked again, so an alert is
 * never left with nobody.
 */
export function escalationPath(people: { first: string; dutyNow: string | null; siteLead: string | null; named: string | null }): string[] {
  const path: string[] = [];
  for (const person of [people.first, people.dutyNow, people.siteLead, people.named]) {
    if (person && !path.includes(person)) path.push(person);
  }
  return path;
}

export function nextRecipient(path: readonly string[], current: string): string {
  const at = path.indexOf(current);
  if (at === -1) return path[0] ?? current;
  return path[Math.min(at + 1, path.length - 1)]!;
}
