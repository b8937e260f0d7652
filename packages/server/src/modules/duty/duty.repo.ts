import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;

export function findSite(db: Db, siteId: string) {
  return db.selectFrom('site').select(['id', 'organisation_id', 'name', 'time_zone']).where('id', '=', siteId).executeTakeFirst();
}

export function findSiteHours(db: Db, siteId: string) {
  return db.selectFrom('site_hours').selectAll().where('site_id', '=', siteId).executeTakeFirst();
}

export function listClosures(db: Db, siteId: string) {
  return db.selectFrom('site_closure').select('closed_on').where('site_id', '=', siteId).orderBy('closed_on').execute();
}

export function listDutyPeriods(db: Db, siteId: string, from: Date, to: Date) {
  return db
    .selectFrom('duty_period')
    .select(['id', 'staff_id', 'starts_at', 'ends_at'])
    .where('site_id', '=', siteId)
    .where('ends_at', '>', from)
    .where('starts_at', '<', to)
    .orderBy('starts_at')
    .execute();
}

export function listAwayPeriods(db: Db, staffIds: string[], from: Date) {
  if (!staffIds.length) return Promise.resolve([]);
  return db
    .selectFrom('away_period')
    .select(['id', 'staff_id', 'away_from', 'away_until'])
    .where('staff_id', 'in', staffIds)
    .where('away_until', '>', from)
    .orderBy('away_from')
    .execute();
}

export async function replaceSiteHours(
  db: Transaction<Schema>,
  row: { siteId: string; weekly: string; siteLeadStaffId: string; closureDates: string[]; updatedBy: string | null; now: Date },
) {
  await db
    .insertInto('site_hours')
    .values({ site_id: row.siteId, weekly: row.weekly, site_lead_staff_id: row.siteLeadStaffId, updated_by: row.updatedBy, updated_at: row.now })
    .onConflict((oc) => oc.column('site_id').doUpdateSet({ weekly: row.weekly, site_lead_staff_id: row.siteLeadStaffId, updated_by: row.updatedBy, updated_at: row.now }))
    .execute();
  await db.deleteFrom('site_closure').where('site_id', '=', row.siteId).execute();
  if (row.closureDates.length) {
    await db
      .insertInto('site_closure')
      .values([...new Set(row.closureDates)].map((closed_on) => ({ site_id: row.siteId, closed_on })))
      .execute();
  }
}
