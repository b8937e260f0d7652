import type { StaffNotificationKind } from '@tandem/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../db/schema';

type Db = Kysely<Schema> | Transaction<Schema>;

export interface NewStaffNotification {
  id: string;
  organisationId: string;
  staffId: string;
  kind: StaffNotificationKind;
  urgent: boolean;
  clientId: string | null;
  link: string;
  sourceId: string;
  createdAt: Date;
}

/** Inserts one notification; a second for the same person, kind and cause is a no-op (false). */
export async function insertStaffNotification(db: Db, row: NewStaffNotification): Promise<boolean> {
  const result = await db
    .insertInto('staff_notification')
    .values({
      id: row.id,
      organisation_id: row.organisationId,
      staff_id: row.staffId,
      kind: row.kind,
      urgent: row.urgent,
      client_id: row.clientId,
      link: row.link,
      source_id: row.sourceId,
      created_at: row.createdAt,
      read_at: null,
      digested_at: null,
    })
    .onConflict((oc) => oc.columns(['staff_id', 'kind', 'source_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/**
 * The person's notifications since `since`, newest first, with the client's name only where the
 * person is on the client's care team now (a risk alert routed to someone on duty names nobody
 * here: the alerts page shows what they may see).
 */
export function listRecentNotifications(db: Db, staffId: string, since: Date, limit: number) {
  return db
    .selectFrom('staff_notification as n')
    .leftJoin('client as c', (join) =>
      join
        .onRef('c.id', '=', 'n.client_id')
        .on((eb) => eb.exists(eb.selectFrom('care_team_member as m').select('m.client_id').whereRef('m.client_id', '=', 'n.client_id').where('m.staff_id', '=', staffId))),
    )
    .select(['n.id', 'n.kind', 'n.urgent', 'n.client_id', 'n.link', 'n.created_at', 'n.read_at', 'c.given_name', 'c.family_name'])
    .where('n.staff_id', '=', staffId)
    .where('n.created_at', '>=', since)
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute();
}

/** Unread notifications by kind (all time: an old unread one still counts). */
export async function unreadByKind(db: Db, staffId: string): Promise<Partial<Record<StaffNotificationKind, number>>> {
  const rows = await db
    .selectFrom('staff_notification')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('staff_id', '=', staffId)
    .where('read_at', 'is', null)
    .groupBy('kind')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

export async function markRead(db: Db, staffId: string, ids: readonly string[] | 'all', at: Date): Promise<number> {
  let query = db.updateTable('staff_notification').set({ read_at: at }).where('staff_id', '=', staffId).where('read_at', 'is', null);
  if (ids !== 'all') query = query.where('id', 'in', ids);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Rows the next summary counts: not urgent, not read, not yet in a summary, made before `before`. */
export function findDigestRows(db: Db, staffId: string, before: Date) {
  return db
    .selectFrom('staff_notification')
    .select(['id', 'kind'])
    .where('staff_id', '=', staffId)
    .where('urgent', '=', false)
    .where('read_at', 'is', null)
    .where('digested_at', 'is', null)
    .where('created_at', '<=', before)
    .forUpdate()
    .execute();
}

export async function markDigested(db: Db, ids: readonly string[], at: Date): Promise<void> {
  if (ids.length) await db.updateTable('staff_notification').set({ digested_at: at }).where('id', 'in', ids).execute();
}

export function findSettingsRow(db: Db, staffId: string) {
  return db.selectFrom('staff_notification_settings').selectAll().where('staff_id', '=', staffId).executeTakeFirst();
}

/** The person's time zone, organisation and active email (for the summary). */
export function findStaffContact(db: Db, staffId: string) {
  return db
    .selectFrom('staff as s')
    .leftJoin('account as a', (join) => join.onRef('a.staff_id', '=', 's.id').on('a.status', '=', 'active'))
    .select(['s.id', 's.organisation_id', 's.time_zone', 'a.email'])
    .where('s.id', '=', staffId)
    .executeTakeFirst();
}

/** The assigned practitioner of the client's open episode, if there is one. */
export async function assignedPractitionerOf(db: Db, clientId: string): Promise<{ staffId: string; organisationId: string } | null> {
  const row = await db
    .selectFrom('episode')
    .select(['assigned_practitioner_id', 'organisation_id'])
    .where('client_id', '=', clientId)
    .where('status', '!=', 'ended')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row ? { staffId: row.assigned_practitioner_id, organisationId: row.organisation_id } : null;
}
