import type { CaseloadUnread } from '@tandem/domain';
import { announceChange, liveRead, useLiveRead } from '../live-read';

export const caseloadUnreadUrl = '/api/messages/unread';
export const conversationUrl = (clientId: string) => `/api/clients/${encodeURIComponent(clientId)}/messages`;
export const markReadUrl = (clientId: string) => `/api/clients/${encodeURIComponent(clientId)}/messages/read`;
export const quickRepliesUrl = '/api/quick-replies';

const unreadRead = liveRead(caseloadUnreadUrl);

/** Unread messages are counted again wherever shown (after a conversation marked some read). */
export function announceMessagesChanged(): void {
  announceChange(unreadRead);
}

/** The caseload's unread messages (and what is routed to this person to cover); null until known. */
export function useUnreadMessages(): CaseloadUnread | null {
  return useLiveRead<CaseloadUnread>(unreadRead);
}
