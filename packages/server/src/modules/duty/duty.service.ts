import {
  canManageAccounts,
  checkRota,
  DomainError,
  whoMustSee,
  type AddRotaPeriodsRequestSchema,
  type DutyOverview,
  type MarkAwayRequestSchema,
  type RotaPeriod,
  type SetSiteHoursRequestSchema,
  type SiteHours,
} from '@tandem/domain';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { findStaffInOrganisation } from '../clients/clients.repo';
import { findSite, findSiteHours, listAwayPeriods, listClosures, listDutyPeriods, replaceSiteHours } from './duty.repo';

type SetHours = z.output<typeof SetSiteHoursRequestSchema>;
type AddPeriods = z.output<typeof AddRotaPeriodsRequestSchema>;
type MarkAway = z.output<typeof MarkAwayRequestSchema>;

const dayMs = 24 * 3600_000;
/** How far ahead the duty page checks the rota for overlaps and gaps. */
export const rotaCheckDays = 28;

async function requireSite(ctx: ServiceContext, siteId: string) {
  const site = ctx.actor.type === 'staff' ? await findSite(ctx.db, siteId) : undefined;
  if (!site || site.organisation_id !== ctx.actor.organisationId) throw new DomainError('site.not_found', 'There is no site here that you can open.');
  return site;
}

function requireAdmin(ctx: ServiceContext) {
  if (!canManageAccounts(ctx.actor)) throw new DomainError('auth.forbidden', 'Only admins can change service hours and the duty rota.');
}

async function requireStaffOfOrganisation(ctx: ServiceContext, staffId: string, path: string) {
  if (!(await findStaffInOrganisation(ctx.db, staffId, ctx.actor.organisationId ?? ''))) {
    throw new DomainError('staff.not_found', 'There is no member of staff with that id in your organisation.', [{ path, message: 'unknown staff member' }]);
  }
}

async function loadSiteHours(ctx: ServiceContext, site: { id: string; time_zone: string }): Promise<SiteHours | null> {
  const hours = await findSiteHours(ctx.db, site.id);
  if (!hours) return null;
  const closures = await listClosures(ctx.db, site.id);
  return { timeZone: site.time_zone, weekly: hours.weekly, closureDates: closures.map((c) => c.closed_on), siteLeadStaffId: hours.site_lead_staff_id };
}

const toPeriod = (row: { staff_id: string; starts_at: Date; ends_at: Date }): RotaPeriod => ({ staffId: row.staff_id, startsAt: row.starts_at, endsAt: row.ends_at });

/**
 * A site's hours, closure days, rota for the next four weeks, the problems found in that rota
 * (overlaps, and opening hours nobody covers — alerts then go to the site lead), and who would be
 * asked to see an alert raised now. Staff of the organisation may look.
 */
export async function getDutyOverview(ctx: ServiceContext, siteId: string): Promise<DutyOverview> {
  const site = await requireSite(ctx, siteId);
  const now = ctx.clock.now();
  const to = new Date(now.getTime() + rotaCheckDays * dayMs);
  const hours = await loadSiteHours(ctx, site);
  const rows = await listDutyPeriods(ctx.db, siteId, new Date(now.getTime() - dayMs), to);
  const rota = rows.map(toPeriod);
  let problems: DutyOverview['problems'] = [];
  let coverNow: DutyOverview['coverNow'] = null;
  if (hours) {
    problems = checkRota(rota, hours, now, to).map((p) => ({ kind: p.kind, startsAt: p.startsAt.toISOString(), endsAt: p.endsAt.toISOString() }));
    const away = await listAwayPeriods(ctx.db, [...new Set([...rota.map((p) => p.staffId), hours.siteLeadStaffId])], now);
    const answer = whoMustSee({
      raisedAt: now,
      assignedPractitionerId: null,
      siteHours: hours,
      rota,
      away: away.map((a) => ({ staffId: a.staff_id, from: a.away_from, until: a.away_until })),
      inSessionStaffIds: [],
      tier: { tier: 'immediate' },
    });
    coverNow = { recipient: answer.recipient, reason: answer.reason, coverageStartsAt: answer.coverageStartsAt.toISOString(), outOfHours: answer.outOfHours, noCoverFound: answer.noCoverFound };
  }
  return {
    site: { id: site.id, name: site.name, timeZone: site.time_zone },
    hours: hours ? { weekly: hours.weekly, closureDates: hours.closureDates, siteLeadStaffId: hours.siteLeadStaffId } : null,
    rota: rows.map((r) => ({ id: r.id, staffId: r.staff_id, startsAt: r.starts_at.toISOString(), endsAt: r.ends_at.toISOString() })),
    problems,
    coverNow,
  };
}

/** Sets a site's opening hours, closure days (bank holidays are data the admin keeps) and lead. */
export async function setSiteHours(ctx: ServiceContext, siteId: string, input: SetHours): Promise<DutyOverview> {
  requireAdmin(ctx);
  await requireSite(ctx, siteId);
  await requireStaffOfOrganisation(ctx, input.siteLeadStaffId, 'body/siteLeadStaffId');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (input.timeZone) await trx.updateTable('site').set({ time_zone: input.timeZone }).where('id', '=', siteId).execute();
    await replaceSiteHours(trx, {
      siteId,
      weekly: JSON.stringify(input.weekly),
      siteLeadStaffId: input.siteLeadStaffId,
      closureDates: input.closureDates,
      updatedBy: ctx.actor.type === 'staff' ? ctx.actor.staffId : null,
      now,
    });
    await writeAudit(trx, ctx, { action: 'site.hours', entityType: 'site', entityId: siteId, details: { closures: input.closureDates.length, ...(input.timeZone ? { timeZone: input.timeZone } : {}) } });
  });
  return getDutyOverview(ctx, siteId);
}

/**
 * Adds duty periods. A period that overlaps another — new or already on the rota — is refused
 * with the clashes listed; gaps in opening hours are accepted and reported in the answer, so the
 * admin sees them rather than having them silently accepted.
 */
export async function addRotaPeriods(ctx: ServiceContext, siteId: string, input: AddPeriods): Promise<DutyOverview> {
  requireAdmin(ctx);
  const site = await requireSite(ctx, siteId);
  for (const [i, period] of input.periods.entries()) {
    await requireStaffOfOrganisation(ctx, period.staffId, `body/periods/${i}/staffId`);
    if (new Date(period.endsAt) <= new Date(period.startsAt)) {
      throw new DomainError('request.invalid', 'A duty period must end after it starts.', [{ path: `body/periods/${i}/endsAt`, message: 'is not after the start' }]);
    }
  }
  const starts = input.periods.map((p) => new Date(p.startsAt).getTime());
  const ends = input.periods.map((p) => new Date(p.endsAt).getTime());
  const from = new Date(Math.min(...starts));
  const to = new Date(Math.max(...ends));
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const existing = (await listDutyPeriods(trx, siteId, from, to)).filter((e) => !input.periods.some((p) => p.id === e.id));
    const fresh = input.periods.filter((p) => !existing.some((e) => e.id === p.id));
    const combined: RotaPeriod[] = [...existing.map(toPeriod), ...fresh.map((p) => ({ staffId: p.staffId, startsAt: new Date(p.startsAt), endsAt: new Date(p.endsAt) }))];
    // Overlaps do not depend on opening hours; any hours will do for the overlap check.
    const anyHours: SiteHours = { timeZone: site.time_zone, weekly: {}, closureDates: [], siteLeadStaffId: fresh[0]?.staffId ?? '' };
    const overlaps = checkRota(combined, anyHours, from, to).filter((p) => p.kind === 'overlap');
    if (overlaps.length) {
      throw new DomainError(
        'duty.rota_overlap',
        'Some duty periods overlap: one person on duty at a time. Nothing was saved.',
        overlaps.map((o) => ({ path: 'body/periods', message: `overlap from ${o.startsAt.toISOString()} to ${o.endsAt.toISOString()}` })),
      );
    }
    const toInsert = fresh;
    if (toInsert.length) {
      // A retried request re-sends the same ids: those rows are already there and are kept as they are.
      await trx
        .insertInto('duty_period')
        .values(
          toInsert.map((p) => ({
            id: p.id,
            site_id: siteId,
            staff_id: p.staffId,
            starts_at: new Date(p.startsAt),
            ends_at: new Date(p.endsAt),
            created_by: ctx.actor.type === 'staff' ? ctx.actor.staffId : null,
            created_at: now,
          })),
        )
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    await writeAudit(trx, ctx, { action: 'site.rota', entityType: 'site', entityId: siteId, details: { added: toInsert.length } });
  });
  return getDutyOverview(ctx, siteId);
}

/** A member of staff marks themself away; risk alerts for their clients go to duty meanwhile. */
export async function markAway(ctx: ServiceContext, input: MarkAway) {
  const actor = ctx.actor;
  if (actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only staff can mark themselves away.');
  if (new Date(input.until) <= new Date(input.from)) {
    throw new DomainError('request.invalid', 'The end must be after the start.', [{ path: 'body/until', message: 'is not after the start' }]);
  }
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('away_period')
      .values({ id: input.id, staff_id: actor.staffId, away_from: new Date(input.from), away_until: new Date(input.until), created_at: now })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await writeAudit(trx, ctx, { action: 'staff.away', entityType: 'away_period', entityId: input.id });
  });
  return listOwnAway(ctx);
}

/** The caller's current and future away periods. */
export async function listOwnAway(ctx: ServiceContext) {
  const actor = ctx.actor;
  if (actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only staff have away periods.');
  const rows = await listAwayPeriods(ctx.db, [actor.staffId], ctx.clock.now());
  return { away: rows.map((r) => ({ id: r.id, from: r.away_from.toISOString(), until: r.away_until.toISOString() })) };
}
