import { describe, expect, it } from 'vitest';
import { AddAgendaItemRequestSchema, agendaItemMaxLength } from './agenda';

describe('agenda items', () => {
  const base = { id: '0195f5b0-0000-7000-8000-000000000001', recordedAt: '2026-03-02T08:00:00Z' };
  it.each([
    ['one character', 'a', true],
    ['500 characters', 'x'.repeat(agendaItemMaxLength), true],
    ['501 characters', 'x'.repeat(agendaItemMaxLength + 1), false],
    ['empty', '', false],
    ['only spaces', '   ', false],
  ])('%s', (_name, text, ok) => {
    expect(AddAgendaItemRequestSchema.safeParse({ ...base, text }).success).toBe(ok);
  });
  it('trims the text', () => {
    expect(AddAgendaItemRequestSchema.parse({ ...base, text: '  Sleep  ' }).text).toBe('Sleep');
  });
});
