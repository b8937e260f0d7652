import { messageMaxLength, newId, type Message } from '@tandem/domain';
import type { OutboxItem } from '../outbox/outbox';

export const messagesUrl = '/api/me/messages';
export const messagesReadUrl = '/api/me/messages/read';
export const unreadUrl = '/api/me/messages/unread';

/** What the client typed, checked as the server will: words, and not more than the limit. */
export type MessageCheck = { kind: 'empty' } | { kind: 'too-long'; count: number } | { kind: 'ok'; text: string };

export function checkMessageText(typed: string): MessageCheck {
  const text = typed.trim();
  if (!text) return { kind: 'empty' };
  if (text.length > messageMaxLength) return { kind: 'too-long', count: text.length };
  return { kind: 'ok', text };
}

/** The outbox item that sends one message: its phone-made id makes a resend harmless. */
export function messageOutboxItem(text: string, now = new Date()): Omit<OutboxItem, 'seq' | 'attempts' | 'state' | 'ownerId'> {
  const id = newId(now);
  return { id, kind: 'message', url: messagesUrl, body: { id, text, recordedAt: now.toISOString() }, createdAt: now.toISOString() };
}

/** One line of the conversation: on the server, or still on this phone (waiting or refused). */
export type MessageLine = { kind: 'sent'; message: Message } | { kind: 'kept'; id: string; text: string; recordedAt: string; outbox: OutboxItem };

/** The server's messages in order, then what is still on this phone and not yet among them. */
export function messageLines(sent: readonly Message[], kept: readonly OutboxItem[]): MessageLine[] {
  const known = new Set(sent.map((m) => m.id));
  const pending = kept
    .filter((item) => item.kind === 'message' && !known.has(item.id))
    .map((item): MessageLine => {
      const body = item.body as { text: string; recordedAt: string };
      return { kind: 'kept', id: item.id, text: body.text, recordedAt: body.recordedAt, outbox: item };
    });
  return [...sent.map((message): MessageLine => ({ kind: 'sent', message })), ...pending];
}
