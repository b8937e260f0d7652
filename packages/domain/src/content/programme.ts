import { z } from 'zod';
import { cbtComponents, exerciseIds, moduleMinutes, stepTitle, translationStatuses, type ModuleMeta } from './module';

/** A module as loaded: its metadata and its step texts by language, then file name. */
export interface ProgrammeModule {
  meta: ModuleMeta;
  steps: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

const ReviewSchema = z.object({ reviewer: z.string(), reviewedOn: z.string().nullable() }).nullable();
const StepSummarySchema = z.object({ id: z.string(), title: z.string(), minutes: z.number().int(), exercise: z.enum(exerciseIds).nullable() });

/** GET /api/programme — every module in order, in the language asked for where it exists. */
export const ProgrammeModuleSummarySchema = z
  .object({
    id: z.string(),
    version: z.string(),
    component: z.enum(cbtComponents),
    core: z.boolean(),
    order: z.number().int(),
    /** The language shown: the one asked for if the module has it, else English. */
    language: z.string(),
    translation: z.enum(translationStatuses),
    /** Null until a clinical reviewer is recorded: the app then says "not yet clinically reviewed". */
    review: ReviewSchema,
    title: z.string(),
    summary: z.string(),
    minutes: z.number().int(),
    steps: z.array(StepSummarySchema),
  })
  .meta({ id: 'ProgrammeModuleSummary' });
export type ProgrammeModuleSummary = z.infer<typeof ProgrammeModuleSummarySchema>;
export const ProgrammeSchema = z.object({ modules: z.array(ProgrammeModuleSummarySchema) }).meta({ id: 'Programme' });
export type Programme = z.infer<typeof ProgrammeSchema>;

/** GET /api/programme/modules/:moduleId/steps/:stepId — one step's text. */
export const StepContentSchema = z
  .object({
    moduleId: z.string(),
    stepId: z.string(),
    version: z.string(),
    language: z.string(),
    translation: z.enum(translationStatuses),
    reviewed: z.boolean(),
    title: z.string(),
    markdown: z.string(),
    minutes: z.number().int(),
    exercise: z.enum(exerciseIds).nullable(),
    media: z.array(z.object({ kind: z.enum(['audio', 'video']), src: z.string(), captions: z.string().nullable(), transcript: z.string() })),
  })
  .meta({ id: 'StepContent' });
export type StepContent = z.infer<typeof StepContentSchema>;

export const ProgrammeQuerySchema = z.strictObject({ locale: z.string().max(35).optional() });
export const StepParamsSchema = z.strictObject({
  moduleId: z.string().regex(/^[a-z][a-z0-9-]{0,80}$/, 'is not a module id'),
  stepId: z.string().regex(/^[a-z][a-z0-9-]{0,80}$/, 'is not a step id'),
});

/** The module's language for a locale: "pl-PL" → "pl" when the module has it, else English. */
export function languageFor(meta: Pick<ModuleMeta, 'languages'>, locale: string | undefined): string {
  const wanted = (locale ?? 'en').toLowerCase();
  const base = wanted.split('-')[0]!;
  const have = Object.keys(meta.languages);
  return have.find((l) => l.toLowerCase() === wanted) ?? have.find((l) => l.toLowerCase() === base) ?? 'en';
}

const reviewOf = (meta: ModuleMeta) => (meta.clinicalReview.reviewer ? { reviewer: meta.clinicalReview.reviewer, reviewedOn: meta.clinicalReview.reviewedOn } : null);

/** A module's summary in the language asked for (falling back to English). */
export function presentModule(module: ProgrammeModule, locale?: string): ProgrammeModuleSummary {
  const { meta } = module;
  const language = languageFor(meta, locale);
  const texts = module.steps.get(language) ?? new Map<string, string>();
  return {
    id: meta.id,
    version: meta.version,
    component: meta.component,
    core: meta.core,
    order: meta.order,
    language,
    translation: meta.languages[language]!.status,
    review: reviewOf(meta),
    title: meta.title[language] ?? meta.title.en ?? meta.id,
    summary: meta.summary[language] ?? meta.summary.en ?? '',
    minutes: moduleMinutes(meta),
    steps: meta.steps.map((s) => ({ id: s.id, title: stepTitle(texts.get(s.file) ?? ''), minutes: s.minutes, exercise: s.exercise })),
  };
}

/** One step's text in the language asked for (falling back to English), or null if there is no such step. */
export function presentStep(module: ProgrammeModule, stepId: string, locale?: string): StepContent | null {
  const { meta } = module;
  const step = meta.steps.find((s) => s.id === stepId);
  if (!step) return null;
  const language = languageFor(meta, locale);
  const markdown = module.steps.get(language)?.get(step.file) ?? '';
  return {
    moduleId: meta.id,
    stepId: step.id,
    version: meta.version,
    language,
    translation: meta.languages[language]!.status,
    reviewed: reviewOf(meta) !== null,
    title: stepTitle(markdown),
    markdown,
    minutes: step.minutes,
    exercise: step.exercise,
    media: step.media,
  };
}
