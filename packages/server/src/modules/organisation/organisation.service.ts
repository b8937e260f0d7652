import { canManageAccounts, DomainError, type CareSettingsState, type CreateSiteRequestSchema, type SetCareSettingsRequestSchema, type SiteList } from '@tandem/domain';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { findSiteById, insertSite, listSitesOf, loadCareSettings, upsertCareSettings } from './organisation.repo';

type SetCareSettings = z.output<typeof SetCareSettingsRequestSchema>;
type CreateSite = z.output<typeof CreateSiteRequestSchema>;

/** The organisation's care settings; staff may read them (they explain supervision flags). */
export async function getCareSettings(ctx: ServiceContext): Promise<CareSettingsState> {
  if (ctx.actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only staff can see the care settings.');
  return loadCareSettings(ctx.db, ctx.actor.organisationId);
}

/**
 * Records the settings the clinical lead chose, at the version the admin saw (a stale version is
 * refused, so two people editing cannot silently undo each other). Audited with the values set.
 */
export async function setCareSettings(ctx: ServiceContext, input: SetCareSettings): Promise<CareSettingsState> {
  const actor = ctx.actor;
  if (!canManageAccounts(actor) || actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only admins can change the care settings.');
  await ctx.db.transaction().execute(async (trx) => {
    const current = await loadCareSettings(trx, actor.organisationId);
    if (current.version !== input.version) throw new DomainError('write.stale_version', 'Someone changed the care settings since you opened them. Reload them and try again.');
    await upsertCareSettings(trx, actor.organisationId, JSON.stringify(input.settings), actor.staffId, ctx.clock.now());
    await writeAudit(trx, ctx, {
      action: 'care_settings.set',
      entityType: 'organisation',
      entityId: actor.organisationId,
      details: { ...input.settings.sessionLimits, noImprovementBySession: input.settings.noImprovementBySession, questionnaireDueWindowHours: input.settings.questionnaireDueWindowHours },
    });
  });
  return loadCareSettings(ctx.db, actor.organisationId);
}

/** The organisation's sites, by name, for staff pages that work per site (hours, duty). */
export async function listSites(ctx: ServiceContext): Promise<SiteList> {
  if (ctx.actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only staff can see the organisation’s sites.');
  const rows = await listSitesOf(ctx.db, ctx.actor.organisationId);
  return { sites: rows.map((r) => ({ id: r.id, name: r.name, timeZone: r.time_zone })) };
}

/** Adds a site (admins). Idempotent by id: the same request again returns the site; a different one with that id is refused. */
export async function createSite(ctx: ServiceContext, input: CreateSite): Promise<SiteList['sites'][number]> {
  const actor = ctx.actor;
  if (!canManageAccounts(actor) || actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only admins can add a site.');
  await ctx.db.transaction().execute(async (trx) => {
    if (await insertSite(trx, { id: input.id, organisation_id: actor.organisationId, name: input.name, time_zone: input.timeZone, created_at: ctx.clock.now() })) {
      await writeAudit(trx, ctx, { action: 'site.create', entityType: 'site', entityId: input.id, details: { timeZone: input.timeZone } });
    }
  });
  const site = (await findSiteById(ctx.db, input.id))!;
  if (site.organisation_id !== actor.organisationId || site.name !== input.name || site.time_zone !== input.timeZone) {
    throw new DomainError('write.id_conflict', 'A different site was already saved with this id.');
  }
  return { id: site.id, name: site.name, timeZone: site.time_zone };
}
