import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ExerciseEntryOtherVersionTable, ExerciseEntryTable, Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;
export type ExerciseEntryRow = Selectable<ExerciseEntryTable>;

export function findEntry(db: Db, id: string) {
  return db.selectFrom('exercise_entry').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The entry, locked for this transaction's update (two saves of one entry apply one at a time). */
export function findEntryForUpdate(db: Transaction<Schema>, id: string) {
  return db.selectFrom('exercise_entry').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertEntry(db: Db, row: Omit<ExerciseEntryRow, 'submissions' | 'data'> & { submissions: number; data: string }): Promise<boolean> {
  const inserted = await db.insertInto('exercise_entry').values(row).onConflict((oc) => oc.column('id').doNothing()).returning('id').executeTakeFirst();
  return inserted !== undefined;
}

export async function updateEntry(
  db: Db,
  id: string,
  change: Pick<ExerciseEntryRow, 'status' | 'shared' | 'content_version' | 'revision' | 'submissions' | 'recorded_at' | 'received_at' | 'first_submitted_at' | 'device_id'> & { data: string },
): Promise<void> {
  await db.updateTable('exercise_entry').set(change).where('id', '=', id).execute();
}

export async function insertSubmission(db: Db, row: { entry_id: string; revision: number; data: string; content_version: string | null; recorded_at: Date; received_at: Date }) {
  await db.insertInto('exercise_entry_submission').values(row).execute();
}

type OtherVersionRow = Selectable<ExerciseEntryOtherVersionTable>;

export async function insertOtherVersion(db: Db, row: Omit<OtherVersionRow, 'data' | 'resolved_at'> & { data: string }): Promise<void> {
  await db.insertInto('exercise_entry_other_version').values(row).execute();
}

/** Versions of the entry kept from this device time, resolved or not (a retried send keeps one). */
export function otherVersionsAt(db: Db, entryId: string, recordedAt: Date) {
  return db.selectFrom('exercise_entry_other_version').selectAll().where('entry_id', '=', entryId).where('recorded_at', '=', recordedAt).execute();
}

/** The versions the client has not chosen between yet, oldest first. */
export function unresolvedOtherVersions(db: Db, entryIds: string[]) {
  if (!entryIds.length) return Promise.resolve([]);
  return db
    .selectFrom('exercise_entry_other_version')
    .selectAll()
    .where('entry_id', 'in', entryIds)
    .where('resolved_at', 'is', null)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}

export function findOtherVersionForUpdate(db: Transaction<Schema>, entryId: string, id: string) {
  return db.selectFrom('exercise_entry_other_version').selectAll().where('id', '=', id).where('entry_id', '=', entryId).forUpdate().executeTakeFirst();
}

export async function markOtherVersionResolved(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('exercise_entry_other_version').set({ resolved_at: at }).where('id', '=', id).where('resolved_at', 'is', null).execute();
}

export function listOwnEntries(db: Db, clientId: string) {
  return db.selectFrom('exercise_entry').selectAll().where('client_id', '=', clientId).orderBy('recorded_at', 'desc').orderBy('id').limit(500).execute();
}

/** Submitted entries of a client, each with its latest submitted revision's text. */
export function listSubmittedEntries(db: Db, clientId: string) {
  return db
    .selectFrom('exercise_entry as e')
    .innerJoin('exercise_entry_submission as s', (join) => join.onRef('s.entry_id', '=', 'e.id'))
    .select(['e.id', 'e.exercise', 'e.module_id', 'e.shared', 's.revision', 's.data', 's.content_version', 's.recorded_at'])
    .where('e.client_id', '=', clientId)
    .where((eb) => eb('s.revision', '=', eb.selectFrom('exercise_entry_submission as l').select((l) => l.fn.max('l.revision').as('r')).whereRef('l.entry_id', '=', 'e.id')))
    .orderBy('s.recorded_at', 'desc')
    .orderBy('e.id')
    .limit(500)
    .execute();
}

export function latestSubmission(db: Db, entryId: string) {
  return db.selectFrom('exercise_entry_submission').selectAll().where('entry_id', '=', entryId).orderBy('revision', 'desc').limit(1).executeTakeFirst();
}

export function feedbackFor(db: Db, entryIds: string[]) {
  if (!entryIds.length) return Promise.resolve([]);
  return db
    .selectFrom('exercise_feedback as f')
    .innerJoin('staff as s', 's.id', 'f.staff_id')
    .select(['f.id', 'f.entry_id', 'f.revision', 'f.text', 'f.created_at', 's.display_name'])
    .where('f.entry_id', 'in', entryIds)
    .orderBy('f.created_at')
    .orderBy('f.id')
    .execute();
}

export async function insertFeedback(db: Db, row: { id: string; entry_id: string; revision: number; staff_id: string; text: string; created_at: Date }): Promise<boolean> {
  const inserted = await db.insertInto('exercise_feedback').values(row).onConflict((oc) => oc.column('id').doNothing()).returning('id').executeTakeFirst();
  return inserted !== undefined;
}

export function findFeedback(db: Db, id: string) {
  return db.selectFrom('exercise_feedback').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listTemplates(db: Db, organisationId: string, staffId: string) {
  return db
    .selectFrom('feedback_template')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('owner_staff_id', 'is', null), eb('owner_staff_id', '=', staffId)]))
    .orderBy('title')
    .orderBy('id')
    .execute();
}

export async function insertTemplate(db: Db, row: { id: string; organisation_id: string; owner_staff_id: string | null; title: string; text: string; created_at: Date }): Promise<boolean> {
  const inserted = await db.insertInto('feedback_template').values(row).onConflict((oc) => oc.column('id').doNothing()).returning('id').executeTakeFirst();
  return inserted !== undefined;
}

export function findTemplate(db: Db, id: string) {
  return db.selectFrom('feedback_template').selectAll().where('id', '=', id).executeTakeFirst();
}
