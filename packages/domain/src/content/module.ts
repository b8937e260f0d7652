import { z } from 'zod';
import { maxReadingGrade, maxStepReadingMinutes, readability } from './readability';

/**
 * The self-help programme's open format (content/README.md): one folder per module, metadata in
 * `module.yaml`, one Markdown file per step per language. These are the rules `tandem content
 * check` and the build apply; they are pure so the server's loader, the CLI and tests share them.
 */

/** The CBT components of the programme (BRIEF.md, "Treatment model"). */
export const cbtComponents = [
  'psychoeducation',
  'behavioural_activation',
  'cognitive_restructuring',
  'relapse_prevention',
  'problem_solving',
  'worry_and_rumination',
  'sleep',
] as const;
export type CbtComponent = (typeof cbtComponents)[number];

/** The exercises a step can open (issue 7, item 3). */
export const exerciseIds = ['activity-diary', 'activity-planner', 'thought-record', 'problem-solving', 'relapse-prevention-plan', 'goals'] as const;
export type ExerciseId = (typeof exerciseIds)[number];

/** How far a language's text can be trusted: machine-written text is shown as unreviewed. */
export const translationStatuses = ['original', 'reviewed-translation', 'machine-unreviewed'] as const;
export type TranslationStatus = (typeof translationStatuses)[number];

const KebabIdSchema = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');
const LanguageSchema = z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'must be a language code such as en or pl');
const PerLanguageTextSchema = z.record(LanguageSchema, z.string().trim().min(1, 'must not be empty').max(200));

const MediaSchema = z.strictObject({
  kind: z.enum(['audio', 'video']),
  src: z.string().min(1),
  /** Captions (WebVTT) are required for video, and a transcript for both (WCAG 1.2.1, 1.2.2). */
  captions: z.string().min(1).nullable(),
  transcript: z.string().min(1),
});

const StepMetaSchema = z.strictObject({
  id: KebabIdSchema,
  file: z.string().regex(/^\d{2}-[a-z0-9-]+\.md$/, 'must be NN-<step-id>.md'),
  minutes: z.number().int('must be a whole number').min(1, 'must be at least 1').max(maxStepReadingMinutes, `must be at most ${maxStepReadingMinutes}`),
  exercise: z.enum(exerciseIds).nullable(),
  media: z.array(MediaSchema).default([]),
});

export const ModuleMetaSchema = z.strictObject({
  id: KebabIdSchema,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version such as 1.0.0'),
  component: z.enum(cbtComponents),
  core: z.boolean(),
  order: z.number().int().min(1),
  title: PerLanguageTextSchema,
  summary: PerLanguageTextSchema,
  exercises: z.array(z.enum(exerciseIds)),
  languages: z.record(LanguageSchema, z.strictObject({ status: z.enum(translationStatuses) })),
  clinicalReview: z.strictObject({
    reviewer: z.string().trim().min(1).nullable(),
    reviewedOn: z.iso.date('must be a date (YYYY-MM-DD)').nullable(),
  }),
  steps: z.array(StepMetaSchema).min(1, 'a module needs at least one step'),
});
export type ModuleMeta = z.infer<typeof ModuleMetaSchema>;

/** A problem found in the content, placed by file and (where known) line. */
export interface ContentProblem {
  file: string;
  line: number | null;
  message: string;
  /** For problems in module.yaml: the path inside it, to find the line. */
  path?: (string | number)[];
}

/**
 * Problems in one step's Markdown: it must open with one `# Title`, and use only the small part
 * of Markdown the app renders — no HTML, links, images, tables or headings below `##`. Lines are
 * 1-based.
 */
export function checkStepMarkdown(file: string, text: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first === -1 || !/^# \S/.test(lines[first]!)) problems.push({ file, line: first + 1 || 1, message: 'a step must start with its title: "# Title"' });
  let inFence = false;
  lines.forEach((line, i) => {
    const at = { file, line: i + 1 };
    if (/^```/.test(line)) inFence = !inFence;
    if (inFence) return;
    if (i !== first && /^# /.test(line)) problems.push({ ...at, message: 'only one "# Title" per step; use "##" for a heading inside it' });
    if (/^#{3,}\s/.test(line)) problems.push({ ...at, message: 'headings go no deeper than "##"' });
    if (/<\/?[a-zA-Z][^>]*>/.test(line)) problems.push({ ...at, message: 'HTML is not allowed in a step' });
    if (/!\[[^\]]*\]\(/.test(line)) problems.push({ ...at, message: 'images are not allowed in a step text (use the step’s media)' });
    else if (/\[[^\]]+\]\([^)]*\)/.test(line)) problems.push({ ...at, message: 'links are not allowed in a step (the app supplies help links)' });
    if (/^\s*\|.*\|\s*$/.test(line)) problems.push({ ...at, message: 'tables are not allowed in a step' });
  });
  return problems;
}

/** The step's title: its `# Title` line. */
export function stepTitle(text: string): string {
  return /^# (.+)$/m.exec(text)?.[1]?.trim() ?? '';
}

/**
 * Problems across one module: its folder name, steps' ids and files unique, each language's step
 * files present, exercises listed match the steps that open them, a title and summary in each
 * language, and every English step readable by an 11-year-old (Flesch–Kincaid grade ≤ 6) in five
 * minutes or less (readability.ts).
 */
export function checkModule(folder: string, meta: ModuleMeta, stepTexts: ReadonlyMap<string, ReadonlyMap<string, string>>): ContentProblem[] {
  const yaml = `${folder}/module.yaml`;
  const problems: ContentProblem[] = [];
  const at = (path: (string | number)[], message: string) => problems.push({ file: yaml, line: null, path, message });
  if (meta.id !== folder) at(['id'], `must be the folder's name, "${folder}"`);
  const seenIds = new Set<string>();
  const seenFiles = new Set<string>();
  meta.steps.forEach((step, i) => {
    if (seenIds.has(step.id)) at(['steps', i, 'id'], `"${step.id}" is used by an earlier step`);
    if (seenFiles.has(step.file)) at(['steps', i, 'file'], `"${step.file}" is used by an earlier step`);
    if (!step.file.endsWith(`-${step.id}.md`)) at(['steps', i, 'file'], `must end with the step id: "NN-${step.id}.md"`);
    seenIds.add(step.id);
    seenFiles.add(step.file);
    if (step.exercise && !meta.exercises.includes(step.exercise)) at(['steps', i, 'exercise'], `"${step.exercise}" is not in the module's exercises`);
    step.media.forEach((m, j) => {
      if (m.kind === 'video' && !m.captions) at(['steps', i, 'media', j, 'captions'], 'a video needs captions');
    });
  });
  meta.exercises.forEach((exercise, i) => {
    if (!meta.steps.some((s) => s.exercise === exercise)) at(['exercises', i], `no step opens "${exercise}"`);
  });
  if (!meta.languages.en) at(['languages'], 'English (en) is required: it is the text translations are checked against');
  for (const language of Object.keys(meta.languages)) {
    if (!meta.title[language]) at(['title'], `needs a title in "${language}"`);
    if (!meta.summary[language]) at(['summary'], `needs a summary in "${language}"`);
    const texts = stepTexts.get(language) ?? new Map<string, string>();
    for (const step of meta.steps) {
      const file = `${folder}/${language}/${step.file}`;
      const text = texts.get(step.file);
      if (text === undefined) {
        problems.push({ file, line: null, message: `missing: every step needs a file in each language the module lists` });
        continue;
      }
      problems.push(...checkStepMarkdown(file, text));
      if (language === 'en') {
        const r = readability(text);
        if (r.grade > maxReadingGrade) problems.push({ file, line: null, message: `reads at Flesch–Kincaid grade ${r.grade}; the limit is ${maxReadingGrade} (reading age 11): use shorter sentences and words` });
        if (r.readingMinutes > maxStepReadingMinutes) problems.push({ file, line: null, message: `takes ${r.readingMinutes} minutes to read; the limit is ${maxStepReadingMinutes}: split the step` });
      }
    }
    for (const name of texts.keys()) {
      if (!meta.steps.some((s) => s.file === name)) problems.push({ file: `${folder}/${language}/${name}`, line: null, message: 'not listed in module.yaml steps' });
    }
  }
  for (const language of stepTexts.keys()) {
    if (!meta.languages[language]) problems.push({ file: `${folder}/${language}`, line: null, message: `"${language}" is not listed in module.yaml languages` });
  }
  return problems;
}

/** Problems across the programme: module orders unique, and the four core components present. */
export function checkProgramme(modules: readonly { folder: string; meta: ModuleMeta }[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const orders = new Map<number, string>();
  for (const { folder, meta } of modules) {
    const other = orders.get(meta.order);
    if (other) problems.push({ file: `${folder}/module.yaml`, line: null, path: ['order'], message: `${meta.order} is also the order of "${other}"` });
    orders.set(meta.order, folder);
  }
  const core: CbtComponent[] = ['psychoeducation', 'behavioural_activation', 'cognitive_restructuring', 'relapse_prevention'];
  for (const component of core) {
    if (!modules.some((m) => m.meta.core && m.meta.component === component)) {
      problems.push({ file: 'modules', line: null, message: `the programme needs a core module for ${component.replace(/_/g, ' ')}` });
    }
  }
  return problems;
}

/** Minutes a module takes: the sum of its steps'. */
export function moduleMinutes(meta: Pick<ModuleMeta, 'steps'>): number {
  return meta.steps.reduce((n, s) => n + s.minutes, 0);
}
