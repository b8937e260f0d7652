/**
 * The programme's addresses: `/programme` (the list), `/programme/<module>` (its steps),
 * `/programme/<module>/<step>` (one step), `…/<step>/exercise` (the exercise that step opens) and
 * `/programme/exercises/<entry id>` (one of the client's own entries).
 */
export type ProgrammeAddress =
  | { page: 'programme' }
  | { page: 'module'; moduleId: string }
  | { page: 'step'; moduleId: string; stepId: string }
  | { page: 'exercise'; moduleId: string; stepId: string }
  | { page: 'entry'; entryId: string };

const part = '([a-z][a-z0-9-]{0,80})';

export function parseProgrammePath(path: string): ProgrammeAddress | null {
  const p = path.replace(/\/$/, '');
  if (p === '/programme') return { page: 'programme' };
  const entry = /^\/programme\/exercises\/([0-9a-f-]{36})$/.exec(p);
  if (entry) return { page: 'entry', entryId: entry[1]! };
  const m = new RegExp(`^/programme/${part}(?:/${part}(/exercise)?)?$`).exec(p);
  if (!m) return null;
  if (!m[2]) return { page: 'module', moduleId: m[1]! };
  return { page: m[3] ? 'exercise' : 'step', moduleId: m[1]!, stepId: m[2] };
}

export const moduleHref = (moduleId: string) => `/programme/${moduleId}`;
export const stepHref = (moduleId: string, stepId: string) => `/programme/${moduleId}/${stepId}`;
export const exerciseHref = (moduleId: string, stepId: string) => `/programme/${moduleId}/${stepId}/exercise`;
export const entryHref = (entryId: string) => `/programme/exercises/${entryId}`;
