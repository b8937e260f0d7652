import { stepKey, type ProgrammeModuleSummary, type ProgrammeProgress } from '@tandem/domain';

/**
 * A client's online work in one glance (BRIEF.md, B2: a summary, not the data): the module they
 * are on with its steps done of total, their one next step, when they last finished a step, and
 * the modules they have finished. Which module opens next is the server's (pacing.ts); this only
 * names what it says.
 */
export interface ProgressSummary {
  /** The module of the next step; null when every module open to them is done. */
  current: { title: string; done: number; total: number } | null;
  next: { title: string; minutes: number } | null;
  last: { at: string; step: string; module: string } | null;
  /** Titles of the open modules with every step done, in order. */
  finished: string[];
}

/** The summary of `progress`, named with the programme's titles (a step or module no longer in it: its id). */
export function summariseProgress(progress: ProgrammeProgress, modules: readonly ProgrammeModuleSummary[]): ProgressSummary {
  const done = new Set(progress.done.map((d) => stepKey(d.moduleId, d.stepId)));
  const module = (id: string) => modules.find((m) => m.id === id);
  const stepTitle = (moduleId: string, stepId: string) => module(moduleId)?.steps.find((s) => s.id === stepId)?.title || stepId;
  const doneIn = (m: ProgrammeModuleSummary) => m.steps.filter((s) => done.has(stepKey(m.id, s.id))).length;

  const nextModule = progress.nextStep ? module(progress.nextStep.moduleId) : undefined;
  const latest = progress.done.reduce<ProgrammeProgress['done'][number] | null>((a, b) => (!a || b.recordedAt > a.recordedAt ? b : a), null);
  return {
    current: nextModule ? { title: nextModule.title, done: doneIn(nextModule), total: nextModule.steps.length } : null,
    next: progress.nextStep ? { title: stepTitle(progress.nextStep.moduleId, progress.nextStep.stepId), minutes: progress.nextStep.minutes } : null,
    last: latest ? { at: latest.recordedAt, step: stepTitle(latest.moduleId, latest.stepId), module: module(latest.moduleId)?.title ?? latest.moduleId } : null,
    finished: progress.openModules.flatMap((id) => {
      const m = module(id);
      return m && doneIn(m) === m.steps.length ? [m.title] : [];
    }),
  };
}
