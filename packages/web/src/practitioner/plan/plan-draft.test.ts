import { describe, expect, it } from 'vitest';
import { draftProblems, fromDraft, insertStep, moveStep, repeatStep, toDraft, type DraftStep } from './plan-draft';

const draft = (id: string, week = '', extra: Partial<DraftStep> = {}): DraftStep => ({ id, mode: 'face_to_face', component: 'sleep', moduleId: null, purpose: `Do ${id}`, week, ...extra });
const order = (steps: DraftStep[]) => steps.map((s) => s.id).join('');

describe('editing the list', () => {
  it('moves a step up or down, and not past either end', () => {
    const steps = [draft('a'), draft('b'), draft('c')];
    expect(order(moveStep(steps, 1, -1))).toBe('bac');
    expect(order(moveStep(steps, 1, 1))).toBe('acb');
    expect(order(moveStep(steps, 0, -1))).toBe('abc');
    expect(order(moveStep(steps, 2, 1))).toBe('abc');
  });

  it('repeats a step right after itself with a new id', () => {
    const steps = repeatStep([draft('a'), draft('b')], 0, 'x');
    expect(order(steps)).toBe('axb');
    expect(steps[1]).toEqual({ ...draft('a'), id: 'x' });
  });

  it('inserts a step after a chosen one, or at the end', () => {
    expect(order(insertStep([draft('a'), draft('b')], draft('x'), 0))).toBe('axb');
    expect(order(insertStep([draft('a'), draft('b')], draft('x'), null))).toBe('abx');
  });

  it('turns a plan step into a draft and back', () => {
    const step = { id: 'a', mode: 'online' as const, component: 'sleep' as const, moduleId: 'sleep', purpose: ' Sleep better ', plannedWeek: 4 };
    expect(fromDraft(toDraft(step))).toEqual({ ...step, purpose: 'Sleep better' });
    expect(fromDraft({ ...toDraft(step), mode: 'face_to_face', week: '' })).toEqual({ ...step, mode: 'face_to_face', moduleId: null, purpose: 'Sleep better', plannedWeek: null });
  });
});

describe('draftProblems', () => {
  it('finds nothing wrong in a good list', () => {
    expect(draftProblems([draft('a', '1'), draft('b', ''), draft('c', '1'), draft('d', '52')])).toEqual([]);
  });

  it('asks an online step for its module', () => {
    expect(draftProblems([draft('a', '', { mode: 'online' })])).toEqual([{ index: 0, field: 'moduleId', problem: 'moduleMissing' }]);
  });

  it('checks the purpose length at 3 and 200 characters', () => {
    expect(draftProblems([draft('a', '', { purpose: ' ab ' })])).toEqual([{ index: 0, field: 'purpose', problem: 'purposeShort' }]);
    expect(draftProblems([draft('a', '', { purpose: 'abc' })])).toEqual([]);
    expect(draftProblems([draft('a', '', { purpose: 'x'.repeat(200) })])).toEqual([]);
    expect(draftProblems([draft('a', '', { purpose: 'x'.repeat(201) })])).toEqual([{ index: 0, field: 'purpose', problem: 'purposeLong' }]);
  });

  it('checks weeks: whole numbers from 1 to 52', () => {
    for (const week of ['0', '53', '2.5', 'two', '-1']) expect(draftProblems([draft('a', week)]), week).toEqual([{ index: 0, field: 'week', problem: 'weekInvalid' }]);
    expect(draftProblems([draft('a', ' 1 '), draft('b', '52')])).toEqual([]);
  });

  it('refuses a week before an earlier step’s week', () => {
    expect(draftProblems([draft('a', '3'), draft('b', ''), draft('c', '2')])).toEqual([{ index: 2, field: 'week', problem: 'weekBackwards', earlierWeek: 3 }]);
  });
});
