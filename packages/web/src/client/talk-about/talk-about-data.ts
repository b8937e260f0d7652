import { agendaItemMaxLength, newId, type AgendaItem } from '@tandem/domain';
import type { OutboxItem } from '../outbox/outbox';

export const agendaItemsUrl = '/api/me/agenda-items';
export const removeAgendaItemUrl = (id: string) => `/api/me/agenda-items/${id}/remove`;

/** What the client typed, checked as the server will: words, and not more than its limit. */
export type TextCheck = { kind: 'empty' } | { kind: 'too-long'; count: number } | { kind: 'ok'; text: string };

export function checkAgendaText(typed: string): TextCheck {
  const text = typed.trim();
  if (!text) return { kind: 'empty' };
  if (text.length > agendaItemMaxLength) return { kind: 'too-long', count: text.length };
  return { kind: 'ok', text };
}

/** The outbox item that adds one thing to talk about: its phone-made id makes a resend harmless. */
export function agendaOutboxItem(text: string, now = new Date()): Omit<OutboxItem, 'seq' | 'attempts' | 'state' | 'ownerId'> {
  const id = newId(now);
  return { id, kind: 'agenda-item', url: agendaItemsUrl, body: { id, text, recordedAt: now.toISOString() }, createdAt: now.toISOString() };
}

/** One line of the list: sent (open on the server), or still on this phone (waiting or refused). */
export type AgendaLine = { kind: 'sent'; item: AgendaItem } | { kind: 'kept'; id: string; text: string; outbox: OutboxItem };

/** The server's open items, then what is still on this phone and not yet among them. */
export function agendaLines(sent: readonly AgendaItem[], kept: readonly OutboxItem[]): AgendaLine[] {
  const known = new Set(sent.map((item) => item.id));
  const pending = kept
    .filter((item) => item.kind === 'agenda-item' && !known.has(item.id))
    .map((item): AgendaLine => ({ kind: 'kept', id: item.id, text: (item.body as { text: string }).text, outbox: item }));
  return [...sent.map((item): AgendaLine => ({ kind: 'sent', item })), ...pending];
}
