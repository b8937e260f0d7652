import { z } from 'zod';
import { firstAndLast } from '../measures/outcomes';
import { reliableChange } from '../measures/scoring';
import { steps, type Step } from './episode';

/**
 * When an episode needs a supervisor's review (issue 5, "Supervision scope"). Session limits per
 * step are a service setting. Low intensity (step 2): NHS Talking Therapies dosing of about 6–8
 * contacts (BRIEF.md, "Treatment model"), so review at 8. High intensity (step 3): NICE NG222
 * (2022) sets session numbers per treatment and severity; 16 is a placeholder default that the
 * service's clinical lead must set from the guideline's tables for the treatments it offers (not
 * yet verified against NG222 — recorded in docs/decisions/0014).
 */
export const defaultSessionLimits: Record<Step, number> = { low_intensity: 8, high_intensity: 16 };

/**
 * "No improvement by session N": by the Nth attended treatment session, neither PHQ-9 nor GAD-7
 * has reliably improved from its first score in the episode (falls of ≥ 6 and ≥ 4, the reliable
 * change thresholds NHS Talking Therapies uses; BRIEF.md, "Measures"). N is a service setting;
 * 4 is this project's default (half of a step-2 course), for the clinical lead to confirm — no
 * single published number was verified (docs/decisions/0014). Without two scores on either
 * measure nothing can be said, and no reason is given here.
 */
export const defaultNoImprovementBySession = 4;

export const reviewReasons = ['session_limit_reached', 'no_improvement'] as const;
export type ReviewReason = (typeof reviewReasons)[number];

export interface ReviewSettings {
  sessionLimits: Record<Step, number>;
  noImprovementBySession: number;
}
export const defaultReviewSettings: ReviewSettings = { sessionLimits: defaultSessionLimits, noImprovementBySession: defaultNoImprovementBySession };

/**
 * Review reasons for one open episode from its step, attended treatment sessions and its PHQ-9
 * and GAD-7 scores so far (in time order).
 */
export function reviewReasonsFor(
  step: Step,
  attendedTreatmentSessions: number,
  scores: { phq9: readonly number[]; gad7: readonly number[] } = { phq9: [], gad7: [] },
  settings: ReviewSettings = defaultReviewSettings,
): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  if (attendedTreatmentSessions >= settings.sessionLimits[step]) reasons.push('session_limit_reached');
  if (attendedTreatmentSessions >= settings.noImprovementBySession) {
    const changes = (['phq9', 'gad7'] as const).flatMap((id) => {
      const pair = firstAndLast(scores[id]);
      return pair ? [reliableChange(id, pair.first, pair.last)] : [];
    });
    if (changes.length > 0 && !changes.includes('improved')) reasons.push('no_improvement');
  }
  return reasons;
}

export const SupervisionEpisodeSchema = z.object({
  episodeId: z.uuid(),
  clientId: z.uuid(),
  clientName: z.string(),
  dateOfBirth: z.string(),
  nhsNumber: z.string().nullable(),
  practitionerId: z.uuid(),
  practitionerName: z.string(),
  step: z.enum(steps),
  status: z.enum(['waiting', 'active', 'on_hold']),
  attendedTreatmentSessions: z.number().int(),
  sessionLimit: z.number().int(),
  reviewReasons: z.array(z.enum(reviewReasons)),
});
export const SupervisionEpisodeListSchema = z
  .object({ episodes: z.array(SupervisionEpisodeSchema), needingReview: z.number().int() })
  .meta({ id: 'SupervisionEpisodeList' });
export type SupervisionEpisode = z.infer<typeof SupervisionEpisodeSchema>;
