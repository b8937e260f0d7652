import { z } from 'zod';
import { planComponents, type PlanComponent, type PlanStep, type TemplateStep } from './plan';

/** A plan at a glance: the blend, what it covers, and which required components it leaves out. */
export const PlanSummarySchema = z
  .object({
    faceToFace: z.number().int(),
    online: z.number().int(),
    /** Components some step works on, in the vocabulary's order. */
    componentsCovered: z.array(z.enum(planComponents)),
    /** Components the template requires that no step works on: the plan is born drifting (decision 0020). */
    requiredMissing: z.array(z.enum(planComponents)),
    /** The last planned week, or null when no step is planned to a week. */
    lastPlannedWeek: z.number().int().nullable(),
  })
  .meta({ id: 'PlanSummary' });
export type PlanSummary = z.infer<typeof PlanSummarySchema>;

/**
 * Summarises a plan: how many face-to-face and online steps (the blend, e.g. 6 + 5 in the UK trial
 * arm), the components covered, and the required components no step covers.
 */
export function summarisePlan(steps: readonly TemplateStep[], requiredComponents: readonly PlanComponent[]): PlanSummary {
  const covered = new Set(steps.map((s) => s.component));
  const weeks = steps.flatMap((s) => (s.plannedWeek === null ? [] : [s.plannedWeek]));
  return {
    faceToFace: steps.filter((s) => s.mode === 'face_to_face').length,
    online: steps.filter((s) => s.mode === 'online').length,
    componentsCovered: planComponents.filter((c) => covered.has(c)),
    requiredMissing: planComponents.filter((c) => requiredComponents.includes(c) && !covered.has(c)),
    lastPlannedWeek: weeks.length ? Math.max(...weeks) : null,
  };
}

/**
 * The order the client's modules open in (content/pacing.ts `planned`): the modules of the online
 * steps, each once, where it first appears. A repeated module is one module to the programme.
 */
export function plannedModuleOrder(steps: readonly TemplateStep[]): string[] {
  const order: string[] = [];
  for (const step of steps) if (step.mode === 'online' && step.moduleId && !order.includes(step.moduleId)) order.push(step.moduleId);
  return order;
}

/** What an edit changed, by step id: counts only, so it can go in the audit log. */
export interface PlanStepDiff {
  added: number;
  removed: number;
  /** Steps kept whose mode, component, module, purpose or week changed. */
  changed: number;
  /** Whether the steps kept are in a different order. */
  reordered: boolean;
}

const sameStep = (a: PlanStep, b: PlanStep) =>
  a.mode === b.mode && a.component === b.component && a.moduleId === b.moduleId && a.purpose === b.purpose && a.plannedWeek === b.plannedWeek;

/** Compares two versions of a plan's steps by id. */
export function diffPlanSteps(before: readonly PlanStep[], after: readonly PlanStep[]): PlanStepDiff {
  const beforeById = new Map(before.map((s) => [s.id, s]));
  const afterIds = new Set(after.map((s) => s.id));
  const kept = after.filter((s) => beforeById.has(s.id));
  const keptBefore = before.filter((s) => afterIds.has(s.id)).map((s) => s.id);
  return {
    added: after.length - kept.length,
    removed: before.length - keptBefore.length,
    changed: kept.filter((s) => !sameStep(s, beforeById.get(s.id)!)).length,
    reordered: kept.some((s, i) => s.id !== keptBefore[i]),
  };
}
