import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { checkDocumentedFigure, securityDocument } from './documented-figures';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-figures-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

let n = 0;
function doc(text: string): string {
  const file = path.join(dir, `doc-${n++}.md`);
  fs.writeFileSync(file, text);
  return file;
}

const table = [
  '| figure | value |',
  '|---|---|',
  '| routes checked | <!-- figure:routes-checked -->120<!-- /figure --> |',
  '| fuzz cases | <!-- figure:fuzz-cases -->720<!-- /figure --> |',
  'Again: <!-- figure:fuzz-cases -->720<!-- /figure --> cases.',
  '',
].join('\n');

describe('checkDocumentedFigure', () => {
  it('passes when every marker of the figure shows the measured value, as a number or a string', () => {
    const file = doc(table);
    vi.stubEnv('UPDATE_DOCUMENTED_FIGURES', '');
    expect(() => checkDocumentedFigure('routes-checked', 120, file)).not.toThrow();
    expect(() => checkDocumentedFigure('fuzz-cases', '720', file)).not.toThrow();
    expect(fs.readFileSync(file, 'utf8')).toBe(table);
  });

  it('fails with the figure, both values and how to update when the document differs', () => {
    const file = doc(table);
    vi.stubEnv('UPDATE_DOCUMENTED_FIGURES', '');
    expect(() => checkDocumentedFigure('routes-checked', 121, file)).toThrow(/routes-checked as "120", but the test measured "121".*UPDATE_DOCUMENTED_FIGURES=1/);
    // One stale copy of a figure shown twice is enough to fail.
    const twice = doc(table.replace('Again: <!-- figure:fuzz-cases -->720', 'Again: <!-- figure:fuzz-cases -->700'));
    expect(() => checkDocumentedFigure('fuzz-cases', 720, twice)).toThrow(/"700"/);
    // Near misses are not the figure: no prefix or suffix matching.
    expect(() => checkDocumentedFigure('routes-checked', 12, file)).toThrow(/"120"/);
    expect(fs.readFileSync(file, 'utf8')).toBe(table);
  });

  it('fails when the document has no marker for the figure', () => {
    const file = doc(table);
    expect(() => checkDocumentedFigure('routes', 120, file)).toThrow(/no marker <!-- figure:routes -->/);
    expect(() => checkDocumentedFigure('fuzz-500s', 0, file)).toThrow(/no marker/);
  });

  it('rewrites every marker of that figure, and nothing else, with UPDATE_DOCUMENTED_FIGURES=1', () => {
    const file = doc(table);
    vi.stubEnv('UPDATE_DOCUMENTED_FIGURES', '1');
    checkDocumentedFigure('fuzz-cases', 864, file);
    expect(fs.readFileSync(file, 'utf8')).toBe(table.replaceAll('-->720<', '-->864<'));
    checkDocumentedFigure('routes-checked', '3 of 3', file);
    expect(fs.readFileSync(file, 'utf8')).toContain('| <!-- figure:routes-checked -->3 of 3<!-- /figure --> |');
    // Still an error without a marker, and no lock file is left behind.
    expect(() => checkDocumentedFigure('fuzz-500s', 0, file)).toThrow(/no marker/);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
    vi.stubEnv('UPDATE_DOCUMENTED_FIGURES', '');
    expect(() => checkDocumentedFigure('fuzz-cases', 864, file)).not.toThrow();
  });

  it('refuses names and values that could not round-trip through a marker', () => {
    const file = doc(table);
    expect(() => checkDocumentedFigure('Routes Checked', 1, file)).toThrow(/lower-case/);
    expect(() => checkDocumentedFigure('routes-checked', '1<!-- x', file)).toThrow(/one line/);
    expect(() => checkDocumentedFigure('routes-checked', '1\n2', file)).toThrow(/one line/);
  });

  it('reads docs/security.md at the repository root by default', () => {
    expect(securityDocument).toBe(path.resolve(import.meta.dirname, '../../../../docs/security.md'));
    expect(fs.existsSync(securityDocument)).toBe(true);
  });
});
