import { planComponents, type PlanComponent, type PlanMode, type PlanStep } from '../plans/plan';

/**
 * The protocol map and drift flags (issue 8, item 7; BRIEF.md V3 "preventing therapeutic drift";
 * decision 0024). Pure: the server loads the plan, the attended sessions with their notes and the
 * modules the client finished, and this says where the client is in their own plan and where it
 * has drifted from it. Flags compare the episode with *its own plan*, never with a protocol the
 * practitioner did not choose, and say what happened in plain words, not who is to blame (HAZ-050).
 *
 * Dates are calendar days ('YYYY-MM-DD') in the service's time zone; the caller converts.
 */

/**
 * Grace after a step's planned week before a required component counts as overdue: 7 days, one
 * week, because a weekly plan routinely slips a week (a holiday, illness, a moved appointment)
 * without the treatment drifting. Tandem's default for the clinical lead to confirm; no published
 * number was found.
 */
export const plannedWeekGraceDays = 7;

/**
 * The interval between sessions a plan without weeks is taken to plan: weekly. NHS Talking
 * Therapies' step-2 dosing is about 6–8 contacts (BRIEF.md), and NICE CG90 1.4.2.2 put 6–8 sessions
 * over 9 to 12 weeks — an average of 1.1 to 2 weeks apart; sessions are usually booked weekly.
 * Tandem's default for the clinical lead to confirm.
 */
export const defaultSessionIntervalDays = 7;

/**
 * Tolerance on top of the planned interval before a gap is "longer than planned": 7 days. With the
 * weekly default this allows 14 days — a fortnight, the longest average interval of CG90's 6–8
 * sessions over 9–12 weeks; a longer gap is longer than any average of the England dosing. With
 * planned weeks it allows one week more than planned (a fortnightly plan, e.g. Germany's sessions
 * every two weeks, allows 21 days). Tandem's default for the clinical lead to confirm.
 */
export const sessionGapToleranceDays = 7;

export const protocolStepStatuses = ['delivered', 'current', 'next', 'later'] as const;
export type ProtocolStepStatus = (typeof protocolStepStatuses)[number];

export const driftFlagCodes = ['required_component_overdue', 'homework_not_reviewed', 'gap_longer_than_planned', 'component_not_recorded'] as const;
export type DriftFlagCode = (typeof driftFlagCodes)[number];

/** An attended session, with what its note says. */
export interface ProtocolSession {
  appointmentId: string;
  /** The day it took place. */
  on: string;
  /** The plan step the note says it delivered. */
  planStepId: string | null;
  /** The component the note says it delivered. */
  componentDelivered: PlanComponent | null;
  /** The note's answer; null without a note or an answer. */
  homeworkReviewed: boolean | null;
  /** Whether homework was set at this session (the note's homework text, or structured homework). */
  homeworkSet: boolean;
}

export interface ProtocolMapInput {
  plan: { steps: readonly PlanStep[]; requiredComponents: readonly PlanComponent[] } | null;
  /** The day week 1 of the plan begins; null means the day of the first attended session. */
  startedOn: string | null;
  /** Attended sessions, in any order. */
  sessions: readonly ProtocolSession[];
  /** The day the client finished each programme module they have finished (every step done). */
  modulesCompleted: Readonly<Record<string, string>>;
  today: string;
  /** Whether the episode is open: a closed one has no gap running to today. */
  episodeOpen: boolean;
}

export interface ProtocolStep {
  planStepId: string;
  mode: PlanMode;
  component: PlanComponent;
  moduleId: string | null;
  plannedWeek: number | null;
  status: ProtocolStepStatus;
  /** The day it was delivered: the session's day, or the day the module was finished. */
  deliveredOn: string | null;
  /** The session that delivered a face-to-face step. */
  appointmentId: string | null;
}

export interface DriftFlag {
  code: DriftFlagCode;
  planStepId: string | null;
  component: PlanComponent | null;
  /** The session the flag is about, when it is about one. */
  appointmentId: string | null;
  /** The day the drift arose. */
  on: string;
  /** For an overdue component: the day it was first delivered, late, or null while it still is not. */
  deliveredOn: string | null;
  /** What happened, in plain words and without blame. */
  reason: string;
}

export interface ProtocolMap {
  steps: ProtocolStep[];
  /** Components delivered by a session or a finished module, in the vocabulary's order. */
  deliveredComponents: PlanComponent[];
  current: string | null;
  next: string | null;
  sessionsAttended: number;
  startedOn: string | null;
  flags: DriftFlag[];
}

const msPerDay = 86_400_000;
const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / msPerDay;
const dateOf = (day: number) => new Date(day * msPerDay).toISOString().slice(0, 10);
const words = (component: PlanComponent) => component.replace(/_/g, ' ');
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

interface Delivery {
  component: PlanComponent;
  on: string;
  /** 1-based number of the session that delivered it; null for a finished module. */
  session: number | null;
}

/** Assigns sessions to face-to-face steps and finished modules to online steps. */
function deliverSteps(steps: readonly PlanStep[], sessions: readonly ProtocolSession[], modulesCompleted: Readonly<Record<string, string>>) {
  const delivered = new Map<string, { on: string; appointmentId: string | null }>();
  const faceToFace = steps.filter((s) => s.mode === 'face_to_face');
  const sessionComponents = sessions.map((session) => {
    const named = session.planStepId ? faceToFace.find((s) => s.id === session.planStepId) : undefined;
    const component = session.componentDelivered ?? named?.component ?? null;
    // A named step is that step (a repeat of a delivered one delivers no other); otherwise the first
    // step not yet delivered that works on the component the session delivered.
    const target = named ? (delivered.has(named.id) ? undefined : named) : component ? faceToFace.find((s) => !delivered.has(s.id) && s.component === component) : undefined;
    if (target) delivered.set(target.id, { on: session.on, appointmentId: session.appointmentId });
    return component;
  });
  for (const step of steps) {
    const finished = step.mode === 'online' && step.moduleId ? modulesCompleted[step.moduleId] : undefined;
    if (finished) delivered.set(step.id, { on: finished, appointmentId: null });
  }
  const deliveries: Delivery[] = [
    ...sessions.flatMap((s, i) => (sessionComponents[i] ? [{ component: sessionComponents[i], on: s.on, session: i + 1 }] : [])),
    ...steps.flatMap((s) => (s.mode === 'online' && s.moduleId && modulesCompleted[s.moduleId] ? [{ component: s.component, on: modulesCompleted[s.moduleId]!, session: null }] : [])),
  ];
  return { delivered, sessionComponents, deliveries };
}

/** How many face-to-face steps there are up to and including the step at `index`. */
const faceToFaceUpTo = (steps: readonly PlanStep[], index: number) => steps.slice(0, index + 1).filter((s) => s.mode === 'face_to_face').length;

function requiredComponentFlags(input: ProtocolMapInput & { plan: NonNullable<ProtocolMapInput['plan']> }, sessions: readonly ProtocolSession[], deliveries: Delivery[], startedOn: string | null): DriftFlag[] {
  const { steps } = input.plan;
  const flags: DriftFlag[] = [];
  for (const component of input.plan.requiredComponents) {
    const index = steps.findIndex((s) => s.component === component);
    // A required component no step covers is the plan summary's `requiredMissing`, not drift in delivery.
    if (index < 0) continue;
    const step = steps[index]!;
    const ofComponent = deliveries.filter((d) => d.component === component).sort((a, b) => dayNumber(a.on) - dayNumber(b.on));
    const first = ofComponent[0]?.on ?? null;
    const flag = (on: string, appointmentId: string | null, planned: string, inTime: (d: Delivery) => boolean) => {
      if (ofComponent.some(inTime)) return;
      const late = first;
      const what = late ? `it was first delivered on ${late}` : 'it is not recorded as delivered yet';
      flags.push({ code: 'required_component_overdue', planStepId: step.id, component, appointmentId, on, deliveredOn: late, reason: `The plan requires ${words(component)}, planned ${planned}; ${what}.` });
    };
    if (step.plannedWeek !== null) {
      if (!startedOn) continue;
      const lastDay = dayNumber(startedOn) + 7 * step.plannedWeek - 1 + plannedWeekGraceDays;
      const due = (d: Delivery) => dayNumber(d.on) <= lastDay;
      // Delivered late, or not delivered and the point has passed.
      if (first !== null || dayNumber(input.today) > lastDay) {
        flag(dateOf(lastDay + 1), null, `for week ${step.plannedWeek} (with ${plural(plannedWeekGraceDays, 'day')}’ grace, by ${dateOf(lastDay)})`, due);
      }
    } else if (step.mode === 'face_to_face') {
      // Due by session k: overdue once session k + 1 has taken place without it.
      const k = faceToFaceUpTo(steps, index);
      const after = sessions[k];
      if (after) flag(after.on, after.appointmentId, `by session ${k}`, (d) => (d.session !== null ? d.session <= k : dayNumber(d.on) < dayNumber(after.on)));
    } else {
      // An online step is due before the next face-to-face step: overdue once that session took place without it.
      const following = steps.findIndex((s, i) => i > index && s.mode === 'face_to_face');
      if (following < 0) continue;
      const k = faceToFaceUpTo(steps, following);
      const at = sessions[k - 1];
      if (at) flag(at.on, at.appointmentId, `online before session ${k}`, (d) => (d.session !== null ? d.session < k : dayNumber(d.on) <= dayNumber(at.on)));
    }
  }
  return flags;
}

/** The days allowed between session `n` and session `n + 1` (1-based): planned from the weeks of the n-th and (n+1)-th face-to-face steps, else weekly; plus the tolerance. */
function allowedGapDays(faceToFace: readonly PlanStep[], n: number): { days: number; planned: string } {
  const from = faceToFace[n - 1]?.plannedWeek ?? null;
  const to = faceToFace[n]?.plannedWeek ?? null;
  const fromWeeks = from !== null && to !== null;
  const planned = fromWeeks ? 7 * (to - from) : defaultSessionIntervalDays;
  const basis = fromWeeks ? `weeks ${from} and ${to} of the plan` : 'a weekly plan';
  return { days: planned + sessionGapToleranceDays, planned: `${plural(planned + sessionGapToleranceDays, 'day')} (${basis}, with ${plural(sessionGapToleranceDays, 'day')}’ tolerance)` };
}

function gapFlags(input: ProtocolMapInput, faceToFace: readonly PlanStep[], sessions: readonly ProtocolSession[]): DriftFlag[] {
  const flags: DriftFlag[] = [];
  sessions.forEach((session, i) => {
    if (i === 0) return;
    const previous = sessions[i - 1]!;
    const gap = dayNumber(session.on) - dayNumber(previous.on);
    const allowed = allowedGapDays(faceToFace, i);
    if (gap > allowed.days) {
      flags.push({
        code: 'gap_longer_than_planned',
        planStepId: faceToFace[i]?.id ?? null,
        component: null,
        appointmentId: session.appointmentId,
        on: dateOf(dayNumber(previous.on) + allowed.days + 1),
        deliveredOn: null,
        reason: `${plural(gap, 'day')} passed between the sessions on ${previous.on} and ${session.on}; the plan allows ${allowed.planned}.`,
      });
    }
  });
  const last = sessions[sessions.length - 1];
  // While the episode is open and the plan has sessions still to come, the time since the last one counts too.
  if (input.episodeOpen && last && faceToFace.length > sessions.length) {
    const gap = dayNumber(input.today) - dayNumber(last.on);
    const allowed = allowedGapDays(faceToFace, sessions.length);
    if (gap > allowed.days) {
      flags.push({
        code: 'gap_longer_than_planned',
        planStepId: faceToFace[sessions.length]?.id ?? null,
        component: null,
        appointmentId: null,
        on: dateOf(dayNumber(last.on) + allowed.days + 1),
        deliveredOn: null,
        reason: `${plural(gap, 'day')} have passed since the last session, on ${last.on}; the plan allows ${allowed.planned}.`,
      });
    }
  }
  return flags;
}

function homeworkFlags(sessions: readonly ProtocolSession[]): DriftFlag[] {
  return sessions.flatMap((session, i) => {
    const previous = sessions[i - 1];
    if (!previous?.homeworkSet || session.homeworkReviewed === true) return [];
    const said = session.homeworkReviewed === false ? 'records that it was not reviewed' : 'does not say whether it was reviewed';
    return [
      {
        code: 'homework_not_reviewed' as const,
        planStepId: null,
        component: null,
        appointmentId: session.appointmentId,
        on: session.on,
        deliveredOn: null,
        reason: `Homework was set at the session on ${previous.on}; the note of the session on ${session.on} ${said}.`,
      },
    ];
  });
}

/**
 * Where the client is in their plan, and where the episode has drifted from it.
 *
 * Steps: a session delivers the face-to-face step its note names, else the first step not yet
 * delivered that works on the component its note records; a session whose note records neither
 * delivers no step (and is flagged `component_not_recorded` once its day has passed, so a missing
 * note cannot hide drift — HAZ-051). An online step is delivered when its module is finished. The
 * first step not delivered, in the plan's order, is current; the one after it is next.
 *
 * Flags (thresholds above; decision 0024): a required component not delivered by its planned
 * point (its first step's planned week plus the grace; else, for a face-to-face step at position
 * k among them, by session k; else, for an online step, before the following face-to-face
 * session); a session after one that set homework whose note does not record it reviewed; a gap
 * between sessions, or since the last one while the episode is open, longer than planned plus the
 * tolerance. Without a plan there is nothing to drift from: no flags.
 */
export function buildProtocolMap(input: ProtocolMapInput): ProtocolMap {
  const sessions = [...input.sessions].sort((a, b) => dayNumber(a.on) - dayNumber(b.on));
  const startedOn = input.startedOn ?? sessions[0]?.on ?? null;
  const steps = input.plan?.steps ?? [];
  const { delivered, sessionComponents, deliveries } = deliverSteps(steps, sessions, input.modulesCompleted);
  const remaining = steps.filter((s) => !delivered.has(s.id)).map((s) => s.id);
  const statusOf = (id: string): ProtocolStepStatus => (delivered.has(id) ? 'delivered' : id === remaining[0] ? 'current' : id === remaining[1] ? 'next' : 'later');
  const deliveredSet = new Set(deliveries.map((d) => d.component));
  const map: ProtocolMap = {
    steps: steps.map((s) => ({
      planStepId: s.id,
      mode: s.mode,
      component: s.component,
      moduleId: s.moduleId,
      plannedWeek: s.plannedWeek,
      status: statusOf(s.id),
      deliveredOn: delivered.get(s.id)?.on ?? null,
      appointmentId: delivered.get(s.id)?.appointmentId ?? null,
    })),
    deliveredComponents: planComponents.filter((c) => deliveredSet.has(c)),
    current: remaining[0] ?? null,
    next: remaining[1] ?? null,
    sessionsAttended: sessions.length,
    startedOn,
    flags: [],
  };
  if (!input.plan) return map;
  const faceToFace = steps.filter((s) => s.mode === 'face_to_face');
  const unrecorded: DriftFlag[] = sessions.flatMap((s, i) =>
    sessionComponents[i] === null && dayNumber(s.on) < dayNumber(input.today)
      ? [{ code: 'component_not_recorded' as const, planStepId: null, component: null, appointmentId: s.appointmentId, on: s.on, deliveredOn: null, reason: `The note of the session on ${s.on} does not record the plan step or component it delivered.` }]
      : [],
  );
  map.flags = [...requiredComponentFlags({ ...input, plan: input.plan }, sessions, deliveries, startedOn), ...homeworkFlags(sessions), ...gapFlags(input, faceToFace, sessions), ...unrecorded].sort(
    (a, b) => dayNumber(a.on) - dayNumber(b.on) || driftFlagCodes.indexOf(a.code) - driftFlagCodes.indexOf(b.code),
  );
  return map;
}
