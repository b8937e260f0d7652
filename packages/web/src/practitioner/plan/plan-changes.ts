import type { PlanStep } from '@tandem/domain';

/** A field of a step that an edit can change, as the history names it. */
export type ChangedField = 'mode' | 'component' | 'module' | 'purpose' | 'week';

/**
 * One thing an edit did to the plan, with positions counted from 1: added (or added as a repeat of
 * another step), removed, moved, or changed in place. The page puts these into words.
 */
export type PlanChangeItem =
  | { kind: 'added'; position: number; step: PlanStep }
  | { kind: 'repeated'; position: number; of: number; step: PlanStep }
  | { kind: 'removed'; position: number; step: PlanStep }
  | { kind: 'moved'; from: number; to: number; step: PlanStep }
  | { kind: 'changed'; position: number; fields: ChangedField[]; step: PlanStep };

const sameContent = (a: PlanStep, b: PlanStep) => a.mode === b.mode && a.component === b.component && a.moduleId === b.moduleId && a.purpose === b.purpose;

function changedFields(before: PlanStep, after: PlanStep): ChangedField[] {
  const fields: ChangedField[] = [];
  if (before.mode !== after.mode) fields.push('mode');
  if (before.component !== after.component) fields.push('component');
  if (before.moduleId !== after.moduleId) fields.push('module');
  if (before.purpose !== after.purpose) fields.push('purpose');
  if (before.plannedWeek !== after.plannedWeek) fields.push('week');
  return fields;
}

/**
 * The ids of the longest run of `a` that keeps its order in `b` (both hold the same ids). On a
 * tie the step that went up is the one reported as moved: "Move up" is what was pressed.
 */
function stayedInOrder(a: readonly string[], b: readonly string[]): Set<string> {
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      kept.add(a[i]!);
      i++;
      j++;
    } else if (lengths[i + 1]![j]! > lengths[i]![j + 1]!) i++;
    else j++;
  }
  return kept;
}

/**
 * What changed between two versions of a plan's steps, by step id (steps kept keep their ids:
 * decision 0020). A step moved is one that left the longest run of steps still in their old
 * order, so moving one step up reports that one step, not every step it passed. A new step with
 * the same content as a step of the plan is reported as a repeat of it.
 */
export function describePlanChange(before: readonly PlanStep[], after: readonly PlanStep[]): PlanChangeItem[] {
  const beforeIndex = new Map(before.map((s, i) => [s.id, i]));
  const afterIds = new Set(after.map((s) => s.id));
  const keptBefore = before.filter((s) => afterIds.has(s.id)).map((s) => s.id);
  const keptAfter = after.filter((s) => beforeIndex.has(s.id)).map((s) => s.id);
  const inOrder = stayedInOrder(keptBefore, keptAfter);
  const items: PlanChangeItem[] = [];
  before.forEach((step, i) => {
    if (!afterIds.has(step.id)) items.push({ kind: 'removed', position: i + 1, step });
  });
  after.forEach((step, i) => {
    const was = beforeIndex.get(step.id);
    if (was === undefined) {
      const original = after.findIndex((other) => other.id !== step.id && beforeIndex.has(other.id) && sameContent(other, step));
      items.push(original >= 0 ? { kind: 'repeated', position: i + 1, of: original + 1, step } : { kind: 'added', position: i + 1, step });
      return;
    }
    if (!inOrder.has(step.id)) items.push({ kind: 'moved', from: was + 1, to: i + 1, step });
    const fields = changedFields(before[was]!, step);
    if (fields.length) items.push({ kind: 'changed', position: i + 1, fields, step });
  });
  return items;
}
