import {
  addDays,
  DomainError,
  engagementFigures,
  episodeOutcome,
  firstAndLast,
  localDate,
  minCountToShow,
  outcomeFigures,
  weekDates,
  weekStartOf,
  zonedDateTimeToInstant,
  type ClientWeek,
  type EpisodeOutcome,
  type OwnWeekFigures,
  type SupervisionFigures,
} from '@tandem/domain';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { itemStates } from '../homework/homework.present';
import { doneFacts } from '../homework/homework.repo';
import { listSupervisees, organisationTimeZone } from '../sessions/sessions.repo';
import { countWorkWritten, listActiveTime, listClientActivity, listEndedEpisodes, listEpisodeScores, listEpisodesOpenIn, listHomeworkDue, type Span } from './figures.repo';

/**
 * Value and burden figures (issue 9 item 5, decision 0028): a practitioner's own week; the
 * service's and each supervisee's for supervisors. Every rate carries its count and a Wilson
 * interval and is suppressed below `minCountToShow` (packages/domain/src/figures). The clients and
 * episodes read are audited by id.
 */

interface Week {
  dates: string[];
  span: Span;
}

/** Outcomes count episodes that ended in the 52 weeks up to the end of the week shown. */
const outcomeWeeks = 52;

function spanOf(firstDay: string, lastDay: string, timeZone: string): Span {
  return { firstDay, lastDay, from: zonedDateTimeToInstant(firstDay, '00:00', timeZone), to: zonedDateTimeToInstant(addDays(lastDay, 1), '00:00', timeZone) };
}

async function weekOf(ctx: ServiceContext, organisationId: string, week: string | undefined): Promise<Week & { timeZone: string }> {
  const timeZone = await organisationTimeZone(ctx.db, organisationId);
  const monday = weekStartOf(week ?? localDate(ctx.clock.now(), timeZone));
  const dates = weekDates(monday);
  return { dates, span: spanOf(dates[0]!, dates[6]!, timeZone), timeZone };
}

/** Each client's week: activity dates, check-in dates, steps, homework items due and done. */
async function clientWeeks(ctx: ServiceContext, clientIds: readonly string[], week: Week, timeZone: string): Promise<Map<string, ClientWeek>> {
  const activity = await listClientActivity(ctx.db, clientIds, week.span);
  const homework = await listHomeworkDue(ctx.db, clientIds, week.span);
  const day = (at: Date | null) => (at ? localDate(at, timeZone) : null);
  const result = new Map<string, ClientWeek>();
  for (const clientId of clientIds) {
    const mine = <T extends { client_id: string; at: Date | null }>(rows: readonly T[]) => rows.filter((r) => r.client_id === clientId);
    const dates = (rows: readonly { at: Date | null }[]) => rows.map((r) => day(r.at)).filter((d): d is string => d !== null);
    const checkInDates = dates(mine(activity.checkIns));
    const steps = mine(activity.steps);
    const items: { done: boolean }[] = [];
    const due = homework.filter((h) => h.client_id === clientId);
    if (due.length) {
      const facts = await doneFacts(ctx.db, clientId);
      for (const row of due) for (const state of itemStates(row, facts)) items.push({ done: state.done });
    }
    result.set(clientId, {
      activityDates: [...checkInDates, ...dates(steps), ...dates(mine(activity.entries)), ...dates(mine(activity.questionnaires))],
      checkInDates,
      stepsCompleted: steps.length,
      homeworkItemsDue: items,
    });
  }
  return result;
}

/** The outcome of each episode that ended in the span. */
async function endedOutcomes(ctx: ServiceContext, organisationId: string, span: Span) {
  const episodes = await listEndedEpisodes(ctx.db, organisationId, span);
  const scores = await listEpisodeScores(ctx.db, episodes.map((e) => e.id));
  return episodes.map((e) => {
    const totals = (instrument: 'phq9' | 'gad7') => scores.filter((s) => s.episode_id === e.id && s.instrument === instrument).map((s) => s.total!);
    const outcome: EpisodeOutcome = episodeOutcome({
      ended: true,
      attendedTreatmentAppointments: e.attended,
      scores: { phq9: firstAndLast(totals('phq9')), gad7: firstAndLast(totals('gad7')) },
    });
    return { episodeId: e.id, clientId: e.client_id, practitionerId: e.assigned_practitioner_id, outcome };
  });
}

const sum = (xs: Iterable<number>) => [...xs].reduce((a, b) => a + b, 0);

/** The signed-in practitioner's own week: their active time, work written and their clients' engagement. */
export async function getOwnWeek(ctx: ServiceContext, week?: string): Promise<OwnWeekFigures> {
  const actor = ctx.actor;
  if (actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Figures are for staff.');
  const w = await weekOf(ctx, actor.organisationId, week);
  const time = await listActiveTime(ctx.db, actor.organisationId, [actor.staffId], w.span);
  const written = await countWorkWritten(ctx.db, actor.organisationId, w.span);
  const episodes = (await listEpisodesOpenIn(ctx.db, actor.organisationId, w.span)).filter((e) => e.assigned_practitioner_id === actor.staffId);
  const clientIds = [...new Set(episodes.map((e) => e.client_id))];
  const weeks = await clientWeeks(ctx, clientIds, w, w.timeZone);
  const timedClients = [...new Set(time.map((r) => r.client_id))];
  await writeAudit(ctx.db, ctx, { action: 'figures.own_week', entityType: 'client', subjectIds: [...new Set([...clientIds, ...timedClients])] });
  return {
    weekStart: w.dates[0]!,
    weekEnd: w.dates[6]!,
    activeTime: {
      days: w.dates.map((date) => ({ date, seconds: sum(time.filter((r) => r.day === date).map((r) => r.seconds)) })),
      totalSeconds: sum(time.map((r) => r.seconds)),
      clients: timedClients.length,
    },
    workWritten: { feedback: written.feedback.get(actor.staffId) ?? 0, sessionNotes: written.notes.get(actor.staffId) ?? 0, messages: written.messages.get(actor.staffId) ?? 0 },
    engagement: engagementFigures([...weeks.values()], w.dates),
    minCount: minCountToShow,
  };
}

/**
 * A supervisor's figures: the whole service's (every practitioner and client of the
 * organisation, in aggregate only) and each named supervisee's (supervision is of people —
 * decision 0014, as the supervision list and fidelity view decide it). Outcomes are of episodes
 * that ended in the 52 weeks up to the week's end, by the practitioner assigned at the end.
 */
export async function getSupervisionFigures(ctx: ServiceContext, week?: string): Promise<SupervisionFigures> {
  const actor = ctx.actor;
  if (actor.type !== 'staff' || !actor.roles.includes('supervisor')) throw new DomainError('auth.forbidden', 'Only supervisors see the service’s and their supervisees’ figures.');
  const w = await weekOf(ctx, actor.organisationId, week);
  const supervisees = await listSupervisees(ctx.db, actor.staffId, actor.organisationId);
  const time = await listActiveTime(ctx.db, actor.organisationId, 'all', w.span);
  const written = await countWorkWritten(ctx.db, actor.organisationId, w.span);
  const episodes = await listEpisodesOpenIn(ctx.db, actor.organisationId, w.span);
  const allClients = [...new Set(episodes.map((e) => e.client_id))];
  const weeks = await clientWeeks(ctx, allClients, w, w.timeZone);
  const outcomesFrom = addDays(w.dates[6]!, -(outcomeWeeks * 7 - 1));
  const outcomes = await endedOutcomes(ctx, actor.organisationId, spanOf(outcomesFrom, w.dates[6]!, w.timeZone));

  const group = (practitionerIds: ReadonlySet<string> | 'all') => {
    const has = (id: string | null) => practitionerIds === 'all' || (id !== null && practitionerIds.has(id));
    const clients = [...new Set(episodes.filter((e) => has(e.assigned_practitioner_id)).map((e) => e.client_id))];
    return {
      activeSeconds: sum(time.filter((r) => has(r.staff_id)).map((r) => r.seconds)),
      workWritten: {
        feedback: sum([...written.feedback].filter(([id]) => has(id)).map(([, n]) => n)),
        sessionNotes: sum([...written.notes].filter(([id]) => has(id)).map(([, n]) => n)),
        messages: sum([...written.messages].filter(([id]) => has(id)).map(([, n]) => n)),
      },
      engagement: engagementFigures(clients.map((c) => weeks.get(c)!), w.dates),
      outcomes: outcomeFigures(outcomes.filter((o) => has(o.practitionerId)).map((o) => o.outcome)),
    };
  };
  await writeAudit(ctx.db, ctx, {
    action: 'figures.supervision',
    entityType: 'episode',
    subjectIds: [...new Set([...episodes.map((e) => e.id), ...outcomes.map((o) => o.episodeId)])],
    details: { weekStart: w.dates[0]!, supervisees: supervisees.length },
  });
  return {
    weekStart: w.dates[0]!,
    weekEnd: w.dates[6]!,
    outcomesFrom,
    outcomesTo: w.dates[6]!,
    minCount: minCountToShow,
    service: group('all'),
    supervisees: supervisees.map((s) => ({ practitionerId: s.id, practitionerName: s.display_name, ...group(new Set([s.id])) })),
  };
}
