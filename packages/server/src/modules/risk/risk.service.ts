import {
  alertDeadline,
  DomainError,
  escalationPath,
  newId,
  nextRecipient,
  riskTierFor,
  type AcknowledgeAlertRequestSchema,
  type AnswerSource,
  type RiskAlert,
  type RiskNotice,
} from '@tandem/domain';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { writeAudit, type AuditContext } from '../../audit/audit';
import { notifyClientChanged } from '../worklist/worklist.notify';
import type { ServiceContext } from '../../context';
import type { Schema } from '../../db/schema';
import { enqueueJob } from '../../jobs/jobs';
import { requireClientAccess } from '../clients/clients.policy';
import { notifyStaff } from '../notifications/notifications.service';
import { clientCareStatus } from '../episodes/care-status';
import { coverFor } from './risk.cover';
import {
  findAlert,
  findAlertForResponse,
  insertAlertEvent,
  lastItem9Alert,
  listAlertEvents,
  listAlertsForStaff,
  listAlertsOfClient,
  loadRiskPolicy,
  type RiskAlertRow,
} from './risk.repo';

type Db = Kysely<Schema> | Transaction<Schema>;
type Acknowledge = z.output<typeof AcknowledgeAlertRequestSchema>;

export const riskNotifyJob = 'risk.notify';
export const riskEscalateJob = 'risk.escalate';

export interface RaiseAlertInput {
  /** The alert's id: the help request's id, or a new one for an item-9 answer. */
  id: string;
  organisationId: string;
  clientId: string;
  trigger: 'phq9_item9' | 'help_button';
  source: AnswerSource;
  responseId: string | null;
  answerValue: number | null;
  /** Set when the answer was given in a session: that practitioner saw it (tier "recorded"). */
  seenInSessionBy: string | null;
}

/** The client's open episode (the latest referral not ended), if any. */
export function openEpisodeOf(db: Db, clientId: string) {
  return db
    .selectFrom('episode')
    .select(['id', 'assigned_practitioner_id', 'status'])
    .where('client_id', '=', clientId)
    .where('status', '!=', 'ended')
    .orderBy('referral_date', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

function noticeOf(alert: RiskAlertRow, timeZone: string): RiskNotice {
  return { alertId: alert.id, personOnHandFrom: alert.person_on_hand_from.toISOString(), outOfHours: alert.out_of_hours, coverKnown: alert.cover_known, timeZone };
}

/**
 * Raises a risk alert inside the caller's transaction, so the answer or help request and its
 * alert commit together (HAZ-014: a warning sign is never stored without its alert). The alert is
 * tiered by the organisation's policy, routed by the duty function, and — unless it was seen in
 * a session — its notice and its escalation at the deadline are queued in the same transaction.
 * One alert per questionnaire response: saving item 9 again keeps the one alert, and a higher
 * answer is added to its history and re-opens it if it had been acknowledged.
 */
export async function raiseAlert(trx: Transaction<Schema>, ctx: AuditContext & { clock: ServiceContext['clock'] }, input: RaiseAlertInput): Promise<RiskNotice> {
  const now = ctx.clock.now();
  const existing = input.responseId ? await findAlertForResponse(trx, input.responseId) : await findAlert(trx, input.id);
  if (existing) {
    if (existing.client_id !== input.clientId) throw new DomainError('write.id_conflict', 'A different request was already saved with this id.');
    if (input.answerValue !== null && existing.answer_value !== null && input.answerValue > existing.answer_value) {
      await trx
        .updateTable('risk_alert')
        .set({ answer_value: input.answerValue, status: 'open', acknowledged_at: null, acknowledged_by: null, action_note: null, updated_at: now, version: (eb) => eb('version', '+', 1) })
        .where('id', '=', existing.id)
        .execute();
      await insertAlertEvent(trx, { id: newId(now), alertId: existing.id, at: now, kind: 'answer_raised', staffId: null, note: `${existing.answer_value} → ${input.answerValue}` });
      await writeAudit(trx, ctx, { action: 'risk_alert.answer_raised', entityType: 'risk_alert', entityId: existing.id, clientId: input.clientId, details: { value: input.answerValue } });
      if (existing.status === 'acknowledged') await queueNotice(trx, ctx, existing.id, existing.escalation_level, existing.due_at ?? now);
    }
    const org = await trx.selectFrom('organisation').select('time_zone').where('id', '=', input.organisationId).executeTakeFirstOrThrow();
    return noticeOf((await findAlert(trx, existing.id))!, org.time_zone);
  }

  const episode = await openEpisodeOf(trx, input.clientId);
  const { policy } = await loadRiskPolicy(trx, input.organisationId);
  const previous = input.trigger === 'phq9_item9' ? await lastItem9Alert(trx, input.clientId, episode?.id ?? null, input.responseId) : undefined;
  const { rule, tier } = riskTierFor(
    input.trigger === 'help_button' ? { kind: 'help_button' } : { kind: 'item9', value: input.answerValue ?? 0, source: input.source },
    previous && previous.answer_value !== null ? { value: previous.answer_value, reviewed: previous.status === 'acknowledged' } : null,
    policy,
  );
  const cover = await coverFor(trx, { organisationId: input.organisationId, clientId: input.clientId, assignedPractitionerId: episode?.assigned_practitioner_id ?? null, at: now, policy });
  const nextAppointment = episode
    ? await trx
        .selectFrom('appointment')
        .select('starts_at')
        .where('episode_id', '=', episode.id)
        .where('status', '=', 'booked')
        .where('starts_at', '>', now)
        .orderBy('starts_at')
        .executeTakeFirst()
    : undefined;
  const seenInSession = tier === 'recorded' && input.seenInSessionBy !== null;
  const recipient = seenInSession ? input.seenInSessionBy! : cover.recipient;
  const dueAt = alertDeadline(tier, policy, { raisedAt: now, coverageStartsAt: cover.coverageStartsAt, nextAppointmentAt: nextAppointment?.starts_at ?? null });
  await trx
    .insertInto('risk_alert')
    .values({
      id: input.id,
      organisation_id: input.organisationId,
      client_id: input.clientId,
      episode_id: episode?.id ?? null,
      trigger: input.trigger,
      source: input.source,
      response_id: input.responseId,
      answer_value: input.answerValue,
      rule,
      tier,
      raised_at: now,
      recipient_staff_id: recipient,
      recipient_reason: seenInSession ? 'assigned_practitioner' : cover.reason,
      person_on_hand_from: seenInSession ? now : cover.coverageStartsAt,
      due_at: dueAt,
      out_of_hours: cover.outOfHours,
      cover_known: seenInSession || !cover.noCoverFound,
      status: seenInSession ? 'acknowledged' : 'open',
      acknowledged_at: seenInSession ? now : null,
      acknowledged_by: seenInSession ? input.seenInSessionBy : null,
      action_note: seenInSession ? 'Answered in a session with a practitioner.' : null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await insertAlertEvent(trx, { id: newId(now), alertId: input.id, at: now, kind: 'raised', staffId: recipient, note: `${rule} → ${tier}; ${seenInSession ? 'seen in session' : cover.reason}` });
  await writeAudit(trx, ctx, {
    action: 'risk_alert.raise',
    entityType: 'risk_alert',
    entityId: input.id,
    clientId: input.clientId,
    organisationId: input.organisationId,
    details: { trigger: input.trigger, rule, tier, reason: cover.reason, outOfHours: cover.outOfHours, noCoverFound: cover.noCoverFound },
  });
  if (!seenInSession) await queueNotice(trx, ctx, input.id, 0, dueAt);
  await notifyClientChanged(trx, input.clientId);
  return {
    alertId: input.id,
    personOnHandFrom: (seenInSession ? now : cover.coverageStartsAt).toISOString(),
    outOfHours: cover.outOfHours,
    coverKnown: seenInSession || !cover.noCoverFound,
    timeZone: cover.timeZone,
  };
}

/** Queues the notice to the current recipient now, and the escalation at the deadline. */
async function queueNotice(trx: Transaction<Schema>, ctx: { clock: ServiceContext['clock'] }, alertId: string, level: number, dueAt: Date | null) {
  const stamp = ctx.clock.now().getTime();
  // In the recipient's notification centre too; the email is this pathway's own, sent at once.
  const alert = await trx.selectFrom('risk_alert').select(['organisation_id', 'recipient_staff_id', 'client_id']).where('id', '=', alertId).executeTakeFirstOrThrow();
  await notifyStaff(trx, ctx.clock, { organisationId: alert.organisation_id, staffId: alert.recipient_staff_id, kind: 'risk-alert', clientId: alert.client_id, link: '/staff/alerts', sourceId: alertId });
  await enqueueJob(trx, ctx.clock, { kind: riskNotifyJob, deliveryKey: `${riskNotifyJob}:${alertId}:${level}:${stamp}`, dueAt: ctx.clock.now(), payload: { alertId, level }, maxAttempts: 1 });
  if (dueAt) {
    await enqueueJob(trx, ctx.clock, { kind: riskEscalateJob, deliveryKey: `${riskEscalateJob}:${alertId}:${level}:${stamp}`, dueAt, payload: { alertId, level }, maxAttempts: 10 });
  }
}

/**
 * Escalates an alert still open at level `level` (its deadline passed, or its notice could not be
 * sent) to the next person on the path: whoever is on duty now, the site lead, then the
 * organisation's named person; at the end of the path the last person is asked again. Escalated
 * alerts are due within the "immediate" minutes. A stale job (already acknowledged or escalated)
 * does nothing. Audited as the system.
 */
export async function escalateAlert(db: Kysely<Schema>, clock: ServiceContext['clock'], alertId: string, level: number, why: 'deadline' | 'notice_failed'): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const alert = await trx.selectFrom('risk_alert').selectAll().where('id', '=', alertId).forUpdate().executeTakeFirst();
    if (!alert || alert.status !== 'open' || alert.escalation_level !== level) return false;
    const now = clock.now();
    const { policy } = await loadRiskPolicy(trx, alert.organisation_id);
    const episode = alert.episode_id ? await trx.selectFrom('episode').select('assigned_practitioner_id').where('id', '=', alert.episode_id).executeTakeFirst() : undefined;
    const cover = await coverFor(trx, { organisationId: alert.organisation_id, clientId: alert.client_id, assignedPractitionerId: episode?.assigned_practitioner_id ?? null, at: now, policy });
    const first = await trx.selectFrom('risk_alert_event').select('staff_id').where('alert_id', '=', alertId).where('kind', '=', 'raised').executeTakeFirst();
    const path = escalationPath({ first: first?.staff_id ?? alert.recipient_staff_id, dutyNow: cover.dutyNow, siteLead: cover.siteLeadStaffId, named: policy.escalationStaffId });
    const to = nextRecipient(path, alert.recipient_staff_id);
    const dueAt = new Date(now.getTime() + policy.immediateMinutes * 60_000);
    await trx
      .updateTable('risk_alert')
      .set({ recipient_staff_id: to, recipient_reason: 'escalation', escalation_level: level + 1, due_at: dueAt, updated_at: now, version: (eb) => eb('version', '+', 1) })
      .where('id', '=', alertId)
      .execute();
    await insertAlertEvent(trx, { id: newId(now), alertId, at: now, kind: 'escalated', staffId: to, note: why === 'deadline' ? 'Not acknowledged by its deadline.' : 'The notice could not be sent.' });
    const auditCtx: AuditContext = { actor: null, clock, requestId: null };
    await writeAudit(trx, auditCtx, { action: 'risk_alert.escalate', entityType: 'risk_alert', entityId: alertId, clientId: alert.client_id, organisationId: alert.organisation_id, details: { level: level + 1, why } });
    if (why === 'notice_failed' && to === alert.recipient_staff_id) {
      // The end of the path and the notice failed again: asking the same person at once would
      // loop. The alert stays in their list and the next deadline asks again.
      await enqueueJob(trx, clock, { kind: riskEscalateJob, deliveryKey: `${riskEscalateJob}:${alertId}:${level + 1}:${now.getTime()}`, dueAt, payload: { alertId, level: level + 1 }, maxAttempts: 10 });
    } else {
      await queueNotice(trx, { clock }, alertId, level + 1, dueAt);
    }
    return true;
  });
}

async function present(db: Db, rows: RiskAlertRow[]): Promise<RiskAlert[]> {
  const events = await listAlertEvents(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    episodeId: r.episode_id,
    trigger: r.trigger,
    source: r.source,
    answerValue: r.answer_value,
    responseId: r.response_id,
    rule: r.rule,
    tier: r.tier,
    raisedAt: r.raised_at.toISOString(),
    recipientStaffId: r.recipient_staff_id,
    recipientReason: r.recipient_reason,
    personOnHandFrom: r.person_on_hand_from.toISOString(),
    dueAt: r.due_at?.toISOString() ?? null,
    outOfHours: r.out_of_hours,
    escalationLevel: r.escalation_level,
    status: r.status,
    acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
    acknowledgedByStaffId: r.acknowledged_by,
    actionNote: r.action_note,
    version: r.version,
    history: events.filter((e) => e.alert_id === r.id).map((e) => ({ at: e.at.toISOString(), kind: e.kind, staffId: e.staff_id, note: e.note })),
  }));
}

/** Alerts routed to the caller or for clients on their care team. Audited. */
export async function listMyAlerts(ctx: ServiceContext, status: 'open' | 'acknowledged' | 'all'): Promise<RiskAlert[]> {
  const actor = ctx.actor;
  if (actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only staff see risk alerts.');
  const rows = await listAlertsForStaff(ctx.db, actor.staffId, actor.organisationId, status);
  await writeAudit(ctx.db, ctx, { action: 'risk_alert.list', entityType: 'risk_alert', subjectIds: rows.map((r) => r.id) });
  return present(ctx.db, rows);
}

/** A client's alerts, for whoever may read the client's record. Audited. */
export async function listClientAlerts(ctx: ServiceContext, clientId: string): Promise<RiskAlert[]> {
  await requireClientAccess(ctx, clientId, 'risk_alert.list');
  if (ctx.actor.type !== 'staff') throw new DomainError('client.not_found', 'There is no client record here that you can open.');
  const rows = await listAlertsOfClient(ctx.db, clientId);
  await writeAudit(ctx.db, ctx, { action: 'risk_alert.list', entityType: 'risk_alert', clientId, subjectIds: rows.map((r) => r.id) });
  return present(ctx.db, rows);
}

/**
 * Acknowledges an open alert with a note of the action taken. The person it is routed to, or
 * anyone on the client's care team, may; a stale version (someone else acted first) is refused.
 */
export async function acknowledgeAlert(ctx: ServiceContext, alertId: string, input: Acknowledge): Promise<RiskAlert> {
  const actor = ctx.actor;
  const notFound = new DomainError('risk_alert.not_found', 'There is no risk alert here that you can open.');
  const alert = await findAlert(ctx.db, alertId);
  if (actor.type !== 'staff' || !alert || alert.organisation_id !== actor.organisationId) throw notFound;
  await requireClientAccess(ctx, alert.client_id, 'risk_alert.acknowledge', (a) => a.basis === 'care_team' || a.basis === 'alert_recipient', {
    code: 'risk_alert.not_found',
    message: notFound.message,
  });
  if (alert.status === 'acknowledged') throw new DomainError('write.stale_version', 'Someone has already acknowledged this alert. Reload to see what they did.');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('risk_alert')
      .set({ status: 'acknowledged', acknowledged_at: now, acknowledged_by: actor.staffId, action_note: input.note, updated_at: now, version: (eb) => eb('version', '+', 1) })
      .where('id', '=', alertId)
      .where('version', '=', input.version)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new DomainError('write.stale_version', 'This alert changed since you opened it (escalated or acknowledged). Reload it and try again.');
    await insertAlertEvent(trx, { id: newId(now), alertId, at: now, kind: 'acknowledged', staffId: actor.staffId, note: input.note });
    await writeAudit(trx, ctx, { action: 'risk_alert.acknowledge', entityType: 'risk_alert', entityId: alertId, clientId: alert.client_id });
    await notifyClientChanged(trx, alert.client_id);
  });
  return (await present(ctx.db, [(await findAlert(ctx.db, alertId))!]))[0]!;
}

/**
 * The client's "I need help now" button. The crisis page is shown on the phone at once, with or
 * without this request; this raises an immediate alert (by default) so a person from the service
 * sees it, and answers when that will be. The request id is the alert id: a retry is one alert.
 * After care has ended nobody would receive it, so it is refused and the crisis page stands alone.
 */
export async function requestHelp(ctx: ServiceContext, input: { id: string; recordedAt: string }): Promise<RiskNotice> {
  const actor = ctx.actor;
  if (actor.type !== 'client') throw new DomainError('auth.forbidden', 'Only a client can ask for help this way.');
  const existing = await findAlert(ctx.db, input.id);
  if (!existing) {
    const care = await clientCareStatus(ctx.db, actor.clientId);
    if (care === 'ended') throw new DomainError('episode.closed', 'Your care with the service has ended. If you need help now, use the numbers on “Get help now”.');
  }
  return ctx.db.transaction().execute((trx) =>
    raiseAlert(trx, ctx, { id: input.id, organisationId: actor.organisationId, clientId: actor.clientId, trigger: 'help_button', source: 'client_app', responseId: null, answerValue: null, seenInSessionBy: null }),
  );
}
