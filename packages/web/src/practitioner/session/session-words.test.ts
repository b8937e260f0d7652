import type { DriftFlag, ProtocolMapResponse } from '@tandem/domain';
import { describe, expect, it } from 'vitest';
import { createTranslate } from '../../shared/i18n/i18n';
import type { PractitionerKey } from '../../shared/i18n/keys';
import common from '../../shared/i18n/locales/en/common.json';
import practitioner from '../../shared/i18n/locales/en/practitioner.json';
import { endSessionField } from './EndSessionPanel';
import { endedSummary } from './ended-summary';
import { defaultDue, flagWords, homeworkSuggestions, longDate, longDateTime, weekLater } from './session-words';

const t = createTranslate<PractitionerKey>('en', { ...common, ...practitioner } as Record<PractitionerKey, string>);

type MapStep = ProtocolMapResponse['steps'][number];
const step = (n: number, extra: Partial<MapStep> = {}): MapStep => ({
  planStepId: `00000000-0000-4000-8000-00000000000${n}`,
  mode: 'face_to_face',
  component: 'psychoeducation',
  moduleId: null,
  plannedWeek: null,
  status: 'later',
  deliveredOn: null,
  appointmentId: null,
  ...extra,
});
// Session 1 psychoeducation, online "getting-active", session 2 behavioural activation.
const steps = [step(1, { status: 'delivered' }), step(2, { mode: 'online', component: 'behavioural_activation', moduleId: 'getting-active', status: 'current' }), step(3, { component: 'behavioural_activation', status: 'next' })];
const flag = (extra: Partial<DriftFlag>): DriftFlag => ({ code: 'component_not_recorded', planStepId: null, component: null, appointmentId: null, on: '2026-11-05', deliveredOn: null, reason: 'ignored', ...extra });
const sessions = { days: [{ appointmentId: 'a1', on: '2026-10-13' }, { appointmentId: 'a2', on: '2026-11-03' }] };
const map = { steps, today: '2026-11-26' };

describe('dates in words', () => {
  it('says a day as people do, on the client clocks', () => {
    expect(longDate(t, '2026-12-01')).toBe('Tuesday 1 December');
    expect(longDateTime(t, '2026-12-01T14:00:00Z', 'Europe/London')).toBe('Tuesday 1 December at 14:00');
    // 23:30 UTC on 30 June is 00:30 on 1 July in London.
    expect(longDateTime(t, '2026-06-30T23:30:00Z', 'Europe/London')).toBe('Wednesday 1 July at 00:30');
  });

  it('defaults homework to the day before the next session, never before today', () => {
    expect(defaultDue('2026-12-01T14:00:00Z', 'Europe/London', new Date('2026-11-24T10:00:00Z'))).toBe('2026-11-30');
    // A session at 00:30 on Wednesday (client time) is due on Tuesday.
    expect(defaultDue('2026-06-30T23:30:00Z', 'Europe/London', new Date('2026-06-20T10:00:00Z'))).toBe('2026-06-30');
    // A session later today: due today.
    expect(defaultDue('2026-11-24T16:00:00Z', 'Europe/London', new Date('2026-11-24T10:00:00Z'))).toBe('2026-11-24');
  });

  it('puts the next session a week later at the same time, across the clock change', () => {
    expect(weekLater('2026-10-20T13:00:00Z', 'Europe/London')).toEqual({ date: '2026-10-27', time: '14:00' });
  });
});

describe('drift flags in words', () => {
  it('says what the plan expected, not who is to blame', () => {
    expect(flagWords(t, flag({ code: 'required_component_overdue', planStepId: steps[2]!.planStepId, component: 'behavioural_activation' }), map, sessions)).toBe(
      'Behavioural activation was planned by session 2 and has not been delivered yet',
    );
    expect(flagWords(t, flag({ code: 'required_component_overdue', planStepId: steps[1]!.planStepId, component: 'behavioural_activation', deliveredOn: '2026-11-10' }), map, sessions)).toBe(
      'Behavioural activation was planned online before session 2 and was delivered on 10 Nov',
    );
    expect(flagWords(t, flag({ code: 'required_component_overdue', planStepId: steps[2]!.planStepId, component: 'behavioural_activation' }), { ...map, steps: [steps[0]!, steps[1]!, { ...steps[2]!, plannedWeek: 4 }] }, sessions)).toBe(
      'Behavioural activation was planned by week 4 and has not been delivered yet',
    );
    expect(flagWords(t, flag({ code: 'homework_not_reviewed', on: '2026-11-03' }), map, sessions)).toBe('No homework review recorded at the session on 3 Nov');
    expect(flagWords(t, flag({ code: 'component_not_recorded', on: '2026-11-05' }), map, sessions)).toBe('No component recorded for the session on 5 Nov — add it in the session note');
  });

  it('puts a gap in days, between two sessions or since the last', () => {
    // Allowed 14 days after 13 Oct: flagged from 28 Oct; the sessions were 21 days apart.
    expect(flagWords(t, flag({ code: 'gap_longer_than_planned', appointmentId: 'a2', on: '2026-10-28' }), map, sessions)).toBe('21 days between sessions; the plan expects about 7');
    expect(flagWords(t, flag({ code: 'gap_longer_than_planned', on: '2026-11-18' }), map, sessions)).toBe('23 days since the last session on 3 Nov; the plan expects about 7');
    expect(flagWords(t, flag({ code: 'gap_longer_than_planned', appointmentId: 'unknown', on: '2026-11-18' }), map, sessions)).toBe('A longer gap between sessions than the plan expects');
  });
});

describe('homework suggestions', () => {
  const modules = [
    { id: 'understanding-depression', title: 'Understanding depression', steps: [{ id: 'a', title: 'A', minutes: 3, exercise: null }, { id: 'goals', title: 'Setting goals', minutes: 5, exercise: 'goals' as const }] },
    { id: 'getting-active', title: 'Getting active', steps: [{ id: 'why', title: 'Why', minutes: 4, exercise: null }, { id: 'diary', title: 'Activity diary', minutes: 5, exercise: 'activity-diary' as const }] },
  ];

  it('offers the next online module’s steps not yet done as one tap, then exercises of open modules to do again', () => {
    const choices = homeworkSuggestions(t, { modules, steps, done: [{ moduleId: 'understanding-depression', stepId: 'goals' }, { moduleId: 'getting-active', stepId: 'why' }], openModules: ['understanding-depression'] });
    expect(choices.map((c) => [c.label, c.hint, c.items.length])).toEqual([
      ['Next in the plan: Getting active', '1 step, about 5 minutes', 1],
      ['Do again: Setting goals', 'Understanding depression', 1],
    ]);
    expect(choices[1]!.items).toEqual([{ kind: 'exercise', exerciseId: 'goals', moduleId: 'understanding-depression' }]);
  });

  it('offers nothing from the plan once its online steps are delivered or done', () => {
    expect(homeworkSuggestions(t, { modules, steps: steps.map((s) => ({ ...s, status: 'delivered' as const })), done: [], openModules: [] })).toEqual([]);
    const allDone = modules[1]!.steps.map((s) => ({ moduleId: 'getting-active', stepId: s.id }));
    expect(homeworkSuggestions(t, { modules, steps, done: allDone, openModules: [] })).toEqual([]);
  });
});

describe('the end of a session', () => {
  it('shows each refusal at its field', () => {
    expect(endSessionField('body/nextAppointment/startsAt')).toBe('body/startsAt');
    expect(endSessionField('body/homework/items/0/stepId')).toBe('body/homework/items');
    expect(endSessionField('body/homework/dueOn')).toBe('body/homework/dueOn');
    expect(endSessionField('body/agendaDiscussed/2')).toBe('body/agendaDiscussed');
    expect(endSessionField('body/attended')).toBe('body/attended');
  });

  it('sums up what was done in one line', () => {
    const result = {
      appointment: { status: 'attended' },
      nextAppointment: { startsAt: '2026-12-03T14:00:00Z' },
      homework: { dueOn: '2026-12-02', items: [{}, {}] },
    } as unknown as Parameters<typeof endedSummary>[1];
    expect(endedSummary(t, result, 'Europe/London')).toBe('Attended. Next session: Thursday 3 December at 14:00. Homework: 2 things, due Wednesday 2 December.');
    expect(endedSummary(t, { ...result, nextAppointment: null, homework: null }, 'Europe/London')).toBe('Attended. No next session booked. No homework set.');
  });
});
