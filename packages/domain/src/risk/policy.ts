import { z } from 'zod';
import { responseTiers, type ResponseTierName } from '../duty/rota';
import { IdSchema } from '../ids';

/**
 * The service's risk policy: how fast each kind of warning sign must be seen (issue 6, "Risk
 * pathway"). BRIEF.md, "Measures": positive PHQ-9 item-9 answers are common in depression, so how
 * fast each case is handled is set by the service's clinical lead, while no positive answer is
 * ever silently dropped. The software never assesses risk; it routes every sign to a person.
 *
 * The rules name the situations the issue lists; the clinical lead chooses a tier for each and the
 * minutes for each tier. Only an answer given in a session with a practitioner may be "recorded"
 * (seen already, no deadline): every other rule must reach a person by a deadline (HAZ-028).
 */
export const riskRules = [
  /** The client pressed "I need help now". */
  'help_button',
  /** The first positive item-9 answer in the episode. */
  'first_positive',
  /** A positive item-9 answer higher than the last one. */
  'increase',
  /** An item-9 answer of 2 or 3 ("more than half the days", "nearly every day"). */
  'score_two_or_more',
  /** An answer of 1 again, when the last positive answer was reviewed (acknowledged). */
  'unchanged_one_reviewed',
  /** An answer of 1 again, when the last positive answer has not been reviewed yet. */
  'unchanged_one_unreviewed',
  /** Any positive answer given in a session, recorded by the practitioner who was there. */
  'answered_in_session',
] as const;
export type RiskRule = (typeof riskRules)[number];

const TierMinutesSchema = z.number().int('must be a whole number').min(5, 'must be at least 5 minutes').max(30 * 24 * 60, 'must be at most 30 days');

export const RiskPolicySchema = z
  .strictObject({
    rules: z.strictObject(Object.fromEntries(riskRules.map((rule) => [rule, z.enum(responseTiers)])) as Record<RiskRule, z.ZodEnum<{ [K in ResponseTierName]: K }>>),
    /** Minutes from the moment someone is on hand until the alert must be acknowledged. */
    immediateMinutes: TierMinutesSchema,
    /**
     * "Before next contact" is due at the next booked appointment, and at most this many minutes
     * after the alert (when no appointment is booked, or it is far off).
     */
    beforeNextContactMaxMinutes: TierMinutesSchema,
    /** The named person at the end of the escalation path (the service's clinical lead, say). */
    escalationStaffId: IdSchema.nullable(),
  })
  .superRefine((policy, ctx) => {
    for (const rule of riskRules) {
      if (rule !== 'answered_in_session' && policy.rules[rule] === 'recorded') {
        ctx.addIssue({ code: 'custom', path: ['rules', rule], message: 'must reach a person by a deadline: only answers given in a session can be “recorded”' });
      }
    }
  })
  .meta({ id: 'RiskPolicy' });
export type RiskPolicy = z.output<typeof RiskPolicySchema>;

/**
 * The policy a new organisation starts with, until its clinical lead sets its own. These are
 * conservative placeholders, not clinical advice (hazard log HAZ-029): every sign a client sends is
 * "immediate" except a repeated answer of 1 that a practitioner has already reviewed, which the
 * issue's own example puts "before next contact". One hour is an assumption of this project that
 * a clinical lead must confirm or change; it runs only while someone is on hand (site hours or an
 * on-call rota), and the client is told when that is.
 */
export const defaultRiskPolicy: RiskPolicy = {
  rules: {
    help_button: 'immediate',
    first_positive: 'immediate',
    increase: 'immediate',
    score_two_or_more: 'immediate',
    unchanged_one_reviewed: 'before_next_contact',
    unchanged_one_unreviewed: 'immediate',
    answered_in_session: 'recorded',
  },
  immediateMinutes: 60,
  beforeNextContactMaxMinutes: 7 * 24 * 60,
  escalationStaffId: null,
};
