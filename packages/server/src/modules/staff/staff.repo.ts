import type { StaffRole } from '@tandem/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;

export function findStaffById(db: Db, staffId: string) {
  return db
    .selectFrom('staff as s')
    .innerJoin('account as a', 'a.staff_id', 's.id')
    .select(['s.id', 's.organisation_id', 's.display_name', 's.roles', 'a.email', 'a.status'])
    .where('s.id', '=', staffId)
    .executeTakeFirst();
}

export function listStaffOfOrganisation(db: Db, organisationId: string) {
  return db
    .selectFrom('staff as s')
    .innerJoin('account as a', 'a.staff_id', 's.id')
    .select(['s.id', 's.display_name', 's.roles', 'a.email', 'a.status'])
    .where('s.organisation_id', '=', organisationId)
    .orderBy('s.display_name')
    .execute();
}

export async function staffIdsWithRole(db: Db, organisationId: string, ids: string[], role: StaffRole): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('staff')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', ids)
    .where((eb) => eb(eb.val(role), '=', eb.fn.any('roles')))
    .execute();
  return rows.map((r) => r.id);
}

export async function insertStaffMember(
  db: Db,
  row: {
    id: string;
    organisationId: string;
    displayName: string;
    roles: StaffRole[];
    timeZone: string;
    siteIds: string[];
    supervisorIds: string[];
    now: Date;
  },
) {
  await db
    .insertInto('staff')
    .values({
      id: row.id,
      organisation_id: row.organisationId,
      display_name: row.displayName,
      roles: row.roles,
      time_zone: row.timeZone,
      created_at: row.now,
      updated_at: row.now,
    })
    .execute();
  for (const siteId of row.siteIds) await db.insertInto('staff_site').values({ staff_id: row.id, site_id: siteId }).execute();
  for (const supervisorId of row.supervisorIds) {
    await db
      .insertInto('supervision')
      .values({ supervisor_id: supervisorId, practitioner_id: row.id, organisation_id: row.organisationId, created_at: row.now })
      .execute();
  }
}

export async function countSitesOfOrganisation(db: Db, organisationId: string, siteIds: string[]): Promise<number> {
  if (!siteIds.length) return 0;
  const row = await db
    .selectFrom('site')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', siteIds)
    .executeTakeFirstOrThrow();
  return row.n;
}
