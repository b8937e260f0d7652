import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPlanTemplates } from './plan-template-files';
import { defaultContentRoot, formatProblem, loadProgramme } from './programme-files';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

const modules = [
  { id: 'understanding-depression', component: 'psychoeducation' as const },
  { id: 'getting-active', component: 'behavioural_activation' as const },
];

const templateYaml = (id: string, step = 'low_intensity') => `id: ${id}
version: 1.0.0
name: A template
example: false
step: ${step}
description: One session and one online step.
source:
  citation: A source
  url: null
sessionsPlanned: { min: 1, max: 2 }
sessionMinutes: null
requiredComponents: []
clinicalReview: { reviewer: null, reviewedOn: null }
steps:
  - mode: face_to_face
    component: psychoeducation
    moduleId: null
    purpose: Agree your goals.
    plannedWeek: 1
  - mode: online
    component: behavioural_activation
    moduleId: getting-active
    purpose: Plan small steps.
    plannedWeek: 1
`;

/** A content root whose plan-templates folder holds the England defaults plus `files`. */
function root(files: Record<string, string | undefined>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-plans-'));
  roots.push(dir);
  fs.mkdirSync(path.join(dir, 'plan-templates'));
  const all = { 'england-step-2.yaml': templateYaml('england-step-2'), 'england-step-3.yaml': templateYaml('england-step-3', 'high_intensity'), ...files };
  for (const [name, text] of Object.entries(all)) if (text !== undefined) fs.writeFileSync(path.join(dir, 'plan-templates', name), text);
  return dir;
}

describe('loadPlanTemplates', () => {
  it('reads valid templates in file-name order, with no problems', async () => {
    const { templates, problems } = await loadPlanTemplates(root({}), modules);
    expect(problems).toEqual([]);
    expect(templates.map((t) => t.id)).toEqual(['england-step-2', 'england-step-3']);
  });

  it.each([
    ['a YAML syntax error', { 'example-x.yaml': 'id: example-x\nsteps: [\n' }, 'plan-templates/example-x.yaml:3: YAML:'],
    ['a field of the wrong kind, at its line', { 'example-x.yaml': templateYaml('example-x').replace('step: low_intensity', 'step: step_9') }, 'plan-templates/example-x.yaml:5: step:'],
    ['a step field, at its line', { 'example-x.yaml': templateYaml('example-x').replace('mode: online', 'mode: letter') }, 'plan-templates/example-x.yaml:20: steps.1.mode:'],
    ['an unknown module, at its line', { 'example-x.yaml': templateYaml('example-x').replace('moduleId: getting-active', 'moduleId: hypnosis') }, 'plan-templates/example-x.yaml:22: steps.1.moduleId: there is no module "hypnosis"'],
    ['an id that is not the file name', { 'example-x.yaml': templateYaml('example-y') }, 'plan-templates/example-x.yaml:1: id: must be the file\'s name, "example-x"'],
    ['a file that is not YAML', { 'notes.txt': 'hello' }, 'plan-templates/notes.txt: only <template-id>.yaml files belong here'],
    ['a missing England default', { 'england-step-3.yaml': undefined }, 'plan-templates/england-step-3.yaml: missing'],
  ])('reports %s with its file and line', async (_name, files, expected) => {
    const { problems } = await loadPlanTemplates(root(files as Record<string, string | undefined>), modules);
    expect(problems.map(formatProblem)).toEqual([expect.stringContaining(expected)]);
  });

  it('reports a content folder without plan templates', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-plans-'));
    roots.push(dir);
    expect((await loadPlanTemplates(dir, modules)).problems.map(formatProblem)).toEqual([expect.stringContaining('plan-templates: no plan-templates folder')]);
  });
});

describe('the plan templates in content/', () => {
  it('pass every check against the programme: the England defaults and five labelled research examples', async () => {
    const { modules: programme } = await loadProgramme(defaultContentRoot);
    const { templates, problems } = await loadPlanTemplates(defaultContentRoot, programme.map((m) => m.meta));
    expect(problems.map(formatProblem)).toEqual([]);
    expect(templates.filter((t) => !t.example).map((t) => t.id)).toEqual(['england-step-2', 'england-step-3']);
    expect(templates.filter((t) => t.example).map((t) => [t.id, t.source.citation])).toEqual([
      ['example-denmark', 'Mathiasen et al. 2016, BMC Psychiatry, doi 10.1186/s12888-016-1140-y (Table 1)'],
      ['example-germany', 'Titzler et al. 2018; E-COMPARED site'],
      ['example-netherlands', 'Kemmeren et al. 2016, BMC Psychiatry 16:113'],
      ['example-spain', 'BMC Psychiatry 2018, doi 10.1186/s12888-018-1638-6'],
      ['example-uk-low-intensity', 'Doukani et al. 2022 (BJPsych Open)'],
    ]);
    // Examples say so in their names too, so a list never shows one as a service default (HAZ-038).
    for (const t of templates.filter((x) => x.example)) expect(t.name).toMatch(/^Example: /);
  });
});
