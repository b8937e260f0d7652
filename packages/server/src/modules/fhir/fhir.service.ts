import { buildClientBundle, clientAccess, fhirBasePath, DomainError, newId, questionnaireSearchBundle, instrumentIds, instruments, toFhirQuestionnaire, staffIdsNamed, type FhirBundle, type FhirResource, type InstrumentId } from '@tandem/domain';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { loadAccessFacts } from '../clients/clients.repo';
import { isProcessingRestricted } from '../data-rights/data-rights.repo';
import { loadExportRecords, loadStaff } from './fhir.repo';

const exportAction = 'client.fhir_export';

/** Where this server names its FHIR resources: `<public origin>/api/fhir`, its FHIR base (decisions 0038, 0039). */
export function fhirBaseUrl(publicOrigin: string): string {
  return `${publicOrigin.replace(/\/$/, '')}${fhirBasePath}`;
}

/**
 * One client's record as a FHIR R4 Bundle, for whoever reads the clinical record: the care team,
 * their supervisor, a break-glass admin, the person an open alert is routed to (decision 0010,
 * `readCase` in the route walk). The client gets their own data through the subject access
 * download, not here. The export is audited with counts of what it carried.
 */
export async function exportClientFhir(ctx: ServiceContext, clientId: string): Promise<FhirBundle> {
  await requireExportAccess(ctx, clientId);
  return ctx.db.transaction().execute(async (trx) => {
    const records = await loadExportRecords(trx, clientId);
    if (!records) throw new DomainError('client.not_found', 'There is no client record here that you can open.');
    const staff = await loadStaff(trx, staffIdsNamed(records));
    const now = ctx.clock.now();
    const bundle = buildClientBundle({ ...records, staff, baseUrl: fhirBaseUrl(ctx.config.publicOrigin), bundleId: newId(now), generatedAt: now });
    const counts: Record<string, number> = {};
    for (const { resource } of bundle.entry) counts[resource.resourceType] = (counts[resource.resourceType] ?? 0) + 1;
    await writeAudit(trx, ctx, { action: exportAction, entityType: 'client', entityId: clientId, clientId, details: { bundleId: bundle.id, entries: bundle.entry.length, ...counts } });
    return bundle;
  });
}

/** Our instruments as a searchset (no client data: the same for everyone). */
export function listQuestionnaires(publicOrigin: string, at: Date): FhirBundle {
  return questionnaireSearchBundle(fhirBaseUrl(publicOrigin), newId(at), at);
}

/** One instrument by its id (phq9, gad7, wsas). */
export function getQuestionnaire(id: string): FhirResource & { resourceType: 'Questionnaire' } {
  if (!(instrumentIds as readonly string[]).includes(id)) throw new DomainError('questionnaire.not_found', 'There is no questionnaire with that id.');
  return toFhirQuestionnaire(instruments[id as InstrumentId]) as FhirResource & { resourceType: 'Questionnaire' };
}

/**
 * Issue 12, "Bad input": an export of a client outside the caller's access is refused and audited.
 * Every refusal is recorded — also of an id that is no client, or of another organisation's client,
 * which the shared access check leaves out — with the id asked for and nothing of any record; a
 * client whose processing is restricted is not exported to anyone (409). The
 * client's id goes in the audit's client column only when the client is of the caller's own
 * organisation, so another organisation's trail never names it. Others get the same "not found" as
 * everywhere; the client themself is pointed to their own download.
 */
async function requireExportAccess(ctx: ServiceContext, clientId: string): Promise<void> {
  const facts = await loadAccessFacts(ctx.db, clientId, ctx.clock.now());
  const access = facts ? clientAccess(ctx.actor, facts) : null;
  const allowed = !!access?.allowed.read && access.basis !== 'self';
  // Restricted processing (UK GDPR Art. 18, decision 0042): the record is kept, not sent to another system.
  const restricted = allowed && (await isProcessingRestricted(ctx.db, clientId));
  if (allowed && !restricted) return;
  const sameOrganisation = facts?.organisationId === ctx.actor.organisationId;
  await writeAudit(ctx.db, ctx, {
    action: exportAction,
    outcome: 'denied',
    entityType: 'client',
    entityId: clientId,
    clientId: sameOrganisation ? clientId : null,
    details: { reason: restricted ? 'processing_restricted' : access?.basis === 'self' ? 'own_record' : 'no_access' },
  });
  if (restricted) throw new DomainError('data_rights.processing_restricted', 'The client asked for their data not to be used: it cannot be sent to another system while processing is restricted.');
  if (access?.basis === 'self') throw new DomainError('auth.forbidden', 'Your own data can be downloaded from your own account.');
  throw new DomainError('client.not_found', 'There is no client record here that you can open.');
}
