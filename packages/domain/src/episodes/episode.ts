import { z } from 'zod';
import { IsoDateSchema } from '../api/fields';
import { IdSchema } from '../ids';
import { PlanTemplateIdSchema } from '../plans/plan';

/**
 * A referral and its episode of care. NHS Talking Therapies count outcomes per referral, when it
 * ends (BRIEF.md, "Measures"; OHID Fingertips "Common mental disorders" glossary): stepping up or
 * down and transferring to another practitioner happen within the episode, so its outcomes stay
 * whole.
 */
export const referralSources = ['self', 'gp', 'other_primary_care', 'secondary_care', 'other'] as const;
export const steps = ['low_intensity', 'high_intensity'] as const;
export const episodeStatuses = ['waiting', 'active', 'on_hold', 'ended'] as const;
export const endingReasons = [
  'completed',
  'dropped_out',
  'stepped_up_elsewhere',
  'referred_on',
  'declined',
  'not_suitable',
  'moved_away',
  'died',
  'other',
] as const;
export type Step = (typeof steps)[number];
export type EpisodeStatus = (typeof episodeStatuses)[number];

/**
 * Status changes allowed outside discharge. `ended` is reached only through the discharge flow
 * (which records the ending reason and date); an ended episode never reopens — a new referral
 * starts a new episode.
 */
const allowedTransitions: Record<EpisodeStatus, EpisodeStatus[]> = {
  waiting: ['active', 'on_hold'],
  active: ['on_hold'],
  on_hold: ['active'],
  ended: [],
};

/** Whether an episode may move from one status to another without discharge. */
export function canChangeEpisodeStatus(from: EpisodeStatus, to: EpisodeStatus): boolean {
  return allowedTransitions[from].includes(to);
}

/** POST /api/clients/:clientId/episodes — a referral opens an episode. */
export const CreateEpisodeRequestSchema = z
  .strictObject({
    id: IdSchema,
    referralDate: IsoDateSchema,
    referralSource: z.enum(referralSources),
    problemDescriptor: z.string().trim().min(1).max(200),
    step: z.enum(steps),
    assignedPractitionerId: IdSchema,
    /** The template the episode's treatment plan starts from; without it, the England default for the step (decision 0020). */
    planTemplateId: PlanTemplateIdSchema.optional(),
  })
  .meta({ id: 'CreateEpisodeRequest' });

/** Every change names the version it was made against: a stale change is refused, not merged. */
const VersionSchema = z.number().int().min(1);
const ReasonSchema = z.string().trim().min(3, 'say why, briefly').max(500);

export const ChangeEpisodeStatusRequestSchema = z
  .strictObject({ status: z.enum(['waiting', 'active', 'on_hold']), version: VersionSchema, reason: ReasonSchema.optional() })
  .meta({ id: 'ChangeEpisodeStatusRequest' });
export const ChangeStepRequestSchema = z
  .strictObject({ step: z.enum(steps), version: VersionSchema, reason: ReasonSchema })
  .meta({ id: 'ChangeStepRequest' });
export const TransferEpisodeRequestSchema = z
  .strictObject({ practitionerId: IdSchema, version: VersionSchema, reason: ReasonSchema })
  .meta({ id: 'TransferEpisodeRequest' });

/**
 * POST /api/episodes/:episodeId/discharge — the one way an episode ends. The final measures due
 * come first (GET /api/episodes/:id/measures); the staying-well plan offer is recorded here.
 */
export const DischargeRequestSchema = z
  .strictObject({
    endingReason: z.enum(endingReasons),
    endedOn: IsoDateSchema,
    version: VersionSchema,
    reason: z.string().trim().max(500).optional(),
    /**
     * Whether the practitioner offered the client a staying-well (relapse-prevention) plan: asked
     * every time, so the offer is never forgotten (NICE NG222, 2022, "Preventing relapse";
     * BRIEF.md, "Treatment model"). The plan itself is an exercise of the self-help programme.
     */
    relapsePlanOffered: z.boolean({ error: 'say whether a staying-well plan was offered' }),
  })
  .meta({ id: 'DischargeRequest' });

/**
 * Where a client's care stands, for what the client app offers: `open` while an episode is not
 * ended; `ended` when every episode has ended (crisis information and their own past data only);
 * `none` before any referral is recorded.
 */
export type CareStatus = 'none' | 'open' | 'ended';

/** The care status from a client's episode statuses. */
export function careStatusOf(statuses: EpisodeStatus[]): CareStatus {
  if (!statuses.length) return 'none';
  return statuses.some((s) => s !== 'ended') ? 'open' : 'ended';
}

export const EpisodeIdParamsSchema = z.strictObject({ episodeId: IdSchema });

export const EpisodeEventSchema = z.object({
  at: z.iso.datetime(),
  kind: z.enum(['referred', 'status_changed', 'stepped', 'transferred', 'ended']),
  byStaffId: z.uuid().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string().nullable(),
});

export const EpisodeSchema = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    referralDate: z.string(),
    referralSource: z.enum(referralSources),
    problemDescriptor: z.string(),
    step: z.enum(steps),
    assignedPractitionerId: z.uuid(),
    status: z.enum(episodeStatuses),
    endingReason: z.enum(endingReasons).nullable(),
    endedOn: z.string().nullable(),
    /** Null until discharge (and for episodes ended before it was asked). */
    relapsePlanOffered: z.boolean().nullable(),
    version: z.number().int(),
    history: z.array(EpisodeEventSchema),
  })
  .meta({ id: 'Episode' });
export type Episode = z.infer<typeof EpisodeSchema>;
export const EpisodeListSchema = z.object({ episodes: z.array(EpisodeSchema) }).meta({ id: 'EpisodeList' });
