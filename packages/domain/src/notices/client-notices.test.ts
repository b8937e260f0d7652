import { describe, expect, it } from 'vitest';
import { defaultMoodPromptSchedule, type MoodPromptSchedule } from '../checkins/prompt-schedule';
import { isFirstPromptOfDay, isScheduledPrompt, moodPromptEmail, noticeChannel, quietHoursEnd } from './client-notices';

describe('noticeChannel', () => {
  it.each([
    [true, true, 1, 'push'],
    [true, true, 0, 'email'],
    [true, false, 2, 'push'],
    [true, false, 0, null],
    [false, true, 3, 'email'],
    [false, false, 3, null],
    [false, false, 0, null],
  ])('push %s, email %s, %i devices → %s', (allowsPush, allowsEmail, devices, channel) => {
    expect(noticeChannel({ allowsPush, allowsEmail, devices })).toBe(channel);
  });
});

describe('quietHoursEnd', () => {
  const overnight = { start: '22:00', end: '07:30' };
  const daytime = { start: '12:00', end: '14:00' };
  it.each([
    // London in winter is UTC+0.
    ['2026-01-15T21:59:00Z', overnight, null],
    ['2026-01-15T22:00:00Z', overnight, '2026-01-16T07:30:00.000Z'],
    ['2026-01-15T23:59:00Z', overnight, '2026-01-16T07:30:00.000Z'],
    ['2026-01-16T00:00:00Z', overnight, '2026-01-16T07:30:00.000Z'],
    ['2026-01-16T07:29:00Z', overnight, '2026-01-16T07:30:00.000Z'],
    ['2026-01-16T07:30:00Z', overnight, null],
    ['2026-01-16T11:59:00Z', daytime, null],
    ['2026-01-16T12:00:00Z', daytime, '2026-01-16T14:00:00.000Z'],
    ['2026-01-16T13:59:00Z', daytime, '2026-01-16T14:00:00.000Z'],
    ['2026-01-16T14:00:00Z', daytime, null],
    // London in summer is UTC+1: 21:30 UTC is 22:30 there.
    ['2026-07-15T21:30:00Z', overnight, '2026-07-16T06:30:00.000Z'],
    // The night the clocks go back (25 October 2026): 07:30 is then UTC+0.
    ['2026-10-24T22:30:00Z', overnight, '2026-10-25T07:30:00.000Z'],
  ])('at %s with %j → %s', (now, quiet, end) => {
    expect(quietHoursEnd(new Date(now), 'Europe/London', quiet)?.toISOString() ?? null).toBe(end);
  });
  it('none without quiet hours, or when they start and end at the same time', () => {
    expect(quietHoursEnd(new Date('2026-01-16T03:00:00Z'), 'Europe/London', null)).toBeNull();
    expect(quietHoursEnd(new Date('2026-01-16T03:00:00Z'), 'Europe/London', { start: '03:00', end: '03:00' })).toBeNull();
  });
  it('uses the client’s own time zone', () => {
    // 03:00 UTC is 22:00 the day before in New York (UTC-5 in January).
    expect(quietHoursEnd(new Date('2026-01-16T03:00:00Z'), 'America/New_York', overnight)?.toISOString()).toBe('2026-01-16T12:30:00.000Z');
  });
});

describe('mood prompts', () => {
  const schedule: MoodPromptSchedule = { ...defaultMoodPromptSchedule('2026-01-10'), quietHours: null };
  it.each([
    // Week one (10–16 January): 09:00, 14:00, 19:30.
    ['2026-01-12T09:00:00Z', true, true],
    ['2026-01-12T14:00:00Z', true, false],
    ['2026-01-12T19:30:00Z', true, false],
    ['2026-01-12T10:00:00Z', false, false],
    // Later days: 19:30 only, so it is also the day's first.
    ['2026-01-20T19:30:00Z', true, true],
    ['2026-01-20T09:00:00Z', false, false],
    // Before the schedule starts.
    ['2026-01-09T19:30:00Z', false, false],
  ])('%s: scheduled %s, first of the day %s', (at, scheduled, first) => {
    expect(isScheduledPrompt(schedule, new Date(at), 'Europe/London')).toBe(scheduled);
    expect(isFirstPromptOfDay(schedule, new Date(at), 'Europe/London')).toBe(first);
  });
  it('the email says nothing clinical', () => {
    const { subject, text } = moodPromptEmail('https://tandem.example/');
    expect(`${subject} ${text}`).not.toMatch(/depress|anxi|risk|PHQ|score|therap/i);
  });
});
