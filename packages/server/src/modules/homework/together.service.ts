import {
  attendedStatuses,
  DomainError,
  planStepForSession,
  PlanStepSchema,
  questionnairesDue,
  severityBand,
  summariseCheckIns,
  type ProgrammeModule,
  type TogetherView,
} from '@tandem/domain';
import { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { listOpenAgendaItems } from '../agenda/agenda.repo';
import { presentAgendaItem } from '../agenda/agenda.service';
import { findAppointment, listAppointmentsOfEpisode, type AppointmentRow } from '../episodes/appointments.repo';
import { requireEpisodeAccess } from '../episodes/episodes.policy';
import { findPlanOfEpisode } from '../plans/plans.repo';
import { presentAssignment, titleLookup } from './homework.present';
import { clientTimeFacts, doneFacts, findHomeworkForSession, type DoneFacts } from './homework.repo';
import { activitySince, completedForAppointment } from './together.repo';

type Programme = readonly ProgrammeModule[];

/** An appointment the actor may run as a session: its episode's care team (who manage it). */
export async function requireSessionAppointment(ctx: ServiceContext, appointmentId: string, action: string) {
  const appointment = await findAppointment(ctx.db, appointmentId);
  if (!appointment || appointment.organisation_id !== ctx.actor.organisationId) throw new DomainError('appointment.not_found', 'There is no appointment here that you can open.');
  const { episode } = await requireEpisodeAccess(ctx, appointment.episode_id, action, (a) => a.allowed.manageEpisodes);
  return { appointment, episode };
}

/** Shared entries sent since `from` (latest revision each, no words); private ones only counted. */
function entriesSince(facts: DoneFacts, from: Date, programme: Programme) {
  const latest = new Map<string, DoneFacts['submissions'][number]>();
  for (const s of facts.submissions) if (s.recorded_at >= from) latest.set(s.id, s);
  const title = titleLookup(programme);
  const all = [...latest.values()];
  return {
    entries: all
      .filter((s) => s.shared)
      .map((s) => ({ id: s.id, exercise: s.exercise, title: s.module_id ? title({ kind: 'exercise', exerciseId: s.exercise, moduleId: s.module_id }).title : s.exercise, submittedAt: s.recorded_at.toISOString() })),
    privateEntries: all.filter((s) => !s.shared).length,
  };
}

/** The questionnaires of this session: those done for it (with score) and those still due. */
async function measuresToday(ctx: ServiceContext, appointment: AppointmentRow, episodeStatus: 'waiting' | 'active' | 'on_hold' | 'ended') {
  const completed = await completedForAppointment(ctx.db, appointment.id);
  // The due rules, asked as of the session's start (inside its window) for this appointment alone.
  const due = questionnairesDue({
    now: appointment.starts_at,
    windowHours: 1,
    episodes: [{ id: appointment.episode_id, status: episodeStatus }],
    appointments: [{ id: appointment.id, episodeId: appointment.episode_id, startsAt: appointment.starts_at, durationMinutes: appointment.duration_minutes, purpose: appointment.purpose, status: 'booked' }],
    completed: completed.map((c) => ({ appointmentId: appointment.id, instrumentId: c.instrument })),
  });
  return [
    ...completed.map((c) => ({ instrument: c.instrument, status: 'done' as const, total: c.total, band: c.total === null ? null : severityBand(c.instrument, c.total) })),
    ...due.map((d) => ({ instrument: d.instrumentId, status: 'due' as const, total: null, band: null })),
  ];
}

/**
 * Session mode, in one read (decision 0023): since the last attended session of this episode —
 * check-ins summarised, steps finished, shared entries (private ones counted), questionnaires —
 * the homework to go through (with the shared entries' words), the client's open agenda, today's
 * measures and the plan's step for today. This client's data only: no other client, no caseload,
 * no notifications, no notes. Audited with what it showed.
 */
export async function getTogetherView(ctx: ServiceContext, programme: Programme, appointmentId: string): Promise<TogetherView> {
  const { appointment, episode } = await requireSessionAppointment(ctx, appointmentId, 'appointment.together');
  const clientId = appointment.client_id;
  const earlier = (await listAppointmentsOfEpisode(ctx.db, episode.id)).filter((a) => a.id !== appointment.id && a.starts_at < appointment.starts_at);
  const attendedBefore = earlier.filter((a) => attendedStatuses.includes(a.status));
  const from = attendedBefore.at(-1)?.starts_at ?? episode.created_at;
  const activity = await activitySince(ctx.db, clientId, from);
  const facts = await doneFacts(ctx.db, clientId);
  const { givenName } = await clientTimeFacts(ctx.db, clientId);
  const homework = await findHomeworkForSession(ctx.db, episode.id, appointment.id, from, appointment.starts_at);
  const agenda = await listOpenAgendaItems(ctx.db, clientId);
  const plan = await findPlanOfEpisode(ctx.db, episode.id);
  const step = plan ? planStepForSession(z.array(PlanStepSchema).parse(plan.steps), attendedBefore.length) : null;
  const title = titleLookup(programme);
  const seen = entriesSince(facts, from, programme);
  const view: TogetherView = {
    appointment: { id: appointment.id, startsAt: appointment.starts_at.toISOString(), durationMinutes: appointment.duration_minutes, purpose: appointment.purpose, status: appointment.status, version: appointment.version },
    client: { givenName },
    sinceLastSession: {
      from: from.toISOString(),
      checkIns: summariseCheckIns(activity.moods),
      stepsDone: activity.steps.map((s) => ({ moduleId: s.module_id, stepId: s.step_id, title: title({ kind: 'step', moduleId: s.module_id, stepId: s.step_id }).title })),
      entries: seen.entries,
      privateEntries: seen.privateEntries,
      questionnaires: activity.questionnaires
        .filter((q) => q.total !== null && q.authored_at !== null)
        .map((q) => ({ instrument: q.instrument, total: q.total!, band: severityBand(q.instrument, q.total!), authoredAt: q.authored_at!.toISOString() })),
    },
    homeworkToReview: homework ? presentAssignment(homework, facts, programme, { withData: true }) : null,
    agenda: agenda.map(presentAgendaItem),
    measuresToday: await measuresToday(ctx, appointment, episode.status),
    planStepForToday: step ? { id: step.id, component: step.component, purpose: step.purpose, plannedWeek: step.plannedWeek } : null,
  };
  await writeAudit(ctx.db, ctx, {
    action: 'appointment.together',
    entityType: 'appointment',
    entityId: appointment.id,
    clientId,
    subjectIds: [...seen.entries.map((e) => e.id), ...agenda.map((a) => a.id), ...(homework ? [homework.id] : [])],
  });
  return view;
}
