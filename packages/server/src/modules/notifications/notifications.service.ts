import {
  defaultStaffNotificationSettings,
  DomainError,
  isUrgentNotification,
  newId,
  nextDigestAt,
  notificationCentreDays,
  staffDigestEmail,
  type Clock,
  type SetStaffNotificationSettingsRequestSchema,
  type StaffActor,
  type StaffNotificationKind,
  type StaffNotificationList,
  type StaffNotificationSettings,
  type StaffNotificationSettingsState,
} from '@tandem/domain';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import type { Schema } from '../../db/schema';
import { queueEmail } from '../../email/email';
import { enqueueJob, type JobHandler } from '../../jobs/jobs';
import { assignedPractitionerOf, findDigestRows, findSettingsRow, findStaffContact, insertStaffNotification, listRecentNotifications, markDigested, markRead, unreadByKind } from './notifications.repo';

type Db = Kysely<Schema> | Transaction<Schema>;

/** Job kind: one person's daily summary email (decision 0029). */
export const staffDigestJob = 'staff.digest';

/** The most notifications the centre lists at once (30 days of a busy caseload fit easily). */
const centreLimit = 200;

function settingsOf(row: Awaited<ReturnType<typeof findSettingsRow>>): { settings: StaffNotificationSettings; version: number } {
  if (!row) return { settings: defaultStaffNotificationSettings, version: 0 };
  return {
    settings: { digestEmail: row.digest_email, digestTime: row.digest_time, quietHours: row.quiet_start && row.quiet_end ? { start: row.quiet_start, end: row.quiet_end } : null },
    version: row.version,
  };
}

/** Queues the person's next summary, if they want summaries; one job per person and time. */
async function queueDigest(db: Db, clock: Clock, staffId: string): Promise<void> {
  const contact = await findStaffContact(db, staffId);
  const { settings } = settingsOf(await findSettingsRow(db, staffId));
  if (!contact || !settings.digestEmail) return;
  const dueAt = nextDigestAt(clock.now(), contact.time_zone, settings);
  await enqueueJob(db, clock, { kind: staffDigestJob, deliveryKey: `${staffDigestJob}:${staffId}:${dueAt.toISOString()}`, dueAt, payload: { staffId, dueAt: dueAt.toISOString() }, maxAttempts: 5 });
}

/**
 * Tells one staff member about something, in the caller's transaction. A risk alert is urgent:
 * its email goes at once through the risk pathway, so here it is only the in-app row. Anything else
 * waits for the person's daily summary. The same cause never notifies the same person twice.
 */
export async function notifyStaff(
  db: Db,
  clock: Clock,
  input: { organisationId: string; staffId: string; kind: StaffNotificationKind; clientId: string | null; link: string; sourceId: string },
): Promise<void> {
  const now = clock.now();
  const urgent = isUrgentNotification(input.kind);
  const inserted = await insertStaffNotification(db, { ...input, id: newId(now), urgent, createdAt: now });
  if (inserted && !urgent) await queueDigest(db, clock, input.staffId);
}

/** Tells the practitioner assigned to the client's open episode, if there is one. */
export async function notifyAssignedPractitioner(
  db: Db,
  clock: Clock,
  input: { clientId: string; kind: StaffNotificationKind; link: string; sourceId: string },
): Promise<void> {
  const assigned = await assignedPractitionerOf(db, input.clientId);
  if (assigned) await notifyStaff(db, clock, { ...input, organisationId: assigned.organisationId, staffId: assigned.staffId });
}

function requireStaffMember(ctx: ServiceContext): StaffActor {
  if (ctx.actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only staff have notifications.');
  return ctx.actor;
}

/** The centre: the last 30 days, newest first, and unread counts by kind. Audited (names clients). */
export async function listNotifications(ctx: ServiceContext): Promise<StaffNotificationList> {
  const actor = requireStaffMember(ctx);
  const since = new Date(ctx.clock.now().getTime() - notificationCentreDays * 24 * 3600_000);
  const rows = await listRecentNotifications(ctx.db, actor.staffId, since, centreLimit);
  const byKind = await unreadByKind(ctx.db, actor.staffId);
  const named = [...new Set(rows.filter((r) => r.given_name !== null && r.client_id).map((r) => r.client_id!))];
  await writeAudit(ctx.db, ctx, { action: 'staff_notification.list', entityType: 'staff_notification', subjectIds: named });
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      urgent: r.urgent,
      clientId: r.client_id,
      clientName: r.given_name !== null ? `${r.given_name} ${r.family_name ?? ''}`.trim() : null,
      link: r.link,
      createdAt: r.created_at.toISOString(),
      readAt: r.read_at?.toISOString() ?? null,
    })),
    unread: Object.values(byKind).reduce((sum, n) => sum + n, 0),
    unreadByKind: byKind,
  };
}

/** The unread count for the navigation (no client data: not audited). */
export async function countUnreadNotifications(ctx: ServiceContext): Promise<number> {
  const actor = requireStaffMember(ctx);
  return Object.values(await unreadByKind(ctx.db, actor.staffId)).reduce((sum, n) => sum + n, 0);
}

/** Marks the person's own notifications read (others' ids are ignored: nothing to learn). */
export async function markNotificationsRead(ctx: ServiceContext, ids: readonly string[] | 'all'): Promise<{ marked: number }> {
  const actor = requireStaffMember(ctx);
  const marked = await markRead(ctx.db, actor.staffId, ids, ctx.clock.now());
  return { marked };
}

async function settingsState(db: Db, clock: Clock, staffId: string): Promise<StaffNotificationSettingsState> {
  const contact = await findStaffContact(db, staffId);
  if (!contact) throw new DomainError('staff.not_found', 'There is no staff member here.');
  const { settings, version } = settingsOf(await findSettingsRow(db, staffId));
  return { settings, version, timeZone: contact.time_zone, nextDigestAt: nextDigestAt(clock.now(), contact.time_zone, settings).toISOString() };
}

export async function getNotificationSettings(ctx: ServiceContext): Promise<StaffNotificationSettingsState> {
  const actor = requireStaffMember(ctx);
  return settingsState(ctx.db, ctx.clock, actor.staffId);
}

/**
 * Saves the person's choices. A save based on an older version is refused (another tab changed
 * them). Updates already waiting get a summary at the new time; a job queued for the old time
 * notices the change and does nothing.
 */
export async function setNotificationSettings(ctx: ServiceContext, input: z.output<typeof SetStaffNotificationSettingsRequestSchema>): Promise<StaffNotificationSettingsState> {
  const actor = requireStaffMember(ctx);
  const now = ctx.clock.now();
  const { settings } = input;
  return ctx.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('staff_notification_settings').select('version').where('staff_id', '=', actor.staffId).forUpdate().executeTakeFirst();
    if ((current?.version ?? 0) !== input.version) {
      throw new DomainError('write.stale_version', 'These settings were changed in another window. Reload the page to see them.');
    }
    const values = {
      digest_email: settings.digestEmail,
      digest_time: settings.digestTime,
      quiet_start: settings.quietHours?.start ?? null,
      quiet_end: settings.quietHours?.end ?? null,
      version: input.version + 1,
      updated_at: now,
    };
    if (current) await trx.updateTable('staff_notification_settings').set(values).where('staff_id', '=', actor.staffId).execute();
    else await trx.insertInto('staff_notification_settings').values({ staff_id: actor.staffId, ...values }).execute();
    await writeAudit(trx, ctx, { action: 'staff_notification.settings', entityType: 'staff', entityId: actor.staffId, details: { digestEmail: settings.digestEmail, quietHours: settings.quietHours !== null } });
    const waiting = await findDigestRows(trx, actor.staffId, now);
    if (waiting.length) await queueDigest(trx, ctx.clock, actor.staffId);
    return settingsState(trx, ctx.clock, actor.staffId);
  });
}

/**
 * Sends one person's summary: the updates they have not read and no summary has counted, by kind,
 * with no client details. Nothing waiting, summaries turned off, or an account no longer active:
 * nothing is sent. A job for a time the person has since changed does nothing (the save queued
 * the new one).
 */
export function createStaffDigestHandler(publicOrigin: string): JobHandler {
  return async (payload, ctx) => {
    const { staffId, dueAt } = payload as { staffId: string; dueAt: string };
    await ctx.db.transaction().execute(async (trx) => {
      const contact = await findStaffContact(trx, staffId);
      const { settings } = settingsOf(await findSettingsRow(trx, staffId));
      if (!contact?.email || !settings.digestEmail) return;
      const due = new Date(dueAt);
      if (nextDigestAt(new Date(due.getTime() - 1), contact.time_zone, settings).getTime() !== due.getTime()) return;
      const now = ctx.clock.now();
      const rows = await findDigestRows(trx, staffId, now);
      if (!rows.length) return;
      const counts: Partial<Record<StaffNotificationKind, number>> = {};
      for (const row of rows) counts[row.kind] = (counts[row.kind] ?? 0) + 1;
      await queueEmail(trx, ctx.clock, { organisationId: contact.organisation_id, to: contact.email, ...staffDigestEmail(counts, `${publicOrigin}/staff/notifications`) });
      await markDigested(
        trx,
        rows.map((r) => r.id),
        now,
      );
      const actor = { type: 'system' as const, component: `job:${staffDigestJob}`, organisationId: contact.organisation_id };
      await writeAudit(trx, { actor, clock: ctx.clock, requestId: null }, { action: 'staff_notification.digest', entityType: 'staff', entityId: staffId, details: counts });
    });
  };
}
