import { canManageAccounts, DomainError, englandDefaultReview, type Actor, type CrisisPage, type SetCrisisPageRequestSchema } from '@tandem/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import type { Schema } from '../../db/schema';

type SetCrisisPage = z.output<typeof SetCrisisPageRequestSchema>;

async function latestVersion(db: Kysely<Schema>, organisationId: string) {
  return db
    .selectFrom('crisis_page_version as v')
    .innerJoin('organisation as o', 'o.id', 'v.organisation_id')
    .select(['o.name', 'v.version', 'v.contacts', 'v.reviewed_by', 'v.reviewed_on'])
    .where('v.organisation_id', '=', organisationId)
    .orderBy('v.version', 'desc')
    .executeTakeFirst();
}

/**
 * The crisis page for whoever asks, signed in or not. Signed in: their organisation's local
 * contacts. Signed out: the local contacts when this deployment serves a single organisation
 * (nothing about a person is revealed); otherwise the national part alone. Holds no client data.
 */
export async function getCrisisPage(db: Kysely<Schema>, actor: Actor | null): Promise<CrisisPage> {
  let organisationId = actor?.organisationId ?? null;
  if (!organisationId) {
    const orgs = await db.selectFrom('organisation').select('id').limit(2).execute();
    organisationId = orgs.length === 1 ? orgs[0]!.id : null;
  }
  const latest = organisationId ? await latestVersion(db, organisationId) : undefined;
  return {
    national: { reviewedBy: englandDefaultReview.reviewedBy, reviewedOn: englandDefaultReview.reviewedOn, sources: [...englandDefaultReview.sources] },
    local: latest
      ? { organisationName: latest.name, contacts: latest.contacts, reviewedBy: latest.reviewed_by, reviewedOn: latest.reviewed_on, version: latest.version }
      : null,
  };
}

/**
 * An admin records a new version of the local contacts, naming who reviewed it and when. The
 * version must be the current one (two admins cannot overwrite each other). Audited.
 */
export async function setCrisisPage(ctx: ServiceContext, input: SetCrisisPage): Promise<CrisisPage> {
  const actor = ctx.actor;
  if (!canManageAccounts(actor) || actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only admins can change the crisis page.');
  const now = ctx.clock.now();
  if (input.reviewedOn > now.toISOString().slice(0, 10)) {
    throw new DomainError('request.invalid', 'A review cannot be dated in the future.', [{ path: 'body/reviewedOn', message: 'is in the future' }]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('crisis_page_version')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('organisation_id', '=', actor.organisationId)
      .executeTakeFirst();
    const version = Number(current?.version ?? 0);
    if (version !== input.version) throw new DomainError('write.stale_version', 'Someone changed the crisis page since you opened it. Reload it and try again.');
    await trx
      .insertInto('crisis_page_version')
      .values({
        organisation_id: actor.organisationId,
        version: version + 1,
        contacts: JSON.stringify(input.contacts),
        reviewed_by: input.reviewedBy,
        reviewed_on: input.reviewedOn,
        recorded_by: actor.staffId,
        recorded_at: now,
      })
      .execute();
    await writeAudit(trx, ctx, { action: 'crisis_page.set', entityType: 'organisation', entityId: actor.organisationId, details: { version: version + 1, contacts: input.contacts.length } });
  });
  return getCrisisPage(ctx.db, actor);
}
