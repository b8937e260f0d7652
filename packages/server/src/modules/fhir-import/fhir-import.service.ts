import {
  authoredClockSkewMs,
  DomainError,
  FhirResourceError,
  readQuestionnaireResponse,
  toQuestionnaireResponse,
  type FhirResource,
  type ImportedMeasure,
  type ReadResult,
} from '@tandem/domain';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { requireClientAccess } from '../clients/clients.policy';
import { answersOfResponse, findResponse, type ResponseRow } from '../questionnaires/questionnaires.repo';
import { storeCompleteResponse } from '../questionnaires/questionnaires.service';
import { mayImportMeasures } from './fhir-import.policy';

/** The audit action of every import, stored, repeated or refused. */
const auditAction = 'questionnaire.import';

export interface ImportResult {
  /** The stored response as FHIR: what a read of it would give. */
  resource: FhirResource;
  /** False when the same resource had been imported before (nothing new was stored or alerted). */
  created: boolean;
  lastUpdated: Date;
}

/**
 * Imports a FHIR R4 QuestionnaireResponse (decision 0039). The resource is read and checked
 * first (400 when it is not a QuestionnaireResponse); then the caller's access to the client it
 * names (404, audited, before anything about its content is told); then its content (422). A good
 * one is stored, scored and audited by the questionnaires service like answers recorded in a
 * session, so a positive PHQ-9 item-9 answer starts the risk pathway in the same transaction,
 * tiered and routed as the client's own would be (HAZ-100). The resource's id is the idempotency
 * key: the same resource again answers the stored one; other content under that id is a conflict.
 * Takes any actor the policy allows, so an integration's API token can call it too.
 */
export async function importQuestionnaireResponse(ctx: ServiceContext, body: unknown): Promise<ImportResult> {
  const read = readQuestionnaireResponse(body, ctx.clock.now());
  if (read.structural) {
    await auditRefusal(ctx, read, 'failed', null);
    throw new FhirResourceError('fhir.invalid_resource', 'This is not a FHIR R4 QuestionnaireResponse Tandem can read.', read.issues);
  }
  if (read.clientId) await requireImportAccess(ctx, read);
  if (!read.measure) {
    await auditRefusal(ctx, read, 'failed', read.clientId);
    throw new FhirResourceError('fhir.unprocessable_resource', 'This questionnaire response cannot be imported as it is.', read.issues);
  }
  const measure = read.measure;
  const existing = await findResponse(ctx.db, measure.id);
  if (existing) return repeatOf(ctx, measure, existing);
  await storeCompleteResponse(
    ctx,
    measure.clientId,
    { id: measure.id, instrumentId: measure.instrumentId, appointmentId: null, answers: measure.answers, authoredAt: measure.authoredAt, source: 'imported' },
    {
      authorStaffId: ctx.actor.type === 'staff' ? ctx.actor.staffId : null,
      audit: { action: auditAction, details: { format: 'fhir-r4', instrument: measure.instrumentId } },
      authoredSkewMs: authoredClockSkewMs,
    },
  );
  return presentStored(ctx, measure.id, true);
}

/** The client must exist and be one the caller may record measures for; a refusal is audited and tells nothing of the client. */
async function requireImportAccess(ctx: ServiceContext, read: ReadResult) {
  try {
    await requireClientAccess(ctx, read.clientId!, auditAction, (access) => mayImportMeasures(access, ctx.actor));
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'client.not_found') throw error;
    // The policy audits a refused look at its own organisation's client; this records every refused import, in the caller's organisation.
    await auditRefusal(ctx, read, 'denied', null);
    throw new FhirResourceError(error.code, error.message, [
      { severity: 'error', code: 'not-found', diagnostics: 'There is no client here that you may record measures for.', expression: ['QuestionnaireResponse.subject'] },
    ]);
  }
}

/** A refused import, audited in its own write (nothing else is written): its resource id when it had one, and how many problems. */
async function auditRefusal(ctx: ServiceContext, read: Pick<ReadResult, 'id' | 'issues'>, outcome: 'failed' | 'denied', clientId: string | null) {
  await writeAudit(ctx.db, ctx, {
    action: auditAction,
    outcome,
    entityType: 'questionnaire_response',
    entityId: read.id,
    clientId,
    details: { format: 'fhir-r4', problems: read.issues.filter((i) => i.severity === 'error').length },
  });
}

/** The same resource sent again: the stored one, with nothing new written but the audit; other content under its id is refused. */
async function repeatOf(ctx: ServiceContext, measure: ImportedMeasure, existing: ResponseRow): Promise<ImportResult> {
  const stored = await answersOfResponse(ctx.db, existing.id);
  const same =
    existing.client_id === measure.clientId &&
    existing.source === 'imported' &&
    existing.status === 'completed' &&
    existing.instrument === measure.instrumentId &&
    existing.authored_at?.toISOString() === measure.authoredAt &&
    Object.keys({ ...stored, ...measure.answers }).every((linkId) => stored[linkId] === measure.answers[linkId]);
  if (!same) {
    await auditRefusal(ctx, { id: measure.id, issues: [] }, 'failed', measure.clientId);
    throw new FhirResourceError('write.id_conflict', 'A different questionnaire response was already stored with this id.', [
      { severity: 'error', code: 'conflict', diagnostics: 'this id was already used for a different questionnaire response; a new response needs a new id', expression: ['QuestionnaireResponse.id'] },
    ]);
  }
  await writeAudit(ctx.db, ctx, { action: auditAction, entityType: 'questionnaire_response', entityId: existing.id, clientId: existing.client_id, details: { format: 'fhir-r4', repeat: true } });
  return presentStored(ctx, existing.id, false);
}

/** The stored response as a FHIR QuestionnaireResponse, in the FHIR export's own form (decision 0038). */
async function presentStored(ctx: ServiceContext, id: string, created: boolean): Promise<ImportResult> {
  const row = (await findResponse(ctx.db, id))!;
  const answers = await answersOfResponse(ctx.db, id);
  const resource = toQuestionnaireResponse(
    {
      id: row.id,
      instrument: row.instrument,
      authorStaffId: row.author_staff_id,
      total: row.total,
      authoredAt: row.authored_at!,
      completedReceivedAt: row.completed_received_at,
      appointmentId: row.appointment_id,
      answers: Object.entries(answers).map(([linkId, value]) => ({ linkId, value })),
    },
    row.client_id,
    null,
  );
  return { resource, created, lastUpdated: row.completed_received_at ?? row.received_at };
}
