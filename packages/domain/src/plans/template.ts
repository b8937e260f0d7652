import { z } from 'zod';
import type { ContentProblem, ModuleMeta } from '../content/module';
import { steps as careSteps } from '../episodes/episode';
import { IdSchema } from '../ids';
import { planComponents, PlanTemplateIdSchema, programmeIssues, ShippedTemplateIdSchema, TemplateStepListSchema, TemplateStepSchema } from './plan';
import { PlanSummarySchema } from './summary';

/**
 * Treatment-plan templates (FHIR PlanDefinition-like): the England defaults and the research
 * protocols of BRIEF.md ship as files in content/plan-templates/ (one YAML file each, checked by
 * `tandem content check`); an organisation's admins add their own through the API. Which
 * components are required is a setting of the template, not a rule of the platform (BRIEF.md,
 * "Treatment model").
 */


const CountSchema = z.number().int('must be a whole number').min(1, 'must be at least 1').max(60, 'must be at most 60');
const RangeSchema = (what: string) =>
  z.strictObject({ min: CountSchema, max: CountSchema }).refine((r) => r.min <= r.max, { message: `the fewest ${what} must not be more than the most`, path: ['max'] });

const SourceSchema = z.strictObject({
  /** The citation as a reader would look it up (BRIEF.md gives each example's). */
  citation: z.string().trim().min(3).max(500),
  url: z.url({ protocol: /^https$/, message: 'must be an https address' }).nullable(),
});

const TemplateFieldsSchema = z.strictObject({
  name: z.string().trim().min(3).max(120),
  /** Where the template comes from and which parts are the source's and which are an arrangement. */
  description: z.string().trim().min(3).max(2000),
  step: z.enum(careSteps),
  /** The planned number of face-to-face sessions: "about 6–8" is { min: 6, max: 8 }. */
  sessionsPlanned: RangeSchema('sessions'),
  /** How long each session is planned to take, when the source says. */
  sessionMinutes: z.strictObject({ min: z.number().int().min(5).max(180), max: z.number().int().min(5).max(180) }).nullable(),
  /** Components every plan made from the template must cover (decision 0020); none is allowed. */
  requiredComponents: z.array(z.enum(planComponents)).refine((c) => new Set(c).size === c.length, 'lists a component twice'),
  steps: TemplateStepListSchema,
});

/** A shipped template file, content/plan-templates/<id>.yaml ([format](../../../../content/README.md)). */
export const PlanTemplateFileSchema = TemplateFieldsSchema.extend({
  id: ShippedTemplateIdSchema,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version such as 1.0.0'),
  /** A research protocol shipped as an example, never a service's default (HAZ-038). */
  example: z.boolean(),
  source: SourceSchema,
  clinicalReview: z.strictObject({
    reviewer: z.string().trim().min(1).nullable(),
    reviewedOn: z.iso.date('must be a date (YYYY-MM-DD)').nullable(),
  }),
});
export type PlanTemplateFile = z.infer<typeof PlanTemplateFileSchema>;

/**
 * Problems in one template file beyond its schema: the id is the file's name; online steps name
 * modules of the programme; every required component is covered by a step (else every plan made
 * from it starts out drifting); the face-to-face steps are within the sessions planned.
 */
export function checkPlanTemplate(file: string, template: PlanTemplateFile, modules: readonly Pick<ModuleMeta, 'id' | 'component'>[]): ContentProblem[] {
  const expectedId = /([^/]+)\.yaml$/.exec(file)?.[1] ?? file;
  return templateIssues(template, modules, expectedId).map((issue) => ({ file, line: null, path: issue.path, message: issue.message }));
}

/** The checks shared by shipped files and organisation templates, with paths inside the template. */
export function templateIssues(
  template: Pick<PlanTemplateFile, 'steps' | 'requiredComponents' | 'sessionsPlanned'> & { id?: string },
  modules: readonly Pick<ModuleMeta, 'id' | 'component'>[],
  expectedId?: string,
): { path: (string | number)[]; message: string }[] {
  const issues = programmeIssues(template.steps, modules).map((i) => ({ path: ['steps', ...i.path], message: i.message }));
  if (expectedId !== undefined && template.id !== expectedId) issues.unshift({ path: ['id'], message: `must be the file's name, "${expectedId}"` });
  template.requiredComponents.forEach((component, i) => {
    if (!template.steps.some((s) => s.component === component)) issues.push({ path: ['requiredComponents', i], message: `${component} is required but no step works on it` });
  });
  const sessions = template.steps.filter((s) => s.mode === 'face_to_face').length;
  const { min, max } = template.sessionsPlanned;
  if (sessions < min || sessions > max) issues.push({ path: ['sessionsPlanned'], message: `the steps have ${sessions} face-to-face sessions, outside the ${min}–${max} planned` });
  return issues;
}

/** POST /api/plan-templates — an organisation's own template (admins). The id, made by the writer, makes it idempotent. */
export const CreatePlanTemplateRequestSchema = TemplateFieldsSchema.extend({
  id: IdSchema,
  source: SourceSchema.nullable().default(null),
}).meta({ id: 'CreatePlanTemplateRequest' });

/** A template as the API gives it: shipped or the organisation's, with its blend at a glance. */
export const PlanTemplateSchema = z
  .object({
    id: z.string(),
    /** A shipped template's semver, or an organisation template's version number as text. */
    version: z.string(),
    origin: z.enum(['shipped', 'organisation']),
    /** Research protocols are examples: labelled as such, never a default (HAZ-038). */
    isExample: z.boolean(),
    name: z.string(),
    description: z.string(),
    step: z.enum(careSteps),
    source: z.object({ citation: z.string(), url: z.string().nullable() }).nullable(),
    sessionsPlanned: z.object({ min: z.number().int(), max: z.number().int() }),
    sessionMinutes: z.object({ min: z.number().int(), max: z.number().int() }).nullable(),
    requiredComponents: z.array(z.enum(planComponents)),
    /** Null until a clinical reviewer is recorded (shipped templates), as for modules. */
    review: z.object({ reviewer: z.string(), reviewedOn: z.string().nullable() }).nullable(),
    steps: z.array(TemplateStepSchema),
    summary: PlanSummarySchema,
  })
  .meta({ id: 'PlanTemplate' });
export type PlanTemplate = z.infer<typeof PlanTemplateSchema>;

/** The template a new episode's plan starts from when nobody chose one: the England default for its step. */
export const defaultPlanTemplateIds: Record<(typeof careSteps)[number], string> = {
  low_intensity: 'england-step-2',
  high_intensity: 'england-step-3',
};

/**
 * The organisation's default template per step (admins choose; versioned like the care settings).
 * Until they choose, the England defaults (version 0). A research example is never a default (HAZ-038).
 */
export const PlanDefaultsSchema = z
  .strictObject({ low_intensity: PlanTemplateIdSchema, high_intensity: PlanTemplateIdSchema })
  .meta({ id: 'PlanDefaults' });
export type PlanDefaults = z.infer<typeof PlanDefaultsSchema>;
export const PlanDefaultsStateSchema = z.object({ defaults: PlanDefaultsSchema, version: z.number().int(), isDefault: z.boolean() }).meta({ id: 'PlanDefaultsState' });
export type PlanDefaultsState = z.infer<typeof PlanDefaultsStateSchema>;
/** PUT /api/plan-templates/defaults — at the version the admin saw: a stale one is refused. */
export const SetPlanDefaultsRequestSchema = z.strictObject({ defaults: PlanDefaultsSchema, version: z.number().int().min(0) }).meta({ id: 'SetPlanDefaultsRequest' });

/** GET /api/plan-templates — the catalogue and which template each step starts from. */
export const PlanTemplateListSchema = z.object({ templates: z.array(PlanTemplateSchema), defaults: PlanDefaultsStateSchema }).meta({ id: 'PlanTemplateList' });
export type PlanTemplateList = z.infer<typeof PlanTemplateListSchema>;
