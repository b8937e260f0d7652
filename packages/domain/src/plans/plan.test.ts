import { describe, expect, it } from 'vitest';
import { newId } from '../ids';
import { maxPlanSteps, PlanStepListSchema, PlanTemplateIdSchema, programmeIssues, TemplateStepListSchema, type PlanStep } from './plan';
import { UpdatePlanRequestSchema } from './api';

const at = new Date('2026-03-02T09:00:00Z');
const f2f = (over: Partial<PlanStep> = {}): PlanStep => ({ id: newId(at), mode: 'face_to_face', component: 'psychoeducation', moduleId: null, purpose: 'Agree goals', plannedWeek: null, ...over });
const online = (over: Partial<PlanStep> = {}): PlanStep => ({ id: newId(at), mode: 'online', component: 'behavioural_activation', moduleId: 'getting-active', purpose: 'Plan small steps', plannedWeek: null, ...over });
const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('plan step lists', () => {
  it.each([
    ['one step', [f2f()], []],
    ['an empty plan', [], [': a plan needs at least one step']],
    [`${maxPlanSteps} steps`, Array.from({ length: maxPlanSteps }, () => f2f()), []],
    [`${maxPlanSteps + 1} steps`, Array.from({ length: maxPlanSteps + 1 }, () => f2f()), [`: a plan has at most ${maxPlanSteps} steps`]],
    ['an online step without a module', [online({ moduleId: null })], ['0.moduleId: an online step must name a programme module']],
    ['a face-to-face step naming a module', [f2f({ moduleId: 'getting-active' })], ['0.moduleId: a face-to-face step does not open a module: use null']],
    ['a purpose of 2 characters', [f2f({ purpose: 'ok' })], ['0.purpose: say what the step is for']],
    ['a purpose of 3 characters', [f2f({ purpose: 'Aim' })], []],
    ['a purpose of 201 characters', [f2f({ purpose: 'a'.repeat(201) })], ['0.purpose: must be at most 200 characters']],
    ['week 0', [f2f({ plannedWeek: 0 })], ['0.plannedWeek: must be at least 1']],
    ['week 52', [f2f({ plannedWeek: 52 })], []],
    ['week 53', [f2f({ plannedWeek: 53 })], ['0.plannedWeek: must be at most 52']],
    ['two steps in the same week', [f2f({ plannedWeek: 2 }), online({ plannedWeek: 2 })], []],
    ['a week going backwards', [f2f({ plannedWeek: 3 }), online({ plannedWeek: null }), f2f({ plannedWeek: 2 })], ['2.plannedWeek: is before week 3 of an earlier step: steps are in the order they are planned']],
    ['an unknown component', [f2f({ component: 'hypnosis' as PlanStep['component'] })], [expect.stringMatching(/^0\.component: /)]],
  ] as const)('%s', (_name, steps, expected) => {
    expect(messages(PlanStepListSchema.safeParse(steps))).toEqual(expected);
  });

  it('refuses a step id used twice (a repeated step is a new step with its own id)', () => {
    const step = f2f();
    expect(messages(PlanStepListSchema.safeParse([step, { ...step }]))).toEqual(['1.id: is used by an earlier step']);
    expect(messages(PlanStepListSchema.safeParse([step, { ...step, id: newId(at) }]))).toEqual([]);
  });

  it('template steps have no ids', () => {
    const { id: _id, ...step } = f2f();
    expect(TemplateStepListSchema.safeParse([step]).success).toBe(true);
    expect(messages(TemplateStepListSchema.safeParse([f2f()]))).toEqual([expect.stringContaining('0: Unrecognized key')]);
  });
});

describe('programmeIssues', () => {
  const modules = [
    { id: 'getting-active', component: 'behavioural_activation' as const },
    { id: 'sleep', component: 'sleep' as const },
  ];
  it.each([
    ['a known module with its component', [online()], []],
    ['an unknown module', [online({ moduleId: 'hypnosis' })], ['0.moduleId: there is no module "hypnosis" in the programme']],
    ['a module with another component', [online({ moduleId: 'sleep' })], ['0.component: "sleep" is a sleep module: use sleep']],
    ['face-to-face steps are not checked against modules', [f2f({ component: 'core_beliefs' })], []],
  ] as const)('%s', (_name, steps, expected) => {
    expect(programmeIssues(steps, modules).map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(expected);
  });
});

describe('UpdatePlanRequestSchema', () => {
  it.each([
    ['a reason', { version: 1, steps: [f2f()], reason: 'Client asked to try sleep first' }, true],
    ['no reason', { version: 1, steps: [f2f()] }, false],
    ['a reason of 2 characters', { version: 1, steps: [f2f()], reason: ' ok ' }, false],
    ['version 0', { version: 0, steps: [f2f()], reason: 'Because' }, false],
    ['no steps', { version: 1, steps: [], reason: 'Because' }, false],
  ] as const)('%s → valid: %s', (_name, body, valid) => {
    expect(UpdatePlanRequestSchema.safeParse(body).success).toBe(valid);
  });
});

describe('PlanTemplateIdSchema', () => {
  it.each([
    ['england-step-2', true],
    [newId(at), true],
    ['England step 2', false],
    ['', false],
  ])('%s → %s', (id, valid) => {
    expect(PlanTemplateIdSchema.safeParse(id).success).toBe(valid);
  });
});
