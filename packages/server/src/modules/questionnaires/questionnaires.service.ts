import {
  answerProblems,
  DomainError,
  instruments,
  isRiskAnswer,
  newId,
  questionnairesDue,
  riskItem,
  severityBand,
  totalScore,
  type AnswerSource,
  type CompleteResponseRequestSchema,
  type DueQuestionnaire,
  type InstrumentId,
  type QuestionnaireResponse,
  type RecordResponseRequestSchema,
  type RiskNotice,
  type SaveAnswerRequestSchema,
} from '@tandem/domain';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import { notifyClientChanged } from '../worklist/worklist.notify';
import { notifyAssignedPractitioner } from '../notifications/notifications.service';
import type { ServiceContext } from '../../context';
import { loadCareSettings } from '../organisation/organisation.repo';
import type { Schema } from '../../db/schema';
import { requireClientAccess } from '../clients/clients.policy';
import { clientCare } from '../episodes/care-status';
import { openEpisodeOf, raiseAlert } from '../risk/risk.service';
import { answersOf, answersOfResponse, dueFacts, findResponse, listCompletedResponses, upsertAnswer, type ResponseRow } from './questionnaires.repo';

type SaveAnswer = z.output<typeof SaveAnswerRequestSchema>;
type Complete = z.output<typeof CompleteResponseRequestSchema>;
type Record_ = z.output<typeof RecordResponseRequestSchema>;
type ClientActor = { type: 'client'; clientId: string; organisationId: string };

function requireClient(ctx: ServiceContext): ClientActor {
  const actor = ctx.actor;
  if (actor.type !== 'client') throw new DomainError('auth.forbidden', 'Only a client answers their own questionnaires.');
  return actor;
}

const invalid = (problems: ReturnType<typeof answerProblems>) =>
  new DomainError(
    'questionnaire.invalid_answers',
    'Some answers are not right for this questionnaire.',
    problems.map((p) => ({ path: p.linkId ? `body/answers/${p.linkId}` : 'body/answers', message: p.problem.replaceAll('_', ' ') })),
  );

async function presentResponses(ctx: ServiceContext, rows: ResponseRow[]): Promise<QuestionnaireResponse[]> {
  const answers = await answersOf(ctx.db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    episodeId: r.episode_id,
    appointmentId: r.appointment_id,
    instrumentId: r.instrument,
    instrumentVersion: r.instrument_version,
    status: r.status,
    source: r.source,
    answers: answers.get(r.id) ?? {},
    total: r.total,
    band: r.total === null ? null : severityBand(r.instrument, r.total),
    authoredAt: r.authored_at?.toISOString() ?? null,
    receivedAt: r.received_at.toISOString(),
    authorStaffId: r.author_staff_id,
  }));
}

/** What is due for the client now, each with the answers saved so far. */
export async function listDue(ctx: ServiceContext): Promise<DueQuestionnaire[]> {
  const actor = requireClient(ctx);
  const due = await computeDue(ctx, actor);
  const facts = await dueFacts(ctx.db, actor.clientId);
  const resumed = due.map((d) => facts.inProgress.find((p) => p.appointment_id === d.appointmentId && p.instrument === d.instrumentId));
  const answers = await answersOf(ctx.db, resumed.flatMap((r) => (r ? [r.id] : [])));
  await writeAudit(ctx.db, ctx, { action: 'questionnaire.due', entityType: 'questionnaire_response', clientId: actor.clientId, subjectIds: resumed.flatMap((r) => (r ? [r.id] : [])) });
  return due.map((d, i) => ({
    instrumentId: d.instrumentId,
    appointmentId: d.appointmentId,
    dueBy: d.dueBy.toISOString(),
    responseId: resumed[i]?.id ?? null,
    answers: resumed[i] ? (answers.get(resumed[i].id) ?? {}) : {},
  }));
}

/** What is due for the client now, in the window their organisation's care settings give. */
async function computeDue(ctx: ServiceContext, actor: ClientActor) {
  const facts = await dueFacts(ctx.db, actor.clientId);
  const { settings } = await loadCareSettings(ctx.db, actor.organisationId);
  return questionnairesDue({
    now: ctx.clock.now(),
    windowHours: settings.questionnaireDueWindowHours,
    episodes: facts.episodes,
    appointments: facts.appointments.map((a) => ({ id: a.id, episodeId: a.episode_id, startsAt: a.starts_at, durationMinutes: a.duration_minutes, purpose: a.purpose, status: a.status })),
    completed: facts.completed.map((c) => ({ appointmentId: c.appointment_id, instrumentId: c.instrument })),
  });
}

/**
 * Whether a client may write to this response: it is theirs and for this instrument, or it is new
 * and the questionnaire is due. Returns the episode it belongs to. Refusals name why: care has
 * ended (nobody would read it), or it is not due.
 */
async function checkWritable(ctx: ServiceContext, actor: ClientActor, responseId: string, instrumentId: InstrumentId, appointmentId: string | null) {
  const existing = await findResponse(ctx.db, responseId);
  if (existing) {
    if (existing.client_id !== actor.clientId || existing.instrument !== instrumentId || existing.appointment_id !== appointmentId) {
      throw new DomainError('write.id_conflict', 'A different questionnaire was already saved with this id.');
    }
    return { existing, episodeId: existing.episode_id };
  }
  const care = await clientCare(ctx.db, actor.clientId);
  if (care.status === 'ended') {
    throw new DomainError('episode.closed', 'Your care with the service has ended, so questionnaires are no longer sent to anyone. If you need help now, see “Get help now”.');
  }
  const due = (await computeDue(ctx, actor)).find((d) => d.instrumentId === instrumentId && d.appointmentId === appointmentId);
  if (!due) throw new DomainError('questionnaire.not_due', 'This questionnaire is not due now.');
  return { existing: undefined, episodeId: due.episodeId };
}

async function insertResponse(
  trx: Transaction<Schema>,
  row: { id: string; organisationId: string; clientId: string; episodeId: string | null; appointmentId: string | null; instrumentId: InstrumentId; source: AnswerSource; authorStaffId: string | null; now: Date },
) {
  await trx
    .insertInto('questionnaire_response')
    .values({
      id: row.id,
      organisation_id: row.organisationId,
      client_id: row.clientId,
      episode_id: row.episodeId,
      appointment_id: row.appointmentId,
      instrument: row.instrumentId,
      instrument_version: instruments[row.instrumentId].version,
      status: 'in_progress',
      source: row.source,
      author_staff_id: row.authorStaffId,
      total: null,
      authored_at: null,
      received_at: row.now,
      completed_received_at: null,
      updated_at: row.now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/**
 * Keeps a positive item-9 answer and raises its alert, whatever happens to the rest of the
 * request: in its own transaction, before anything else is checked (HAZ-014). If the response
 * does not exist yet, or cannot be written to, it is created or kept as it is, so the answer is
 * stored against the client even for a questionnaire not due or after care ended.
 */
async function keepRiskAnswer(ctx: ServiceContext, actor: ClientActor, responseId: string, instrumentId: InstrumentId, appointmentId: string | null, value: number, recordedAt: Date): Promise<RiskNotice> {
  const now = ctx.clock.now();
  const existing = await findResponse(ctx.db, responseId);
  const episode = existing ? null : await openEpisodeOf(ctx.db, actor.clientId);
  const ownedElsewhere = existing && existing.client_id !== actor.clientId;
  const targetId = ownedElsewhere ? newId(now) : responseId;
  return ctx.db.transaction().execute(async (trx) => {
    if (!existing || ownedElsewhere) {
      await insertResponse(trx, { id: targetId, organisationId: actor.organisationId, clientId: actor.clientId, episodeId: episode?.id ?? null, appointmentId: ownedElsewhere ? null : appointmentId, instrumentId, source: 'client_app', authorStaffId: null, now });
    }
    if (!existing || ownedElsewhere || existing.status === 'in_progress') {
      await upsertAnswer(trx, { responseId: targetId, linkId: riskItem.linkId, value, recordedAt, receivedAt: now });
    }
    await writeAudit(trx, ctx, { action: 'questionnaire.answer', entityType: 'questionnaire_response', entityId: targetId, clientId: actor.clientId, details: { linkId: riskItem.linkId } });
    return raiseAlert(trx, ctx, { id: newId(now), organisationId: actor.organisationId, clientId: actor.clientId, trigger: 'phq9_item9', source: 'client_app', responseId: targetId, answerValue: value, seenInSessionBy: null });
  });
}

/** One answer, saved as the client gives it; a positive item-9 answer raises its alert at once. */
export async function saveAnswer(ctx: ServiceContext, responseId: string, linkId: string, input: SaveAnswer): Promise<{ saved: boolean; risk: RiskNotice | null }> {
  const actor = requireClient(ctx);
  const problems = answerProblems(input.instrumentId, { [linkId]: input.value }, { complete: false });
  if (problems.length) throw invalid(problems);
  const recordedAt = new Date(input.recordedAt);
  const risk = isRiskAnswer(input.instrumentId, linkId, input.value)
    ? await keepRiskAnswer(ctx, actor, responseId, input.instrumentId, input.appointmentId, input.value!, recordedAt)
    : null;
  const { existing, episodeId } = await checkWritable(ctx, actor, responseId, input.instrumentId, input.appointmentId);
  if (existing?.status === 'completed') {
    const answers = await answersOfResponse(ctx.db, responseId);
    if (answers[linkId] === input.value) return { saved: false, risk };
    throw new DomainError('questionnaire.completed', 'This questionnaire was already sent; its answers cannot be changed.');
  }
  if (risk) return { saved: true, risk };
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await insertResponse(trx, { id: responseId, organisationId: actor.organisationId, clientId: actor.clientId, episodeId, appointmentId: input.appointmentId, instrumentId: input.instrumentId, source: 'client_app', authorStaffId: null, now });
    await upsertAnswer(trx, { responseId, linkId, value: input.value, recordedAt, receivedAt: now });
    await trx.updateTable('questionnaire_response').set({ updated_at: now }).where('id', '=', responseId).execute();
    await writeAudit(trx, ctx, { action: 'questionnaire.answer', entityType: 'questionnaire_response', entityId: responseId, clientId: actor.clientId, details: { linkId } });
  });
  return { saved: true, risk: null };
}

function sameAnswers(a: Record<string, number | null>, b: Record<string, number | null>) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

/**
 * The client sends the finished questionnaire with all its answers. Idempotent: sending the same
 * again returns the stored response; different answers for a sent one are refused. A positive
 * item-9 answer is kept and alerted even when the rest is refused.
 */
export async function completeResponse(ctx: ServiceContext, responseId: string, input: Complete): Promise<{ response: QuestionnaireResponse; risk: RiskNotice | null; created: boolean }> {
  const actor = requireClient(ctx);
  const item9 = input.answers[riskItem.linkId];
  const risk =
    input.instrumentId === riskItem.instrumentId && typeof item9 === 'number' && isRiskAnswer(input.instrumentId, riskItem.linkId, item9)
      ? await keepRiskAnswer(ctx, actor, responseId, input.instrumentId, input.appointmentId, item9, new Date(input.authoredAt))
      : null;
  const problems = answerProblems(input.instrumentId, input.answers, { complete: true });
  if (problems.length) throw invalid(problems);
  const { existing, episodeId } = await checkWritable(ctx, actor, responseId, input.instrumentId, input.appointmentId);
  if (existing?.status === 'completed') {
    const stored = await answersOfResponse(ctx.db, responseId);
    if (!sameAnswers(stored, input.answers)) throw new DomainError('questionnaire.completed', 'This questionnaire was already sent with other answers.');
    return { response: (await presentResponses(ctx, [existing]))[0]!, risk, created: false };
  }
  const now = ctx.clock.now();
  const authoredAt = new Date(input.authoredAt);
  await ctx.db.transaction().execute(async (trx) => {
    await insertResponse(trx, { id: responseId, organisationId: actor.organisationId, clientId: actor.clientId, episodeId, appointmentId: input.appointmentId, instrumentId: input.instrumentId, source: 'client_app', authorStaffId: null, now });
    await completeInTransaction(trx, responseId, input.instrumentId, input.answers, authoredAt, now);
    await writeAudit(trx, ctx, { action: 'questionnaire.complete', entityType: 'questionnaire_response', entityId: responseId, clientId: actor.clientId });
    await notifyClientChanged(trx, actor.clientId);
    await notifyAssignedPractitioner(trx, ctx.clock, { clientId: actor.clientId, kind: 'questionnaire-completed', link: `/staff/clients/${actor.clientId}`, sourceId: responseId });
  });
  return { response: (await presentResponses(ctx, [(await findResponse(ctx.db, responseId))!]))[0]!, risk, created: true };
}

async function completeInTransaction(trx: Transaction<Schema>, responseId: string, instrumentId: InstrumentId, answers: Record<string, number | null>, authoredAt: Date, now: Date) {
  for (const [linkId, value] of Object.entries(answers)) {
    await upsertAnswer(trx, { responseId, linkId, value, recordedAt: authoredAt, receivedAt: now }, true);
  }
  await trx
    .updateTable('questionnaire_response')
    .set({ status: 'completed', total: totalScore(instrumentId, answers), authored_at: authoredAt, completed_received_at: now, updated_at: now })
    .where('id', '=', responseId)
    .execute();
}

/**
 * A practitioner records answers given in a session (marked as such; its item-9 alert is
 * "recorded", seen by them), or imported from elsewhere (alerted as the client's own would be).
 */
export async function recordResponse(ctx: ServiceContext, clientId: string, input: Record_): Promise<{ response: QuestionnaireResponse; created: boolean }> {
  await requireClientAccess(ctx, clientId, 'questionnaire.record', (a) => a.allowed.manageEpisodes);
  const actor = ctx.actor;
  if (actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only staff record answers for a client.');
  return storeCompleteResponse(ctx, clientId, input, { authorStaffId: actor.staffId, audit: { action: 'questionnaire.record', details: { source: input.source } } });
}

export interface StoreOptions {
  /** The staff member who entered it, or null (an integration's import). */
  authorStaffId: string | null;
  /** The audit entry written with the response, in its transaction. */
  audit: { action: string; details: Record<string, string | number | boolean | null> };
  /** How far `authoredAt` may be ahead of the server's clock (a sending system's clock skew); default 0. */
  authoredSkewMs?: number;
}

/**
 * Stores a complete response given in a session or imported, for a client the caller's policy
 * check (done by the caller, before this) let them write for: validated and scored as every
 * response is, and a positive item-9 answer raises its alert in the same transaction (HAZ-014).
 * Idempotent by id: the same answers again return the stored response; others are a conflict.
 */
export async function storeCompleteResponse(ctx: ServiceContext, clientId: string, input: Record_, options: StoreOptions): Promise<{ response: QuestionnaireResponse; created: boolean }> {
  const problems = answerProblems(input.instrumentId, input.answers, { complete: true });
  const existing = await findResponse(ctx.db, input.id);
  if (existing) {
    const stored = await answersOfResponse(ctx.db, input.id);
    if (existing.client_id !== clientId || existing.instrument !== input.instrumentId || !sameAnswers(stored, input.answers)) {
      throw new DomainError('write.id_conflict', 'A different questionnaire was already saved with this id.');
    }
    return { response: (await presentResponses(ctx, [existing]))[0]!, created: false };
  }
  if (problems.length) throw invalid(problems);
  const authoredAt = new Date(input.authoredAt);
  const now = ctx.clock.now();
  if (authoredAt.getTime() > now.getTime() + (options.authoredSkewMs ?? 0)) throw new DomainError('request.invalid', 'Answers cannot be recorded for a future time.', [{ path: 'body/authoredAt', message: 'is in the future' }]);
  let episodeId: string | null = null;
  if (input.appointmentId) {
    const appointment = await ctx.db.selectFrom('appointment').select(['episode_id', 'client_id']).where('id', '=', input.appointmentId).executeTakeFirst();
    if (!appointment || appointment.client_id !== clientId) throw new DomainError('appointment.not_found', 'There is no appointment here that you can open.');
    episodeId = appointment.episode_id;
  } else {
    episodeId = (await openEpisodeOf(ctx.db, clientId))?.id ?? null;
  }
  const client = await ctx.db.selectFrom('client').select('organisation_id').where('id', '=', clientId).executeTakeFirstOrThrow();
  await ctx.db.transaction().execute(async (trx) => {
    await insertResponse(trx, { id: input.id, organisationId: client.organisation_id, clientId, episodeId, appointmentId: input.appointmentId, instrumentId: input.instrumentId, source: input.source, authorStaffId: options.authorStaffId, now });
    await completeInTransaction(trx, input.id, input.instrumentId, input.answers, authoredAt, now);
    await writeAudit(trx, ctx, { action: options.audit.action, entityType: 'questionnaire_response', entityId: input.id, clientId, details: options.audit.details });
    await notifyClientChanged(trx, clientId);
    const item9 = input.answers[riskItem.linkId];
    if (input.instrumentId === riskItem.instrumentId && typeof item9 === 'number' && isRiskAnswer(input.instrumentId, riskItem.linkId, item9)) {
      await raiseAlert(trx, ctx, {
        id: newId(now),
        organisationId: client.organisation_id,
        clientId,
        trigger: 'phq9_item9',
        source: input.source,
        responseId: input.id,
        answerValue: item9,
        seenInSessionBy: input.source === 'in_session' ? options.authorStaffId : null,
      });
    }
  });
  return { response: (await presentResponses(ctx, [(await findResponse(ctx.db, input.id))!]))[0]!, created: true };
}

/** The client's own completed questionnaires, oldest first. Audited. */
export async function listOwnResponses(ctx: ServiceContext): Promise<QuestionnaireResponse[]> {
  const actor = requireClient(ctx);
  return listFor(ctx, actor.clientId);
}

/** A client's completed questionnaires, for whoever may read their record. Audited. */
export async function listClientResponses(ctx: ServiceContext, clientId: string): Promise<QuestionnaireResponse[]> {
  await requireClientAccess(ctx, clientId, 'questionnaire.list');
  return listFor(ctx, clientId);
}

async function listFor(ctx: ServiceContext, clientId: string) {
  const rows = await listCompletedResponses(ctx.db, clientId);
  await writeAudit(ctx.db, ctx, { action: 'questionnaire.list', entityType: 'questionnaire_response', clientId, subjectIds: rows.map((r) => r.id) });
  return presentResponses(ctx, rows);
}
