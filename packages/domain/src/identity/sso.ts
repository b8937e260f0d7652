import { z } from 'zod';

/**
 * Single sign-on for staff with OpenID Connect (issue 11 item 2; decision 0036).
 *
 * An attempt (state, nonce, PKCE verifier) lives in the database for 10 minutes and is used once:
 * long enough to sign in at the provider, short enough that a stolen browser cookie soon opens
 * nothing. Tandem's own choice.
 */
export const ssoAttemptRules = { lifetimeMs: 10 * 60_000 } as const;

/**
 * Why an SSO sign-in was refused, as the code the sign-in page shows in plain words
 * (`/staff/?sso=<code>`). "No account" covers an unknown email, a client's email and an
 * account that is not active alike, so the page tells no one which of those it was.
 */
export const ssoRefusals = ['unverified', 'no_account', 'other_person', 'expired', 'failed'] as const;
export type SsoRefusal = (typeof ssoRefusals)[number];

/** What the provider's ID token (or user info) says about the person, as far as Tandem uses it. */
export interface SsoIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  /** RFC 8176 authentication method references, e.g. ['pwd', 'mfa']. */
  amr: readonly string[];
}

/** The account found by the identity's email, with the link this issuer already has to it. */
export interface SsoCandidate {
  actorType: 'staff' | 'client';
  status: 'invited' | 'active' | 'disabled';
  /** The subject this account was first signed in with at this issuer, if any. */
  linkedSubject: string | null;
  /** Whether this issuer's subject is already linked to a different account. */
  subjectLinkedElsewhere: boolean;
}

export type SsoDecision = { outcome: 'sign-in'; link: boolean } | { outcome: 'refuse'; reason: SsoRefusal };

/**
 * Whether an identity from the provider may sign in to an account. Only a verified email finds an
 * account (OpenID Connect Core §5.1: `email_verified` true means the provider checked the address);
 * only an active staff account may be entered; SSO never creates accounts. The first sign-in
 * links the provider's subject to the account; after that the same issuer must present the same
 * subject, so an address moved to another person at the provider opens nothing (hazard HAZ-091).
 */
export function decideSsoSignIn(identity: Pick<SsoIdentity, 'email' | 'emailVerified' | 'subject'>, candidate: SsoCandidate | null): SsoDecision {
  if (!identity.email || !identity.emailVerified) return { outcome: 'refuse', reason: 'unverified' };
  if (!candidate || candidate.actorType !== 'staff' || candidate.status !== 'active') return { outcome: 'refuse', reason: 'no_account' };
  if (candidate.subjectLinkedElsewhere) return { outcome: 'refuse', reason: 'other_person' };
  if (candidate.linkedSubject !== null && candidate.linkedSubject !== identity.subject) return { outcome: 'refuse', reason: 'other_person' };
  return { outcome: 'sign-in', link: candidate.linkedSubject === null };
}

/**
 * Whether the provider's own second step counts as Tandem's: only when the deployment says it
 * trusts the provider's MFA and the ID token's `amr` names `mfa` (RFC 8176 §2, "multiple-factor
 * authentication"). Otherwise Tandem asks for its own code (hazard HAZ-092).
 */
export function providerMfaCounts(trustsProviderMfa: boolean, amr: readonly string[]): boolean {
  return trustsProviderMfa && amr.includes('mfa');
}

/** GET /api/auth/options — what the sign-in page may offer besides the password. */
export const SignInOptionsSchema = z
  .object({
    /** Null when single sign-on is not configured. `label` names the provider on the button. */
    sso: z.object({ label: z.string() }).nullable(),
  })
  .meta({ id: 'SignInOptions' });
export type SignInOptions = z.infer<typeof SignInOptionsSchema>;

/**
 * GET /api/auth/oidc/callback — what the provider sends back (OAuth 2.0 RFC 6749 §4.1.2 and
 * §4.1.2.1, RFC 9207 `iss`). Bounded only; openid-client checks the values themselves.
 */
export const SsoCallbackQuerySchema = z.looseObject({
  code: z.string().max(2048).optional(),
  state: z.string().max(512).optional(),
  iss: z.string().max(2048).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(2048).optional(),
});
