import { z } from 'zod';
import { minCountToShow } from './rates';

/*
 * The practitioner pulse (issue 9 item 6, decision 0028): "Did online work add value this month?
 * Did it add burden?" — 1 to 5 each, and a comment, all optional. Offered once per calendar month,
 * never blocking; one answer per person per month, which they may change during that month. Shown
 * only in aggregate, and only from `minCountToShow` answers: with fewer, "the average burden" is
 * one or two named colleagues' answers.
 */

export const pulseScale = { min: 1, max: 5 } as const;
export const pulseCommentMaxLength = 1000;

const Score = z.number().int().min(pulseScale.min).max(pulseScale.max).nullable();

/** PUT /api/pulse — this month's answer (either score may be left out; a comment alone is not an answer). */
export const PulseAnswerRequestSchema = z
  .strictObject({
    value: Score,
    burden: Score,
    comment: z.string().trim().max(pulseCommentMaxLength).nullable(),
  })
  .refine((a) => a.value !== null || a.burden !== null, { message: 'Choose an answer to at least one question.', path: ['value'] })
  .meta({ id: 'PulseAnswerRequest' });
export type PulseAnswerRequest = z.infer<typeof PulseAnswerRequestSchema>;

/** GET /api/pulse — this month's check for the signed-in person. */
export const PulseStateSchema = z
  .object({
    month: z.string(),
    /** True when the check should be offered: not answered and not dismissed this month. */
    offered: z.boolean(),
    dismissed: z.boolean(),
    answer: z.object({ value: Score, burden: Score, comment: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'PulseState' });
export type PulseState = z.infer<typeof PulseStateSchema>;

const ScoreSummary = z.object({
  answers: z.number().int(),
  mean: z.number().nullable(),
  /** How many chose 1, 2, 3, 4, 5. */
  counts: z.array(z.number().int()).length(5),
});

/** GET /api/pulse/summary — a month's answers in aggregate (supervisors and admins). */
export const PulseSummarySchema = z
  .object({
    month: z.string(),
    /** People who answered. */
    responses: z.number().int(),
    /** Fewer than the minimum answered: no scores and no comments are shown. */
    suppressed: z.boolean(),
    minCount: z.number().int(),
    value: ScoreSummary.nullable(),
    burden: ScoreSummary.nullable(),
    /** Comments without names or dates, in a fixed order that says nothing of who wrote them. */
    comments: z.array(z.string()),
  })
  .meta({ id: 'PulseSummary' });
export type PulseSummary = z.infer<typeof PulseSummarySchema>;

export interface PulseAnswer {
  value: number | null;
  burden: number | null;
  comment: string | null;
}

function summarise(scores: readonly (number | null)[]) {
  const given = scores.filter((s): s is number => s !== null);
  const counts = [1, 2, 3, 4, 5].map((v) => given.filter((s) => s === v).length);
  return { answers: given.length, mean: given.length ? given.reduce((a, b) => a + b, 0) / given.length : null, counts };
}

/**
 * A month's answers in aggregate. Below `min` people nothing but the number of answers is shown.
 * Comments are sorted (so their order says nothing of who answered first) and shown only then.
 */
export function summarisePulse(month: string, answers: readonly PulseAnswer[], min = minCountToShow): PulseSummary {
  const suppressed = answers.length < min;
  return {
    month,
    responses: answers.length,
    suppressed,
    minCount: min,
    value: suppressed ? null : summarise(answers.map((a) => a.value)),
    burden: suppressed ? null : summarise(answers.map((a) => a.burden)),
    comments: suppressed ? [] : answers.flatMap((a) => (a.comment ? [a.comment] : [])).sort((a, b) => a.localeCompare(b)),
  };
}
