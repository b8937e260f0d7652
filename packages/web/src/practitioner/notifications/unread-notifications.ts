import { announceChange, liveRead, useLiveRead } from '../live-read';

/**
 * The number of unread notifications in the staff navigation, read like the other counts there
 * (`live-read.ts`): with each page, when the tab comes back into view, and when the notification
 * centre changes it. It never pops up or makes a sound (decision 0029: only risk interrupts, and
 * risk has its own path).
 */
const unreadNotifications = liveRead('/api/notifications/unread-count');

export function announceNotificationsChanged(): void {
  announceChange(unreadNotifications);
}

export function useUnreadNotificationCount(): number | null {
  return useLiveRead<{ unread: number }>(unreadNotifications)?.unread ?? null;
}
