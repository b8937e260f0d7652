import fs from 'node:fs';
import path from 'node:path';

/**
 * Figures in the documents come from tests (issue 11): a test that measures a figure calls
 * `checkDocumentedFigure(name, value)`, which finds `<!-- figure:NAME -->VALUE<!-- /figure -->` in
 * docs/security.md and fails unless VALUE is the measured value. With UPDATE_DOCUMENTED_FIGURES=1
 * it writes the measured value into the document instead, so a maintainer regenerates the figures
 * by running the tests with that variable and commits the document. A figure must therefore be
 * deterministic: the same on every run of the same code (on PGlite and PostgreSQL alike).
 */
export const securityDocument = path.resolve(import.meta.dirname, '../../../../docs/security.md');

const updateVariable = 'UPDATE_DOCUMENTED_FIGURES';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function markerPattern(name: string): RegExp {
  return new RegExp(`(<!-- figure:${escapeRegExp(name)} -->)(.*?)(<!-- /figure -->)`, 'g');
}

/** Test files run in parallel workers: a short-lived lock file keeps two updates from racing. */
function withLock<T>(file: string, body: () => T): T {
  const lock = `${file}.lock`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      fs.closeSync(fs.openSync(lock, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a process that died mid-update is stale after a few seconds.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 5_000) fs.rmSync(lock, { force: true });
      else if (Date.now() > deadline) throw new Error(`${lock} is held by another process`);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
  try {
    return body();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

export function checkDocumentedFigure(name: string, value: number | string, file: string = securityDocument): void {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`A figure's name is lower-case words joined by hyphens, not "${name}"`);
  const measured = String(value);
  if (/[\n<]/.test(measured)) throw new Error(`The figure ${name} must be one line without "<", not ${JSON.stringify(measured)}`);
  const shown = path.relative(process.cwd(), file) || file;
  const read = () => {
    const text = fs.readFileSync(file, 'utf8');
    const found = [...text.matchAll(markerPattern(name))].map((m) => m[2]!);
    if (found.length === 0) throw new Error(`${shown} has no marker <!-- figure:${name} -->…<!-- /figure --> for the figure ${name} (measured: ${measured}). Add one where the figure belongs.`);
    return { text, found };
  };
  if (process.env[updateVariable] === '1') {
    withLock(file, () => {
      const { text, found } = read();
      if (found.every((v) => v === measured)) return;
      fs.writeFileSync(file, text.replace(markerPattern(name), (_m, open: string, _old: string, close: string) => `${open}${measured}${close}`));
    });
    return;
  }
  const wrong = read().found.filter((v) => v !== measured);
  if (wrong.length > 0) {
    throw new Error(
      `${shown} gives the figure ${name} as ${JSON.stringify(wrong[0])}, but the test measured ${JSON.stringify(measured)}. ` +
        `If the change is intended, run the tests again with ${updateVariable}=1 to write the measured figures into the document, and commit it.`,
    );
  }
}
