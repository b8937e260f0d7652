import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runContentCheck } from '../cli/content-check';
import { formatProblem, loadProgramme } from './programme-files';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

const plainStep = (title: string) => `# ${title}\n\nThis is a short step. It uses small words.\n\n- Try one thing today\n- See how it goes\n`;

/** A module folder as text files; `yaml` replaces module.yaml, `files` adds or replaces step files. */
function moduleFiles(id: string, order: number, component: string, over: { yaml?: string; files?: Record<string, string> } = {}) {
  const yaml =
    over.yaml ??
    `id: ${id}
version: 1.0.0
component: ${component}
core: true
order: ${order}
title:
  en: Title of ${id}
summary:
  en: What ${id} is for.
exercises: []
languages:
  en:
    status: original
clinicalReview:
  reviewer: null
  reviewedOn: null
steps:
  - id: first-step
    file: 01-first-step.md
    minutes: 2
    exercise: null
    media: []
`;
  return { [`${id}/module.yaml`]: yaml, [`${id}/en/01-first-step.md`]: plainStep('A first step'), ...over.files };
}

function programme(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-content-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, 'modules', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return root;
}

const validFour = () => ({
  ...moduleFiles('understanding', 1, 'psychoeducation'),
  ...moduleFiles('active', 2, 'behavioural_activation'),
  ...moduleFiles('thinking', 3, 'cognitive_restructuring'),
  ...moduleFiles('staying-well', 4, 'relapse_prevention'),
});

describe('loadProgramme', () => {
  it('reads a valid programme in order, with no problems', async () => {
    const { modules, problems } = await loadProgramme(programme(validFour()));
    expect(problems).toEqual([]);
    expect(modules.map((m) => m.folder)).toEqual(['understanding', 'active', 'thinking', 'staying-well']);
    expect(modules[0]!.steps.get('en')!.get('01-first-step.md')).toContain('# A first step');
  });

  it.each([
    ['a YAML syntax error', { yaml: 'id: active\nversion: [1.0.0\n' }, 'active/module.yaml:3: YAML:'],
    ['a field of the wrong kind, at its line', { yaml: moduleFiles('active', 2, 'behavioural_activation')['active/module.yaml']!.replace('component: behavioural_activation', 'component: hypnosis') }, 'active/module.yaml:3: component:'],
    ['a step over five minutes', { yaml: moduleFiles('active', 2, 'behavioural_activation')['active/module.yaml']!.replace('minutes: 2', 'minutes: 9') }, 'active/module.yaml:20: steps.0.minutes: must be at most 5'],
    ['a folder name that is not the id', { yaml: moduleFiles('active', 2, 'behavioural_activation')['active/module.yaml']!.replace('id: active', 'id: activity') }, 'active/module.yaml:1: id: must be the folder\'s name, "active"'],
    ['a missing step file', { files: { 'active/en/01-first-step.md': undefined as unknown as string } }, 'active/en/01-first-step.md: missing'],
    ['a file nobody lists', { files: { 'active/en/02-stray.md': plainStep('Stray') } }, 'active/en/02-stray.md: not listed in module.yaml steps'],
    ['a link in a step, at its line', { files: { 'active/en/01-first-step.md': '# Step\n\nSee [this](https://example.com).\n' } }, 'active/en/01-first-step.md:3: links are not allowed'],
    ['a step without its title', { files: { 'active/en/01-first-step.md': 'Some text first.\n' } }, 'active/en/01-first-step.md:1: a step must start with its title'],
    [
      'a step too hard to read',
      { files: { 'active/en/01-first-step.md': '# Step\n\nBehavioural activation systematically encourages meaningful, value-congruent activities notwithstanding persistent motivational difficulties.\n' } },
      'active/en/01-first-step.md: reads at Flesch–Kincaid grade',
    ],
    ['a language not listed', { files: { 'active/pl/01-first-step.md': plainStep('Krok') } }, 'active/pl: "pl" is not listed'],
  ])('reports %s with its file and line', async (_, over, expected) => {
    const files: Record<string, string> = { ...validFour(), ...moduleFiles('active', 2, 'behavioural_activation', over) };
    for (const [k, v] of Object.entries(files)) if (v === undefined) delete files[k];
    const { problems } = await loadProgramme(programme(files));
    expect(problems.map(formatProblem)).toEqual([expect.stringContaining(expected)]);
  });

  it('needs the four core components, each order once', async () => {
    const files = { ...validFour(), ...moduleFiles('thinking', 2, 'cognitive_restructuring') };
    const { problems } = await loadProgramme(programme(files));
    expect(problems.map(formatProblem)).toEqual(['thinking/module.yaml: order: 2 is also the order of "active"']);
    const three = Object.fromEntries(Object.entries(validFour()).filter(([k]) => !k.startsWith('staying-well/')));
    expect((await loadProgramme(programme(three))).problems.map(formatProblem)).toEqual(['modules: the programme needs a core module for relapse prevention']);
  });
});

describe('tandem content check', () => {
  it('prints each problem and exits 1; prints a summary and exits 0 when all is well', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const bad = programme({ ...validFour(), 'active/en/01-first-step.md': '# Step\n\n<b>Bold</b>\n' });
    expect(await runContentCheck(['check', '--dir', bad], (s) => out.push(s), (s) => err.push(s))).toBe(1);
    expect(err.join('')).toContain('active/en/01-first-step.md:3: HTML is not allowed in a step');
    // Plan templates are checked too (decision 0020): the two England defaults are required.
    const ok = programme(validFour());
    fs.mkdirSync(path.join(ok, 'plan-templates'));
    for (const [id, step] of [['england-step-2', 'low_intensity'], ['england-step-3', 'high_intensity']] as const) {
      const steps = [{ mode: 'face_to_face', component: 'psychoeducation', moduleId: null, purpose: 'Agree goals', plannedWeek: null }];
      const template = { id, version: '1.0.0', name: id, description: 'One session.', example: false, step, source: { citation: 'A test', url: null }, sessionsPlanned: { min: 1, max: 1 }, sessionMinutes: null, requiredComponents: [], clinicalReview: { reviewer: null, reviewedOn: null }, steps };
      fs.writeFileSync(path.join(ok, 'plan-templates', `${id}.yaml`), JSON.stringify(template));
    }
    expect(await runContentCheck(['check', '--dir', ok], (s) => out.push(s), (s) => err.push(s))).toBe(0);
    expect(out.join('')).toBe('Content OK: 4 modules, 4 steps, about 8 minutes; 2 plan templates.\n');
    expect(await runContentCheck(['verify'], (s) => out.push(s), (s) => err.push(s))).toBe(2);
  });
});

describe('the programme in content/', () => {
  it('passes every check: the format, each step’s Markdown, and readability (grade ≤ 6, ≤ 5 minutes) of every English step', async () => {
    const { modules, problems } = await loadProgramme();
    expect(problems.map(formatProblem)).toEqual([]);
    expect(modules.filter((m) => m.meta.core).map((m) => m.meta.component)).toEqual(['psychoeducation', 'behavioural_activation', 'cognitive_restructuring', 'relapse_prevention']);
    expect(modules.filter((m) => !m.meta.core).length).toBeGreaterThanOrEqual(3);
  });
});
