import { DomainError, passwordProblemMessage, passwordProblems } from '@tandem/domain';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * The bundled list of common passwords: zxcvbn-ts's "passwords-common" list (about 49,000
 * passwords seen most often in breaches; MIT licence), lower-cased, read once when first needed.
 * NIST SP 800-63B-4 §3.1.1.2 asks for new passwords to be checked against such a list.
 */
let common: Set<string> | null = null;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  const lower = password.toLowerCase();
  return common.has(lower) || common.has(lower.replace(/[^\p{L}\p{N}]/gu, ''));
}

/**
 * Refuses a new password that is easy to guess — on the common list, repetitive, a run of keys,
 * or mostly the person's own names or email, or the service's name — with the reason, in the one
 * error shape (field `body/password`). Length is the schema's check; there are no composition rules.
 */
export function checkNewPassword(password: string, context: { email?: string; names?: readonly string[] }): void {
  const problem = isCommonPassword(password) ? 'common' : passwordProblems(password, context)[0];
  if (!problem) return;
  const message = passwordProblemMessage(problem);
  throw new DomainError('request.invalid', `This password ${message}`, [{ path: 'body/password', message }]);
}
