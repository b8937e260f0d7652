import { describe, expect, it } from 'vitest';
import { problemsFrom } from './entry-save';
import { emptyData, forServer, tidy } from './exercise-forms';
import { parseProgrammePath } from './paths';

describe('forServer', () => {
  it('leaves out empty dates and scales, keeps every text, and sends switches as true or false', () => {
    expect(forServer('activity-planner', { rows: [{ date: '', time: '', activity: 'Walk' }] })).toEqual({ rows: [{ time: null, activity: 'Walk', remind: false }] });
    expect(forServer('activity-diary', { rows: [{ date: '2026-01-02', activity: '', mood: undefined }] })).toEqual({ rows: [{ date: '2026-01-02', activity: '' }] });
    expect(forServer('problem-solving', {})).toEqual({ problem: '', options: [], chosen: null, plan: '', review: '' });
  });
});

describe('tidy', () => {
  it('drops empty rows and blank items, and keeps the chosen idea pointing at the same one', () => {
    expect(tidy('problem-solving', { options: [{}, { idea: 'Ask Sam' }], chosen: 1 })).toEqual({ options: [{ idea: 'Ask Sam' }], chosen: 0 });
    expect(tidy('problem-solving', { options: [{}, { idea: 'Ask Sam' }], chosen: 0 })).toEqual({ options: [{ idea: 'Ask Sam' }], chosen: null });
    expect(tidy('relapse-prevention-plan', { whatHelped: [' ', 'Walks'] })).toMatchObject({ whatHelped: ['Walks'] });
  });

  it('starts a new entry with one row or item to write in', () => {
    expect(emptyData('goals')).toEqual({ goals: [{}] });
    expect(emptyData('thought-record')).toEqual({ feelings: [{}], feelingsAfter: [{}] });
  });
});

describe('problemsFrom', () => {
  const t = (key: string, values?: Record<string, string | number>) => `${key}${values ? JSON.stringify(values) : ''}`;
  it('ties each server problem to its field', () => {
    expect(problemsFrom([{ path: 'body/data/goals/1/text', message: 'must not be empty' }], 'goals', 'f', t as never)).toEqual([
      { message: 'client.exercise.error.required{"label":"client.exercise.error.inRow{\\"label\\":\\"client.exercise.goals.text\\",\\"n\\":2}"}', fieldId: 'f-goals-1-text' },
    ]);
    expect(problemsFrom([{ path: 'body/data/goals', message: 'add at least one goal' }], 'goals', 'f', t as never)[0]!.fieldId).toBe('f-goals');
  });
});

describe('parseProgrammePath', () => {
  it.each([
    ['/programme', { page: 'programme' }],
    ['/programme/getting-active/', { page: 'module', moduleId: 'getting-active' }],
    ['/programme/getting-active/why-doing-helps', { page: 'step', moduleId: 'getting-active', stepId: 'why-doing-helps' }],
    ['/programme/getting-active/why-doing-helps/exercise', { page: 'exercise', moduleId: 'getting-active', stepId: 'why-doing-helps' }],
    ['/programme/exercises/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', { page: 'entry', entryId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }],
    ['/programme/Bad/x', null],
    ['/programmes', null],
  ])('%s', (path, expected) => expect(parseProgrammePath(path)).toEqual(expected));
});
