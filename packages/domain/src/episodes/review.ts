import { z } from 'zod';
import { steps, type Step } from './episode';

/**
 * When an episode needs a supervisor's review. Session limits per step are a service setting.
 * Low intensity (step 2): NHS Talking Therapies dosing of about 6–8 contacts (BRIEF.md, "Treatment
 * model"), so review at 8. High intensity (step 3): NICE NG222 (2022) sets session numbers per
 * treatment and severity; 16 is a placeholder default that the service's clinical lead must set
 * from the guideline's tables for the treatments it offers (not yet verified against NG222 —
 * recorded in docs/decisions/0014). "No improvement by session N" joins this list when PHQ-9
 * scores arrive (measures issue).
 */
export const defaultSessionLimits: Record<Step, number> = { low_intensity: 8, high_intensity: 16 };

export const reviewReasons = ['session_limit_reached'] as const;
export type ReviewReason = (typeof reviewReasons)[number];

/** Review reasons for one open episode from its step and attended treatment sessions. */
export function reviewReasonsFor(step: Step, attendedTreatmentSessions: number, limits: Record<Step, number> = defaultSessionLimits): ReviewReason[] {
  return attendedTreatmentSessions >= limits[step] ? ['session_limit_reached'] : [];
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
