import { describe, expect, it } from 'vitest';
import { moduleSequence, nextStep, openModules, stepKey } from './pacing';

const step = (id: string, minutes = 3) => ({ id, file: `01-${id}.md`, minutes, exercise: null, media: [] });
const modules = [
  { id: 'thinking', core: true, order: 3, steps: [step('t1'), step('t2')] },
  { id: 'understanding', core: true, order: 1, steps: [step('u1', 2), step('u2')] },
  { id: 'sleep', core: false, order: 7, steps: [step('s1')] },
  { id: 'active', core: true, order: 2, steps: [step('a1')] },
];
const done = (...keys: [string, string][]) => new Set(keys.map(([m, s]) => stepKey(m, s)));

describe('pacing', () => {
  it('without a plan, the core modules open in their order; optional ones wait for the plan', () => {
    expect(moduleSequence(modules).map((m) => m.id)).toEqual(['understanding', 'active', 'thinking']);
  });

  it.each([
    ['nothing done', done(), ['understanding'], { moduleId: 'understanding', stepId: 'u1', minutes: 2 }],
    ['one step of the first module', done(['understanding', 'u1']), ['understanding'], { moduleId: 'understanding', stepId: 'u2', minutes: 3 }],
    ['the first module done', done(['understanding', 'u1'], ['understanding', 'u2']), ['understanding', 'active'], { moduleId: 'active', stepId: 'a1', minutes: 3 }],
    // A step done out of order (read ahead) does not open a module early.
    ['a later step only', done(['thinking', 't1']), ['understanding'], { moduleId: 'understanding', stepId: 'u1', minutes: 2 }],
    [
      'every core module done',
      done(['understanding', 'u1'], ['understanding', 'u2'], ['active', 'a1'], ['thinking', 't1'], ['thinking', 't2']),
      ['understanding', 'active', 'thinking'],
      null,
    ],
  ])('%s', (_, doneSteps, open, next) => {
    expect(openModules(modules, doneSteps)).toEqual(open);
    expect(nextStep(modules, doneSteps)).toEqual(next);
  });

  it('follows the plan when there is one: its order, optional modules included, unknown ids ignored', () => {
    const plan = ['active', 'sleep', 'no-such-module'];
    expect(openModules(modules, done(), plan)).toEqual(['active']);
    expect(openModules(modules, done(['active', 'a1']), plan)).toEqual(['active', 'sleep']);
    expect(nextStep(modules, done(['active', 'a1']), plan)).toEqual({ moduleId: 'sleep', stepId: 's1', minutes: 3 });
    expect(nextStep(modules, done(['active', 'a1'], ['sleep', 's1']), plan)).toBeNull();
  });
});
