import { driftFlagCodes, DomainError, localDate, type DriftFlagCode, type Fidelity, type ProgrammeModule } from '@tandem/domain';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { mapEpisodes } from './protocol-map.service';
import { listOpenEpisodesOf, listSupervisees, organisationTimeZone } from './sessions.repo';

const noCounts = () => Object.fromEntries(driftFlagCodes.map((c) => [c, 0])) as Record<DriftFlagCode, number>;

/**
 * Fidelity per supervisee (issue 8, item 7): of each named supervisee's open episodes with a plan,
 * how many have drift flags, by code, and which. Access as the supervision list's (supervisors, of
 * their own supervisees only). Episodes are named by id and client id, as the supervision list
 * already names them with the client's details; no notes, reasons or other clients' data. Every
 * supervisee is listed, with zeros when nothing drifted. The episode ids mapped are audited.
 */
export async function getFidelity(ctx: ServiceContext, programme: readonly ProgrammeModule[]): Promise<Fidelity> {
  const actor = ctx.actor;
  if (actor.type !== 'staff' || !actor.roles.includes('supervisor')) throw new DomainError('auth.forbidden', 'Only supervisors see their supervisees’ fidelity to plans.');
  const supervisees = await listSupervisees(ctx.db, actor.staffId, actor.organisationId);
  const episodes = await listOpenEpisodesOf(ctx.db, supervisees.map((s) => s.id), actor.organisationId);
  const maps = await mapEpisodes(ctx, programme, actor.organisationId, episodes);
  const mapped = episodes.filter((e) => maps.get(e.id)!.hasPlan);
  await writeAudit(ctx.db, ctx, { action: 'supervision.fidelity', entityType: 'episode', subjectIds: mapped.map((e) => e.id) });
  return {
    today: localDate(ctx.clock.now(), await organisationTimeZone(ctx.db, actor.organisationId)),
    supervisees: supervisees.map((s) => {
      const own = mapped.filter((e) => e.assigned_practitioner_id === s.id);
      const byCode = noCounts();
      const flaggedEpisodes = own.flatMap((e) => {
        const codes = driftFlagCodes.filter((c) => maps.get(e.id)!.map.flags.some((f) => f.code === c));
        for (const c of codes) byCode[c] += 1;
        return codes.length ? [{ episodeId: e.id, clientId: e.client_id, codes }] : [];
      });
      return { practitionerId: s.id, practitionerName: s.display_name, openEpisodesWithPlan: own.length, episodesWithFlags: flaggedEpisodes.length, byCode, flaggedEpisodes };
    }),
  };
}
