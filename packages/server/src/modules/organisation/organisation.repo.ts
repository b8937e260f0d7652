import { CareSettingsSchema, defaultCareSettings, type CareSettingsState } from '@tandem/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;

/** The organisation's care settings, or the defaults (version 0) until an admin records them. */
export async function loadCareSettings(db: Db, organisationId: string): Promise<CareSettingsState> {
  const row = await db.selectFrom('care_settings').select(['settings', 'version']).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!row) return { settings: defaultCareSettings, version: 0, isDefault: true };
  return { settings: CareSettingsSchema.parse(row.settings), version: row.version, isDefault: false };
}

export async function upsertCareSettings(db: Db, organisationId: string, settings: string, staffId: string, now: Date): Promise<void> {
  await db
    .insertInto('care_settings')
    .values({ organisation_id: organisationId, settings, version: 1, updated_by: staffId, updated_at: now })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet((eb) => ({ settings, version: eb('care_settings.version', '+', 1), updated_by: staffId, updated_at: now })))
    .execute();
}

export function listSitesOf(db: Db, organisationId: string) {
  return db.selectFrom('site').select(['id', 'name', 'time_zone']).where('organisation_id', '=', organisationId).orderBy('name').orderBy('id').execute();
}

export function findSiteById(db: Db, id: string) {
  return db.selectFrom('site').select(['id', 'organisation_id', 'name', 'time_zone']).where('id', '=', id).executeTakeFirst();
}

export async function insertSite(db: Db, row: { id: string; organisation_id: string; name: string; time_zone: string; created_at: Date }): Promise<boolean> {
  const inserted = await db.insertInto('site').values(row).onConflict((oc) => oc.column('id').doNothing()).returning('id').executeTakeFirst();
  return inserted !== undefined;
}
