import { describe, expect, it } from 'vitest';
import { mayContact, type ConsentChoices } from './consent';

const choices = (email: boolean): ConsentChoices => ({
  blendedTreatment: true,
  messagingUnderstood: true,
  channels: { email, sms: false, push: true },
  research: false,
});

describe('mayContact', () => {
  it.each([
    [null, 'email', false],
    [choices(true), 'email', true],
    [choices(false), 'email', false],
    [choices(true), 'sms', false],
    [choices(false), 'push', true],
    // Said no to using Tandem alongside sessions: no contact, even with channels ticked.
    [{ ...choices(true), blendedTreatment: false }, 'email', false],
  ] as const)('%j by %s → %s', (current, channel, allowed) => {
    expect(mayContact(current, channel)).toBe(allowed);
  });
});
