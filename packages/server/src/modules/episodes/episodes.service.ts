import { enqueueNextMoodPrompt } from '../checkins/mood-prompt.jobs';
import {
  canChangeEpisodeStatus,
  DomainError,
  newId,
  type ChangeEpisodeStatusRequestSchema,
  type ChangeStepRequestSchema,
  type CreateEpisodeRequestSchema,
  type Episode,
  type TransferEpisodeRequestSchema,
  type DischargeRequestSchema,
  localDate,
  episodeOutcome,
  finalMeasuresDue,
  firstAndLast,
  severityBand,
  type EpisodeMeasures,
  type InstrumentId,
} from '@tandem/domain';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import type { Schema } from '../../db/schema';
import type { ServiceContext } from '../../context';
import { requireClientAccess } from '../clients/clients.policy';
import { openAlertsOfEpisode } from '../risk/risk.repo';
import { findStaffInOrganisation, insertCareTeamMember } from '../clients/clients.repo';
import { assertEpisodeOpen, requireEpisodeAccess } from './episodes.policy';
import { insertPlanFromTemplate, resolveEpisodePlanTemplate } from '../plans/plans.service';
import {
  findEpisode,
  insertEpisode,
  insertEpisodeEvent,
  listEpisodeEvents,
  listEpisodesOfClient,
  updateEpisodeAtVersion,
  type EpisodeRow,
} from './episodes.repo';

type CreateEpisode = z.output<typeof CreateEpisodeRequestSchema>;
type ChangeStatus = z.output<typeof ChangeEpisodeStatusRequestSchema>;
type ChangeStep = z.output<typeof ChangeStepRequestSchema>;
type Transfer = z.output<typeof TransferEpisodeRequestSchema>;
type Discharge = z.output<typeof DischargeRequestSchema>;

const staffIdOf = (ctx: ServiceContext) => (ctx.actor.type === 'staff' ? ctx.actor.staffId : null);

async function presentEpisodes(ctx: ServiceContext, rows: EpisodeRow[]): Promise<Episode[]> {
  const events = await listEpisodeEvents(ctx.db, rows.map((r) => r.id));
  return rows.map((row) => ({
    id: row.id,
    clientId: row.client_id,
    referralDate: row.referral_date,
    referralSource: row.referral_source as Episode['referralSource'],
    problemDescriptor: row.problem_descriptor,
    step: row.step,
    assignedPractitionerId: row.assigned_practitioner_id,
    status: row.status,
    endingReason: row.ending_reason as Episode['endingReason'],
    endedOn: row.ended_on,
    relapsePlanOffered: row.relapse_plan_offered,
    version: row.version,
    history: events
      .filter((e) => e.episode_id === row.id)
      .map((e) => ({ at: e.at.toISOString(), kind: e.kind, byStaffId: e.by_staff_id, from: e.from_value, to: e.to_value, reason: e.reason })),
  }));
}

async function requirePractitioner(ctx: ServiceContext, staffId: string) {
  const staff = await findStaffInOrganisation(ctx.db, staffId, ctx.actor.organisationId ?? '');
  if (!staff || !staff.roles.includes('practitioner')) {
    throw new DomainError('staff.not_found', 'There is no practitioner with that id in your organisation.', [{ path: 'body/practitionerId', message: 'unknown practitioner' }]);
  }
}

/**
 * A referral opens an episode (waiting), with its assigned practitioner on the care team and its
 * treatment plan made from a template in the same transaction (decision 0020).
 */
export async function createEpisode(ctx: ServiceContext, clientId: string, input: CreateEpisode): Promise<Episode> {
  await requireClientAccess(ctx, clientId, 'episode.create', (a) => a.allowed.manageEpisodes);
  const existing = await findEpisode(ctx.db, input.id);
  if (existing) {
    const same = existing.client_id === clientId && existing.referral_date === input.referralDate && existing.step === input.step;
    if (!same) throw new DomainError('write.id_conflict', 'A different episode was already saved with this id.');
    return (await presentEpisodes(ctx, [existing]))[0]!;
  }
  await requirePractitioner(ctx, input.assignedPractitionerId);
  // The plan's template: the one chosen, else the England default for the step. Found before the
  // transaction, so an unknown template refuses the referral before anything is written.
  const planTemplate = await resolveEpisodePlanTemplate(ctx, input.step, input.planTemplateId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await insertEpisode(trx, {
      id: input.id,
      organisation_id: ctx.actor.organisationId!,
      client_id: clientId,
      referral_date: input.referralDate,
      referral_source: input.referralSource,
      problem_descriptor: input.problemDescriptor,
      step: input.step,
      assigned_practitioner_id: input.assignedPractitionerId,
      status: 'waiting',
      ending_reason: null,
      ended_on: null,
      created_by: staffIdOf(ctx),
      created_at: now,
      updated_at: now,
    });
    await insertEpisodeEvent(trx, { id: newId(now), episode_id: input.id, at: now, by_staff_id: staffIdOf(ctx), kind: 'referred', from_value: null, to_value: input.step, reason: null });
    await insertCareTeamMember(trx, { clientId, staffId: input.assignedPractitionerId, organisationId: ctx.actor.organisationId!, addedBy: staffIdOf(ctx), now });
    await writeAudit(trx, ctx, { action: 'episode.create', entityType: 'episode', entityId: input.id, clientId });
    // A new episode for a returning client restarts their mood prompts (decision 0032).
    await enqueueNextMoodPrompt(trx, ctx.clock, clientId);
    await insertPlanFromTemplate(trx, ctx, planTemplate, { id: newId(now), episodeId: input.id, clientId, organisationId: ctx.actor.organisationId!, now });
  });
  return (await presentEpisodes(ctx, [(await findEpisode(ctx.db, input.id))!]))[0]!;
}

/** A client's episodes, newest referral first, each with its history. Audited. */
export async function listEpisodes(ctx: ServiceContext, clientId: string): Promise<Episode[]> {
  await requireClientAccess(ctx, clientId, 'episode.list');
  const rows = await listEpisodesOfClient(ctx.db, clientId);
  await writeAudit(ctx.db, ctx, { action: 'episode.list', entityType: 'episode', clientId, subjectIds: rows.map((r) => r.id) });
  return presentEpisodes(ctx, rows);
}

/**
 * Applies one change to an open episode at the version the caller saw, records it in the
 * history and the audit log, in one transaction. A stale version is refused.
 */
async function changeEpisode(
  ctx: ServiceContext,
  episodeId: string,
  version: number,
  action: string,
  apply: (trx: Transaction<Schema>, episode: EpisodeRow, now: Date) => Promise<void>,
): Promise<Episode> {
  const { episode } = await requireEpisodeAccess(ctx, episodeId, action, (a) => a.allowed.manageEpisodes);
  assertEpisodeOpen(episode);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const current = await findEpisode(trx, episodeId);
    if (!current || current.version !== version) {
      throw new DomainError('write.stale_version', 'Someone changed this episode since you opened it. Reload it and try again.');
    }
    await apply(trx, current, now);
    await writeAudit(trx, ctx, { action, entityType: 'episode', entityId: episodeId, clientId: episode.client_id });
  });
  return (await presentEpisodes(ctx, [(await findEpisode(ctx.db, episodeId))!]))[0]!;
}

async function updateOrStale(trx: Transaction<Schema>, episode: EpisodeRow, change: Parameters<typeof updateEpisodeAtVersion>[3], now: Date) {
  if (!(await updateEpisodeAtVersion(trx, episode.id, episode.version, change, now))) {
    throw new DomainError('write.stale_version', 'Someone changed this episode since you opened it. Reload it and try again.');
  }
}

/** Waiting → active, active ⇄ on hold. Ending goes through discharge. */
export function changeEpisodeStatus(ctx: ServiceContext, episodeId: string, input: ChangeStatus): Promise<Episode> {
  return changeEpisode(ctx, episodeId, input.version, 'episode.status', async (trx, episode, now) => {
    if (!canChangeEpisodeStatus(episode.status, input.status)) {
      throw new DomainError('episode.invalid_transition', `An episode that is ${episode.status.replace('_', ' ')} cannot become ${input.status.replace('_', ' ')}.`);
    }
    await updateOrStale(trx, episode, { status: input.status }, now);
    await insertEpisodeEvent(trx, { id: newId(now), episode_id: episode.id, at: now, by_staff_id: staffIdOf(ctx), kind: 'status_changed', from_value: episode.status, to_value: input.status, reason: input.reason ?? null });
  });
}

/** Stepping up or down stays within the episode, so its outcomes stay whole. */
export function changeEpisodeStep(ctx: ServiceContext, episodeId: string, input: ChangeStep): Promise<Episode> {
  return changeEpisode(ctx, episodeId, input.version, 'episode.step', async (trx, episode, now) => {
    if (episode.step === input.step) throw new DomainError('request.invalid', 'The episode is already at this step.', [{ path: 'body/step', message: 'is unchanged' }]);
    await updateOrStale(trx, episode, { step: input.step }, now);
    await insertEpisodeEvent(trx, { id: newId(now), episode_id: episode.id, at: now, by_staff_id: staffIdOf(ctx), kind: 'stepped', from_value: episode.step, to_value: input.step, reason: input.reason });
  });
}

/** A transfer to another practitioner of the same organisation, within the episode. */
export async function transferEpisode(ctx: ServiceContext, episodeId: string, input: Transfer): Promise<Episode> {
  await requirePractitioner(ctx, input.practitionerId);
  return changeEpisode(ctx, episodeId, input.version, 'episode.transfer', async (trx, episode, now) => {
    if (episode.assigned_practitioner_id === input.practitionerId) {
      throw new DomainError('request.invalid', 'This practitioner is already assigned.', [{ path: 'body/practitionerId', message: 'is unchanged' }]);
    }
    await updateOrStale(trx, episode, { assigned_practitioner_id: input.practitionerId }, now);
    await insertCareTeamMember(trx, { clientId: episode.client_id, staffId: input.practitionerId, organisationId: episode.organisation_id, addedBy: staffIdOf(ctx), now });
    await insertEpisodeEvent(trx, {
      id: newId(now),
      episode_id: episode.id,
      at: now,
      by_staff_id: staffIdOf(ctx),
      kind: 'transferred',
      from_value: episode.assigned_practitioner_id,
      to_value: input.practitionerId,
      reason: input.reason,
    });
  });
}

/**
 * Discharge: the one way an episode ends, recording the ending reason and date. After it the
 * episode is read-only, and a client with no open episode keeps crisis information and their own
 * past data only (check-ins and, later, questionnaires and messages are refused — they would
 * reach nobody). Refused while the client has a risk alert nobody has acknowledged. Records whether
 * a staying-well plan was offered; the final measures due come from getEpisodeMeasures, which the
 * discharge screen shows before this is called.
 */
export function dischargeEpisode(ctx: ServiceContext, episodeId: string, input: Discharge): Promise<Episode> {
  return changeEpisode(ctx, episodeId, input.version, 'episode.discharge', async (trx, episode, now) => {
    const org = await trx.selectFrom('organisation').select('time_zone').where('id', '=', episode.organisation_id).executeTakeFirstOrThrow();
    const today = localDate(now, org.time_zone);
    if (input.endedOn > today) {
      throw new DomainError('request.invalid', 'An episode cannot end on a future date.', [{ path: 'body/endedOn', message: 'is in the future' }]);
    }
    if (input.endedOn < episode.referral_date) {
      throw new DomainError('request.invalid', 'An episode cannot end before its referral.', [{ path: 'body/endedOn', message: 'is before the referral date' }]);
    }
    // An unacknowledged warning sign must be seen and acted on before care ends (HAZ-030).
    const openAlerts = await openAlertsOfEpisode(trx, episode.client_id, episode.id);
    if (openAlerts.length) {
      throw new DomainError(
        'episode.open_risk_alert',
        `This client has ${openAlerts.length === 1 ? 'a risk alert' : `${openAlerts.length} risk alerts`} not yet acknowledged. Acknowledge ${openAlerts.length === 1 ? 'it' : 'them'} with the action taken before discharge.`,
      );
    }
    await updateOrStale(trx, episode, { status: 'ended', ending_reason: input.endingReason, ended_on: input.endedOn, relapse_plan_offered: input.relapsePlanOffered }, now);
    await insertEpisodeEvent(trx, { id: newId(now), episode_id: episode.id, at: now, by_staff_id: staffIdOf(ctx), kind: 'ended', from_value: episode.status, to_value: input.endingReason, reason: input.reason ?? null });
  });
}

/**
 * An episode's scores by measure (oldest first), its NHS Talking Therapies outcome once ended,
 * the final measures discharge should ask for, and how many risk alerts are still open — what the
 * discharge flow shows before closing the episode. Audited.
 */
export async function getEpisodeMeasures(ctx: ServiceContext, episodeId: string): Promise<EpisodeMeasures> {
  const { episode } = await requireEpisodeAccess(ctx, episodeId, 'episode.measures');
  const responses = await ctx.db
    .selectFrom('questionnaire_response')
    .select(['id', 'instrument', 'total', 'authored_at', 'source'])
    .where('episode_id', '=', episodeId)
    .where('status', '=', 'completed')
    .orderBy('authored_at')
    .orderBy('id')
    .execute();
  const attended = await ctx.db
    .selectFrom('appointment')
    .select(['starts_at', 'purpose'])
    .where('episode_id', '=', episodeId)
    .where('status', 'in', ['attended', 'attended_late'])
    .orderBy('starts_at')
    .execute();
  const openAlerts = await openAlertsOfEpisode(ctx.db, episode.client_id, episodeId);
  await writeAudit(ctx.db, ctx, { action: 'episode.measures', entityType: 'episode', entityId: episodeId, clientId: episode.client_id, subjectIds: responses.map((r) => r.id) });
  const points = (id: InstrumentId) =>
    responses
      .filter((r) => r.instrument === id)
      .map((r) => ({ responseId: r.id, total: r.total!, band: severityBand(id, r.total!), authoredAt: r.authored_at!.toISOString(), source: r.source }));
  const scores = { phq9: points('phq9'), gad7: points('gad7'), wsas: points('wsas') };
  const attendedTreatmentAppointments = attended.filter((a) => a.purpose === 'treatment').length;
  const latest = (id: InstrumentId) => (scores[id].length ? new Date(scores[id].at(-1)!.authoredAt) : null);
  return {
    episodeId,
    attendedTreatmentAppointments,
    scores,
    outcome:
      episode.status === 'ended'
        ? episodeOutcome({
            ended: true,
            attendedTreatmentAppointments,
            scores: { phq9: firstAndLast(scores.phq9.map((p) => p.total)), gad7: firstAndLast(scores.gad7.map((p) => p.total)) },
          })
        : null,
    finalMeasuresDue:
      episode.status === 'ended' ? [] : finalMeasuresDue({ lastAttendedAt: attended.at(-1)?.starts_at ?? null, latestScoreAt: { phq9: latest('phq9'), gad7: latest('gad7'), wsas: latest('wsas') } }),
    openRiskAlerts: openAlerts.length,
  };
}
