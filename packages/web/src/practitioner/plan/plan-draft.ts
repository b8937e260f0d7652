import { maxPlannedWeek, type PlanComponent, type PlanMode, type PlanStep } from '@tandem/domain';

/**
 * The plan editor's working list (decision 0020: an edit sends the whole new list). A step's week
 * is kept as typed, so "3a" can be shown back with its error instead of being lost.
 */
export interface DraftStep {
  id: string;
  mode: PlanMode;
  component: PlanComponent;
  moduleId: string | null;
  purpose: string;
  /** As typed: empty for "not planned to a week". */
  week: string;
}

export function toDraft(step: PlanStep): DraftStep {
  return { id: step.id, mode: step.mode, component: step.component, moduleId: step.moduleId, purpose: step.purpose, week: step.plannedWeek === null ? '' : String(step.plannedWeek) };
}

/** The week typed, as a number; null when empty; NaN when it is not a whole number. */
function weekOf(text: string): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

export function fromDraft(step: DraftStep): PlanStep {
  return { id: step.id, mode: step.mode, component: step.component, moduleId: step.mode === 'online' ? step.moduleId : null, purpose: step.purpose.trim(), plannedWeek: weekOf(step.week) };
}

/** Moves the step at `index` one place up (-1) or down (+1); the list unchanged at either end. */
export function moveStep<T>(steps: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= steps.length || to < 0 || to >= steps.length) return [...steps];
  const next = [...steps];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** A copy of the step at `index` placed right after it, with its own id (a repeat is a new step). */
export function repeatStep(steps: readonly DraftStep[], index: number, id: string): DraftStep[] {
  const step = steps[index];
  if (!step) return [...steps];
  return [...steps.slice(0, index + 1), { ...step, id }, ...steps.slice(index + 1)];
}

/** `step` placed after the step at `afterIndex`, or at the end when it is null. */
export function insertStep(steps: readonly DraftStep[], step: DraftStep, afterIndex: number | null): DraftStep[] {
  const at = afterIndex === null ? steps.length : Math.min(afterIndex + 1, steps.length);
  return [...steps.slice(0, at), step, ...steps.slice(at)];
}

export type DraftField = 'mode' | 'component' | 'moduleId' | 'purpose' | 'week';
export type DraftProblem =
  | { index: number; field: 'moduleId'; problem: 'moduleMissing' }
  | { index: number; field: 'purpose'; problem: 'purposeShort' | 'purposeLong' }
  | { index: number; field: 'week'; problem: 'weekInvalid' }
  | { index: number; field: 'week'; problem: 'weekBackwards'; earlierWeek: number };

/**
 * What the server would refuse in one step (PlanStepSchema: a purpose of 3–200 characters, a week
 * from 1 to 52 or none, an online step naming a module), checked here so each problem shows at
 * its field before anything is sent.
 */
export function stepProblems(step: DraftStep, index: number): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (step.mode === 'online' && !step.moduleId) problems.push({ index, field: 'moduleId', problem: 'moduleMissing' });
  const purpose = step.purpose.trim();
  if (purpose.length < 3) problems.push({ index, field: 'purpose', problem: 'purposeShort' });
  else if (purpose.length > 200) problems.push({ index, field: 'purpose', problem: 'purposeLong' });
  const week = weekOf(step.week);
  if (week !== null && !(week >= 1 && week <= maxPlannedWeek)) problems.push({ index, field: 'week', problem: 'weekInvalid' });
  return problems;
}

/**
 * Every step's problems, and weeks that go backwards (the list's order is the plan's order, so
 * a step cannot be planned before an earlier one: stepListIssues in the domain).
 */
export function draftProblems(steps: readonly DraftStep[]): DraftProblem[] {
  const problems: DraftProblem[] = [];
  let lastWeek = 0;
  steps.forEach((step, index) => {
    const own = stepProblems(step, index);
    problems.push(...own);
    const week = weekOf(step.week);
    if (week === null || Number.isNaN(week) || own.some((p) => p.field === 'week')) return;
    if (week < lastWeek) problems.push({ index, field: 'week', problem: 'weekBackwards', earlierWeek: lastWeek });
    lastWeek = Math.max(lastWeek, week);
  });
  return problems;
}
