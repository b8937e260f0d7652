import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocumentedFigure } from '../test/documented-figures';

/*
 * The hazard log keeps itself honest (DCB0129; issue 11 item 6): every rating is the plan's matrix
 * applied to its likelihood and severity, the summary table says what each section says, and every
 * verification names test files that exist. Which tests pass is CI's job; this makes sure the log
 * points at real ones.
 */
const root = path.resolve(import.meta.dirname, '../../../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const plan = read('docs/clinical-safety/clinical-risk-management-plan.md');
const log = read('docs/clinical-safety/hazard-log.md');

const severities = ['Minor', 'Significant', 'Considerable', 'Major', 'Catastrophic'] as const;
const likelihoods = ['Very high', 'High', 'Medium', 'Low', 'Very low'] as const;

/** The plan's matrix: likelihood → severity → rating, read from its table. */
function matrix(): Map<string, Map<string, number>> {
  const rows = new Map<string, Map<string, number>>();
  for (const likelihood of likelihoods) {
    const line = plan.split('\n').find((l) => l.startsWith(`| **${likelihood}** |`));
    if (!line) throw new Error(`the plan has no matrix row for ${likelihood}`);
    const cells = line.split('|').slice(2, 7).map((c) => Number(c.trim()));
    rows.set(likelihood, new Map(severities.map((s, i) => [s, cells[i]!])));
  }
  return rows;
}

interface Section {
  id: string;
  title: string;
  fields: Map<string, string>;
}

function sections(): Section[] {
  return log
    .split(/\n(?=### HAZ-)/)
    .slice(1)
    .map((text) => {
      const [, id, title] = /^### (HAZ-\d{3}) (.+)$/m.exec(text)!;
      const fields = new Map<string, string>();
      for (const m of text.matchAll(/^\| ([A-Z][a-z ]+) \| (.*) \|$/gm)) fields.set(m[1]!, m[2]!);
      return { id: id!, title: title!.trim(), fields };
    });
}

function summary(): Map<string, { title: string; initial: number; residual: number; status: string }> {
  const rows = new Map<string, { title: string; initial: number; residual: number; status: string }>();
  for (const m of log.matchAll(/^\| (HAZ-\d{3}) \| (.+?) \| (\d) \| (\d) \| (.+?) \|$/gm)) rows.set(m[1]!, { title: m[2]!, initial: Number(m[3]), residual: Number(m[4]), status: m[5]! });
  return rows;
}

/** A path, or a folder's files by a `*` pattern in the last part ("packages/web/e2e/*.spec.ts"). */
function exists(file: string): boolean {
  if (!file.includes('*')) return fs.existsSync(path.join(root, file));
  const pattern = new RegExp(`^${path.basename(file).replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`);
  return fs.readdirSync(path.join(root, path.dirname(file))).some((name) => pattern.test(name));
}

const rating = /^(Very high|Very low|High|Medium|Low) \/ (\w+) → (\d)\b/;

describe('the hazard log', () => {
  const all = sections();
  const table = summary();
  const grid = matrix();

  it('numbers its hazards once each, and lists each in the summary with the same title', () => {
    expect(all.length).toBeGreaterThan(80);
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    expect([...table.keys()].sort()).toEqual(all.map((s) => s.id).sort());
    for (const s of all) expect(table.get(s.id)?.title, s.id).toBe(s.title);
  });

  it('rates every risk with the plan’s matrix, and the summary says the same', () => {
    const wrong: string[] = [];
    for (const s of all) {
      for (const [field, column] of [['Initial risk', 'initial'], ['Residual risk', 'residual']] as const) {
        const text = s.fields.get(field);
        const m = text ? rating.exec(text) : null;
        if (!m) {
          wrong.push(`${s.id} ${field}: "${text}" is not "likelihood / severity → rating"`);
          continue;
        }
        const expected = grid.get(m[1]!)?.get(m[2]!);
        if (expected === undefined) wrong.push(`${s.id} ${field}: "${m[2]}" is not one of the plan's severities`);
        else if (expected !== Number(m[3])) wrong.push(`${s.id} ${field}: ${m[1]} / ${m[2]} is ${expected} in the plan's matrix, not ${m[3]}`);
        if (table.get(s.id)?.[column] !== Number(m[3])) wrong.push(`${s.id}: the summary's ${column} rating differs from the section's`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('names, for every controlled hazard, test files that exist', () => {
    const missing: string[] = [];
    for (const s of all) {
      const status = s.fields.get('Status') ?? '';
      if (!status.startsWith('Controlled') && !status.startsWith('Closed')) continue;
      const verification = s.fields.get('Verification') ?? '';
      const files = [...verification.matchAll(/`([^`]+\.(?:test|spec)\.tsx?)`/g)].map((m) => m[1]!);
      if (!files.length) missing.push(`${s.id}: names no test file`);
      for (const file of files) if (!exists(file)) missing.push(`${s.id}: ${file} does not exist`);
    }
    expect(missing).toEqual([]);
  });

  it('gives every hazard, whatever its status, a cause, an effect, controls and a named test file that exists', () => {
    const gaps: string[] = [];
    for (const s of all) {
      for (const field of ['Hazard', 'Cause', 'Effect on the client', 'Controls', 'Verification', 'Status']) {
        if ((s.fields.get(field) ?? '').trim().length < 3) gaps.push(`${s.id}: no ${field}`);
      }
      const files = [...(s.fields.get('Verification') ?? '').matchAll(/`([^`]+\.(?:test|spec)\.tsx?)`/g)].map((m) => m[1]!);
      if (!files.length) gaps.push(`${s.id}: names no test file`);
      for (const file of files) if (!exists(file)) gaps.push(`${s.id}: ${file} does not exist`);
    }
    expect(gaps).toEqual([]);
  });

  it('is summed up truly in the safety case (its figures; UPDATE_DOCUMENTED_FIGURES=1 rewrites them)', () => {
    const safetyCase = path.join(root, 'docs/clinical-safety/safety-case.md');
    const rows = [...table.entries()];
    const ids = (keep: (row: { residual: number; status: string }) => boolean) => rows.filter(([, r]) => keep(r)).map(([id]) => id);
    const withStatus = (prefix: string) => ids((r) => r.status.startsWith(prefix));
    const figures: [string, number | string][] = [
      ['hazards-total', rows.length],
      ['hazards-controlled', withStatus('Controlled').length],
      ['hazards-partly-controlled', withStatus('Partly controlled').length],
      ['partly-controlled-ids', withStatus('Partly controlled').join(', ')],
      ['hazards-open', withStatus('Open').length],
      ['hazards-transferred', withStatus('Transferred').length],
      ['transferred-ids', withStatus('Transferred').join(', ')],
      ['hazards-closed', withStatus('Closed').length],
      ['residual-4-ids', ids((r) => r.residual >= 4).join(', ') || 'none'],
      ['residual-3-count', ids((r) => r.residual === 3).length],
      ['residual-3-ids', ids((r) => r.residual === 3).join(', ') || 'none'],
      ['residual-2-or-less', ids((r) => r.residual <= 2).length],
    ];
    // Every hazard has one of the statuses counted.
    expect(figures.slice(1, 8).filter(([name]) => !name.endsWith('-ids')).reduce((n, [, v]) => n + Number(v), 0)).toBe(rows.length);
    for (const [name, value] of figures) checkDocumentedFigure(name, value, safetyCase);
  });
});
