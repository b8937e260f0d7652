import { z } from 'zod';
import { cbtComponents, type ModuleMeta } from '../content/module';
import { IdSchema } from '../ids';

/**
 * A treatment plan is an ordered list of steps: face-to-face sessions and online steps (a module of
 * the self-help programme done between sessions). It is shaped like FHIR's PlanDefinition (a
 * template) and CarePlan (one client's plan) — BRIEF.md, "Standards". The rules here are pure so
 * that templates in content/, the server and the web form share them (decision 0020).
 */

/** How a step is delivered. A phone or video session counts as face to face: it is a session with the practitioner. */
export const planModes = ['face_to_face', 'online'] as const;
export type PlanMode = (typeof planModes)[number];

/**
 * What a step works on: the programme's CBT components (content/module.ts), plus session work that
 * has no module of its own. BRIEF.md, "Treatment model", names goals / problem list, core beliefs and
 * behavioural experiments as optional work seen in practice; the Danish protocol (Mathiasen et al.
 * 2016, Table 1) has a case-formulation session.
 */
export const planComponents = [...cbtComponents, 'goals', 'case_formulation', 'behavioural_experiments', 'core_beliefs'] as const;
export type PlanComponent = (typeof planComponents)[number];

/** The four core components of the trial (BRIEF.md, "Treatment model"). */
export const coreComponents: readonly PlanComponent[] = ['psychoeducation', 'behavioural_activation', 'cognitive_restructuring', 'relapse_prevention'];

/**
 * At most 60 steps: the same bound as the care settings' session limits (episodes/care-settings.ts).
 * The longest shipped plan (England step 3) has 20; 60 leaves room for repeats while the plan stays
 * readable on one screen (BRIEF.md B2, overwhelming).
 */
export const maxPlanSteps = 60;
/** Planned weeks run from 1 to 52: a plan longer than a year is not a plan for one episode. */
export const maxPlannedWeek = 52;

const kebab = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const ModuleIdSchema = z.string().max(80).regex(kebab, 'must be a module id such as getting-active');

/** A shipped template's id: its file name in content/plan-templates/, e.g. england-step-2. */
export const ShippedTemplateIdSchema = z.string().max(80).regex(kebab, 'must be lower-case words joined by hyphens');
/** A shipped template's id or an organisation template's UUID. */
export const PlanTemplateIdSchema = z.union([IdSchema, ShippedTemplateIdSchema], { error: 'must be a template id' });

/** A step of a template: no id yet (the plan made from it gives each step its own). */
export const TemplateStepSchema = z
  .strictObject({
    mode: z.enum(planModes),
    component: z.enum(planComponents),
    /** The programme module an online step opens; null for a face-to-face step. */
    moduleId: ModuleIdSchema.nullable(),
    /** What the step is for, in a short plain sentence: the client sees it. */
    purpose: z.string().trim().min(3, 'say what the step is for').max(200, 'must be at most 200 characters'),
    /** The week of treatment the step is planned for (1 = the first), or null when not planned to a week. */
    plannedWeek: z.number().int('must be a whole number').min(1, 'must be at least 1').max(maxPlannedWeek, `must be at most ${maxPlannedWeek}`).nullable(),
  })
  .meta({ id: 'TemplateStep' });
export type TemplateStep = z.infer<typeof TemplateStepSchema>;

/** A step of a client's plan: a template step with an id, so an edit can say which step moved. */
export const PlanStepSchema = TemplateStepSchema.extend({ id: IdSchema }).meta({ id: 'PlanStep' });
export type PlanStep = z.infer<typeof PlanStepSchema>;

type Issue = { path: (string | number)[]; message: string };

/**
 * Problems in a step list that the schema of one step cannot see: an online step names a module and
 * a face-to-face step does not; planned weeks never go backwards (the list's order is the plan's
 * order); step ids, where there are any, are unique.
 */
export function stepListIssues(steps: readonly (TemplateStep & { id?: string })[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  let lastWeek = 0;
  steps.forEach((step, i) => {
    if (step.mode === 'online' && !step.moduleId) issues.push({ path: [i, 'moduleId'], message: 'an online step must name a programme module' });
    if (step.mode === 'face_to_face' && step.moduleId) issues.push({ path: [i, 'moduleId'], message: 'a face-to-face step does not open a module: use null' });
    if (step.plannedWeek !== null) {
      if (step.plannedWeek < lastWeek) issues.push({ path: [i, 'plannedWeek'], message: `is before week ${lastWeek} of an earlier step: steps are in the order they are planned` });
      lastWeek = Math.max(lastWeek, step.plannedWeek);
    }
    if (step.id !== undefined) {
      if (seen.has(step.id)) issues.push({ path: [i, 'id'], message: 'is used by an earlier step' });
      seen.add(step.id);
    }
  });
  return issues;
}

function stepList<T extends z.ZodType<TemplateStep & { id?: string }>>(step: T) {
  return z
    .array(step)
    .min(1, 'a plan needs at least one step')
    .max(maxPlanSteps, `a plan has at most ${maxPlanSteps} steps`)
    .superRefine((steps, ctx) => {
      for (const issue of stepListIssues(steps)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    });
}

export const TemplateStepListSchema = stepList(TemplateStepSchema);
export const PlanStepListSchema = stepList(PlanStepSchema);

/**
 * Problems against the programme: an online step must name a module that exists, and its component
 * is that module's (an online "behavioural activation" step cannot open the sleep module). Paths
 * are within the step list.
 */
export function programmeIssues(steps: readonly TemplateStep[], modules: readonly Pick<ModuleMeta, 'id' | 'component'>[]): Issue[] {
  const issues: Issue[] = [];
  steps.forEach((step, i) => {
    if (step.mode !== 'online' || !step.moduleId) return;
    const module = modules.find((m) => m.id === step.moduleId);
    if (!module) issues.push({ path: [i, 'moduleId'], message: `there is no module "${step.moduleId}" in the programme` });
    else if (module.component !== step.component) {
      issues.push({ path: [i, 'component'], message: `"${module.id}" is a ${module.component.replace(/_/g, ' ')} module: use ${module.component}` });
    }
  });
  return issues;
}
