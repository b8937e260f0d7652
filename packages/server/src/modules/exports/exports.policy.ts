import { addDays, DomainError, hasRole, zonedDateTimeToInstant, type Actor, type ExportRangeQuery, type ServiceActor, type StaffActor } from '@tandem/domain';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import type { ExportSpan } from './exports.repo';

/*
 * Who may take data out of Tandem in bulk (decision 0043). Both exports cover the caller's whole
 * organisation and nothing else.
 * - The service-system export names clients (NHS number, local ids) and goes into the service's
 *   own patient record system: the organisation's admins, who run its data returns. Not
 *   supervisors: they see their supervisees' caseloads, not the whole service's named records
 *   (decision 0010).
 *   An integration of the service's (a service account's API token with the `exports:read` scope,
 *   decision 0041) may fetch it too, for its own organisation.
 * - The research export is de-identified: supervisors and admins (issue 12), never a token — a
 *   person with the role asks for each one.
 */
export type ExportKind = 'service_system' | 'research';

export function mayExport(actor: Actor, kind: ExportKind): actor is StaffActor | ServiceActor {
  if (kind === 'research') return hasRole(actor, 'admin') || hasRole(actor, 'supervisor');
  return hasRole(actor, 'admin') || (actor.type === 'service' && actor.scopes.includes('exports:read'));
}

/** The policy first: a refusal is audited (who asked for what), then answered `auth.forbidden`. */
export async function requireExport(ctx: ServiceContext, kind: ExportKind, range: ExportRangeQuery): Promise<StaffActor | ServiceActor> {
  if (mayExport(ctx.actor, kind)) return ctx.actor;
  await writeAudit(ctx.db, ctx, { action: `export.${kind}`, entityType: 'export', outcome: 'denied', details: { from: range.from, to: range.to } });
  throw new DomainError('auth.forbidden', kind === 'service_system' ? 'Only the organisation’s admins export to the service’s record system.' : 'Only supervisors and admins export research data.');
}

/** The range's organisation dates as instants: from the first day's midnight to the midnight after the last. */
export function exportSpan(range: ExportRangeQuery, timeZone: string): ExportSpan {
  return { firstDay: range.from, lastDay: range.to, from: zonedDateTimeToInstant(range.from, '00:00', timeZone), to: zonedDateTimeToInstant(addDays(range.to, 1), '00:00', timeZone) };
}
