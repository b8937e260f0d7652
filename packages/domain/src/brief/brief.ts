import { localDate, moodTrend } from '../checkins/mood';
import type { ExerciseId } from '../content/module';
import type { ResponseTierName } from '../duty/rota';
import type { appointmentPurposes } from '../episodes/appointment';
import { reliableChange, severityBand, severityBands } from '../measures/scoring';
import { changeSince } from '../measures/outcomes';
import type { PlanComponent, PlanMode } from '../plans/plan';
import type { RiskAlert } from '../risk/api';
import type { DriftFlagCode, ProtocolStepStatus } from '../sessions/protocol-map';
import type { Brief, BriefHomeworkStatus, MoodDirection } from './api';

/**
 * The pre-session brief (issue 9 item 2; BRIEF.md V1 and B3: "a brief readable in under a
 * minute"). Pure: the server loads the data, this decides what the brief says. Decision 0026.
 */

/**
 * At most this many words of text. About a minute's reading: adults read non-fiction silently at
 * about 238 words a minute (Brysbaert 2019, J Mem Lang 109:104047); 250 is the limit.
 */
export const briefWordLimit = 250;

/**
 * Caps on lists and free text, chosen so that the brief with every section full stays within
 * `briefWordLimit` (tested with a worst-case input). Risk items are short (no free text) and
 * listed first; those beyond the cap are counted, never dropped silently (HAZ-061).
 */
export const briefCaps = {
  homeworkItems: 3,
  titleWords: 5,
  flaggedItems: 3,
  agendaItems: 3,
  agendaWords: 10,
  purposeWords: 8,
  focusItems: 3,
  moodDays: 28,
} as const;

/**
 * Mood direction: the mean of the later half of the period's ratings against the earlier half, on
 * the 1–10 scale. A difference of at least 1 point is "higher" or "lower"; with fewer than 4
 * ratings there is too little to say. Tandem's descriptive default (no published threshold for a
 * 1–10 mood rating was found); it describes the ratings, it is not a clinical change index.
 */
export const moodDirectionRule = { minRatings: 4, minDifference: 1 } as const;

/** Words: runs of non-space characters with at least one letter or digit ("–" and "…" are not words). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** The first `max` words of `text` (spaces collapsed) and whether any were left out. */
export function truncateWords(text: string, max: number): { text: string; cut: boolean } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length <= max) return { text: words.join(' '), cut: false };
  return { text: words.slice(0, max).join(' '), cut: true };
}

/** An item of homework is done when finished or sent; partly when an exercise was started (a draft) but not sent. */
export function homeworkItemStatus(done: boolean, started: boolean): BriefHomeworkStatus {
  if (done) return 'done';
  return started ? 'partly' : 'not_done';
}

/** The direction of mood ratings in time order (`moodDirectionRule`). */
export function moodDirection(moods: readonly number[]): MoodDirection {
  if (moods.length < moodDirectionRule.minRatings) return 'too_few';
  const half = Math.floor(moods.length / 2);
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const difference = mean(moods.slice(moods.length - half)) - mean(moods.slice(0, half));
  if (difference >= moodDirectionRule.minDifference) return 'higher';
  if (difference <= -moodDirectionRule.minDifference) return 'lower';
  return 'steady';
}

export interface BriefStepInput {
  id: string;
  mode: PlanMode;
  component: PlanComponent;
  purpose: string;
  plannedWeek: number | null;
  status: ProtocolStepStatus;
}

export interface BriefInput {
  clientId: string;
  now: Date;
  /** The reader's time zone: days are counted in it. */
  timeZone: string;
  episode: { id: string; openedAt: Date };
  nextAppointment: { id: string; startsAt: Date; durationMinutes: number; purpose: (typeof appointmentPurposes)[number] } | null;
  /** The start of the last attended session of the episode, if any. */
  lastSessionAt: Date | null;
  homework: {
    id: string;
    dueOn: string;
    items: { kind: 'step' | 'exercise'; moduleId: string; stepId: string | null; exerciseId: ExerciseId | null; title: string; status: BriefHomeworkStatus; entryId: string | null }[];
  } | null;
  /** Check-ins since the period began, any order. */
  checkIns: readonly { mood: number; recordedAt: Date }[];
  /** Completed PHQ-9 and GAD-7 scores of the episode, any order. */
  scores: readonly { instrument: 'phq9' | 'gad7'; total: number; at: Date }[];
  /** Risk alerts raised in the period, and any still open. */
  riskAlerts: readonly { id: string; trigger: RiskAlert['trigger']; tier: ResponseTierName; status: RiskAlert['status']; raisedAt: Date; answerValue: number | null; responseId: string | null }[];
  /** Positive answers to PHQ-9 question 9 in the period. */
  item9Answers: readonly { responseId: string; value: number; at: Date }[];
  /** Open agenda items, any order. */
  agenda: readonly { id: string; text: string; recordedAt: Date }[];
  /** The plan's steps with their protocol-map status, and the drift flags; null without a plan. */
  plan: { steps: readonly BriefStepInput[]; drift: readonly DriftFlagCode[] } | null;
}

const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;

function period(input: BriefInput): Brief['period'] {
  const from = input.lastSessionAt ?? input.episode.openedAt;
  const fromDay = localDate(from, input.timeZone);
  const toDay = localDate(input.now, input.timeZone);
  return { since: input.lastSessionAt ? 'last_session' : 'referral_opened', from: from.toISOString(), fromDay, toDay, days: Math.max(0, dayNumber(toDay) - dayNumber(fromDay)) };
}

function homework(input: BriefInput): Brief['homework'] {
  const hw = input.homework;
  if (!hw) return null;
  const count = (s: BriefHomeworkStatus) => hw.items.filter((i) => i.status === s).length;
  // Not done first, then partly, then done: what to talk about comes before what went well.
  const order: Record<BriefHomeworkStatus, number> = { not_done: 0, partly: 1, done: 2 };
  const items = [...hw.items].sort((a, b) => order[a.status] - order[b.status]).slice(0, briefCaps.homeworkItems);
  return {
    id: hw.id,
    dueOn: hw.dueOn,
    counts: { done: count('done'), partly: count('partly'), notDone: count('not_done') },
    items: items.map((i) => {
      const title = truncateWords(i.title, briefCaps.titleWords);
      return { kind: i.kind, moduleId: i.moduleId, stepId: i.stepId, exerciseId: i.exerciseId, title: title.text, titleCut: title.cut, status: i.status, entryId: i.entryId };
    }),
    more: hw.items.length - items.length,
  };
}

function mood(input: BriefInput, p: Brief['period']): Brief['mood'] {
  const sorted = [...input.checkIns].sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
  const moods = sorted.map((c) => c.mood);
  const mean = moods.length ? Math.round((moods.reduce((a, b) => a + b, 0) / moods.length) * 10) / 10 : null;
  const days = Math.min(Math.max(p.days + 1, 1), briefCaps.moodDays);
  return {
    count: moods.length,
    low: moods.length ? Math.min(...moods) : null,
    high: moods.length ? Math.max(...moods) : null,
    mean,
    direction: moodDirection(moods),
    days: moodTrend(sorted, input.now, input.timeZone, days),
  };
}

function measures(input: BriefInput, periodFrom: Date): Brief['measures'] {
  return (['phq9', 'gad7'] as const).map((instrument) => {
    const scored = input.scores.filter((s) => s.instrument === instrument).sort((a, b) => a.at.getTime() - b.at.getTime());
    const change = changeSince(scored.map((s) => s.total));
    const last = scored.at(-1);
    if (!change || !last) return { instrument, latest: null, sincePrevious: null, sinceFirst: null };
    const band = severityBand(instrument, last.total);
    const range = severityBands[instrument].find((b) => b.band === band)!;
    return {
      instrument,
      latest: { total: last.total, at: last.at.toISOString(), band, bandMin: range.min, bandMax: range.max, inPeriod: last.at >= periodFrom },
      sincePrevious: change.sinceLast === null ? null : { change: change.sinceLast },
      // Reliable change is counted against the first score of the referral (NHS Talking Therapies).
      sinceFirst: scored.length >= 2 ? { first: change.first, change: change.sinceFirst, reliable: reliableChange(instrument, change.first, change.last) } : null,
    };
  });
}

function flagged(input: BriefInput): Brief['flagged'] {
  const alerted = new Set(input.riskAlerts.map((a) => a.responseId).filter((id) => id !== null));
  type Item = Brief['flagged']['items'][number];
  const items: (Item & { time: number; open: boolean })[] = [
    ...input.riskAlerts.map((a) => ({
      kind: 'risk_alert' as const,
      id: a.id,
      trigger: a.trigger,
      tier: a.tier,
      status: a.status,
      at: a.raisedAt.toISOString(),
      answerValue: a.answerValue,
      time: a.raisedAt.getTime(),
      open: a.status === 'open',
    })),
    // An answer with its own alert is listed once, as the alert.
    ...input.item9Answers
      .filter((a) => a.value > 0 && !alerted.has(a.responseId))
      .map((a) => ({ kind: 'item9_answer' as const, responseId: a.responseId, value: a.value, at: a.at.toISOString(), time: a.at.getTime(), open: false })),
  ];
  // Open alerts first, then the newest.
  items.sort((a, b) => Number(b.open) - Number(a.open) || b.time - a.time);
  const shown = items.slice(0, briefCaps.flaggedItems).map(({ time: _time, open: _open, ...item }) => item);
  return { items: shown, more: items.length - shown.length, openAlerts: input.riskAlerts.filter((a) => a.status === 'open').length };
}

function agenda(input: BriefInput): Brief['agenda'] {
  const sorted = [...input.agenda].sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
  const items = sorted.slice(0, briefCaps.agendaItems).map((a) => {
    const text = truncateWords(a.text, briefCaps.agendaWords);
    return { id: a.id, text: text.text, textCut: text.cut };
  });
  return { items, more: sorted.length - items.length };
}

function step(s: BriefStepInput | undefined) {
  if (!s) return null;
  const purpose = truncateWords(s.purpose, briefCaps.purposeWords);
  return { mode: s.mode, component: s.component, purpose: purpose.text, purposeCut: purpose.cut, plannedWeek: s.plannedWeek };
}

function plan(input: BriefInput): Brief['plan'] {
  if (!input.plan) return null;
  const { steps } = input.plan;
  return {
    delivered: steps.filter((s) => s.status === 'delivered').length,
    total: steps.length,
    current: step(steps.find((s) => s.status === 'current')),
    next: step(steps.find((s) => s.status === 'next')),
    drift: [...new Set(input.plan.drift)],
  };
}

/**
 * Suggested focus, in order, at most `briefCaps.focusItems`: risk first whenever anything is
 * flagged (it is never the one left out); a reliable deterioration (PHQ-9 rise ≥ 6, GAD-7 ≥ 4 since
 * the referral's first score); homework not (fully) done; the client's own agenda; the plan's
 * current step; then drift from the plan. A suggestion for the practitioner, who decides.
 */
export function suggestFocus(brief: Pick<Brief, 'flagged' | 'measures' | 'homework' | 'agenda' | 'plan'>): Brief['focus'] {
  const focus: Brief['focus'] = [];
  const add = (code: Brief['focus'][number]['code'], extra: { component?: PlanComponent; drift?: DriftFlagCode } = {}) =>
    focus.push({ code, component: extra.component ?? null, drift: extra.drift ?? null });
  if (brief.flagged.items.length) add('risk_first');
  if (brief.measures.some((m) => m.sinceFirst?.reliable === 'deteriorated')) add('reliable_deterioration');
  if (brief.homework && brief.homework.counts.partly + brief.homework.counts.notDone > 0) add('homework_review');
  if (brief.agenda.items.length) add('client_agenda');
  if (brief.plan?.current) add('plan_step', { component: brief.plan.current.component });
  const drift = brief.plan?.drift[0];
  if (drift) add('drift', { drift });
  return focus.slice(0, briefCaps.focusItems);
}

/** The brief for the client's next appointment, from data already loaded. */
export function buildBrief(input: BriefInput): Brief {
  const p = period(input);
  const parts = {
    homework: homework(input),
    measures: measures(input, new Date(p.from)),
    flagged: flagged(input),
    agenda: agenda(input),
    plan: plan(input),
  };
  return {
    clientId: input.clientId,
    episodeId: input.episode.id,
    generatedAt: input.now.toISOString(),
    timeZone: input.timeZone,
    nextAppointment: input.nextAppointment
      ? { id: input.nextAppointment.id, startsAt: input.nextAppointment.startsAt.toISOString(), durationMinutes: input.nextAppointment.durationMinutes, purpose: input.nextAppointment.purpose }
      : null,
    period: p,
    mood: mood(input, p),
    ...parts,
    focus: suggestFocus(parts),
  };
}
