import { describe, expect, it } from 'vitest';
import { defaultDueDate, homeworkItemIssues, homeworkReminderEmail, homeworkReminderTimes, SetHomeworkRequestSchema } from './homework';
import { planStepForSession, summariseCheckIns } from './together';
import type { PlanStep } from '../plans/plan';

describe('defaultDueDate: the calendar day before the appointment, in the client’s time zone', () => {
  it.each([
    ['an afternoon in winter', '2026-12-03T14:00:00Z', 'Europe/London', '2026-12-02'],
    ['just after midnight in summer (still the previous day in UTC)', '2026-06-09T23:30:00Z', 'Europe/London', '2026-06-09'],
    ['just after midnight in winter', '2026-01-14T00:10:00Z', 'Europe/London', '2026-01-13'],
    ['just before midnight', '2026-01-14T23:59:00Z', 'Europe/London', '2026-01-13'],
    ['00:30 on the first day of summer time', '2026-03-29T00:30:00Z', 'Europe/London', '2026-03-28'],
    ['00:30 on the day after the clocks go forward', '2026-03-29T23:30:00Z', 'Europe/London', '2026-03-29'],
    ['the morning the clocks go back', '2026-10-25T09:00:00Z', 'Europe/London', '2026-10-24'],
    ['an evening in New York (the next day in UTC)', '2026-03-03T03:00:00Z', 'America/New_York', '2026-03-01'],
    ['across a year', '2027-01-01T10:00:00Z', 'Europe/London', '2026-12-31'],
    ['across a leap day', '2028-03-01T10:00:00Z', 'Europe/London', '2028-02-29'],
  ])('%s', (_name, startsAt, timeZone, expected) => {
    expect(defaultDueDate(new Date(startsAt), timeZone)).toBe(expected);
  });
});

describe('homeworkReminderTimes: 09:00 two days before and on the due date, client time', () => {
  const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
  it.each([
    ['both ahead', { dueOn: '2026-03-10', now: '2026-03-02T09:00:00Z' }, ['2026-03-08T09:00:00.000Z', '2026-03-10T09:00:00.000Z']],
    ['one second before the first', { dueOn: '2026-03-10', now: '2026-03-08T08:59:59Z' }, ['2026-03-08T09:00:00.000Z', '2026-03-10T09:00:00.000Z']],
    ['exactly at the first: it is past', { dueOn: '2026-03-10', now: '2026-03-08T09:00:00Z' }, ['2026-03-10T09:00:00.000Z']],
    ['due tomorrow: only the morning of the due date', { dueOn: '2026-03-10', now: '2026-03-09T12:00:00Z' }, ['2026-03-10T09:00:00.000Z']],
    ['exactly at the second: none', { dueOn: '2026-03-10', now: '2026-03-10T09:00:00Z' }, []],
    ['after the due date: none', { dueOn: '2026-03-10', now: '2026-03-11T09:00:00Z' }, []],
    ['across the clocks going forward (09:00 BST is 08:00 UTC)', { dueOn: '2026-03-31', now: '2026-03-20T09:00:00Z' }, ['2026-03-29T08:00:00.000Z', '2026-03-31T08:00:00.000Z']],
    ['across the clocks going back', { dueOn: '2026-10-26', now: '2026-10-20T09:00:00Z' }, ['2026-10-24T08:00:00.000Z', '2026-10-26T09:00:00.000Z']],
  ])('%s', (_name, input, expected) => {
    expect(iso(homeworkReminderTimes({ dueOn: input.dueOn, timeZone: 'Europe/London', now: new Date(input.now) }))).toEqual(expected);
  });

  it('uses the client’s own time zone', () => {
    expect(iso(homeworkReminderTimes({ dueOn: '2026-03-10', timeZone: 'America/New_York', now: new Date('2026-03-02T09:00:00Z') }))).toEqual([
      '2026-03-08T13:00:00.000Z', // US summer time began at 02:00 that day: 09:00 EDT
      '2026-03-10T13:00:00.000Z',
    ]);
  });

  it.each([
    ['quiet hours ending at 09:30 move the reminders to 09:30', { start: '22:00', end: '09:30' }, ['2026-03-08T09:30:00.000Z', '2026-03-10T09:30:00.000Z']],
    ['quiet hours ending at 09:00 leave them (the end is not quiet)', { start: '21:00', end: '09:00' }, ['2026-03-08T09:00:00.000Z', '2026-03-10T09:00:00.000Z']],
    ['quiet hours that start at 09:00 hold them until their end', { start: '09:00', end: '10:15' }, ['2026-03-08T10:15:00.000Z', '2026-03-10T10:15:00.000Z']],
    ['quiet hours before 09:00 do not touch them', { start: '08:00', end: '08:59' }, ['2026-03-08T09:00:00.000Z', '2026-03-10T09:00:00.000Z']],
    ['quiet hours running past midnight to early morning: none that day', { start: '06:00', end: '05:00' }, []],
  ])('%s', (_name, quietHours, expected) => {
    expect(iso(homeworkReminderTimes({ dueOn: '2026-03-10', timeZone: 'Europe/London', now: new Date('2026-03-02T09:00:00Z'), quietHours }))).toEqual(expected);
  });

  it('says nothing clinical in the email', () => {
    const email = homeworkReminderEmail('https://tandem.example/');
    expect(email.text).toContain('You have something to do in Tandem before your next session.');
    expect(`${email.subject} ${email.text}`).not.toMatch(/homework|depress|thought|activity|mood|therapy|CBT/i);
  });
});

describe('homework requests', () => {
  const base = { id: '0195f5b0-0000-7000-8000-000000000001' };
  const step = { kind: 'step', moduleId: 'getting-active', stepId: 'why-doing-helps' };
  it.each([
    ['one step', { ...base, items: [step] }, true],
    ['ten things', { ...base, items: Array.from({ length: 10 }, (_, i) => ({ ...step, stepId: `step-${i}` })) }, true],
    ['eleven things', { ...base, items: Array.from({ length: 11 }, (_, i) => ({ ...step, stepId: `step-${i}` })) }, false],
    ['nothing', { ...base, items: [] }, false],
    ['the same step twice', { ...base, items: [step, step] }, false],
    ['an unknown exercise', { ...base, items: [{ kind: 'exercise', exerciseId: 'diary', moduleId: 'getting-active' }] }, false],
    ['a due date that does not exist', { ...base, items: [step], dueOn: '2026-02-30' }, false],
  ])('%s', (_name, body, ok) => {
    expect(SetHomeworkRequestSchema.safeParse(body).success).toBe(ok);
  });

  it('checks items against the programme', () => {
    const modules = [{ id: 'getting-active', steps: [{ id: 'why-doing-helps', exercise: null }, { id: 'plan', exercise: 'activity-planner' as const }] }];
    expect(
      homeworkItemIssues(
        [
          { kind: 'step', moduleId: 'getting-active', stepId: 'why-doing-helps' },
          { kind: 'exercise', moduleId: 'getting-active', exerciseId: 'activity-planner' },
          { kind: 'step', moduleId: 'no-such-module', stepId: 'x' },
          { kind: 'step', moduleId: 'getting-active', stepId: 'no-such-step' },
          { kind: 'exercise', moduleId: 'getting-active', exerciseId: 'thought-record' },
        ],
        modules as never,
      ),
    ).toEqual([
      { path: [2, 'moduleId'], message: 'is not a module of the programme' },
      { path: [3, 'stepId'], message: 'is not a step of this module' },
      { path: [4, 'exerciseId'], message: 'is not an exercise of this module' },
    ]);
  });
});

describe('session mode helpers', () => {
  it.each([
    [[], { count: 0, mean: null, lowest: null }],
    [[5], { count: 1, mean: 5, lowest: 5 }],
    [[3, 4, 4], { count: 3, mean: 3.7, lowest: 3 }],
  ])('summarises check-ins %j', (moods, expected) => {
    expect(summariseCheckIns(moods)).toEqual(expected);
  });

  const steps = [
    { id: 'a', mode: 'face_to_face', purpose: 'First' },
    { id: 'b', mode: 'online', purpose: 'Online' },
    { id: 'c', mode: 'face_to_face', purpose: 'Second' },
  ] as unknown as PlanStep[];
  it.each([
    [0, 'a'],
    [1, 'c'],
    [2, null],
  ])('after %i sessions the step for today is %s', (attended, id) => {
    expect(planStepForSession(steps, attended)?.id ?? null).toBe(id);
  });
});
