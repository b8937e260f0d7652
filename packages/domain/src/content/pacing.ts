import { z } from 'zod';
import type { ModuleMeta } from './module';

/**
 * Pacing (issue 7, item 6; BRIEF.md design rule B2, "overwhelming"): modules open one at a time,
 * in the client's plan's order or, without a plan, the core modules in their default order. A
 * module opens when every module before it in that sequence is done, so there is one new module at
 * a time; finished modules stay open to look back at. Optional modules open only when the plan
 * includes them (the practitioner chooses them with the client). Home shows one next step.
 */

/** "module/step", the key of a done step. */
export const stepKey = (moduleId: string, stepId: string) => `${moduleId}/${stepId}`;

type Meta = Pick<ModuleMeta, 'id' | 'core' | 'order' | 'steps'>;

/** The sequence modules open in: the plan's list (known modules only), else the core modules by order. */
export function moduleSequence(modules: readonly Meta[], planned: readonly string[] | null = null): Meta[] {
  if (planned) return planned.flatMap((id) => modules.filter((m) => m.id === id));
  return modules.filter((m) => m.core).sort((a, b) => a.order - b.order);
}

const isDone = (module: Meta, done: ReadonlySet<string>) => module.steps.every((s) => done.has(stepKey(module.id, s.id)));

/** The modules open now: those done, and the first not yet done, in sequence. */
export function openModules(modules: readonly Meta[], done: ReadonlySet<string>, planned: readonly string[] | null = null): string[] {
  const open: string[] = [];
  for (const module of moduleSequence(modules, planned)) {
    open.push(module.id);
    if (!isDone(module, done)) break;
  }
  return open;
}

export interface NextStep {
  moduleId: string;
  stepId: string;
  minutes: number;
}

/** The one next step: the first step not done in the first open module not done; null when all are done. */
export function nextStep(modules: readonly Meta[], done: ReadonlySet<string>, planned: readonly string[] | null = null): NextStep | null {
  for (const module of moduleSequence(modules, planned)) {
    const step = module.steps.find((s) => !done.has(stepKey(module.id, s.id)));
    if (step) return { moduleId: module.id, stepId: step.id, minutes: step.minutes };
  }
  return null;
}

/** PUT /api/me/programme/steps/:moduleId/:stepId — the client finished a step (idempotent). */
export const MarkStepDoneRequestSchema = z
  .strictObject({
    contentVersion: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version such as 1.0.0'),
    recordedAt: z.iso.datetime({ offset: true, message: 'must be a date and time' }),
  })
  .meta({ id: 'MarkStepDoneRequest' });

export const ProgrammeProgressSchema = z
  .object({
    done: z.array(z.object({ moduleId: z.string(), stepId: z.string(), contentVersion: z.string(), recordedAt: z.iso.datetime() })),
    openModules: z.array(z.string()),
    nextStep: z.object({ moduleId: z.string(), stepId: z.string(), minutes: z.number().int() }).nullable(),
  })
  .meta({ id: 'ProgrammeProgress' });
export type ProgrammeProgress = z.infer<typeof ProgrammeProgressSchema>;
