import { describe, expect, it } from 'vitest';
import { checkPlanTemplate, CreatePlanTemplateRequestSchema, PlanTemplateFileSchema, type PlanTemplateFile } from './template';

const modules = [
  { id: 'understanding-depression', component: 'psychoeducation' as const },
  { id: 'getting-active', component: 'behavioural_activation' as const },
];

const template = (over: Partial<PlanTemplateFile> = {}): PlanTemplateFile => ({
  id: 'small-example',
  version: '1.0.0',
  name: 'A small example',
  description: 'Two sessions and one online step.',
  example: true,
  step: 'low_intensity',
  source: { citation: 'Someone et al. 2020', url: null },
  sessionsPlanned: { min: 2, max: 3 },
  sessionMinutes: null,
  requiredComponents: ['psychoeducation', 'behavioural_activation'],
  clinicalReview: { reviewer: null, reviewedOn: null },
  steps: [
    { mode: 'face_to_face', component: 'psychoeducation', moduleId: null, purpose: 'Agree goals', plannedWeek: 1 },
    { mode: 'online', component: 'behavioural_activation', moduleId: 'getting-active', purpose: 'Plan small steps', plannedWeek: 1 },
    { mode: 'face_to_face', component: 'behavioural_activation', moduleId: null, purpose: 'Review the week', plannedWeek: 2 },
  ],
  ...over,
});
const problems = (t: PlanTemplateFile, file = 'plan-templates/small-example.yaml') => checkPlanTemplate(file, t, modules).map((p) => `${p.path?.join('.')}: ${p.message}`);

describe('checkPlanTemplate', () => {
  it.each([
    ['a valid template', template(), []],
    ['an id that is not the file name', template({ id: 'other' }), ['id: must be the file\'s name, "small-example"']],
    ['a required component no step covers', template({ requiredComponents: ['relapse_prevention'] }), ['requiredComponents.0: relapse_prevention is required but no step works on it']],
    ['nothing required', template({ requiredComponents: [] }), []],
    ['fewer sessions than planned', template({ sessionsPlanned: { min: 3, max: 4 } }), ['sessionsPlanned: the steps have 2 face-to-face sessions, outside the 3–4 planned']],
    ['more sessions than planned', template({ sessionsPlanned: { min: 1, max: 1 } }), ['sessionsPlanned: the steps have 2 face-to-face sessions, outside the 1–1 planned']],
    [
      'an online step naming a module that does not exist',
      template({ steps: [...template().steps, { mode: 'online', component: 'sleep', moduleId: 'sleep', purpose: 'Sleep habits', plannedWeek: 3 }] }),
      ['steps.3.moduleId: there is no module "sleep" in the programme'],
    ],
  ] as const)('%s', (_name, t, expected) => {
    expect(problems(t)).toEqual(expected);
  });
});

describe('PlanTemplateFileSchema', () => {
  it.each([
    ['valid', {}, true],
    ['sessions planned min above max', { sessionsPlanned: { min: 8, max: 6 } }, false],
    ['sessions planned of 0', { sessionsPlanned: { min: 0, max: 6 } }, false],
    ['a required component listed twice', { requiredComponents: ['psychoeducation', 'psychoeducation'] }, false],
    ['a source without a citation', { source: { citation: '', url: null } }, false],
    ['a source address that is not https', { source: { citation: 'Someone 2020', url: 'http://example.org' } }, false],
    ['no steps', { steps: [] }, false],
  ] as const)('%s → %s', (_name, over, valid) => {
    expect(PlanTemplateFileSchema.safeParse({ ...template(), ...over }).success).toBe(valid);
  });
});

describe('CreatePlanTemplateRequestSchema', () => {
  it('takes an organisation template without a source, and is never an example', () => {
    const { id: _id, version: _v, example: _e, source: _s, clinicalReview: _c, ...fields } = template();
    const parsed = CreatePlanTemplateRequestSchema.parse({ ...fields, id: '0195a8f0-0000-7000-8000-000000000001' });
    expect(parsed.source).toBeNull();
    expect(CreatePlanTemplateRequestSchema.safeParse({ ...fields, id: '0195a8f0-0000-7000-8000-000000000001', example: true }).success).toBe(false);
  });
});
