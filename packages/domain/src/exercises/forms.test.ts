import { describe, expect, it } from 'vitest';
import { exerciseIds } from '../content/module';
import { exerciseForms, maxExerciseBytes, utf8Length } from './forms';

const diaryRow = { date: '2026-03-02', time: '09:30', activity: 'Walked to the shop', mood: 4, achievement: 6, enjoyment: 3 };
const thought = {
  situation: 'A friend did not reply to my message',
  feelings: [{ name: 'Sad', intensity: 80 }],
  automaticThought: 'Nobody wants to talk to me',
  evidenceFor: '',
  evidenceAgainst: 'She replied last week',
  balancedThought: 'She may be busy',
  feelingsAfter: [{ name: 'Sad', intensity: 50 }],
};

describe('exercise forms', () => {
  it('has a draft and a submitted form for every exercise a module can open', () => {
    expect(Object.keys(exerciseForms).sort()).toEqual([...exerciseIds].sort());
  });

  it('accepts any partial draft, even empty, so nothing typed is refused for being unfinished', () => {
    for (const id of exerciseIds) expect(exerciseForms[id].draft.safeParse({}).success, id).toBe(true);
    expect(exerciseForms['thought-record'].draft.safeParse({ situation: 'At work', feelings: [{ name: 'Worried' }] }).success).toBe(true);
  });

  it.each([
    ['activity-diary', { rows: [diaryRow] }, true],
    ['activity-diary', { rows: [] }, false],
    ['activity-diary', { rows: [{ ...diaryRow, mood: 0 }] }, false],
    ['activity-diary', { rows: [{ ...diaryRow, mood: 10, achievement: 10, enjoyment: 0 }] }, true],
    ['activity-diary', { rows: [{ ...diaryRow, enjoyment: 11 }] }, false],
    ['activity-diary', { rows: [{ ...diaryRow, time: '24:00' }] }, false],
    ['activity-diary', { rows: [{ ...diaryRow, date: '2026-02-30' }] }, false],
    ['activity-diary', { rows: [{ ...diaryRow, activity: '   ' }] }, false],
    ['activity-diary', { rows: [{ ...diaryRow, activity: 'a'.repeat(200) }] }, true],
    ['activity-diary', { rows: [{ ...diaryRow, activity: 'a'.repeat(201) }] }, false],
    ['activity-diary', { rows: Array.from({ length: 30 }, () => diaryRow) }, true],
    ['activity-diary', { rows: Array.from({ length: 31 }, () => diaryRow) }, false],
    ['activity-planner', { rows: [{ date: '2026-03-03', time: null, activity: 'Call Sam', remind: false }] }, true],
    ['thought-record', thought, true],
    ['thought-record', { ...thought, feelings: [] }, false],
    ['thought-record', { ...thought, feelings: [{ name: 'Sad', intensity: 100 }] }, true],
    ['thought-record', { ...thought, feelings: [{ name: 'Sad', intensity: 101 }] }, false],
    ['thought-record', { ...thought, evidenceAgainst: 'a'.repeat(2001) }, false],
    ['thought-record', { ...thought, balancedThought: '' }, false],
    ['problem-solving', { problem: 'Bills', options: [{ idea: 'Call the bank', pros: '', cons: '' }], chosen: 0, plan: 'Monday', review: '' }, true],
    ['problem-solving', { problem: 'Bills', options: [{ idea: 'Call the bank', pros: '', cons: '' }], chosen: 1, plan: '', review: '' }, false],
    ['relapse-prevention-plan', { whatHelped: ['Walking'], warningSigns: ['Staying in bed'], whatToDo: ['Plan one thing a day'], people: [] }, true],
    ['relapse-prevention-plan', { whatHelped: [], warningSigns: ['Staying in bed'], whatToDo: ['Plan'], people: [] }, false],
    ['goals', { goals: [{ text: 'Go back to swimming', progress: 2 }] }, true],
    ['goals', { goals: Array.from({ length: 6 }, () => ({ text: 'x', progress: 0 })) }, false],
    ['goals', { goals: [{ text: 'Swim', progress: 2 }], extra: true }, false],
  ] as const)('%s submitted %j → %s', (id, value, ok) => {
    expect(exerciseForms[id].submitted.safeParse(value).success).toBe(ok);
  });

  it('says what to do in each message', () => {
    const result = exerciseForms['activity-diary'].submitted.safeParse({ rows: [{ ...diaryRow, activity: 'a'.repeat(201) }] });
    expect(result.error?.issues[0]).toMatchObject({ path: ['rows', 0, 'activity'], message: 'must be at most 200 characters' });
  });

  it('keeps a fully written entry well within the storage limit', () => {
    const longest = {
      situation: '😊'.repeat(1000),
      feelings: Array.from({ length: 6 }, () => ({ name: '😊'.repeat(60), intensity: 100 })),
      automaticThought: '😊'.repeat(1000),
      evidenceFor: '😊'.repeat(2000),
      evidenceAgainst: '😊'.repeat(2000),
      balancedThought: '😊'.repeat(1000),
      feelingsAfter: Array.from({ length: 6 }, () => ({ name: '😊'.repeat(60), intensity: 100 })),
    };
    expect(exerciseForms['thought-record'].submitted.safeParse(longest).success).toBe(true);
    expect(utf8Length(JSON.stringify(longest))).toBeLessThan(maxExerciseBytes);
    expect(utf8Length('aé😊')).toBe(1 + 2 + 4);
  });
});
