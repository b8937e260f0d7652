import { whoMustSee, type DutyAnswer, type RiskPolicy, type SiteHours } from '@tandem/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../db/schema';
import { findSiteHours, listAwayPeriods, listClosures, listDutyPeriods } from '../duty/duty.repo';

type Db = Kysely<Schema> | Transaction<Schema>;

const dayMs = 24 * 3600_000;

export interface CoverAnswer extends DutyAnswer {
  timeZone: string;
  siteLeadStaffId: string | null;
  /** The available person on the duty rota at `at`, if any (the escalation path's second step). */
  dutyNow: string | null;
}

/**
 * The client's site for routing: their own site, or else the organisation's first site with
 * service hours set (a client registered without a site must still reach a person).
 */
async function routingSite(db: Db, organisationId: string, clientId: string) {
  const client = await db.selectFrom('client').select('site_id').where('id', '=', clientId).executeTakeFirst();
  const sites = await db
    .selectFrom('site')
    .innerJoin('site_hours', 'site_hours.site_id', 'site.id')
    .select(['site.id', 'site.time_zone'])
    .where('site.organisation_id', '=', organisationId)
    .orderBy('site.name')
    .execute();
  return sites.find((s) => s.id === client?.site_id) ?? sites[0];
}

/** The organisation's earliest admin: the last resort when no site has service hours yet. */
async function lastResort(db: Db, organisationId: string): Promise<string> {
  const admin = await db
    .selectFrom('staff')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb(eb.val('admin'), '=', eb.fn.any('roles')))
    .orderBy('created_at')
    .executeTakeFirst();
  if (!admin) throw new Error(`Organisation ${organisationId} has no admin to receive a risk alert`);
  return admin.id;
}

/**
 * Who must see a risk alert raised at `at` for this client, and from when someone is on hand
 * (`whoMustSee` over the site's hours, closures, rota and away periods). When no site has service
 * hours yet, the assigned practitioner, else the policy's named person, else the earliest admin is
 * named at once — flagged `noCoverFound`, because nobody can say when they will look (HAZ-015).
 */
export async function coverFor(
  db: Db,
  input: { organisationId: string; clientId: string; assignedPractitionerId: string | null; at: Date; policy: RiskPolicy },
): Promise<CoverAnswer> {
  const site = await routingSite(db, input.organisationId, input.clientId);
  const org = await db.selectFrom('organisation').select('time_zone').where('id', '=', input.organisationId).executeTakeFirstOrThrow();
  if (!site) {
    const recipient = input.assignedPractitionerId ?? input.policy.escalationStaffId ?? (await lastResort(db, input.organisationId));
    return {
      recipient,
      reason: input.assignedPractitionerId ? 'assigned_practitioner' : 'site_lead',
      coverageStartsAt: input.at,
      dueBy: null,
      outOfHours: false,
      noCoverFound: true,
      timeZone: org.time_zone,
      siteLeadStaffId: null,
      dutyNow: null,
    };
  }
  const hoursRow = (await findSiteHours(db, site.id))!;
  const closures = await listClosures(db, site.id);
  const siteHours: SiteHours = {
    timeZone: site.time_zone,
    weekly: hoursRow.weekly,
    closureDates: closures.map((c) => c.closed_on),
    siteLeadStaffId: hoursRow.site_lead_staff_id,
  };
  const rotaRows = await listDutyPeriods(db, site.id, new Date(input.at.getTime() - dayMs), new Date(input.at.getTime() + 31 * dayMs));
  const rota = rotaRows.map((r) => ({ staffId: r.staff_id, startsAt: r.starts_at, endsAt: r.ends_at }));
  const people = [...new Set([...rota.map((p) => p.staffId), siteHours.siteLeadStaffId, ...(input.assignedPractitionerId ? [input.assignedPractitionerId] : [])])];
  const away = (await listAwayPeriods(db, people, new Date(input.at.getTime() - 31 * dayMs))).map((a) => ({ staffId: a.staff_id, from: a.away_from, until: a.away_until }));
  const answer = whoMustSee({ raisedAt: input.at, assignedPractitionerId: input.assignedPractitionerId, siteHours, rota, away, inSessionStaffIds: [], tier: { tier: 'immediate' } });
  const dutyNow = whoMustSee({ raisedAt: input.at, assignedPractitionerId: null, siteHours, rota, away, inSessionStaffIds: [], tier: { tier: 'immediate' } });
  return {
    ...answer,
    timeZone: site.time_zone,
    siteLeadStaffId: siteHours.siteLeadStaffId,
    dutyNow: dutyNow.reason === 'duty' && dutyNow.coverageStartsAt.getTime() === input.at.getTime() ? dutyNow.recipient : null,
  };
}
