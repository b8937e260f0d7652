import { messageMaxLength, type Message } from '@tandem/domain';
import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../outbox/outbox';
import { checkMessageText, messageLines, messageOutboxItem } from './messages-data';

describe('checkMessageText', () => {
  it.each([
    ['empty', '', { kind: 'empty' }],
    ['only spaces', '  \n ', { kind: 'empty' }],
    [`${messageMaxLength} characters`, 'x'.repeat(messageMaxLength), { kind: 'ok', text: 'x'.repeat(messageMaxLength) }],
    [`${messageMaxLength + 1} characters`, 'x'.repeat(messageMaxLength + 1), { kind: 'too-long', count: messageMaxLength + 1 }],
    ['words with spaces around (trimmed, as the server does)', '  Hello  ', { kind: 'ok', text: 'Hello' }],
  ])('%s', (_name, typed, want) => {
    expect(checkMessageText(typed)).toEqual(want);
  });
});

describe('messageLines', () => {
  const sent = (id: string, text: string): Message => ({ id, from: 'client', authorName: null, text, recordedAt: '2026-03-02T09:00:00.000Z', receivedAt: '2026-03-02T09:00:00.000Z', readAt: null, route: 'assigned_practitioner' });
  const kept = (text: string, state: OutboxItem['state'] = 'waiting'): OutboxItem => ({ ...messageOutboxItem(text, new Date('2026-03-02T10:00:00Z')), seq: 1, attempts: 0, state, ownerId: 'c1' });

  it('lists the server’s messages, then what waits on the phone; a message the server has is shown once', () => {
    const waiting = kept('On the bus');
    const arrived = kept('Arrived already');
    const lines = messageLines([sent('a', 'First'), sent(arrived.id, 'Arrived already')], [waiting, arrived, { ...kept('x'), kind: 'agenda-item' }]);
    expect(lines.map((l) => (l.kind === 'sent' ? `sent:${l.message.text}` : `kept:${l.text}:${l.outbox.state}`))).toEqual(['sent:First', 'sent:Arrived already', 'kept:On the bus:waiting']);
  });

  it('keeps a refused message on screen, never dropped', () => {
    expect(messageLines([], [kept('Too late', 'refused')]).map((l) => l.kind === 'kept' && l.outbox.state)).toEqual(['refused']);
  });
});
