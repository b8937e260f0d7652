import {
  decideErasure,
  DomainError,
  newId,
  type DataRightsStatus,
  type EraseClientRequest,
  type LiftRestrictionRequest,
  type RecordRestrictionRequest,
} from '@tandem/domain';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { requireAdmin, requireDataRightsAdmin, requireDataRightsRead } from './data-rights.policy';
import {
  findClientByEmailOrNhsNumber,
  findClientForDataRights,
  findErasure,
  insertRestriction,
  liftRestriction,
  listRestrictions,
  retentionFacts,
} from './data-rights.repo';
import { eraseClientData } from './erasure.repo';
import { enqueueNextMoodPrompt } from '../checkins/mood-prompt.jobs';

/**
 * Restriction of processing and erasure (UK GDPR Art. 18 and 17; decision 0042). A removal
 * request is handled by restricting by default; erasure happens only when the retention policy
 * (RETENTION_YEARS_AFTER_DISCHARGE) no longer requires the records, and its audit stays.
 */

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

async function erasureDecision(ctx: ServiceContext, clientId: string) {
  const facts = await retentionFacts(ctx.db, clientId);
  const candidates = [utcDay(facts.createdAt), facts.lastEndedOn, facts.lastAttendedAt ? utcDay(facts.lastAttendedAt) : null].filter((d): d is string => !!d);
  const lastContactOn = candidates.sort().at(-1)!;
  return decideErasure({ careOngoing: facts.careOngoing, lastContactOn, retentionYears: ctx.config.retentionYearsAfterDischarge, today: utcDay(ctx.clock.now()) });
}

async function statusOf(ctx: ServiceContext, clientId: string, canManage: boolean): Promise<DataRightsStatus> {
  const client = await findClientForDataRights(ctx.db, clientId);
  if (!client) throw new DomainError('client.not_found', 'There is no client record here that you can open.');
  const restrictions = await listRestrictions(ctx.db, clientId);
  const erased = await findErasure(ctx.db, clientId);
  const decision = erased ? null : await erasureDecision(ctx, clientId);
  return {
    client: { id: client.id, givenName: client.given_name, familyName: client.family_name, dateOfBirth: client.date_of_birth },
    restricted: restrictions.some((r) => r.lifted_at === null),
    restrictions: restrictions.map((r) => ({
      id: r.id,
      requestedOn: utcDay(r.requested_at),
      restrictedAt: r.restricted_at.toISOString(),
      restrictedBy: r.restricted_by_name,
      reason: r.reason,
      liftedAt: r.lifted_at?.toISOString() ?? null,
      liftedBy: r.lifted_by_name ?? null,
      liftReason: r.lift_reason,
    })),
    erasure: {
      erasedAt: erased?.erased_at.toISOString() ?? null,
      allowed: decision?.allowed ?? false,
      reason: erased ? 'erased' : decision && !decision.allowed ? decision.reason : null,
      keepUntil: decision && 'keepUntil' in decision ? decision.keepUntil : null,
      retentionYears: ctx.config.retentionYearsAfterDischarge,
    },
    canManage,
  };
}

/** The data-rights state of one client, for an admin (who may act) or staff who read the record (the banner). Audited. */
export async function getDataRightsStatus(ctx: ServiceContext, clientId: string): Promise<DataRightsStatus> {
  const { canManage } = await requireDataRightsRead(ctx, clientId, 'data_rights.read');
  const status = await statusOf(ctx, clientId, canManage);
  await writeAudit(ctx.db, ctx, { action: 'data_rights.read', entityType: 'client', entityId: clientId, clientId });
  return status;
}

/** An admin finds a client of their organisation by email or NHS number. Audited, found or not. */
export async function findDataRightsClient(ctx: ServiceContext, query: string): Promise<DataRightsStatus> {
  const admin = requireAdmin(ctx);
  const found = await findClientByEmailOrNhsNumber(ctx.db, admin.organisationId, query);
  await writeAudit(ctx.db, ctx, { action: 'data_rights.find', entityType: 'client', entityId: found?.id ?? null, clientId: found?.id ?? null, details: { found: !!found } });
  if (!found) throw new DomainError('client.not_found', 'No client of this service has that email address or NHS number.');
  return statusOf(ctx, found.id, true);
}

/** Records a removal request as a restriction of processing. One active restriction at a time. */
export async function restrictProcessing(ctx: ServiceContext, clientId: string, input: RecordRestrictionRequest): Promise<DataRightsStatus> {
  const { client, admin } = await requireDataRightsAdmin(ctx, clientId, 'data_rights.restrict');
  if (await findErasure(ctx.db, clientId)) throw new DomainError('data_rights.erased', 'This client’s data has already been erased.');
  const now = ctx.clock.now();
  const id = newId(now);
  await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertRestriction(trx, { id, clientId, organisationId: client.organisation_id, requestedAt: new Date(`${input.requestedOn}T00:00:00Z`), at: now, by: admin.staffId, reason: input.reason.trim() });
    if (!inserted) throw new DomainError('data_rights.already_restricted', 'Processing of this client’s data is already restricted.');
    await writeAudit(trx, ctx, { action: 'data_rights.restrict', entityType: 'processing_restriction', entityId: id, clientId });
  });
  return statusOf(ctx, clientId, true);
}

/** Lifts the active restriction, with a reason (the client agreed, or asked). */
export async function liftProcessingRestriction(ctx: ServiceContext, clientId: string, input: LiftRestrictionRequest): Promise<DataRightsStatus> {
  const { admin } = await requireDataRightsAdmin(ctx, clientId, 'data_rights.lift');
  if (await findErasure(ctx.db, clientId)) throw new DomainError('data_rights.erased', 'This client’s data has already been erased.');
  await ctx.db.transaction().execute(async (trx) => {
    const id = await liftRestriction(trx, clientId, ctx.clock.now(), admin.staffId, input.reason.trim());
    if (!id) throw new DomainError('data_rights.not_restricted', 'Processing of this client’s data is not restricted.');
    await writeAudit(trx, ctx, { action: 'data_rights.lift', entityType: 'processing_restriction', entityId: id, clientId });
    // Mood prompts stopped with the restriction: start the chain again (its job checks care and times).
    await enqueueNextMoodPrompt(trx, ctx.clock, clientId);
  });
  return statusOf(ctx, clientId, true);
}

/**
 * Erases the client's personal data in one transaction, only where the retention policy allows
 * (refused with the reason otherwise; the refusal is audited). The audit events stay: they hold
 * ids and codes, and the erasure itself is one of them.
 */
export async function eraseClient(ctx: ServiceContext, clientId: string, input: EraseClientRequest): Promise<DataRightsStatus> {
  const { client, admin } = await requireDataRightsAdmin(ctx, clientId, 'data_rights.erase');
  if (await findErasure(ctx.db, clientId)) throw new DomainError('data_rights.erased', 'This client’s data has already been erased.');
  if (input.confirmFamilyName.trim().toLowerCase() !== client.family_name.toLowerCase()) {
    throw new DomainError('request.invalid', 'Type the client’s family name to confirm.', [{ path: 'confirmFamilyName', message: 'does not match the client’s family name' }]);
  }
  const decision = await erasureDecision(ctx, clientId);
  if (!decision.allowed) {
    await writeAudit(ctx.db, ctx, { action: 'data_rights.erase', outcome: 'denied', entityType: 'client', entityId: clientId, clientId, details: { reason: decision.reason } });
    throw decision.reason === 'care_ongoing'
      ? new DomainError('data_rights.must_keep', 'These records must be kept: the client’s care is still going on. Restrict processing instead.')
      : new DomainError('data_rights.must_keep', `These records must be kept until ${decision.keepUntil} (the retention policy: ${ctx.config.retentionYearsAfterDischarge} years after the last contact). Restrict processing instead.`);
  }
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const counts = await eraseClientData(trx, { clientId, organisationId: client.organisation_id, email: client.email, at: now });
    await trx
      .insertInto('client_erasure')
      .values({ client_id: clientId, organisation_id: client.organisation_id, requested_at: new Date(`${input.requestedOn}T00:00:00Z`), erased_at: now, erased_by: admin.staffId, reason: input.reason.trim() })
      .execute();
    await writeAudit(trx, ctx, { action: 'data_rights.erase', entityType: 'client', entityId: clientId, clientId, details: { ...counts, keptUntil: decision.keepUntil } });
  });
  return statusOf(ctx, clientId, true);
}
