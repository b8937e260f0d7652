import {
  buildProtocolMap,
  DomainError,
  localDate,
  noteSetHomework,
  stepKey,
  type ClientPlanProgress,
  type ProgrammeModule,
  type ProtocolMap,
  type ProtocolMapResponse,
  type ProtocolSession,
} from '@tandem/domain';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { requireEpisodeAccess } from '../episodes/episodes.policy';
import { currentPlanOfClient, findPlansOfEpisodes } from '../plans/plans.repo';
import { planContent } from '../plans/plans.service';
import { requireStaffReader } from './sessions.policy';
import { listAttendedOfEpisodes, listDoneStepsOfClients, listNotesOfEpisodes, organisationTimeZone } from './sessions.repo';

type Programme = readonly ProgrammeModule[];

/** What the map needs of an episode. */
export interface MappedEpisode {
  id: string;
  client_id: string;
  status: string;
}

export interface EpisodeMap {
  map: ProtocolMap;
  hasPlan: boolean;
  requiredComponents: ProtocolMapResponse['requiredComponents'];
  today: string;
}

/** The day each client finished each module: the day of the last of its steps (decision 0024), in the service's time zone. */
function modulesCompletedBy(programme: Programme, rows: Awaited<ReturnType<typeof listDoneStepsOfClients>>, timeZone: string): Map<string, Record<string, string>> {
  const byClient = new Map<string, Map<string, Date>>();
  for (const row of rows) {
    const done = byClient.get(row.client_id) ?? new Map<string, Date>();
    done.set(stepKey(row.module_id, row.step_id), row.recorded_at);
    byClient.set(row.client_id, done);
  }
  const result = new Map<string, Record<string, string>>();
  for (const [clientId, done] of byClient) {
    const finished: Record<string, string> = {};
    for (const { meta } of programme) {
      const times = meta.steps.map((s) => done.get(stepKey(meta.id, s.id)));
      if (times.length && times.every((t) => t !== undefined)) finished[meta.id] = localDate(new Date(Math.max(...times.map((t) => t!.getTime()))), timeZone);
    }
    result.set(clientId, finished);
  }
  return result;
}

/**
 * The protocol maps of several episodes of one organisation, with four queries whatever their
 * number (the supervisor's fidelity view maps a whole team). A session is an attended treatment
 * appointment, or an attended assessment or review whose note says it delivered a plan step or
 * component. Days are the organisation's.
 */
export async function mapEpisodes(ctx: ServiceContext, programme: Programme, organisationId: string, episodes: readonly MappedEpisode[]): Promise<Map<string, EpisodeMap>> {
  const ids = episodes.map((e) => e.id);
  const [timeZone, plans, attended, notes, done] = await Promise.all([
    organisationTimeZone(ctx.db, organisationId),
    findPlansOfEpisodes(ctx.db, ids),
    listAttendedOfEpisodes(ctx.db, ids),
    listNotesOfEpisodes(ctx.db, ids),
    listDoneStepsOfClients(ctx.db, [...new Set(episodes.map((e) => e.client_id))]),
  ]);
  const today = localDate(ctx.clock.now(), timeZone);
  const finished = modulesCompletedBy(programme, done, timeZone);
  const noteOf = new Map(notes.map((n) => [n.appointment_id, n]));
  const result = new Map<string, EpisodeMap>();
  for (const episode of episodes) {
    const row = plans.find((p) => p.episode_id === episode.id);
    const plan = row ? planContent(row) : null;
    const sessions: ProtocolSession[] = attended
      .filter((a) => a.episode_id === episode.id)
      .flatMap((a) => {
        const note = noteOf.get(a.id);
        const deliveredPlanWork = note !== undefined && (note.plan_step_id !== null || note.component_delivered !== null);
        if (a.purpose !== 'treatment' && !deliveredPlanWork) return [];
        return [
          {
            appointmentId: a.id,
            on: localDate(a.starts_at, timeZone),
            planStepId: note?.plan_step_id ?? null,
            componentDelivered: note?.component_delivered ?? null,
            homeworkReviewed: note?.homework_reviewed ?? null,
            homeworkSet: noteSetHomework(note ? { homeworkSet: note.homework_set } : null),
          },
        ];
      });
    const map = buildProtocolMap({ plan, startedOn: null, sessions, modulesCompleted: finished.get(episode.client_id) ?? {}, today, episodeOpen: episode.status !== 'ended' });
    result.set(episode.id, { map, hasPlan: plan !== null, requiredComponents: plan?.requiredComponents ?? [], today });
  }
  return result;
}

/** An episode's protocol map with its drift flags: staff who may read the episode (never the client). Audited. */
export async function getProtocolMap(ctx: ServiceContext, programme: Programme, episodeId: string): Promise<ProtocolMapResponse> {
  requireStaffReader(ctx);
  const { episode } = await requireEpisodeAccess(ctx, episodeId, 'protocol_map.read');
  const { map, hasPlan, requiredComponents, today } = (await mapEpisodes(ctx, programme, episode.organisation_id, [episode])).get(episode.id)!;
  await writeAudit(ctx.db, ctx, { action: 'protocol_map.read', entityType: 'episode', entityId: episode.id, clientId: episode.client_id, details: { flags: map.flags.length } });
  return { episodeId: episode.id, hasPlan, requiredComponents, today, ...map };
}

/**
 * The client's place in their own plan while their care is open (BRIEF.md V3, "a plan both can
 * see"): each step's status, keyed by the ids of GET /api/me/plan. No flags, notes or components
 * (HAZ-050, HAZ-052). Null without an open episode with a plan. Audited.
 */
export async function getOwnPlanProgress(ctx: ServiceContext, programme: Programme): Promise<ClientPlanProgress> {
  const actor = ctx.actor;
  if (actor.type !== 'client') throw new DomainError('auth.forbidden', 'Only a client has their own plan.');
  const row = await currentPlanOfClient(ctx.db, actor.clientId, { openOnly: true });
  await writeAudit(ctx.db, ctx, { action: 'plan.progress_own', entityType: 'treatment_plan', entityId: row?.id ?? null, clientId: actor.clientId });
  if (!row) return { progress: null };
  const { map } = (await mapEpisodes(ctx, programme, actor.organisationId, [{ id: row.episode_id, client_id: actor.clientId, status: row.episode_status }])).get(row.episode_id)!;
  return { progress: { steps: map.steps.map((s) => ({ id: s.planStepId, status: s.status, deliveredOn: s.deliveredOn })), current: map.current, next: map.next } };
}
