import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { MessageTable, QuickReplyTable, Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;
export type MessageRow = Selectable<MessageTable>;
export type QuickReplyRow = Selectable<QuickReplyTable>;

/**
 * The episode whose conversation the client and their care team see: the latest that has not
 * ended, else the latest that has (readable, not writable). Undefined when there is none.
 */
export function findConversationEpisode(db: Db, clientId: string) {
  return db
    .selectFrom('episode')
    .select(['id', 'organisation_id', 'client_id', 'status', 'assigned_practitioner_id', 'updated_at'])
    .where('client_id', '=', clientId)
    .orderBy(sql`case when status = 'ended' then 1 else 0 end`)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function findClientName(db: Db, clientId: string): Promise<string> {
  const row = await db.selectFrom('client').select(['given_name', 'family_name']).where('id', '=', clientId).executeTakeFirstOrThrow();
  return `${row.given_name} ${row.family_name}`;
}

/** Inserts a message unless its id exists; true when this call inserted it. */
export async function insertMessage(db: Db, row: MessageRow): Promise<boolean> {
  const inserted = await db.insertInto('message').values(row).onConflict((oc) => oc.column('id').doNothing()).returning('id').executeTakeFirst();
  return inserted !== undefined;
}

export function findMessage(db: Db, id: string) {
  return db.selectFrom('message').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A conversation's messages in the order the server received them, with staff authors' names. */
export function listMessages(db: Db, episodeId: string) {
  return db
    .selectFrom('message')
    .leftJoin('staff', 'staff.id', 'message.author_staff_id')
    .selectAll('message')
    .select('staff.display_name as author_name')
    .where('message.episode_id', '=', episodeId)
    .orderBy('message.received_at')
    .orderBy('message.id')
    .limit(1000)
    .execute();
}

/**
 * Messages from the care team the client has not read in their current conversation (an older
 * episode's are not shown, so they are not counted: a count the client cannot clear helps nobody).
 */
export async function countUnreadForClient(db: Db, episodeId: string | undefined): Promise<number> {
  if (!episodeId) return 0;
  const row = await db
    .selectFrom('message')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('episode_id', '=', episodeId)
    .where('author_type', '=', 'staff')
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks unread messages by the other side read; returns their ids. */
export async function markRead(db: Db, episodeId: string, writtenBy: 'client' | 'staff', change: { at: Date; byStaffId: string | null }): Promise<string[]> {
  const rows = await db
    .updateTable('message')
    .set({ read_at: change.at, read_by_staff_id: change.byStaffId })
    .where('episode_id', '=', episodeId)
    .where('author_type', '=', writtenBy)
    .where('read_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Unread client messages a staff member should see, per client: those of clients on their care
 * teams, and those routed to them to cover (away cover or duty).
 */
export function unreadForStaff(db: Db, organisationId: string, staffId: string) {
  return db
    .selectFrom('message')
    .innerJoin('client', 'client.id', 'message.client_id')
    .select(['message.client_id', 'client.given_name', 'client.family_name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('message.organisation_id', '=', organisationId)
    .where('message.author_type', '=', 'client')
    .where('message.read_at', 'is', null)
    .where((eb) =>
      eb.or([eb('message.routed_to_staff_id', '=', staffId), eb('message.client_id', 'in', eb.selectFrom('care_team_member').select('client_id').where('staff_id', '=', staffId))]),
    )
    // Only the current conversation's (as `findConversationEpisode` picks it): the one shown and marked read.
    .where((eb) =>
      eb(
        'message.episode_id',
        '=',
        eb
          .selectFrom('episode as e')
          .select('e.id')
          .whereRef('e.client_id', '=', 'message.client_id')
          .orderBy(sql`case when e.status = 'ended' then 1 else 0 end`)
          .orderBy('e.created_at', 'desc')
          .orderBy('e.id', 'desc')
          .limit(1),
      ),
    )
    .groupBy(['message.client_id', 'client.given_name', 'client.family_name'])
    .orderBy('client.family_name')
    .orderBy('message.client_id')
    .execute();
}

/** Whether a client's message in this episode was routed to this staff member (cover reads it). */
export async function isRoutedTo(db: Db, episodeId: string, staffId: string): Promise<boolean> {
  const row = await db.selectFrom('message').select('id').where('episode_id', '=', episodeId).where('routed_to_staff_id', '=', staffId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Practitioners on the client's care team (for away cover), earliest added first. */
export function listCareTeamPractitioners(db: Db, clientId: string) {
  return db
    .selectFrom('care_team_member as m')
    .innerJoin('staff as s', 's.id', 'm.staff_id')
    .select('s.id')
    .where('m.client_id', '=', clientId)
    .where((eb) => eb(eb.val('practitioner'), '=', eb.fn.any('s.roles')))
    .orderBy('m.added_at')
    .orderBy('s.id')
    .execute();
}

/** What the email job needs: the conversation's client, their address, and whether a reply waits unread. */
export function findNotifyFacts(db: Db, episodeId: string) {
  return db
    .selectFrom('episode')
    .innerJoin('client', 'client.id', 'episode.client_id')
    .select(['episode.organisation_id', 'episode.client_id', 'client.email', (eb) =>
      eb
        .selectFrom('message')
        .select((m) => m.fn.countAll<number>().as('n'))
        .where('message.episode_id', '=', episodeId)
        .where('message.author_type', '=', 'staff')
        .where('message.read_at', 'is', null)
        .as('unread'),
    ])
    .where('episode.id', '=', episodeId)
    .executeTakeFirst();
}

export async function insertQuickReply(db: Db, row: QuickReplyRow): Promise<boolean> {
  const inserted = await db.insertInto('quick_reply').values(row).onConflict((oc) => oc.column('id').doNothing()).returning('id').executeTakeFirst();
  return inserted !== undefined;
}

export function findQuickReply(db: Db, id: string) {
  return db.selectFrom('quick_reply').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listQuickReplies(db: Db, staffId: string) {
  return db.selectFrom('quick_reply').selectAll().where('staff_id', '=', staffId).where('deleted_at', 'is', null).orderBy('created_at').orderBy('id').limit(200).execute();
}

export async function markQuickReplyDeleted(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('quick_reply').set({ deleted_at: at }).where('id', '=', id).where('deleted_at', 'is', null).execute();
}
