import fs from 'node:fs/promises';
import path from 'node:path';
import { checkPlanTemplate, defaultPlanTemplateIds, PlanTemplateFileSchema, type ContentProblem, type ModuleMeta, type PlanTemplateFile } from '@tandem/domain';
import { LineCounter, parseDocument } from 'yaml';
import { formatProblem, lineOf } from './programme-files';

/** Where shipped treatment-plan templates live, under the content root. */
export const planTemplatesFolder = 'plan-templates';

export interface LoadedPlanTemplates {
  templates: PlanTemplateFile[];
  problems: ContentProblem[];
}

/**
 * Reads every `<id>.yaml` in `root`/plan-templates and checks it: YAML syntax, the template schema,
 * and the template against the programme's modules (content/README.md). Problems name the file
 * (relative to `root`) and, where it can be found, the line. An invalid template is reported and
 * left out. Templates come back in file-name order (England defaults, then examples).
 */
export async function loadPlanTemplates(root: string, modules: readonly Pick<ModuleMeta, 'id' | 'component'>[]): Promise<LoadedPlanTemplates> {
  const dir = path.join(root, planTemplatesFolder);
  const names = await fs.readdir(dir).catch(() => null);
  if (names === null) return { templates: [], problems: [{ file: planTemplatesFolder, line: null, message: 'no plan-templates folder: the England defaults are needed to open an episode' }] };
  const templates: PlanTemplateFile[] = [];
  const problems: ContentProblem[] = [];
  for (const name of names.filter((n) => !n.startsWith('.')).sort()) {
    const file = `${planTemplatesFolder}/${name}`;
    if (!name.endsWith('.yaml')) {
      problems.push({ file, line: null, message: 'only <template-id>.yaml files belong here' });
      continue;
    }
    const lines = new LineCounter();
    const doc = parseDocument(await fs.readFile(path.join(dir, name), 'utf8'), { lineCounter: lines });
    if (doc.errors.length) {
      problems.push(...doc.errors.map((e) => ({ file, line: e.linePos?.[0]?.line ?? null, message: `YAML: ${e.message.split('\n')[0]}` })));
      continue;
    }
    const at = (keys: PropertyKey[], message: string) => {
      const path = keys.map((k) => (typeof k === 'symbol' ? String(k) : k));
      return { file, line: lineOf(doc, lines, path), message: `${path.join('.') || 'template'}: ${message}` };
    };
    const parsed = PlanTemplateFileSchema.safeParse(doc.toJS());
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((issue) => at(issue.path, issue.message)));
      continue;
    }
    const found = checkPlanTemplate(file, parsed.data, modules);
    problems.push(...found.map((p) => at(p.path ?? [], p.message)));
    if (!found.length) templates.push(parsed.data);
  }
  for (const id of Object.values(defaultPlanTemplateIds)) {
    if (!templates.some((t) => t.id === id) && !problems.some((p) => p.file === `${planTemplatesFolder}/${id}.yaml`)) {
      problems.push({ file: `${planTemplatesFolder}/${id}.yaml`, line: null, message: 'missing: the England default for its step is needed to open an episode' });
    }
  }
  return { templates, problems };
}

/** The templates for the server: refuses to start on templates with problems (the build checks them first). */
export async function loadCheckedPlanTemplates(root: string, modules: readonly Pick<ModuleMeta, 'id' | 'component'>[]): Promise<PlanTemplateFile[]> {
  const { templates, problems } = await loadPlanTemplates(root, modules);
  if (problems.length) throw new Error(`The plan templates in ${root} have problems (run \`tandem content check\`):\n${problems.slice(0, 20).map(formatProblem).join('\n')}`);
  return templates;
}
