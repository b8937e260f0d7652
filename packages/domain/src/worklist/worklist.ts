import { localDate } from '../checkins/mood';
import { responseTiers, type ResponseTierName } from '../duty/rota';
import { combinedReliableChange, firstAndLast } from '../measures/outcomes';
import { reliableChange } from '../measures/scoring';

/*
 * The practitioner's worklist (issue 9 item 1; decision 0025): the caseload ordered by need, one
 * line per client with the reasons it needs the practitioner. This file is the one place the
 * reasons are derived and ordered; the server only gathers the facts (a handful of set-based
 * queries) and the web only shows them. Nothing here is a clinical judgement: each reason is a
 * fact a person should look at, never a score presented as a diagnosis.
 */

/** The reasons, most pressing first: the order of this list is the worklist's order. */
export const worklistReasonKinds = [
  'risk_alert',
  'missed_after_alert',
  'reliable_deterioration',
  'session_today',
  'homework_overdue',
  'no_activity',
  'feedback_waiting',
  'session_tomorrow',
] as const;
export type WorklistReasonKind = (typeof worklistReasonKinds)[number];

/**
 * Default days without any online activity before a client in active care is listed (care
 * setting `noActivityDays`). Not a published threshold: this project's choice, to be confirmed by
 * the service's clinical lead. A week is one whole between-session interval at the weekly contact
 * NHS Talking Therapies step 2 dosing assumes (about 6–8 contacts), and mood prompts go out daily
 * after week one (checkins/prompt-schedule.ts), so a week with nothing at all is unusual.
 */
export const defaultNoActivityDays = 7;
export const noActivityDaysBounds = { min: 2, max: 60 } as const;

const dayMs = 24 * 3600_000;

/** What the server gathers for one client on the caseload (dates as instants, in any order). */
export interface WorklistClientFacts {
  clientId: string;
  givenName: string;
  familyName: string;
  /** The client's own time zone (homework due dates are their calendar dates). */
  timeZone: string;
  /** An episode is active (not waiting, on hold or ended): only then is silence or homework a reason. */
  inActiveCare: boolean;
  openAlerts: readonly { tier: ResponseTierName; dueAt: Date | null; raisedAt: Date }[];
  /** Open follow-up tasks for a missed appointment after a risk alert (risk/follow-up.ts). */
  openMissedAfterAlert: readonly { dueAt: Date }[];
  /** Completed PHQ-9 and GAD-7 totals in the current (not ended) episodes, in time order. */
  scores: { phq9: readonly number[]; gad7: readonly number[] };
  /** The latest online activity (check-in, questionnaire, exercise, step, agenda item), or null. */
  lastActivityAt: Date | null;
  /** When the client's account became active (silence counts from here when there is no activity). */
  activeSince: Date | null;
  /** Active homework not all done whose appointment has not happened yet (or has none). */
  openHomework: readonly { dueOn: string }[];
  /** Submission times of shared entries whose latest revision has no feedback yet. */
  awaitingFeedback: readonly Date[];
  /** Booked appointments (status still 'booked'). */
  bookedAppointments: readonly { id: string; startsAt: Date }[];
}

export interface WorklistSettings {
  now: Date;
  /** The practitioner's time zone: "today" and "tomorrow" are theirs. */
  timeZone: string;
  noActivityDays: number;
}

export type WorklistReason =
  | { kind: 'risk_alert'; count: number; tier: ResponseTierName; dueAt: string | null; overdue: boolean }
  | { kind: 'missed_after_alert'; dueAt: string; overdue: boolean }
  | { kind: 'reliable_deterioration'; measures: { instrument: 'phq9' | 'gad7'; first: number; last: number }[] }
  | { kind: 'session_today'; startsAt: string; appointmentId: string }
  | { kind: 'homework_overdue'; dueOn: string }
  | { kind: 'no_activity'; days: number; lastActivityAt: string | null }
  | { kind: 'feedback_waiting'; count: number; since: string }
  | { kind: 'session_tomorrow'; startsAt: string; appointmentId: string };

export interface WorklistLine {
  clientId: string;
  reasons: WorklistReason[];
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const earliest = (dates: readonly Date[]): Date | undefined => [...dates].sort((a, b) => a.getTime() - b.getTime())[0];

function riskReason(alerts: WorklistClientFacts['openAlerts'], now: Date): WorklistReason | null {
  if (alerts.length === 0) return null;
  const tier = responseTiers.find((t) => alerts.some((a) => a.tier === t))!;
  const dueAt = earliest(alerts.flatMap((a) => (a.dueAt ? [a.dueAt] : [])));
  // The deadline has passed at the deadline itself: "respond by 10:00" is missed at 10:00.
  const overdue = alerts.some((a) => a.dueAt !== null && a.dueAt.getTime() <= now.getTime());
  return { kind: 'risk_alert', count: alerts.length, tier, dueAt: dueAt?.toISOString() ?? null, overdue };
}

function deteriorationReason(scores: WorklistClientFacts['scores']): WorklistReason | null {
  const phq9 = firstAndLast(scores.phq9);
  const gad7 = firstAndLast(scores.gad7);
  const p = phq9 ? reliableChange('phq9', phq9.first, phq9.last) : 'none';
  const g = gad7 ? reliableChange('gad7', gad7.first, gad7.last) : 'none';
  // One rule in one place (measures/outcomes.ts, decision 0017): a mixed case counts as deterioration.
  if (combinedReliableChange(p, g) !== 'deteriorated') return null;
  const measures: { instrument: 'phq9' | 'gad7'; first: number; last: number }[] = [];
  if (phq9 && p === 'deteriorated') measures.push({ instrument: 'phq9', ...phq9 });
  if (gad7 && g === 'deteriorated') measures.push({ instrument: 'gad7', ...gad7 });
  return { kind: 'reliable_deterioration', measures };
}

function silenceReason(facts: WorklistClientFacts, settings: WorklistSettings): WorklistReason | null {
  const from = facts.lastActivityAt ?? facts.activeSince;
  if (!facts.inActiveCare || !from) return null;
  const elapsed = settings.now.getTime() - from.getTime();
  // Exactly N days (N × 24 hours) since the last activity counts.
  if (elapsed < settings.noActivityDays * dayMs) return null;
  return { kind: 'no_activity', days: Math.floor(elapsed / dayMs), lastActivityAt: facts.lastActivityAt?.toISOString() ?? null };
}

/**
 * The reasons one client needs the practitioner now, most pressing first (the order of
 * `worklistReasonKinds`). Boundaries: an alert or follow-up is overdue at its deadline; silence
 * counts from exactly N × 24 hours; homework is overdue from midnight after its due date in the
 * client's time zone; today and tomorrow run from midnight to midnight in the practitioner's.
 */
export function worklistReasons(facts: WorklistClientFacts, settings: WorklistSettings): WorklistReason[] {
  const { now } = settings;
  const reasons: (WorklistReason | null)[] = [];
  reasons.push(riskReason(facts.openAlerts, now));
  const followUp = earliest(facts.openMissedAfterAlert.map((t) => t.dueAt));
  if (followUp) reasons.push({ kind: 'missed_after_alert', dueAt: followUp.toISOString(), overdue: followUp.getTime() <= now.getTime() });
  reasons.push(deteriorationReason(facts.scores));

  const today = localDate(now, settings.timeZone);
  const tomorrow = addDays(today, 1);
  const booked = [...facts.bookedAppointments].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const on = (date: string) => booked.find((a) => localDate(a.startsAt, settings.timeZone) === date);
  const sessionToday = on(today);
  if (sessionToday) reasons.push({ kind: 'session_today', startsAt: sessionToday.startsAt.toISOString(), appointmentId: sessionToday.id });

  const clientToday = localDate(now, facts.timeZone);
  const overdueOn = facts.openHomework.map((h) => h.dueOn).filter((d) => d < clientToday).sort()[0];
  if (facts.inActiveCare && overdueOn) reasons.push({ kind: 'homework_overdue', dueOn: overdueOn });

  reasons.push(silenceReason(facts, settings));
  const waiting = earliest(facts.awaitingFeedback);
  if (waiting) reasons.push({ kind: 'feedback_waiting', count: facts.awaitingFeedback.length, since: waiting.toISOString() });
  const sessionTomorrow = on(tomorrow);
  if (sessionTomorrow) reasons.push({ kind: 'session_tomorrow', startsAt: sessionTomorrow.startsAt.toISOString(), appointmentId: sessionTomorrow.id });
  return reasons.filter((r): r is WorklistReason => r !== null);
}

const rankOf = (reason: WorklistReason) => worklistReasonKinds.indexOf(reason.kind);
const time = (iso: string | null) => (iso === null ? Number.POSITIVE_INFINITY : Date.parse(iso));

/** Within one kind, which is more pressing (negative: `a` first). */
function compareSameKind(a: WorklistReason, b: WorklistReason): number {
  if (a.kind === 'risk_alert' && b.kind === 'risk_alert') {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    const tiers = responseTiers.indexOf(a.tier) - responseTiers.indexOf(b.tier);
    return tiers || time(a.dueAt) - time(b.dueAt) || b.count - a.count;
  }
  if (a.kind === 'missed_after_alert' && b.kind === 'missed_after_alert') return time(a.dueAt) - time(b.dueAt);
  if (a.kind === 'no_activity' && b.kind === 'no_activity') return b.days - a.days;
  if (a.kind === 'homework_overdue' && b.kind === 'homework_overdue') return a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0;
  if (a.kind === 'feedback_waiting' && b.kind === 'feedback_waiting') return time(a.since) - time(b.since);
  if ((a.kind === 'session_today' || a.kind === 'session_tomorrow') && (b.kind === 'session_today' || b.kind === 'session_tomorrow')) {
    return time(a.startsAt) - time(b.startsAt);
  }
  return 0;
}

/**
 * Orders two clients' lines: by their most pressing reason (kind, then within the kind: an overdue
 * alert before one in time, a more urgent tier, the earlier deadline; the longer silence; the
 * earlier due date, entry or session), then their next reasons in turn, then more reasons first;
 * clients with no reason last; ties by family name, given name and id, so the order is stable.
 */
function compareLines(a: { reasons: WorklistReason[]; name: [string, string, string] }, b: { reasons: WorklistReason[]; name: [string, string, string] }): number {
  const n = Math.min(a.reasons.length, b.reasons.length);
  for (let i = 0; i < n; i++) {
    const ra = a.reasons[i]!;
    const rb = b.reasons[i]!;
    const byKind = rankOf(ra) - rankOf(rb);
    if (byKind !== 0) return byKind;
    const within = compareSameKind(ra, rb);
    if (within !== 0) return within;
  }
  if (a.reasons.length !== b.reasons.length) return b.reasons.length - a.reasons.length;
  for (let i = 0; i < 3; i++) {
    const c = a.name[i]!.localeCompare(b.name[i]!, 'en');
    if (c !== 0) return c;
  }
  return 0;
}

/** The caseload ordered by need: every client once, with their reasons (possibly none). */
export function buildWorklist(clients: readonly WorklistClientFacts[], settings: WorklistSettings): WorklistLine[] {
  return clients
    .map((c) => ({ clientId: c.clientId, reasons: worklistReasons(c, settings), name: [c.familyName, c.givenName, c.clientId] as [string, string, string] }))
    .sort(compareLines)
    .map(({ clientId, reasons }) => ({ clientId, reasons }));
}
