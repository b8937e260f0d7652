import fs from 'node:fs/promises';
import path from 'node:path';
import { checkModule, checkProgramme, ModuleMetaSchema, type ContentProblem, type ModuleMeta } from '@tandem/domain';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { repositoryDir } from '../package-paths';

/** The programme in this repository: content/ at its root. */
export const defaultContentRoot = path.join(repositoryDir, 'content');

export interface LoadedModule {
  folder: string;
  meta: ModuleMeta;
  /** Step texts by language, then by file name. */
  steps: Map<string, Map<string, string>>;
}

export interface LoadedProgramme {
  modules: LoadedModule[];
  problems: ContentProblem[];
}

const isDirectory = async (p: string) => (await fs.stat(p).catch(() => null))?.isDirectory() ?? false;

/** The 1-based line of the YAML node at `keys`, or of its nearest parent that exists. */
export function lineOf(doc: Document, lines: LineCounter, keys: (string | number)[]): number {
  for (let n = keys.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lines.linePos(range[0]).line;
  }
  return 1;
}

async function readSteps(dir: string): Promise<Map<string, Map<string, string>>> {
  const byLanguage = new Map<string, Map<string, string>>();
  for (const entry of (await fs.readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const files = new Map<string, string>();
    for (const name of (await fs.readdir(path.join(dir, entry.name))).filter((f) => f.endsWith('.md')).sort()) {
      files.set(name, await fs.readFile(path.join(dir, entry.name, name), 'utf8'));
    }
    byLanguage.set(entry.name, files);
  }
  return byLanguage;
}

/**
 * Reads every module under `root`/modules and checks it: YAML syntax, the metadata schema, each
 * step's Markdown, readability and the programme as a whole. Problems name the file (relative to
 * `root`/modules) and, where it can be found, the line. A module whose metadata is invalid is
 * reported and left out.
 */
export async function loadProgramme(root: string = defaultContentRoot): Promise<LoadedProgramme> {
  const modulesDir = path.join(root, 'modules');
  if (!(await isDirectory(modulesDir))) return { modules: [], problems: [{ file: modulesDir, line: null, message: 'no modules folder' }] };
  const modules: LoadedModule[] = [];
  const problems: ContentProblem[] = [];
  let unreadable = 0;
  const folders = (await fs.readdir(modulesDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  for (const folder of folders) {
    const yamlFile = `${folder}/module.yaml`;
    const source = await fs.readFile(path.join(modulesDir, yamlFile), 'utf8').catch(() => null);
    if (source === null) {
      problems.push({ file: yamlFile, line: null, message: 'missing: every module needs a module.yaml' });
      continue;
    }
    const lines = new LineCounter();
    const doc = parseDocument(source, { lineCounter: lines });
    if (doc.errors.length) {
      problems.push(...doc.errors.map((e) => ({ file: yamlFile, line: e.linePos?.[0]?.line ?? null, message: `YAML: ${e.message.split('\n')[0]}` })));
      unreadable++;
      continue;
    }
    const parsed = ModuleMetaSchema.safeParse(doc.toJS());
    if (!parsed.success) {
      problems.push(
        ...parsed.error.issues.map((issue) => {
          const keys = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
          return { file: yamlFile, line: lineOf(doc, lines, keys), message: `${keys.join('.') || 'module'}: ${issue.message}` };
        }),
      );
      unreadable++;
      continue;
    }
    const steps = await readSteps(path.join(modulesDir, folder));
    const found = checkModule(folder, parsed.data, steps);
    problems.push(...found.map((p) => (p.path ? { ...p, line: lineOf(doc, lines, p.path), message: `${p.path.join('.')}: ${p.message}` } : p)));
    modules.push({ folder, meta: parsed.data, steps });
  }
  // The programme as a whole is checked once every module could be read (else it only repeats them).
  if (!unreadable) problems.push(...checkProgramme(modules).map((p) => (p.path ? { ...p, line: null, message: `${p.path.join('.')}: ${p.message}` } : p)));
  return { modules: modules.sort((a, b) => a.meta.order - b.meta.order), problems };
}

/** "file:line: message", as editors and CI logs understand it. */
export function formatProblem(p: ContentProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;
}

/** The programme for the server: refuses to start on content with problems (the build checks it first). */
export async function loadCheckedProgramme(root: string): Promise<LoadedModule[]> {
  const { modules, problems } = await loadProgramme(root);
  if (problems.length) throw new Error(`The self-help content in ${root} has problems (run \`tandem content check\`):\n${problems.slice(0, 20).map(formatProblem).join('\n')}`);
  return modules;
}
