import { z } from 'zod';
import { localDate } from '../checkins/mood';
import { inQuietHours, LocalTime } from '../checkins/prompt-schedule';
import { zonedDateTimeToInstant } from '../time/zoned';

/**
 * What staff are told about, and when (issue 9 item 4; BRIEF.md B2 — practitioners named being
 * "overwhelmed" by a stream of alerts as the burden of blended care). Only a risk alert is urgent:
 * it is emailed at once to whoever it is routed to (the risk pathway, decision 0018) and quiet
 * hours never delay it. Everything else waits for one daily summary email, and shows in the
 * in-app notification centre with no pop-up.
 */
export const staffNotificationKinds = ['risk-alert', 'message', 'entry-shared', 'questionnaire-completed'] as const;
export type StaffNotificationKind = (typeof staffNotificationKinds)[number];

export function isUrgentNotification(kind: StaffNotificationKind): boolean {
  return kind === 'risk-alert';
}

/**
 * A staff member's own choices. The summary email is on by default at 08:00 in their own time
 * zone — before a working day starts, so it is read with the worklist. Quiet hours (their own
 * wall-clock times, may run past midnight) move the summary to their end; they never move a risk
 * alert, which goes to whoever is on duty (decision 0029).
 */
export const StaffNotificationSettingsSchema = z
  .strictObject({
    digestEmail: z.boolean(),
    digestTime: LocalTime,
    quietHours: z.strictObject({ start: LocalTime, end: LocalTime }).nullable(),
  })
  .meta({ id: 'StaffNotificationSettings' });
export type StaffNotificationSettings = z.output<typeof StaffNotificationSettingsSchema>;

export const defaultStaffNotificationSettings: StaffNotificationSettings = { digestEmail: true, digestTime: '08:00', quietHours: null };

/** PUT /api/me/notification-settings: the settings and the version they replace (0 for the defaults). */
export const SetStaffNotificationSettingsRequestSchema = z
  .strictObject({ settings: StaffNotificationSettingsSchema, version: z.number().int().min(0) })
  .meta({ id: 'SetStaffNotificationSettingsRequest' });

export const StaffNotificationSettingsStateSchema = z
  .object({
    settings: z.object({ digestEmail: z.boolean(), digestTime: z.string(), quietHours: z.object({ start: z.string(), end: z.string() }).nullable() }),
    version: z.number().int(),
    timeZone: z.string(),
    /** When the next summary would be sent if something is waiting. */
    nextDigestAt: z.iso.datetime(),
  })
  .meta({ id: 'StaffNotificationSettingsState' });
export type StaffNotificationSettingsState = z.output<typeof StaffNotificationSettingsStateSchema>;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The first summary time strictly after `now`: the digest time on a day in the person's time
 * zone; if that falls in their quiet hours, the end of those quiet hours (the next morning when
 * they run past midnight). Daylight-saving safe (wall-clock times through `zonedDateTimeToInstant`).
 */
export function nextDigestAt(now: Date, timeZone: string, settings: Pick<StaffNotificationSettings, 'digestTime' | 'quietHours'>): Date {
  const today = localDate(now, timeZone);
  for (let day = -1; day <= 2; day += 1) {
    const date = addDays(today, day);
    let at = zonedDateTimeToInstant(date, settings.digestTime, timeZone);
    const quiet = settings.quietHours;
    if (quiet && inQuietHours(settings.digestTime, quiet)) {
      at = zonedDateTimeToInstant(quiet.end > settings.digestTime ? date : addDays(date, 1), quiet.end, timeZone);
    }
    if (at > now) return at;
  }
  // Unreachable for a real zone (a day always has the time), but never loop or throw.
  return new Date(now.getTime() + 24 * 3600_000);
}

export const StaffNotificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(staffNotificationKinds),
    urgent: z.boolean(),
    clientId: z.uuid().nullable(),
    /** The client's name, for the person's own caseload (the list is an audited read). */
    clientName: z.string().nullable(),
    /** Where to go in the practitioner app. */
    link: z.string(),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'StaffNotification' });
export type StaffNotification = z.output<typeof StaffNotificationSchema>;

export const StaffNotificationListSchema = z
  .object({
    items: z.array(StaffNotificationSchema),
    unread: z.number().int(),
    /** Unread, by kind: the in-app summary at the top of the centre. */
    unreadByKind: z.partialRecord(z.enum(staffNotificationKinds), z.number().int()),
  })
  .meta({ id: 'StaffNotificationList' });
export type StaffNotificationList = z.output<typeof StaffNotificationListSchema>;

export const MarkNotificationsReadRequestSchema = z
  .strictObject({ ids: z.array(z.uuid()).min(1, 'name at least one notification').max(200, 'name at most 200 at a time') })
  .meta({ id: 'MarkNotificationsReadRequest' });

/** How many days of notifications the centre lists (older ones stay in the record). */
export const notificationCentreDays = 30;

const kindWords: Record<StaffNotificationKind, [one: string, many: string]> = {
  'risk-alert': ['risk alert', 'risk alerts'],
  message: ['new message', 'new messages'],
  'entry-shared': ['piece of work shared with you', 'pieces of work shared with you'],
  'questionnaire-completed': ['questionnaire answered', 'questionnaires answered'],
};

/**
 * The daily summary email: how many updates of each kind wait, and the link. No client names,
 * scores or words (email is not a secure channel and may show on a lock screen; HAZ-077).
 */
export function staffDigestEmail(counts: Partial<Record<StaffNotificationKind, number>>, link: string): { subject: string; text: string } {
  const lines = staffNotificationKinds
    .map((kind) => [kind, counts[kind] ?? 0] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `- ${n} ${kindWords[kind][n === 1 ? 0 : 1]}`);
  const total = staffNotificationKinds.reduce((sum, kind) => sum + (counts[kind] ?? 0), 0);
  return {
    subject: 'Tandem: your daily summary',
    text:
      `You have ${total} ${total === 1 ? 'update' : 'updates'} waiting in Tandem:\n\n${lines.join('\n')}\n\n` +
      `Open your notifications: ${link}\n\n` +
      `This email holds no client details. You can change when it comes, or turn it off, on the notifications page.`,
  };
}
