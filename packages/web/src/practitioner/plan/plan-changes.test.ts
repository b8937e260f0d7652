import type { PlanStep } from '@tandem/domain';
import { describe, expect, it } from 'vitest';
import { describePlanChange } from './plan-changes';

const step = (id: string, extra: Partial<PlanStep> = {}): PlanStep => ({
  id,
  mode: 'face_to_face',
  component: 'behavioural_activation',
  moduleId: null,
  purpose: `Purpose ${id}`,
  plannedWeek: null,
  ...extra,
});
const ids = (s: string) => s.split('').map((id) => step(id));

describe('describePlanChange', () => {
  it('says nothing when nothing changed', () => {
    expect(describePlanChange(ids('abc'), ids('abc'))).toEqual([]);
  });

  it('reports one step moved up as one move, not every step it passed', () => {
    const items = describePlanChange(ids('abcd'), ids('adbc'));
    expect(items.map((i) => (i.kind === 'moved' ? `${i.step.id} ${i.from}→${i.to}` : i.kind))).toEqual(['d 4→2']);
  });

  it('reports swapped neighbours as one move: the step that went up', () => {
    expect(describePlanChange(ids('abc'), ids('acb'))).toEqual([{ kind: 'moved', from: 3, to: 2, step: step('c') }]);
  });

  it('reports added and removed steps with their positions', () => {
    const items = describePlanChange(ids('abc'), [step('a'), step('c'), step('x', { purpose: 'New' })]);
    expect(items).toEqual([
      { kind: 'removed', position: 2, step: step('b') },
      { kind: 'added', position: 3, step: step('x', { purpose: 'New' }) },
    ]);
  });

  it('reports a new step with the same content as a repeat of the step it copies', () => {
    const items = describePlanChange(ids('ab'), [step('a'), step('b'), step('c', { purpose: 'Purpose b' })]);
    expect(items).toEqual([{ kind: 'repeated', position: 3, of: 2, step: step('c', { purpose: 'Purpose b' }) }]);
  });

  it('names the fields changed in place', () => {
    const after = [step('a', { mode: 'online', component: 'sleep', moduleId: 'sleep', plannedWeek: 3 }), step('b')];
    expect(describePlanChange(ids('ab'), after)).toEqual([{ kind: 'changed', position: 1, fields: ['mode', 'component', 'module', 'week'], step: after[0] }]);
  });

  it('reports a step both moved and changed twice', () => {
    const after = [step('b'), step('a', { purpose: 'Other' })];
    expect(describePlanChange(ids('ab'), after).map((i) => i.kind).sort()).toEqual(['changed', 'moved']);
  });
});
