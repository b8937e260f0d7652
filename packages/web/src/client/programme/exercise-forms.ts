import type { ExerciseId } from '@tandem/domain';
import type { ClientKey } from '../../shared/i18n/keys';

/**
 * The six exercises as form descriptions, following packages/domain/src/exercises/forms.ts (its
 * limits and scales) without importing its zod schemas into the client bundle: the server checks
 * every save against them. Inputs never accept more than the limit, and scales are chosen from a
 * list, so a draft is always one the server accepts — no word is refused for a typo.
 */
export type FieldSpec =
  | { kind: 'text'; key: string; max: number }
  | { kind: 'scale'; key: string; min: number; max: number; step?: number }
  | { kind: 'date' | 'check'; key: string }
  | { kind: 'time'; key: string; nullable?: boolean }
  | { kind: 'rows'; key: string; max: number; fields: FieldSpec[] }
  | { kind: 'list'; key: string; max: number; itemMax: number }
  | { kind: 'choice'; key: string; of: string; labelKey: string };

/** Mood on the check-in's 1–10 scale; achievement, enjoyment and progress 0–10; feelings 0–100 (forms.ts). */
const mood: FieldSpec = { kind: 'scale', key: 'mood', min: 1, max: 10 };
const rating = (key: string): FieldSpec => ({ kind: 'scale', key, min: 0, max: 10 });
const feelings = (key: string): FieldSpec => ({
  kind: 'rows',
  key,
  max: 6,
  fields: [{ kind: 'text', key: 'name', max: 60 }, { kind: 'scale', key: 'intensity', min: 0, max: 100, step: 10 }],
});
const list = (key: string): FieldSpec => ({ kind: 'list', key, max: 10, itemMax: 300 });

export const exerciseSpecs: Record<ExerciseId, FieldSpec[]> = {
  'activity-diary': [
    { kind: 'rows', key: 'rows', max: 30, fields: [{ kind: 'date', key: 'date' }, { kind: 'time', key: 'time' }, { kind: 'text', key: 'activity', max: 200 }, mood, rating('achievement'), rating('enjoyment')] },
  ],
  'activity-planner': [
    { kind: 'rows', key: 'rows', max: 30, fields: [{ kind: 'date', key: 'date' }, { kind: 'time', key: 'time', nullable: true }, { kind: 'text', key: 'activity', max: 200 }, { kind: 'check', key: 'remind' }] },
  ],
  'thought-record': [
    { kind: 'text', key: 'situation', max: 1000 },
    feelings('feelings'),
    { kind: 'text', key: 'automaticThought', max: 1000 },
    { kind: 'text', key: 'evidenceFor', max: 2000 },
    { kind: 'text', key: 'evidenceAgainst', max: 2000 },
    { kind: 'text', key: 'balancedThought', max: 1000 },
    feelings('feelingsAfter'),
  ],
  'problem-solving': [
    { kind: 'text', key: 'problem', max: 1000 },
    { kind: 'rows', key: 'options', max: 10, fields: [{ kind: 'text', key: 'idea', max: 300 }, { kind: 'text', key: 'pros', max: 500 }, { kind: 'text', key: 'cons', max: 500 }] },
    { kind: 'choice', key: 'chosen', of: 'options', labelKey: 'idea' },
    { kind: 'text', key: 'plan', max: 1000 },
    { kind: 'text', key: 'review', max: 1000 },
  ],
  'relapse-prevention-plan': [
    list('whatHelped'),
    list('warningSigns'),
    list('whatToDo'),
    { kind: 'rows', key: 'people', max: 10, fields: [{ kind: 'text', key: 'name', max: 100 }, { kind: 'text', key: 'how', max: 200 }] },
  ],
  goals: [{ kind: 'rows', key: 'goals', max: 5, fields: [{ kind: 'text', key: 'text', max: 300 }, rating('progress')] }],
};

export const exerciseNameKey = (exercise: ExerciseId) => `client.exercise.name.${exercise}` as ClientKey;
/** Labels are per exercise, so the same key can read naturally in each ("Activity", "Idea"). */
export const fieldLabelKey = (exercise: ExerciseId, key: string) => `client.exercise.${exercise}.${key}` as ClientKey;

type Data = Record<string, unknown>;
const isBlank = (v: unknown) => v === undefined || v === null || v === '' || v === false;

/** A new entry: one empty row or item in each list, so there is somewhere to start writing. */
export function emptyData(exercise: ExerciseId): Data {
  const data: Data = {};
  for (const f of exerciseSpecs[exercise]) if (f.kind === 'rows' || f.kind === 'list') data[f.key] = f.kind === 'rows' ? [{}] : [''];
  return data;
}

/**
 * One row or entry as the server takes it: every text, list and choice present (the submitted
 * form needs them), empty dates, times and scales left out (or null where allowed), switches true or false.
 */
function cleanFields(fields: FieldSpec[], data: Data): Data {
  const out: Data = {};
  for (const f of fields) {
    const v = data[f.key];
    if (f.kind === 'rows') out[f.key] = ((v as Data[] | undefined) ?? []).map((row) => cleanFields(f.fields, row));
    else if (f.kind === 'list') out[f.key] = v ?? [];
    else if (f.kind === 'check') out[f.key] = v === true;
    else if (f.kind === 'text') out[f.key] = v ?? '';
    else if (f.kind === 'choice') out[f.key] = typeof v === 'number' ? v : null;
    else if (f.kind === 'time' && f.nullable) out[f.key] = isBlank(v) ? null : v;
    else if (!isBlank(v)) out[f.key] = v;
  }
  return out;
}

export function forServer(exercise: ExerciseId, data: Data): Data {
  return cleanFields(exerciseSpecs[exercise], data);
}

/** Before sending: rows with nothing written and blank list items are dropped; a chosen idea keeps pointing at the same one. */
export function tidy(exercise: ExerciseId, data: Data): Data {
  const out: Data = { ...data };
  for (const f of exerciseSpecs[exercise]) {
    if (f.kind === 'list') out[f.key] = ((data[f.key] as string[] | undefined) ?? []).filter((s) => s.trim() !== '');
    if (f.kind !== 'rows') continue;
    const rows = (data[f.key] as Data[] | undefined) ?? [];
    const kept = rows.map((row, i) => ({ row, i })).filter(({ row }) => Object.values(row).some((v) => !isBlank(v)));
    out[f.key] = kept.map(({ row }) => row);
    for (const c of exerciseSpecs[exercise]) {
      if (c.kind === 'choice' && c.of === f.key && typeof data[c.key] === 'number') {
        const at = kept.findIndex(({ i }) => i === data[c.key]);
        out[c.key] = at >= 0 ? at : null;
      }
    }
  }
  return out;
}
