import { describe, expect, it } from 'vitest';
import { questionnairesDue, type DueInput } from './due';

const start = new Date('2026-03-05T10:00:00Z');
const base = (over: Partial<DueInput> = {}): DueInput => ({
  now: new Date('2026-03-04T10:00:00Z'),
  windowHours: 72,
  episodes: [{ id: 'e1', status: 'active' }],
  appointments: [{ id: 'a1', episodeId: 'e1', startsAt: start, durationMinutes: 45, purpose: 'treatment', status: 'booked' }],
  completed: [],
  ...over,
});
const ids = (input: DueInput) => questionnairesDue(input).map((d) => `${d.appointmentId}:${d.instrumentId}`);

describe('questionnairesDue', () => {
  it.each([
    ['one second before the window opens', new Date(start.getTime() - 72 * 3600_000 - 1000), []],
    ['as the window opens (72 h before)', new Date(start.getTime() - 72 * 3600_000), ['a1:phq9', 'a1:gad7']],
    ['during the appointment (waiting room)', new Date(start.getTime() + 44 * 60_000), ['a1:phq9', 'a1:gad7']],
    ['once the appointment has ended', new Date(start.getTime() + 45 * 60_000), []],
  ])('%s', (_name, now, expected) => {
    expect(ids(base({ now }))).toEqual(expected);
  });

  it('asks for WSAS too before an assessment', () => {
    const appointments = [{ id: 'a1', episodeId: 'e1', startsAt: start, durationMinutes: 45, purpose: 'assessment' as const, status: 'booked' as const }];
    expect(ids(base({ appointments }))).toEqual(['a1:phq9', 'a1:gad7', 'a1:wsas']);
  });

  it.each([
    ['a review', { purpose: 'review' as const }],
    ['a cancelled appointment', { status: 'cancelled_by_client' as const }],
    ['an appointment already attended', { status: 'attended' as const }],
  ])('asks for nothing before %s', (_name, change) => {
    const appointments = [{ id: 'a1', episodeId: 'e1', startsAt: start, durationMinutes: 45, purpose: 'treatment' as const, status: 'booked' as const, ...change }];
    expect(ids(base({ appointments }))).toEqual([]);
  });

  it.each([
    ['waiting', ['a1:phq9', 'a1:gad7']],
    ['active', ['a1:phq9', 'a1:gad7']],
    ['on_hold', []],
    ['ended', []],
  ] as const)('an episode that is %s', (status, expected) => {
    expect(ids(base({ episodes: [{ id: 'e1', status }] }))).toEqual(expected);
  });

  it('drops what was already completed for that appointment, not for another', () => {
    expect(ids(base({ completed: [{ appointmentId: 'a1', instrumentId: 'phq9' }, { appointmentId: 'a0', instrumentId: 'gad7' }] }))).toEqual(['a1:gad7']);
  });
});
