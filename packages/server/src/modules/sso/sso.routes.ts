import { DomainError, ErrorBodySchema, SignInOptionsSchema, SsoCallbackQuerySchema } from '@tandem/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { anonymousContext } from '../../http/context';
import { sessionToken, setSessionCookie } from '../../http/session';
import { createOidcClient, ProviderAnswerError } from './oidc-client';
import { finishSsoSignIn, startSsoSignIn } from './sso.service';

const tags = ['auth'];
const attemptLifetimeSeconds = 600;

/**
 * The browser's half of a sign-in at the provider: a random value in a short-lived cookie. It is
 * HttpOnly and SameSite=Lax, so it travels on the provider's top-level redirect back to us and
 * nowhere else; a callback opened in another browser carries none (decision 0036).
 */
function attemptCookieName(https: boolean) {
  return https ? '__Host-tandem_oidc' : 'tandem_oidc';
}

function noSso(): never {
  throw new DomainError('request.not_found', 'Single sign-on is not set up here.');
}

/** Staff single sign-on with the organisation's OpenID Connect provider (decision 0036). */
export function ssoRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const https = deps.config.publicOrigin.startsWith('https:');
  const settings = deps.config.oidc;
  const client = settings ? createOidcClient(settings, deps.clock) : null;
  const cookieName = attemptCookieName(https);
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: https, path: '/' };

  function redirect(reply: FastifyReply, location: string) {
    return reply.header('cache-control', 'no-store').redirect(location, 302);
  }

  return async (app) => {
    app.get(
      '/api/auth/options',
      {
        config: { access: 'public' },
        schema: { summary: 'What the sign-in page may offer besides a password (single sign-on and its label)', tags, response: { 200: SignInOptionsSchema } },
      },
      async () => ({ sso: settings ? { label: settings.label } : null }),
    );

    app.get(
      '/api/auth/oidc/start',
      {
        config: { access: 'public' },
        schema: {
          summary: "Staff single sign-on: go to the organisation's provider (302); 404 when single sign-on is not set up",
          tags,
          response: { 404: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        if (!client) noSso();
        try {
          const { url, attemptKey } = await startSsoSignIn(anonymousContext(deps, request), client);
          reply.setCookie(cookieName, attemptKey, { ...cookieOptions, maxAge: attemptLifetimeSeconds });
          return redirect(reply, url.href);
        } catch (error) {
          if (!(error instanceof ProviderAnswerError)) throw error;
          // The provider cannot be reached: say so on the sign-in page, where the password still works.
          request.log.warn({ providerError: error.code }, 'single sign-on: the provider could not be reached');
          return redirect(reply, '/staff/?sso=failed');
        }
      },
    );

    app.get(
      '/api/auth/oidc/callback',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Where the provider sends staff back: signed in (302 to the workspace or the second step) or refused (302 to the sign-in page with a reason)',
          tags,
          querystring: SsoCallbackQuerySchema,
          response: { 404: ErrorBodySchema },
        },
      },
      async (request: FastifyRequest, reply) => {
        if (!client || !settings) noSso();
        const attemptKey = request.cookies[cookieName];
        reply.clearCookie(cookieName, cookieOptions);
        const callbackUrl = new URL(settings.redirectUri);
        callbackUrl.search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        const result = await finishSsoSignIn(anonymousContext(deps, request), client, {
          attemptKey,
          callbackUrl,
          previousToken: sessionToken(request, https),
          trustsProviderMfa: settings.trustsProviderMfa,
        });
        // The practitioner app shows its sign-in page (with the reason), or the second step of a
        // half-way session, at its home address; signed in, that address is the workspace.
        if (result.outcome === 'refused') {
          if (result.providerError) request.log.warn({ providerError: result.providerError }, "single sign-on: the provider's answer was refused");
          return redirect(reply, `/staff/?sso=${result.reason}`);
        }
        // Staff sessions are browser-session cookies (decision 0009): no "remember" with SSO.
        setSessionCookie(reply, https, result.token, undefined);
        return redirect(reply, result.stage === 'full' ? '/staff/' : `/staff/?step=${result.stage}`);
      },
    );
  };
}
