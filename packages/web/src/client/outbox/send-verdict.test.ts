import { describe, expect, it } from 'vitest';
import { sendVerdict } from './send-verdict';

describe('what the outbox does with an answer', () => {
  it.each([
    [200, 'delivered'],
    [201, 'delivered'],
    [204, 'delivered'],
    // 401 auth.locked (app PIN), auth.mfa_required (half-way), auth.unauthenticated: the item waits
    // untouched and goes after unlock or sign-in — never dropped, never marked refused (HAZ-096).
    [401, 'wait-for-sign-in'],
    [429, 'try-later'],
    [500, 'try-later'],
    [503, 'try-later'],
    [400, 'refused'],
    [403, 'refused'],
    [409, 'refused'],
    [422, 'refused'],
  ])('%s → %s', (status, verdict) => {
    expect(sendVerdict(status)).toBe(verdict);
  });
});
