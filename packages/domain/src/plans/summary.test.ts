import { describe, expect, it } from 'vitest';
import { newId } from '../ids';
import { coreComponents, type PlanComponent, type PlanStep } from './plan';
import { diffPlanSteps, plannedModuleOrder, summarisePlan } from './summary';

const at = new Date('2026-03-02T09:00:00Z');
const step = (mode: PlanStep['mode'], component: PlanComponent, moduleId: string | null = null, plannedWeek: number | null = null): PlanStep => ({
  id: newId(at),
  mode,
  component,
  moduleId,
  purpose: 'A purpose',
  plannedWeek,
});
const session = (component: PlanComponent, week: number | null = null) => step('face_to_face', component, null, week);
const online = (moduleId: string, component: PlanComponent, week: number | null = null) => step('online', component, moduleId, week);

describe('summarisePlan', () => {
  // The UK trial arm's blend: 6 face-to-face + 5 online (BRIEF.md, Doukani et al. 2022).
  const uk = [
    session('psychoeducation'),
    online('understanding-depression', 'psychoeducation'),
    session('behavioural_activation'),
    online('getting-active', 'behavioural_activation'),
    session('behavioural_activation'),
    online('getting-active', 'behavioural_activation'),
    session('cognitive_restructuring'),
    online('thinking-differently', 'cognitive_restructuring'),
    session('cognitive_restructuring'),
    online('staying-well', 'relapse_prevention'),
    session('relapse_prevention'),
  ];

  it.each([
    ['the UK blend, all four core components required and covered', uk, coreComponents, { faceToFace: 6, online: 5, requiredMissing: [] }],
    ['one strategy, nothing required (routine step 2)', [session('behavioural_activation')], [], { faceToFace: 1, online: 0, requiredMissing: [] }],
    ['one strategy with the four core components required', [session('behavioural_activation')], coreComponents, { requiredMissing: ['psychoeducation', 'cognitive_restructuring', 'relapse_prevention'] }],
    ['only online steps', [online('sleep', 'sleep')], ['sleep'], { faceToFace: 0, online: 1, componentsCovered: ['sleep'], requiredMissing: [] }],
    ['an empty plan', [], ['psychoeducation'], { faceToFace: 0, online: 0, componentsCovered: [], requiredMissing: ['psychoeducation'], lastPlannedWeek: null }],
  ] as [string, PlanStep[], PlanComponent[], object][])('%s', (_name, steps, required, expected) => {
    expect(summarisePlan(steps, required)).toMatchObject(expected);
  });

  it('lists components in the vocabulary’s order, each once, and the last planned week', () => {
    const summary = summarisePlan([session('relapse_prevention', 2), session('goals'), online('getting-active', 'behavioural_activation', 9), session('relapse_prevention', 5)], []);
    expect(summary.componentsCovered).toEqual(['behavioural_activation', 'relapse_prevention', 'goals']);
    expect(summary.lastPlannedWeek).toBe(9);
  });
});

describe('plannedModuleOrder', () => {
  it.each([
    ['no online steps', [session('psychoeducation')], []],
    ['online steps in order', [online('getting-active', 'behavioural_activation'), session('psychoeducation'), online('sleep', 'sleep')], ['getting-active', 'sleep']],
    ['a repeated module counts once, where it first appears', [online('sleep', 'sleep'), online('getting-active', 'behavioural_activation'), online('sleep', 'sleep')], ['sleep', 'getting-active']],
  ] as [string, PlanStep[], string[]][])('%s', (_name, steps, order) => {
    expect(plannedModuleOrder(steps)).toEqual(order);
  });
});

describe('diffPlanSteps', () => {
  const [a, b, c] = [session('psychoeducation'), session('behavioural_activation'), online('sleep', 'sleep')];
  it.each([
    ['nothing changed', [a, b, c], [a, b, c], { added: 0, removed: 0, changed: 0, reordered: false }],
    ['a step added (a repeat)', [a, b], [a, b, { ...b, id: newId(at) }], { added: 1, removed: 0, changed: 0, reordered: false }],
    ['a step removed', [a, b, c], [a, c], { added: 0, removed: 1, changed: 0, reordered: false }],
    ['two steps swapped', [a, b, c], [b, a, c], { added: 0, removed: 0, changed: 0, reordered: true }],
    ['a step removed does not count as a reorder', [a, b, c], [b, c], { added: 0, removed: 1, changed: 0, reordered: false }],
    ['a session turned online', [a, b], [a, { ...b, mode: 'online', moduleId: 'getting-active' }], { added: 0, removed: 0, changed: 1, reordered: false }],
  ] as [string, PlanStep[], PlanStep[], object][])('%s', (_name, before, after, diff) => {
    expect(diffPlanSteps(before, after)).toEqual(diff);
  });
});
