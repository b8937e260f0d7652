import type { Kysely, Transaction } from 'kysely';
import type { EpisodeEventTable, EpisodeTable, Schema } from '../../db/schema';
import type { Insertable } from 'kysely';

type Db = Kysely<Schema> | Transaction<Schema>;

export function findEpisode(db: Db, episodeId: string) {
  return db.selectFrom('episode').selectAll().where('id', '=', episodeId).executeTakeFirst();
}
export type EpisodeRow = NonNullable<Awaited<ReturnType<typeof findEpisode>>>;

export function listEpisodesOfClient(db: Db, clientId: string) {
  return db.selectFrom('episode').selectAll().where('client_id', '=', clientId).orderBy('referral_date', 'desc').orderBy('id', 'desc').execute();
}

export function listEpisodeEvents(db: Db, episodeIds: string[]) {
  if (!episodeIds.length) return Promise.resolve([]);
  return db.selectFrom('episode_event').selectAll().where('episode_id', 'in', episodeIds).orderBy('seq').execute();
}

export async function insertEpisode(db: Db, row: Insertable<EpisodeTable>) {
  await db.insertInto('episode').values(row).execute();
}

export async function insertEpisodeEvent(db: Db, row: Insertable<EpisodeEventTable>) {
  await db.insertInto('episode_event').values(row).execute();
}

/**
 * Applies a change only if the episode is still at `version`; returns false when someone else
 * changed it first (the caller refuses the stale change).
 */
export async function updateEpisodeAtVersion(
  db: Db,
  episodeId: string,
  version: number,
  change: Partial<Pick<EpisodeTable, 'status' | 'step' | 'assigned_practitioner_id' | 'ending_reason' | 'ended_on' | 'relapse_plan_offered'>>,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('episode')
    .set((eb) => ({ ...change, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', episodeId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
