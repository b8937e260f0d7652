/**
 * Integration access (decision 0041): what an API token of a service account may do. A route
 * takes a token only if it names one of these scopes, and only a token holding that scope; every
 * other route answers a token 403. Research exports have no scope on purpose: a person with the
 * right role must ask for each one (decision 0043).
 */
export const apiTokenScopes = [
  /** Read a client's record as FHIR R4 (GET /api/clients/:clientId/fhir) and our Questionnaires. */
  'fhir:read',
  /** Send PHQ-9 and GAD-7 answers as FHIR QuestionnaireResponses (the import of measures). */
  'measures:write',
  /** Download the service-system export (contacts and paired measures per referral). */
  'exports:read',
] as const;
export type ApiTokenScope = (typeof apiTokenScopes)[number];

export function isApiTokenScope(value: string): value is ApiTokenScope {
  return (apiTokenScopes as readonly string[]).includes(value);
}

export const apiTokenRules = {
  /** The secret's prefix, so a leaked token is recognisable by secret scanners and people. */
  prefix: 'tandem_',
  /** Random bytes in a secret: 256 bits, so its SHA-256 alone is a safe thing to keep. */
  secretBytes: 32,
  /** Characters of the secret (after the prefix) kept as a hint to tell tokens apart. */
  hintLength: 6,
  /**
   * A token lasts at most a year: long enough for an integration, short enough that a forgotten
   * one ends (NCSC, "Secure system administration": credentials should expire and be rotated).
   */
  maxDays: 365,
  defaultDays: 90,
  /** last_used_at is written at most once a minute, so a busy integration adds no write per call. */
  lastUsedResolutionMs: 60_000,
} as const;

/** The form of a token's secret: the prefix and 43 base64url characters (32 bytes). */
export const apiTokenPattern = /^tandem_[A-Za-z0-9_-]{43}$/;
