import {
  localDate,
  serviceContactRows,
  serviceMeasureRows,
  serviceReferralRows,
  toCsv,
  zonedParts,
  type DatedScore,
  type ExportRangeQuery,
  type ServiceContact,
  type ServiceReferral,
} from '@tandem/domain';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { organisationTimeZone } from '../sessions/sessions.repo';
import { exportSpan, requireExport } from './exports.policy';
import { countAttendedTreatment, listEpisodeResponses, listExportAppointments, listExportEpisodes } from './exports.repo';
import { writeZip } from './zip';

/**
 * The service-system export (decision 0043; layout in docs/data-dictionaries/service-system-export.md):
 * the organisation's referrals open in the range (or with a contact in it), their contacts in the
 * range, and each referral's first and last PHQ-9 and GAD-7 over the whole referral — one zip of
 * referrals.csv, contacts.csv and measures.csv. Clients whose processing is restricted are left
 * out. Read in one transaction, audited there with the clients' ids and the counts (never the data).
 */
export async function exportServiceSystem(ctx: ServiceContext, range: ExportRangeQuery): Promise<Buffer> {
  const actor = await requireExport(ctx, 'service_system', range);
  return ctx.db.transaction().execute(async (tx) => {
    const timeZone = await organisationTimeZone(tx, actor.organisationId);
    const span = exportSpan(range, timeZone);
    const episodes = await listExportEpisodes(tx, actor.organisationId, span);
    const episodeIds = episodes.map((e) => e.id);
    const appointments = await listExportAppointments(tx, episodeIds, span);
    const attended = await countAttendedTreatment(tx, episodeIds);
    const responses = await listEpisodeResponses(tx, episodeIds);
    const nhsNumber = new Map(episodes.map((e) => [e.client_id, e.nhs_number]));

    const scoresOf = (episodeId: string, instrument: 'phq9' | 'gad7'): DatedScore[] =>
      responses.filter((r) => r.episode_id === episodeId && r.instrument === instrument && r.total !== null && r.authored_at !== null).map((r) => ({ total: r.total!, date: localDate(r.authored_at!, timeZone) }));
    const referrals: ServiceReferral[] = episodes.map((e) => ({
      id: e.id,
      clientId: e.client_id,
      nhsNumber: e.nhs_number,
      referralDate: e.referral_date,
      endedOn: e.ended_on,
      step: e.step,
      status: e.status,
      endingReason: e.ending_reason,
      attendedTreatment: attended.get(e.id) ?? 0,
      scores: { phq9: scoresOf(e.id, 'phq9'), gad7: scoresOf(e.id, 'gad7') },
    }));
    const contacts: ServiceContact[] = appointments.map((a) => {
      const at = zonedParts(a.starts_at, timeZone);
      return {
        id: a.id,
        episodeId: a.episode_id,
        clientId: a.client_id,
        nhsNumber: nhsNumber.get(a.client_id) ?? null,
        practitionerId: a.practitioner_id,
        date: `${at.year}-${at.month}-${at.day}`,
        time: `${at.hour}:${at.minute}:${at.second}`,
        purpose: a.purpose,
        contactMethod: a.contact_method,
        status: a.status,
        durationMinutes: a.duration_minutes,
      };
    });

    const clientIds = [...new Set(episodes.map((e) => e.client_id))];
    await writeAudit(tx, ctx, {
      action: 'export.service_system',
      entityType: 'export',
      subjectIds: clientIds,
      details: { from: range.from, to: range.to, clients: clientIds.length, referrals: referrals.length, contacts: contacts.length },
    });
    return writeZip([
      { name: 'referrals.csv', content: toCsv(serviceReferralRows(referrals)) },
      { name: 'contacts.csv', content: toCsv(serviceContactRows(contacts)) },
      { name: 'measures.csv', content: toCsv(serviceMeasureRows(referrals)) },
    ]);
  });
}
