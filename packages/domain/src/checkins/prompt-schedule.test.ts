import { describe, expect, it } from 'vitest';
import { defaultMoodPromptSchedule, inQuietHours, moodPromptsOn, MoodPromptScheduleSchema, nextMoodPromptAfter } from './prompt-schedule';

const london = 'Europe/London';
const schedule = defaultMoodPromptSchedule('2026-03-02');
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('moodPromptsOn (default: three a day in week one, then one)', () => {
  it.each([
    ['the day before it starts', '2026-03-01', []],
    ['day 1', '2026-03-02', ['2026-03-02T09:00:00.000Z', '2026-03-02T14:00:00.000Z', '2026-03-02T19:30:00.000Z']],
    ['day 7, the last of week one', '2026-03-08', ['2026-03-08T09:00:00.000Z', '2026-03-08T14:00:00.000Z', '2026-03-08T19:30:00.000Z']],
    ['day 8', '2026-03-09', ['2026-03-09T19:30:00.000Z']],
    ['after the clocks go forward (BST): local times kept', '2026-03-30', ['2026-03-30T18:30:00.000Z']],
  ])('%s', (_name, date, expected) => {
    expect(iso(moodPromptsOn(schedule, date, london))).toEqual(expected);
  });

  it('keeps out of quiet hours, including ones that run past midnight', () => {
    const s = { ...schedule, weekOneTimes: ['06:30', '09:00', '22:30'], quietHours: { start: '22:00', end: '07:00' } };
    expect(iso(moodPromptsOn(s, '2026-03-02', london))).toEqual(['2026-03-02T09:00:00.000Z']);
  });

  it('uses the client’s time zone', () => {
    expect(iso(moodPromptsOn(schedule, '2026-03-09', 'America/New_York'))).toEqual(['2026-03-09T23:30:00.000Z']);
  });
});

describe('inQuietHours', () => {
  it.each([
    ['21:59', false],
    ['22:00', true],
    ['03:00', true],
    ['06:59', true],
    ['07:00', false],
  ])('%s in 22:00–07:00 → %s', (time, expected) => {
    expect(inQuietHours(time, { start: '22:00', end: '07:00' })).toBe(expected);
  });
  it('no quiet hours, or an empty stretch, quiets nothing', () => {
    expect(inQuietHours('03:00', null)).toBe(false);
    expect(inQuietHours('03:00', { start: '03:00', end: '03:00' })).toBe(false);
  });
});

describe('MoodPromptScheduleSchema', () => {
  const six = ['08:00', '10:00', '12:00', '14:00', '16:00', '18:00'];
  it.each([
    ['six a day (the cap)', { ...schedule, weekOneTimes: six }, true],
    ['seven a day', { ...schedule, weekOneTimes: [...six, '20:00'] }, false],
    ['a repeated time', { ...schedule, laterTimes: ['19:30', '19:30'] }, false],
    ['a time that is not a time', { ...schedule, laterTimes: ['25:00'] }, false],
    ['no prompts after week one', { ...schedule, laterTimes: [] }, true],
  ])('%s → valid: %s', (_name, value, valid) => {
    expect(MoodPromptScheduleSchema.safeParse(value).success).toBe(valid);
  });
  it('sorts the times', () => {
    expect(MoodPromptScheduleSchema.parse({ ...schedule, weekOneTimes: ['19:30', '09:00'] }).weekOneTimes).toEqual(['09:00', '19:30']);
  });
});

describe('nextMoodPromptAfter', () => {
  it.each([
    ['before the first of the day', '2026-03-02T08:00:00Z', '2026-03-02T09:00:00.000Z'],
    ['exactly at a prompt: the next one', '2026-03-02T09:00:00Z', '2026-03-02T14:00:00.000Z'],
    ['after the last of week one', '2026-03-08T20:00:00Z', '2026-03-09T19:30:00.000Z'],
  ])('%s', (_name, after, expected) => {
    expect(nextMoodPromptAfter(schedule, new Date(after), london)?.toISOString()).toBe(expected);
  });
  it('is null when no prompts are set', () => {
    expect(nextMoodPromptAfter({ ...schedule, weekOneTimes: [], laterTimes: [] }, new Date('2026-03-02T08:00:00Z'), london)).toBeNull();
  });
});
