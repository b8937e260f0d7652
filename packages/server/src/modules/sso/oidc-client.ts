import type { Clock, SsoIdentity } from '@tandem/domain';
import * as oidc from 'openid-client';
import type { OidcConfig } from '../../config/config';

/** How long the provider's discovery document and keys are reused before asking again. */
const discoveryLifetimeMs = 60 * 60_000;

/** The secrets of one sign-in at the provider, kept in the `oidc_attempt` row between the two legs. */
export interface AttemptChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The provider's answer could not be used (a wrong state, a bad token, the provider said no). */
export class ProviderAnswerError extends Error {
  constructor(readonly code: string, options?: { cause?: unknown }) {
    super(`The OpenID Connect provider's answer was refused: ${code}`, options);
    this.name = 'ProviderAnswerError';
  }
}

/** openid-client's error code (e.g. OAUTH_INVALID_RESPONSE), for the log. */
function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'unknown';
}

/**
 * Tandem's side of OpenID Connect (the authorisation code flow with PKCE, state and nonce), through
 * openid-client. Only the provider's published metadata and keys are cached, per app instance: a
 * sign-in in progress lives in the database, so any instance can finish what another started.
 */
export function createOidcClient(settings: OidcConfig, clock: Clock) {
  let cached: { at: number; configuration: Promise<oidc.Configuration> } | null = null;

  /** The provider's configuration; a provider that cannot be reached or read is a refused answer. */
  async function configuration(): Promise<oidc.Configuration> {
    try {
      return await discovered();
    } catch (error) {
      throw new ProviderAnswerError('unreachable', { cause: error });
    }
  }

  function discovered(): Promise<oidc.Configuration> {
    const now = clock.now().getTime();
    if (cached && now - cached.at < discoveryLifetimeMs) return cached.configuration;
    const issuer = new URL(settings.issuer);
    // Plain http is allowed by the configuration check only on loopback (tests).
    const execute = issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [];
    const configuration = oidc
      .discovery(issuer, settings.clientId, { client_secret: settings.clientSecret }, oidc.ClientSecretBasic(settings.clientSecret), { execute, timeout: 10 })
      .then((found) => {
        found.timeout = 10;
        return found;
      });
    // A failed discovery is not kept: the next sign-in asks again.
    configuration.catch(() => {
      if (cached?.configuration === configuration) cached = null;
    });
    cached = { at: now, configuration };
    return configuration;
  }

  return {
    /** Fresh secrets for one sign-in. */
    newChecks(): AttemptChecks {
      return { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
    },

    /** Where to send the browser: the provider's authorisation endpoint with this attempt's checks. */
    async authorisationUrl(checks: AttemptChecks): Promise<URL> {
      return oidc.buildAuthorizationUrl(await configuration(), {
        redirect_uri: settings.redirectUri,
        scope: 'openid email',
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
      });
    },

    /**
     * Exchanges the code the browser brought back for tokens, checking state, PKCE, nonce and the
     * ID token's signature, issuer, audience and times (openid-client). The email comes from the
     * ID token, or from the user info endpoint when the provider keeps it there.
     */
    async identify(callbackUrl: URL, checks: AttemptChecks): Promise<SsoIdentity> {
      const config = await configuration();
      let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
      try {
        tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          pkceCodeVerifier: checks.codeVerifier,
          idTokenExpected: true,
        });
      } catch (error) {
        throw new ProviderAnswerError(codeOf(error), { cause: error });
      }
      const claims = tokens.claims();
      if (!claims) throw new ProviderAnswerError('no_id_token');
      let email = typeof claims.email === 'string' ? claims.email : null;
      let emailVerified = claims.email_verified === true;
      if (email === null) {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub).catch((error: unknown) => {
          throw new ProviderAnswerError(codeOf(error), { cause: error });
        });
        email = typeof info.email === 'string' ? info.email : null;
        emailVerified = info.email_verified === true;
      }
      return {
        issuer: config.serverMetadata().issuer,
        subject: claims.sub,
        email: email === null ? null : email.trim().toLowerCase(),
        emailVerified,
        amr: Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === 'string') : [],
      };
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;
