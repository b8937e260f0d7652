/**
 * Two-step sign-in (issue 11 item 1; decision 0035).
 *
 * The code: TOTP after RFC 6238 with the parameters every authenticator app supports (30-second
 * step, 6 digits, HMAC-SHA-1) and a 160-bit secret (RFC 4226 §4 requirement R6). A code is
 * accepted one step either side of the server's clock (RFC 6238 §5.2 recommends allowing at most
 * one step of transmission delay) and only once: a code whose step is not after the last accepted
 * step is refused (NIST SP 800-63B §5.1.4.2, "SHALL accept a given time-based OTP only once
 * during the validity period"; OWASP ASVS 4.0.3 V2.8.4).
 */
export const totpRules = { periodSeconds: 30, digits: 6, secretBytes: 20, toleranceSteps: 1 } as const;

/**
 * Recovery codes: 10 single-use look-up secrets (NIST SP 800-63B §5.1.2), each 10 characters from
 * a 31-character alphabet without look-alikes (0/o, 1/l/i; about 49 bits), shown once, stored only as argon2id hashes
 * (§5.1.2.2: a look-up secret under 112 bits is stored salted and hashed like a password).
 * Making a new set voids the old one.
 */
export const recoveryCodeRules = { count: 10, length: 10, alphabet: '23456789abcdefghjkmnpqrstuvwxyz' } as const;

/**
 * The step after the password: the half-signed-in session lasts 10 minutes, and 5 wrong codes end
 * it (the person starts again from the password, which is throttled). Wrong codes also count on
 * the account's own throttle, so starting again does not give an attacker fresh tries (NIST SP
 * 800-63B §5.2.2 rate limiting). Tandem's own choices.
 */
export const secondStepRules = { lifetimeMs: 10 * 60_000, maxFailures: 5 } as const;

/**
 * The client's app PIN for a remembered phone: 4 to 6 digits; the app locks after 5 minutes
 * without use and asks for the PIN; 5 wrong PINs end the session, so the person signs in again
 * with their password. A PIN guards a phone that is shared at home — it is not a sign-in on its
 * own: it only re-opens a session that a password (and code) started. Tandem's own choices
 * (decision 0035), to be confirmed with the clinical lead.
 */
export const appPinRules = { minLength: 4, maxLength: 6, lockAfterMs: 5 * 60_000, maxFailures: 5 } as const;

/** Whether staff must use two-step sign-in: always (issue 11). Clients may choose it. */
export function twoStepRequired(actorType: 'staff' | 'client'): boolean {
  return actorType === 'staff';
}

/**
 * A PIN that is all one digit or a straight run (1234, 9876) is the first thing anyone tries
 * (NIST SP 800-63B §3.1.1.2 asks verifiers to refuse repetitive and sequential values).
 */
export function pinIsTooEasy(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((d, i) => d - digits[i]!);
  return steps.every((s) => s === 0) || steps.every((s) => s === 1) || steps.every((s) => s === -1);
}

/** A code typed by a person: spaces and dashes ignored, letters in lower case. */
export function normaliseCode(input: string): string {
  return input.replace(/[\s-]/g, '').toLowerCase();
}
