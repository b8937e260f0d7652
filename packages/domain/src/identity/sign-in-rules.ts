/**
 * Sign-in throttling, kept per account (email) and per network address in PostgreSQL. After
 * `freeFailures` consecutive failures each further attempt must wait: 1 s, 2 s, 4 s … capped at
 * 15 minutes (OWASP ASVS 4.0.3 V2.2.1: anti-automation without permanent lock-out, so an attacker
 * cannot lock a client out of their own help; NIST SP 800-63B §5.2.2 rate limiting).
 * A success resets the account's counter.
 */
export const signInThrottle = {
  freeFailures: 5,
  /**
   * A network address is shared by everyone at an NHS site behind one gateway, so it gets far
   * more free failures than one account before it is slowed down.
   */
  addressFreeFailures: 50,
  firstDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  /** Failures older than this are forgotten. */
  windowMs: 24 * 3600_000,
} as const;

/** How long after the last failure the next attempt is allowed, given the failure count. */
export function signInDelayMs(failures: number, freeFailures: number = signInThrottle.freeFailures): number {
  if (failures < freeFailures) return 0;
  const step = failures - freeFailures;
  return Math.min(signInThrottle.firstDelayMs * 2 ** step, signInThrottle.maxDelayMs);
}

/**
 * Passwords after NIST SP 800-63B-4 §3.1.1.2: at least 15 characters while a password is the
 * only factor (it is, until staff MFA lands), at most 128 (long enough for passphrases), any
 * characters, no composition rules. A new password is also checked against common, repetitive,
 * sequential and context-specific values (password-check.ts; decision 0034).
 */
export const passwordRules = { minLength: 15, maxLength: 128 } as const;

/** Invitation links last 7 days and work once. */
export const invitationLifetimeMs = 7 * 24 * 3600_000;

/**
 * Wrong dates of birth allowed on one invitation before it is cancelled: the date of birth is what
 * stops a mistyped email address handing a stranger someone's record, and there are only about
 * 36,500 plausible dates, so guessing must stop early.
 */
export const invitationMaxDateOfBirthAttempts = 5;
