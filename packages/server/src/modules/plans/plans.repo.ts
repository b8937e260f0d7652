import type { Insertable, Kysely, Transaction } from 'kysely';
import type { OrganisationPlanTemplateTable, Schema, TreatmentPlanChangeTable, TreatmentPlanTable } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;

export function listOrganisationTemplates(db: Db, organisationId: string) {
  return db.selectFrom('organisation_plan_template').selectAll().where('organisation_id', '=', organisationId).orderBy('created_at').orderBy('id').execute();
}

export function findOrganisationTemplate(db: Db, id: string) {
  return db.selectFrom('organisation_plan_template').selectAll().where('id', '=', id).executeTakeFirst();
}
export type OrganisationTemplateRow = NonNullable<Awaited<ReturnType<typeof findOrganisationTemplate>>>;

/** Inserts once: a replay of the same id changes nothing (the caller compares what is stored). */
export async function insertOrganisationTemplate(db: Db, row: Insertable<OrganisationPlanTemplateTable>): Promise<boolean> {
  const inserted = await db.insertInto('organisation_plan_template').values(row).onConflict((oc) => oc.column('id').doNothing()).returning('id').executeTakeFirst();
  return inserted !== undefined;
}

export function findPlanDefaults(db: Db, organisationId: string) {
  return db.selectFrom('organisation_plan_defaults').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();
}

export async function upsertPlanDefaults(db: Db, row: { organisation_id: string; low_intensity: string; high_intensity: string; updated_by: string; updated_at: Date }): Promise<void> {
  const { organisation_id: _id, ...change } = row;
  await db
    .insertInto('organisation_plan_defaults')
    .values({ ...row, version: 1 })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet((eb) => ({ ...change, version: eb('organisation_plan_defaults.version', '+', 1) })))
    .execute();
}

export function findPlanOfEpisode(db: Db, episodeId: string) {
  return db.selectFrom('treatment_plan').selectAll().where('episode_id', '=', episodeId).executeTakeFirst();
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlanOfEpisode>>>;

/** The plans of several episodes at once (the supervisor's fidelity view, decision 0024). */
export function findPlansOfEpisodes(db: Db, episodeIds: readonly string[]) {
  if (!episodeIds.length) return Promise.resolve([]);
  return db.selectFrom('treatment_plan').selectAll().where('episode_id', 'in', episodeIds).execute();
}

export function findPlan(db: Db, planId: string) {
  return db.selectFrom('treatment_plan').selectAll().where('id', '=', planId).executeTakeFirst();
}

/**
 * The client's current plan: that of an open episode if there is one, else of the latest episode
 * (so the modules a client opened through their plan stay in order after discharge). Newest
 * referral first.
 */
export function currentPlanOfClient(db: Db, clientId: string, options: { openOnly: boolean }) {
  let query = db
    .selectFrom('treatment_plan')
    .innerJoin('episode', 'episode.id', 'treatment_plan.episode_id')
    .selectAll('treatment_plan')
    .select('episode.status as episode_status')
    .where('treatment_plan.client_id', '=', clientId);
  if (options.openOnly) query = query.where('episode.status', '<>', 'ended');
  return query
    .orderBy((eb) => eb.case().when('episode.status', '=', 'ended').then(1).else(0).end())
    .orderBy('episode.referral_date', 'desc')
    .orderBy('episode.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertPlan(db: Db, row: Insertable<TreatmentPlanTable>): Promise<void> {
  await db.insertInto('treatment_plan').values(row).execute();
}

/** Replaces the steps only if the plan is still at `version`; false when someone else changed it first. */
export async function updatePlanAtVersion(db: Db, planId: string, version: number, steps: string, staffId: string | null, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('treatment_plan')
    .set({ steps, version: version + 1, updated_by: staffId, updated_at: now })
    .where('id', '=', planId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function insertPlanChange(db: Db, row: Insertable<TreatmentPlanChangeTable>): Promise<void> {
  await db.insertInto('treatment_plan_change').values(row).execute();
}

export function listPlanChanges(db: Db, planId: string) {
  return db.selectFrom('treatment_plan_change').selectAll().where('plan_id', '=', planId).orderBy('version').execute();
}
