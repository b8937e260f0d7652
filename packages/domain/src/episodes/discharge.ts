import { z } from 'zod';
import { instrumentIds, type InstrumentId } from '../measures/instruments';

/**
 * Final measures at discharge (issue 5, "Discharge"; BRIEF.md, "Measures": outcomes use the first
 * and last scores of the referral, and a referral without a last score has no outcome). A measure
 * is due at discharge when the client has attended a session since its latest score (or has none
 * yet) — so the last score reflects the end of treatment. PHQ-9 and GAD-7 are asked for whenever
 * treatment took place; WSAS only when there is a first WSAS to pair with.
 */
export function finalMeasuresDue(input: {
  lastAttendedAt: Date | null;
  latestScoreAt: Record<InstrumentId, Date | null>;
}): InstrumentId[] {
  if (input.lastAttendedAt === null) return [];
  return instrumentIds.filter((id) => {
    const latest = input.latestScoreAt[id];
    if (id === 'wsas' && latest === null) return false;
    return latest === null || latest < input.lastAttendedAt!;
  });
}

const ScorePointSchema = z.object({ responseId: z.uuid(), total: z.number().int(), band: z.string(), authoredAt: z.iso.datetime(), source: z.string() });

/** GET /api/episodes/:episodeId/measures — the episode's scores, outcome so far and what discharge should ask for. */
export const EpisodeMeasuresSchema = z
  .object({
    episodeId: z.uuid(),
    attendedTreatmentAppointments: z.number().int(),
    scores: z.object({ phq9: z.array(ScorePointSchema), gad7: z.array(ScorePointSchema), wsas: z.array(ScorePointSchema) }),
    /** The NHS Talking Therapies outcome, once the episode has ended (null before). */
    outcome: z.object({
      finishedTreatment: z.boolean(),
      atCasenessAtStart: z.boolean().nullable(),
      recovered: z.boolean().nullable(),
      reliablyImproved: z.boolean().nullable(),
      reliablyDeteriorated: z.boolean().nullable(),
      reliablyRecovered: z.boolean().nullable(),
    }).nullable(),
    finalMeasuresDue: z.array(z.enum(instrumentIds)),
    openRiskAlerts: z.number().int(),
  })
  .meta({ id: 'EpisodeMeasures' });
export type EpisodeMeasures = z.infer<typeof EpisodeMeasuresSchema>;
