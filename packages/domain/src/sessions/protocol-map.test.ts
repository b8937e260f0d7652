import { describe, expect, it } from 'vitest';
import { newId } from '../ids';
import { coreComponents, type PlanComponent, type PlanStep } from '../plans/plan';
import { buildProtocolMap, type DriftFlagCode, type ProtocolMapInput, type ProtocolSession } from './protocol-map';

const at = new Date('2026-03-02T09:00:00Z');
const f2f = (component: PlanComponent, plannedWeek: number | null = null): PlanStep => ({ id: newId(at), mode: 'face_to_face', component, moduleId: null, purpose: 'A session', plannedWeek });
const online = (moduleId: string, component: PlanComponent, plannedWeek: number | null = null): PlanStep => ({ id: newId(at), mode: 'online', component, moduleId, purpose: 'An online step', plannedWeek });

/** A session on `on` that delivered `component`, reviewed homework and set none, unless told. */
const session = (on: string, component: PlanComponent | null, extra: Partial<ProtocolSession> = {}): ProtocolSession => ({
  appointmentId: newId(at),
  on,
  planStepId: null,
  componentDelivered: component,
  homeworkReviewed: true,
  homeworkSet: false,
  ...extra,
});

const mapOf = (input: Partial<ProtocolMapInput> & Pick<ProtocolMapInput, 'plan' | 'sessions'>) =>
  buildProtocolMap({ startedOn: null, modulesCompleted: {}, today: '2026-03-02', episodeOpen: true, ...input });
const codes = (input: Parameters<typeof mapOf>[0]) => mapOf(input).flags.map((f) => f.code);

/** Weekly sessions from Monday 2 March 2026. */
const weekly = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 2, 2 + 7 * i)).toISOString().slice(0, 10));

describe('buildProtocolMap: steps', () => {
  // The UK trial arm without weeks: four core components required (BRIEF.md, Doukani et al. 2022).
  const steps = [
    f2f('psychoeducation'),
    online('understanding-depression', 'psychoeducation'),
    f2f('behavioural_activation'),
    online('getting-active', 'behavioural_activation'),
    f2f('cognitive_restructuring'),
    f2f('relapse_prevention'),
  ];
  const plan = { steps, requiredComponents: coreComponents };

  it('marks delivered steps, then the current, the next and the rest later', () => {
    const [d1, d2] = weekly(2);
    const map = mapOf({ plan, sessions: [session(d1!, 'psychoeducation'), session(d2!, 'behavioural_activation')], modulesCompleted: { 'understanding-depression': '2026-03-05' }, today: d2! });
    expect(map.steps.map((s) => s.status)).toEqual(['delivered', 'delivered', 'delivered', 'current', 'next', 'later']);
    expect(map.steps.map((s) => s.deliveredOn)).toEqual([d1, '2026-03-05', d2, null, null, null]);
    expect(map.current).toBe(steps[3]!.id);
    expect(map.next).toBe(steps[4]!.id);
    expect(map.deliveredComponents).toEqual(['psychoeducation', 'behavioural_activation']);
    expect(map.flags).toEqual([]);
  });

  it('delivers the step a note names, even out of order; naming a delivered step again delivers no other', () => {
    const [d1, d2, d3] = weekly(3);
    const map = mapOf({
      plan,
      sessions: [
        session(d1!, null, { planStepId: steps[4]!.id }),
        session(d2!, null, { planStepId: steps[4]!.id }),
        session(d3!, 'behavioural_activation', { planStepId: steps[0]!.id }),
      ],
      today: d3!,
    });
    expect(map.steps.map((s) => s.status)).toEqual(['delivered', 'current', 'next', 'later', 'delivered', 'later']);
    expect(map.steps[4]!.appointmentId).not.toBeNull();
    // What the session delivered counts as delivered, whatever the step was.
    expect(map.deliveredComponents).toEqual(['behavioural_activation', 'cognitive_restructuring']);
  });

  it('without a plan: no steps and no flags, however the sessions went', () => {
    const map = mapOf({ plan: null, sessions: [session('2026-01-05', null, { homeworkSet: true }), session('2026-03-01', null, { homeworkReviewed: false })], today: '2026-06-01' });
    expect(map.steps).toEqual([]);
    expect(map.flags).toEqual([]);
    expect(map.sessionsAttended).toBe(2);
  });
});

describe('required_component_overdue', () => {
  // Cognitive restructuring is the third face-to-face step: due by session 3.
  const plan = {
    steps: [f2f('psychoeducation'), f2f('behavioural_activation'), f2f('cognitive_restructuring'), f2f('relapse_prevention'), f2f('relapse_prevention')],
    requiredComponents: ['cognitive_restructuring'] as PlanComponent[],
  };
  const d = weekly(5);
  it.each([
    ['delivered at session 3 of 3', ['psychoeducation', 'behavioural_activation', 'cognitive_restructuring'], []],
    ['delivered at session 3 of 5', ['psychoeducation', 'behavioural_activation', 'cognitive_restructuring', 'relapse_prevention', 'relapse_prevention'], []],
    ['not yet delivered after 3 sessions', ['psychoeducation', 'behavioural_activation', 'behavioural_activation'], []],
    ['delivered at session 4', ['psychoeducation', 'behavioural_activation', 'behavioural_activation', 'cognitive_restructuring'], ['required_component_overdue']],
    ['not delivered by session 4', ['psychoeducation', 'behavioural_activation', 'behavioural_activation', 'relapse_prevention'], ['required_component_overdue']],
  ] as [string, PlanComponent[], DriftFlagCode[]][])('%s', (_, delivered, expected) => {
    expect(codes({ plan, sessions: delivered.map((c, i) => session(d[i]!, c)), today: d[delivered.length - 1]! })).toEqual(expected);
  });

  it('says when a late component was delivered, and which session it became overdue at', () => {
    const sessions = ['psychoeducation', 'behavioural_activation', 'behavioural_activation', 'cognitive_restructuring'].map((c, i) => session(d[i]!, c as PlanComponent));
    const [flag] = mapOf({ plan, sessions, today: d[3]! }).flags;
    expect(flag).toMatchObject({ code: 'required_component_overdue', component: 'cognitive_restructuring', planStepId: plan.steps[2]!.id, appointmentId: sessions[3]!.appointmentId, on: d[3], deliveredOn: d[3] });
    expect(flag!.reason).toContain('by session 3');
  });

  it('counts a finished module before the session after the due one', () => {
    const sessions = ['psychoeducation', 'behavioural_activation', 'behavioural_activation', 'relapse_prevention'].map((c, i) => session(d[i]!, c as PlanComponent));
    const withModule = { ...plan, steps: [...plan.steps, online('thinking-differently', 'cognitive_restructuring')] };
    expect(codes({ plan: withModule, sessions, modulesCompleted: { 'thinking-differently': '2026-03-22' }, today: d[3]! })).toEqual([]);
    expect(codes({ plan: withModule, sessions, modulesCompleted: { 'thinking-differently': d[3]! }, today: d[3]! })).toEqual(['required_component_overdue']);
  });

  describe('an online step: due before the following session', () => {
    const onlinePlan = { steps: [f2f('psychoeducation'), online('getting-active', 'behavioural_activation'), f2f('behavioural_activation')], requiredComponents: ['behavioural_activation'] as PlanComponent[] };
    const [d1, d2] = weekly(2);
    it.each([
      ['finished the day before session 2', { 'getting-active': '2026-03-08' }, 2, []],
      ['finished on the day of session 2', { 'getting-active': d2! }, 2, []],
      ['finished the day after session 2', { 'getting-active': '2026-03-10' }, 2, ['required_component_overdue']],
      ['not finished when session 2 took place', {}, 2, ['required_component_overdue']],
      ['not finished, session 2 not yet', {}, 1, []],
    ] as [string, Record<string, string>, number, DriftFlagCode[]][])('%s', (_, modulesCompleted, n, expected) => {
      const sessions = [session(d1!, 'psychoeducation'), session(d2!, 'psychoeducation')].slice(0, n);
      expect(codes({ plan: onlinePlan, sessions, modulesCompleted, today: '2026-03-10' })).toEqual(expected);
    });
    it('is met by a session that delivered the component before', () => {
      expect(codes({ plan: onlinePlan, sessions: [session(d1!, 'behavioural_activation'), session(d2!, 'psychoeducation')], today: d2! })).toEqual([]);
    });
  });

  describe('a planned week: by its last day plus the grace', () => {
    // Week 3 from Monday 2 March ends on Sunday 22 March; 7 days' grace: by 29 March.
    const weekPlan = { steps: [f2f('psychoeducation', 1), f2f('behavioural_activation', 3)], requiredComponents: ['behavioural_activation'] as PlanComponent[] };
    it.each([
      ['delivered on the last day', '2026-03-29', '2026-04-10', []],
      ['delivered a day later', '2026-03-30', '2026-04-10', ['required_component_overdue']],
      ['not delivered, on the last day', null, '2026-03-29', []],
      ['not delivered, a day later', null, '2026-03-30', ['required_component_overdue']],
    ] as [string, string | null, string, DriftFlagCode[]][])('%s', (_, deliveredOn, today, expected) => {
      const sessions = [session('2026-03-02', 'psychoeducation'), ...(deliveredOn ? [session(deliveredOn, 'behavioural_activation')] : [])];
      const map = mapOf({ plan: weekPlan, startedOn: '2026-03-02', sessions, today, episodeOpen: false });
      // (The gap from week 1 to a late session is flagged too; only the component is asked about here.)
      const required = map.flags.filter((f) => f.code === 'required_component_overdue');
      expect(required.map((f) => f.code)).toEqual(expected);
      if (expected.length) expect(required[0]).toMatchObject({ on: '2026-03-30', deliveredOn });
    });
    it('has no week to count from before the first session', () => {
      expect(codes({ plan: weekPlan, sessions: [], today: '2026-12-01' })).toEqual([]);
    });
  });
});

describe('homework_not_reviewed', () => {
  const plan = { steps: [f2f('behavioural_activation'), f2f('behavioural_activation')], requiredComponents: [] };
  const [d1, d2] = weekly(2);
  it.each([
    ['set, then reviewed', true, true, []],
    ['set, then recorded as not reviewed', true, false, ['homework_not_reviewed']],
    ['set, then not said', true, null, ['homework_not_reviewed']],
    ['none set, not reviewed', false, false, []],
  ] as [string, boolean, boolean | null, DriftFlagCode[]][])('%s', (_, homeworkSet, homeworkReviewed, expected) => {
    const sessions = [session(d1!, 'behavioural_activation', { homeworkSet }), session(d2!, 'behavioural_activation', { homeworkReviewed })];
    const map = mapOf({ plan, sessions, today: d2! });
    expect(map.flags.map((f) => f.code)).toEqual(expected);
    if (expected.length) expect(map.flags[0]!.appointmentId).toBe(sessions[1]!.appointmentId);
  });
});

describe('gap_longer_than_planned', () => {
  const noWeeks = { steps: [f2f('behavioural_activation'), f2f('behavioural_activation'), f2f('behavioural_activation')], requiredComponents: [] };
  const withWeeks = { steps: [f2f('behavioural_activation', 1), f2f('behavioural_activation', 3), f2f('behavioural_activation', 4)], requiredComponents: [] };
  const later = (days: number) => new Date(Date.UTC(2026, 2, 2 + days)).toISOString().slice(0, 10);
  it.each([
    ['no weeks: 14 days (weekly + 7)', noWeeks, 14, []],
    ['no weeks: 15 days', noWeeks, 15, ['gap_longer_than_planned']],
    ['weeks 1 → 3: 21 days (14 + 7)', withWeeks, 21, []],
    ['weeks 1 → 3: 22 days', withWeeks, 22, ['gap_longer_than_planned']],
  ] as [string, typeof noWeeks, number, DriftFlagCode[]][])('between sessions, %s', (_, plan, days, expected) => {
    expect(codes({ plan, sessions: [session('2026-03-02', 'behavioural_activation'), session(later(days), 'behavioural_activation')], today: later(days), episodeOpen: false })).toEqual(expected);
  });

  it.each([
    ['open, 14 days since the last session', true, 14, noWeeks, []],
    ['open, 15 days since the last session', true, 15, noWeeks, ['gap_longer_than_planned']],
    ['ended, 15 days since', false, 15, noWeeks, []],
    ['open, 15 days, no session left in the plan', true, 15, { steps: [noWeeks.steps[0]!], requiredComponents: [] }, []],
  ] as [string, boolean, number, typeof noWeeks, DriftFlagCode[]][])('to today, %s', (_, episodeOpen, days, plan, expected) => {
    const map = mapOf({ plan, sessions: [session('2026-03-02', 'behavioural_activation')], today: later(days), episodeOpen });
    expect(map.flags.map((f) => f.code)).toEqual(expected);
    if (expected.length) expect(map.flags[0]).toMatchObject({ appointmentId: null, on: '2026-03-17' });
  });
});

describe('component_not_recorded', () => {
  const plan = { steps: [f2f('behavioural_activation'), f2f('behavioural_activation')], requiredComponents: [] };
  it.each([
    ['a session today, note still to write', '2026-03-02', []],
    ['a session yesterday', '2026-03-03', ['component_not_recorded']],
  ] as [string, string, DriftFlagCode[]][])('%s', (_, today, expected) => {
    expect(codes({ plan, sessions: [session('2026-03-02', null)], today })).toEqual(expected);
  });
  it('counts a step named without a component as that step’s component', () => {
    expect(codes({ plan, sessions: [session('2026-03-02', null, { planStepId: plan.steps[0]!.id })], today: '2026-03-05' })).toEqual([]);
  });
});
