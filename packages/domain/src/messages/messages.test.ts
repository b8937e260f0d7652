import { describe, expect, it } from 'vitest';
import { CareSettingsSchema, defaultCareSettings } from '../episodes/care-settings';
import { messageEmailSlot, messageMaxLength, MessageTextSchema, newMessageEmail } from './messages';

describe('message text', () => {
  it.each([
    ['empty', '', false],
    ['only spaces', '   \n ', false],
    ['one character', 'x', true],
    [`exactly ${messageMaxLength} characters`, 'x'.repeat(messageMaxLength), true],
    [`${messageMaxLength} characters with spaces around (trimmed)`, `  ${'x'.repeat(messageMaxLength)}  `, true],
    [`${messageMaxLength + 1} characters`, 'x'.repeat(messageMaxLength + 1), false],
  ])('%s → %s', (_name, text, ok) => {
    expect(MessageTextSchema.safeParse(text).success).toBe(ok);
  });
});

describe('messageEmailSlot', () => {
  it.each([
    ['a free hour: this hour, two minutes on', '2026-03-02T10:05:00Z', false, '2026-03-02T10:07:00.000Z', 0],
    ['the last minute of an hour, free: still this hour', '2026-03-02T10:59:59Z', false, '2026-03-02T11:01:59.000Z', 0],
    ['this hour taken: the next hour, at its start', '2026-03-02T10:30:00Z', true, '2026-03-02T11:00:00.000Z', 1],
    ['exactly on the hour, taken: the next hour', '2026-03-02T11:00:00Z', true, '2026-03-02T12:00:00.000Z', 1],
  ])('%s', (_name, now, taken, dueAt, hourOffset) => {
    const slot = messageEmailSlot(new Date(now), taken);
    expect(slot.dueAt.toISOString()).toBe(dueAt);
    expect(slot.hour).toBe(Math.floor(new Date(now).getTime() / 3600_000) + hourOffset);
  });
});

describe('newMessageEmail', () => {
  it('says only that a message is waiting: no words of it, no names', () => {
    const email = newMessageEmail('https://tandem.example/messages');
    expect(email.subject).toBe('You have a new message in Tandem');
    expect(email.text).toContain('https://tandem.example/messages');
    expect(email.text).not.toMatch(/practitioner|therap|depress|mood|risk/i);
  });
});

describe('the reply time in the care settings', () => {
  const { messageReplyWorkingDays: _omitted, ...saved } = defaultCareSettings;
  it.each([
    ['0 working days: refused (no same-day promise)', 0, false],
    ['1 working day', 1, true],
    ['10 working days', 10, true],
    ['11 working days: refused (the channel would not be fit for use)', 11, false],
    ['1.5 working days: refused', 1.5, false],
  ])('%s', (_name, days, ok) => {
    expect(CareSettingsSchema.safeParse({ ...saved, messageReplyWorkingDays: days }).success).toBe(ok);
  });

  it('reads as 2 for settings saved before it existed', () => {
    expect(CareSettingsSchema.parse(saved).messageReplyWorkingDays).toBe(2);
  });
});
