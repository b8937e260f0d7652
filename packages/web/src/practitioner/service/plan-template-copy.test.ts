import type { PlanTemplate } from '@tandem/domain';
import { describe, expect, it } from 'vitest';
import { templateCopy, templateFieldOf } from './plan-template-copy';

const source = {
  id: 'england-step-2',
  sessionMinutes: { min: 30, max: 35 },
  steps: [{ mode: 'face_to_face', component: 'psychoeducation', moduleId: null, purpose: 'Get to know each other', plannedWeek: null }],
  source: { citation: 'NHS Talking Therapies manual', url: null },
} as unknown as PlanTemplate;

describe('templateCopy', () => {
  it('keeps the source’s steps, session length and citation, with the admin’s choices', () => {
    const copy = templateCopy('id-1', source, { name: '  Our step 2 ', description: ' Ours ', step: 'low_intensity', min: '6', max: ' 8 ', required: ['behavioural_activation'] });
    expect(copy).toEqual({
      id: 'id-1',
      name: 'Our step 2',
      description: 'Ours',
      step: 'low_intensity',
      sessionsPlanned: { min: 6, max: 8 },
      sessionMinutes: { min: 30, max: 35 },
      requiredComponents: ['behavioural_activation'],
      steps: source.steps,
      source: source.source,
    });
  });

  it.each(['', 'six', '6.5', '-1'])('sends %j as no number (null in JSON), so the server names the field', (typed) => {
    const copy = templateCopy('id-1', source, { name: 'x', description: 'y', step: 'low_intensity', min: typed, max: '8', required: [] });
    expect(JSON.parse(JSON.stringify(copy)).sessionsPlanned.min).toBeNull();
  });
});

describe('templateFieldOf', () => {
  it.each([
    ['body/name', 'name'],
    ['body/description', 'description'],
    ['body/step', 'step'],
    ['body/sessionsPlanned/min', 'min'],
    ['body/sessionsPlanned/max', 'max'],
    ['body/sessionsPlanned', 'max'],
    ['body/requiredComponents/0', 'required'],
    ['body/steps/3/moduleId', 'copyOf'],
    ['body/id', null],
    ['body', null],
  ])('%s → %s', (path, field) => {
    expect(templateFieldOf(path)).toBe(field);
  });
});
