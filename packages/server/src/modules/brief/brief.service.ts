import { attendedStatuses, buildBrief, DomainError, homeworkItemStatus, type Brief, type BriefInput, type ProgrammeModule } from '@tandem/domain';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { listOpenAgendaItems } from '../agenda/agenda.repo';
import { requireClientAccess } from '../clients/clients.policy';
import { listAppointmentsOfEpisode } from '../episodes/appointments.repo';
import { itemStates, titleLookup } from '../homework/homework.present';
import { doneFacts } from '../homework/homework.repo';
import { findPlanOfEpisode } from '../plans/plans.repo';
import { planContent } from '../plans/plans.service';
import { mapEpisodes } from '../sessions/protocol-map.service';
import { organisationTimeZone } from '../sessions/sessions.repo';
import { findBriefHomework, findOpenEpisode, listBriefAlerts, listCheckInsSince, listDraftsSince, listEpisodeScores, listItem9AnswersSince } from './brief.repo';

type Programme = readonly ProgrammeModule[];

/** The homework for the brief: each item's title, done / partly / not done, and the shared entry to open. */
async function briefHomework(ctx: ServiceContext, programme: Programme, clientId: string, row: NonNullable<Awaited<ReturnType<typeof findBriefHomework>>>): Promise<BriefInput['homework']> {
  const [facts, drafts] = await Promise.all([doneFacts(ctx.db, clientId), listDraftsSince(ctx.db, clientId, row.set_at)]);
  const title = titleLookup(programme);
  return {
    id: row.id,
    dueOn: row.due_on,
    items: itemStates(row, facts).map(({ item, done, entries }) => {
      const started = item.kind === 'exercise' && drafts.some((d) => d.exercise === item.exerciseId && (d.module_id === null || d.module_id === item.moduleId));
      return {
        kind: item.kind,
        moduleId: item.moduleId,
        stepId: item.kind === 'step' ? item.stepId : null,
        exerciseId: item.kind === 'exercise' ? item.exerciseId : null,
        title: title(item).title,
        status: homeworkItemStatus(done, started),
        entryId: entries.find((e) => e.id !== null)?.id ?? null,
      };
    }),
  };
}

/**
 * The pre-session brief for the client's open episode and its next booked appointment (decision
 * 0026): staff with the same access as the client record; clients are refused (it carries the
 * care team's plan and drift). A fixed number of queries whatever the data. Audited with what it
 * showed. `{ brief: null }` when the client has no open episode.
 */
export async function getBrief(ctx: ServiceContext, programme: Programme, clientId: string): Promise<{ brief: Brief | null }> {
  if (ctx.actor.type !== 'staff') throw new DomainError('auth.forbidden', 'The pre-session brief is for the care team.');
  await requireClientAccess(ctx, clientId, 'brief.read');
  const episode = await findOpenEpisode(ctx.db, clientId);
  if (!episode) {
    await writeAudit(ctx.db, ctx, { action: 'brief.read', entityType: 'client', entityId: clientId, clientId, details: { episode: null } });
    return { brief: null };
  }
  const now = ctx.clock.now();
  const appointments = await listAppointmentsOfEpisode(ctx.db, episode.id);
  const next = appointments.filter((a) => a.status === 'booked' && a.starts_at > now).sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime())[0] ?? null;
  const last = appointments.filter((a) => attendedStatuses.includes(a.status) && a.starts_at <= now).sort((a, b) => b.starts_at.getTime() - a.starts_at.getTime())[0] ?? null;
  const from = last?.starts_at ?? episode.created_at;
  const homeworkRow = await findBriefHomework(ctx.db, episode.id, next?.id ?? null, from);
  const [timeZone, homework, checkIns, scores, alerts, item9, agenda, planRow, maps] = await Promise.all([
    organisationTimeZone(ctx.db, episode.organisation_id),
    homeworkRow ? briefHomework(ctx, programme, clientId, homeworkRow) : null,
    listCheckInsSince(ctx.db, clientId, from),
    listEpisodeScores(ctx.db, episode.id),
    listBriefAlerts(ctx.db, clientId, from),
    listItem9AnswersSince(ctx.db, clientId, from),
    listOpenAgendaItems(ctx.db, clientId),
    findPlanOfEpisode(ctx.db, episode.id),
    mapEpisodes(ctx, programme, episode.organisation_id, [episode]),
  ]);
  const map = maps.get(episode.id)!.map;
  const steps = planRow ? planContent(planRow).steps : [];
  const status = new Map(map.steps.map((s) => [s.planStepId, s.status]));
  const brief = buildBrief({
    clientId,
    now,
    timeZone,
    episode: { id: episode.id, openedAt: episode.created_at },
    nextAppointment: next ? { id: next.id, startsAt: next.starts_at, durationMinutes: next.duration_minutes, purpose: next.purpose } : null,
    lastSessionAt: last?.starts_at ?? null,
    homework,
    checkIns: checkIns.map((c) => ({ mood: c.mood, recordedAt: c.recorded_at })),
    scores: scores.map((s) => ({ instrument: s.instrument as 'phq9' | 'gad7', total: s.total!, at: s.authored_at ?? s.received_at })),
    riskAlerts: alerts.map((a) => ({ id: a.id, trigger: a.trigger, tier: a.tier, status: a.status, raisedAt: a.raised_at, answerValue: a.answer_value, responseId: a.response_id })),
    item9Answers: item9.map((a) => ({ responseId: a.response_id, value: a.value!, at: a.recorded_at })),
    agenda: agenda.map((a) => ({ id: a.id, text: a.text, recordedAt: a.recorded_at })),
    plan: planRow
      ? { steps: steps.map((s) => ({ id: s.id, mode: s.mode, component: s.component, purpose: s.purpose, plannedWeek: s.plannedWeek, status: status.get(s.id) ?? 'later' })), drift: map.flags.map((f) => f.code) }
      : null,
  });
  await writeAudit(ctx.db, ctx, {
    action: 'brief.read',
    entityType: 'client',
    entityId: clientId,
    clientId,
    subjectIds: [
      episode.id,
      ...(homeworkRow ? [homeworkRow.id] : []),
      ...brief.flagged.items.map((f) => (f.kind === 'risk_alert' ? f.id : f.responseId)),
      ...brief.agenda.items.map((a) => a.id),
    ],
    details: { appointmentId: next?.id ?? null },
  });
  return { brief };
}
