import { z } from 'zod';
import { IdSchema } from '../ids';
import { planComponents, planModes, PlanStepListSchema, PlanStepSchema, PlanTemplateIdSchema } from './plan';
import { PlanSummarySchema } from './summary';

/**
 * The treatment-plan API (decision 0020): one plan per episode, made from a template when the
 * episode opens, edited by sending the whole new step list with the version it was made against
 * and a reason. A stale version is refused (`write.stale_version`), never merged.
 */

export const PlanTemplateRefSchema = z.object({
  id: z.string(),
  version: z.string(),
  name: z.string(),
  isExample: z.boolean(),
});

/** GET /api/episodes/:episodeId/plan — the plan as the care team sees it. */
export const TreatmentPlanSchema = z
  .object({
    id: z.uuid(),
    episodeId: z.uuid(),
    clientId: z.uuid(),
    /** The template it was made from, as it was then. */
    template: PlanTemplateRefSchema,
    /** Copied from the template when the plan was made. */
    requiredComponents: z.array(z.enum(planComponents)),
    steps: z.array(PlanStepSchema),
    summary: PlanSummarySchema,
    /** The version an edit must name. */
    version: z.number().int(),
    updatedAt: z.iso.datetime(),
    updatedByStaffId: z.uuid().nullable(),
    /** False once the episode has ended: the plan is then a record, read-only. */
    editable: z.boolean(),
  })
  .meta({ id: 'TreatmentPlan' });
export type TreatmentPlan = z.infer<typeof TreatmentPlanSchema>;

/** POST /api/episodes/:episodeId/plan — make the plan from a template when the episode has none (idempotent by id). */
export const CreatePlanRequestSchema = z.strictObject({ id: IdSchema, templateId: PlanTemplateIdSchema }).meta({ id: 'CreatePlanRequest' });

/**
 * PUT /api/episodes/:episodeId/plan — the whole new step list: add, remove, reorder, repeat (a new
 * step with the same content), change the face-to-face/online blend, add optional modules. Steps
 * kept keep their ids, so the history shows what moved.
 */
export const UpdatePlanRequestSchema = z
  .strictObject({
    version: z.number().int().min(1),
    steps: PlanStepListSchema,
    reason: z.string().trim().min(3, 'say why, briefly').max(500),
  })
  .meta({ id: 'UpdatePlanRequest' });

/** GET /api/episodes/:episodeId/plan/history — every version, oldest first, with who, when and why. */
export const PlanChangeSchema = z.object({
  version: z.number().int(),
  kind: z.enum(['created', 'edited']),
  at: z.iso.datetime(),
  byStaffId: z.uuid().nullable(),
  /** Why: the editor's reason, or the template's name when the plan was made. */
  reason: z.string().nullable(),
  stepsBefore: z.array(PlanStepSchema).nullable(),
  stepsAfter: z.array(PlanStepSchema),
  diff: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int(), reordered: z.boolean() }).nullable(),
});
export const PlanHistorySchema = z.object({ planId: z.uuid(), changes: z.array(PlanChangeSchema) }).meta({ id: 'PlanHistory' });
export type PlanHistory = z.infer<typeof PlanHistorySchema>;

/**
 * GET /api/me/plan — the client's own plan, "a plan both can see" (BRIEF.md, design rules V3): the
 * steps in order with their mode, purpose and module title. No template internals, reasons or
 * editors: those are the care team's record.
 */
export const ClientPlanSchema = z
  .object({
    plan: z
      .object({
        steps: z.array(
          z.object({
            id: z.uuid(),
            mode: z.enum(planModes),
            purpose: z.string(),
            plannedWeek: z.number().int().nullable(),
            module: z.object({ id: z.string(), title: z.string() }).nullable(),
          }),
        ),
        faceToFace: z.number().int(),
        online: z.number().int(),
        updatedAt: z.iso.datetime(),
      })
      .nullable(),
  })
  .meta({ id: 'ClientPlan' });
export type ClientPlan = z.infer<typeof ClientPlanSchema>;
