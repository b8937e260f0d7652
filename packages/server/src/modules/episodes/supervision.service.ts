import { DomainError, reviewReasonsFor, type SupervisionEpisode } from '@tandem/domain';
import { sql } from 'kysely';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { loadCareSettings } from '../organisation/organisation.repo';

/**
 * A supervisor's view of their supervisees' open episodes, with the reasons any needs review
 * (session limit reached; no reliable improvement by session N — both from the organisation's care
 * settings). Supervision is of named
 * practitioners, so only their assigned episodes appear. Two queries; the ids returned are audited.
 */
export async function listSupervisedEpisodes(ctx: ServiceContext): Promise<{ episodes: SupervisionEpisode[]; needingReview: number }> {
  const actor = ctx.actor;
  if (actor.type !== 'staff' || !actor.roles.includes('supervisor')) {
    throw new DomainError('auth.forbidden', 'Only supervisors have supervisees’ episodes to review.');
  }
  const rows = await ctx.db
    .selectFrom('episode as e')
    .innerJoin('supervision as sv', 'sv.practitioner_id', 'e.assigned_practitioner_id')
    .innerJoin('client as c', 'c.id', 'e.client_id')
    .innerJoin('staff as p', 'p.id', 'e.assigned_practitioner_id')
    .select([
      'e.id as episodeId',
      'e.client_id as clientId',
      'c.given_name as givenName',
      'c.family_name as familyName',
      'c.date_of_birth as dateOfBirth',
      'c.nhs_number as nhsNumber',
      'e.assigned_practitioner_id as practitionerId',
      'p.display_name as practitionerName',
      'e.step',
      'e.status',
      (eb) =>
        eb
          .selectFrom('appointment as a')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('a.episode_id', '=', 'e.id')
          .where('a.purpose', '=', 'treatment')
          .where('a.status', 'in', ['attended', 'attended_late'])
          .as('attended'),
    ])
    .where('sv.supervisor_id', '=', actor.staffId)
    .where('e.organisation_id', '=', actor.organisationId)
    .where('e.status', '<>', 'ended')
    .orderBy('p.display_name')
    .orderBy('c.family_name')
    .orderBy('e.id')
    .execute();
  const scores = rows.length
    ? await ctx.db
        .selectFrom('questionnaire_response')
        .select(['episode_id', 'instrument', 'total'])
        .where('episode_id', 'in', rows.map((r) => r.episodeId))
        .where('status', '=', 'completed')
        .where('instrument', 'in', ['phq9', 'gad7'])
        .orderBy('authored_at')
        .orderBy('id')
        .execute()
    : [];
  const { settings } = await loadCareSettings(ctx.db, actor.organisationId);
  const totals = (episodeId: string, instrument: 'phq9' | 'gad7') =>
    scores.filter((s) => s.episode_id === episodeId && s.instrument === instrument).map((s) => s.total!);
  const episodes = rows.map((r) => {
    const attended = Number(r.attended ?? 0);
    return {
      episodeId: r.episodeId,
      clientId: r.clientId,
      clientName: `${r.givenName} ${r.familyName}`,
      dateOfBirth: r.dateOfBirth,
      nhsNumber: r.nhsNumber,
      practitionerId: r.practitionerId,
      practitionerName: r.practitionerName,
      step: r.step,
      status: r.status as SupervisionEpisode['status'],
      attendedTreatmentSessions: attended,
      sessionLimit: settings.sessionLimits[r.step],
      reviewReasons: reviewReasonsFor(r.step, attended, { phq9: totals(r.episodeId, 'phq9'), gad7: totals(r.episodeId, 'gad7') }, settings),
    };
  });
  await writeAudit(ctx.db, ctx, { action: 'supervision.episodes', entityType: 'episode', subjectIds: episodes.map((e) => e.episodeId) });
  return { episodes, needingReview: episodes.filter((e) => e.reviewReasons.length > 0).length };
}
