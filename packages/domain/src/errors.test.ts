import { describe, expect, it } from 'vitest';
import { ErrorBodySchema } from './api/common';
import { DomainError, errorCodes, isDomainError } from './errors';

describe('DomainError', () => {
  it('carries a stable code, a message and optional details', () => {
    const error = new DomainError('request.invalid', 'Some of the request is not valid.', [{ path: 'body/mood', message: 'too big' }]);
    expect(isDomainError(error)).toBe(true);
    expect(isDomainError(new Error('x'))).toBe(false);
    expect(error).toMatchObject({ code: 'request.invalid', details: [{ path: 'body/mood', message: 'too big' }] });
  });

  it('codes are unique and dotted (area.name)', () => {
    expect(new Set(errorCodes).size).toBe(errorCodes.length);
    for (const code of errorCodes) expect(code).toMatch(/^[a-z_]+\.[a-z_]+$/);
  });

  it('the error body schema accepts the documented shape and refuses others', () => {
    expect(ErrorBodySchema.safeParse({ error: { code: 'auth.forbidden', message: 'No.' } }).success).toBe(true);
    expect(ErrorBodySchema.safeParse({ error: { code: 'made.up', message: 'No.' } }).success).toBe(false);
    expect(ErrorBodySchema.safeParse({ code: 'auth.forbidden' }).success).toBe(false);
  });
});
