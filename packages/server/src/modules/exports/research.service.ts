import { createHmac, randomBytes, randomInt } from 'node:crypto';
import {
  ageBand,
  dateShiftDays,
  dateShiftWeeks,
  localDate,
  outcomeFlags,
  referralOutcome,
  researchFiles,
  shiftDate,
  toCsv,
  type CsvCell,
  type DatedScore,
  type ExportRangeQuery,
  type ResearchFile,
} from '@tandem/domain';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { itemStates } from '../homework/homework.present';
import { doneFacts } from '../homework/homework.repo';
import { organisationTimeZone } from '../sessions/sessions.repo';
import { exportSpan, requireExport } from './exports.policy';
import {
  countAttendedTreatment,
  countOnlineWork,
  listAnswers,
  listCheckIns,
  listEpisodeResponses,
  listExportAppointments,
  listExportEpisodes,
  listHomeworkSet,
  listResearchConsent,
} from './exports.repo';
import { writeZip } from './zip';

/**
 * One export's pseudonyms and date shifts (decision 0043). The HMAC key is 32 random bytes made
 * for this export and dropped with it, so the same client has a different pseudonym in every
 * export (exports cannot be joined to each other, and nobody can recompute a pseudonym from an
 * id). Each client gets one random shift, used for all their dates.
 */
function deIdentifier() {
  const key = randomBytes(32);
  const shifts = new Map<string, number>();
  return {
    pseudonym: (kind: 'client' | 'episode', id: string) => `${kind[0]}-${createHmac('sha256', key).update(`${kind}:${id}`).digest('hex').slice(0, 16)}`,
    shiftFor(clientId: string): number {
      let shift = shifts.get(clientId);
      if (shift === undefined) {
        shift = dateShiftDays(randomInt(dateShiftWeeks.min, dateShiftWeeks.max + 1), randomInt(2) === 0 ? -1 : 1);
        shifts.set(clientId, shift);
      }
      return shift;
    },
  };
}

const itemNumber = (linkId: string) => Number(/-(\d+)$/.exec(linkId)?.[1] ?? 0);

/**
 * The research export: clients of the organisation whose latest consent record says yes to
 * research, whose processing is not restricted, with an episode open in the range. No names,
 * emails, dates of birth (an age band instead), NHS numbers, ids or anything a person wrote:
 * consent has no choice about free text, so none is ever exported. Audited in the read's
 * transaction with the clients' ids and counts. Re-identification is hazard HAZ-108.
 */
export async function exportResearch(ctx: ServiceContext, range: ExportRangeQuery): Promise<Buffer> {
  const actor = await requireExport(ctx, 'research', range);
  return ctx.db.transaction().execute(async (tx) => {
    const timeZone = await organisationTimeZone(tx, actor.organisationId);
    const span = exportSpan(range, timeZone);
    const consent = await listResearchConsent(tx, actor.organisationId);
    const consenting = [...consent].filter(([, yes]) => yes).map(([clientId]) => clientId);
    const episodes = await listExportEpisodes(tx, actor.organisationId, span, consenting);
    const episodeIds = episodes.map((e) => e.id);
    const clientIds = [...new Set(episodes.map((e) => e.client_id))];
    const appointments = await listExportAppointments(tx, episodeIds, span);
    const attended = await countAttendedTreatment(tx, episodeIds);
    const responses = await listEpisodeResponses(tx, episodeIds);
    const inSpan = responses.filter((r) => r.authored_at !== null && r.authored_at >= span.from && r.authored_at < span.to);
    const answers = await listAnswers(tx, inSpan.map((r) => r.id));
    const checkIns = await listCheckIns(tx, clientIds, span);
    const work = await countOnlineWork(tx, clientIds, span);
    const homework = await listHomeworkSet(tx, clientIds, span);

    const de = deIdentifier();
    const client = (id: string) => de.pseudonym('client', id);
    const day = (at: Date, clientId: string) => shiftDate(localDate(at, timeZone), de.shiftFor(clientId));
    const files: Record<ResearchFile, CsvCell[][]> = {
      'episodes.csv': episodes.map((e) => {
        const scoresOf = (instrument: 'phq9' | 'gad7'): DatedScore[] =>
          responses
            .filter((r) => r.episode_id === e.id && r.instrument === instrument && r.total !== null && r.authored_at !== null)
            .map((r) => ({ total: r.total!, date: localDate(r.authored_at!, timeZone) }));
        const outcome = referralOutcome({ status: e.status, attendedTreatment: attended.get(e.id) ?? 0, scores: { phq9: scoresOf('phq9'), gad7: scoresOf('gad7') } });
        const shift = de.shiftFor(e.client_id);
        return [
          client(e.client_id),
          de.pseudonym('episode', e.id),
          ageBand(e.date_of_birth, e.referral_date),
          e.step,
          e.referral_source,
          e.status,
          shiftDate(e.referral_date, shift),
          e.ended_on ? shiftDate(e.ended_on, shift) : null,
          e.ending_reason,
          attended.get(e.id) ?? 0,
          ...outcomeFlags(outcome),
        ];
      }),
      'appointments.csv': appointments.map((a) => [client(a.client_id), de.pseudonym('episode', a.episode_id), day(a.starts_at, a.client_id), a.purpose, a.contact_method, a.status, a.duration_minutes]),
      'check_ins.csv': checkIns.map((c) => [client(c.client_id), day(c.recorded_at, c.client_id), c.mood]),
      'questionnaires.csv': inSpan.map((r) => {
        const items: CsvCell[] = Array.from({ length: 9 }, () => null);
        for (const a of answers) if (a.response_id === r.id && itemNumber(a.link_id) >= 1) items[itemNumber(a.link_id) - 1] = a.value;
        return [client(r.client_id), de.pseudonym('episode', r.episode_id!), r.instrument, day(r.authored_at!, r.client_id), r.total, ...items];
      }),
      'engagement.csv': [],
    };
    for (const clientId of clientIds) {
      const set = homework.filter((h) => h.client_id === clientId);
      const states = set.length ? await doneFacts(tx, clientId).then((facts) => set.flatMap((h) => itemStates(h, facts))) : [];
      files['engagement.csv'].push([client(clientId), work.steps.get(clientId) ?? 0, work.entries.get(clientId) ?? 0, states.length, states.filter((s) => s.done).length]);
    }

    await writeAudit(tx, ctx, {
      action: 'export.research',
      entityType: 'export',
      subjectIds: clientIds,
      details: { from: range.from, to: range.to, clients: clientIds.length, episodes: episodes.length, freeText: false },
    });
    // Rows in a random order of pseudonyms, so the order of rows says nothing about ids or registration order.
    const sorted = (rows: CsvCell[][]) => [...rows].sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    return writeZip(
      (Object.keys(researchFiles) as ResearchFile[]).map((name) => ({ name, content: toCsv([[...researchFiles[name]], ...sorted(files[name])]) })),
    );
  });
}
