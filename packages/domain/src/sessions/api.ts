import { z } from 'zod';
import { planComponents, planModes } from '../plans/plan';
import { driftFlagCodes, protocolStepStatuses } from './protocol-map';

/**
 * The protocol-map, client progress and fidelity API (decision 0024). The map and its flags are the
 * care team's and the supervisor's; the client gets only where they are in their plan.
 */

const Day = z.iso.date();

export const DriftFlagSchema = z
  .object({
    code: z.enum(driftFlagCodes),
    planStepId: z.uuid().nullable(),
    component: z.enum(planComponents).nullable(),
    appointmentId: z.uuid().nullable(),
    on: Day,
    deliveredOn: Day.nullable(),
    reason: z.string(),
  })
  .meta({ id: 'DriftFlag' });

/** GET /api/episodes/:episodeId/protocol-map — where the episode is in its plan, and where it drifted. */
export const ProtocolMapSchema = z
  .object({
    episodeId: z.uuid(),
    /** False when the episode has no plan: nothing to map, and no flags. */
    hasPlan: z.boolean(),
    steps: z.array(
      z.object({
        planStepId: z.uuid(),
        mode: z.enum(planModes),
        component: z.enum(planComponents),
        moduleId: z.string().nullable(),
        plannedWeek: z.number().int().nullable(),
        status: z.enum(protocolStepStatuses),
        deliveredOn: Day.nullable(),
        appointmentId: z.uuid().nullable(),
      }),
    ),
    deliveredComponents: z.array(z.enum(planComponents)),
    requiredComponents: z.array(z.enum(planComponents)),
    current: z.uuid().nullable(),
    next: z.uuid().nullable(),
    sessionsAttended: z.number().int(),
    /** The day week 1 began (the first attended session), or null before any. */
    startedOn: Day.nullable(),
    /** The day the map was worked out for, in the service's time zone. */
    today: Day,
    flags: z.array(DriftFlagSchema),
  })
  .meta({ id: 'ProtocolMap' });
export type ProtocolMapResponse = z.infer<typeof ProtocolMapSchema>;

/**
 * GET /api/me/plan/progress — the client's place in their own plan: each step's status, keyed by
 * the step ids of GET /api/me/plan. No flags, notes or components: drift is the care team's
 * language, and the words the client reads are the web app's (plain English).
 */
export const ClientPlanProgressSchema = z
  .object({
    progress: z
      .object({
        steps: z.array(z.object({ id: z.uuid(), status: z.enum(protocolStepStatuses), deliveredOn: Day.nullable() })),
        current: z.uuid().nullable(),
        next: z.uuid().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'ClientPlanProgress' });
export type ClientPlanProgress = z.infer<typeof ClientPlanProgressSchema>;

const byCode = z.object(Object.fromEntries(driftFlagCodes.map((code) => [code, z.number().int()])) as Record<(typeof driftFlagCodes)[number], z.ZodNumber>);

/**
 * GET /api/supervision/fidelity — per supervisee, how their open episodes with a plan keep to it.
 * Episodes are named by id (the supervision list, GET /api/supervision/episodes, shows who each is).
 */
export const FidelitySchema = z
  .object({
    today: Day,
    supervisees: z.array(
      z.object({
        practitionerId: z.uuid(),
        practitionerName: z.string(),
        openEpisodesWithPlan: z.number().int(),
        episodesWithFlags: z.number().int(),
        /** Episodes with at least one flag of each code. */
        byCode,
        flaggedEpisodes: z.array(z.object({ episodeId: z.uuid(), clientId: z.uuid(), codes: z.array(z.enum(driftFlagCodes)) })),
      }),
    ),
  })
  .meta({ id: 'Fidelity' });
export type Fidelity = z.infer<typeof FidelitySchema>;
