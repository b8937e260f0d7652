import { DomainError, type ApiTokenScope, type ServiceActor } from '@tandem/domain';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { resolveApiToken } from '../modules/api-tokens/api-tokens.service';
import { isApiPath } from './api-paths';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope an API token needs to call this route; without one, the route refuses tokens (decision 0041). */
    tokenScope?: ApiTokenScope;
  }
  interface FastifyRequest {
    /** The integration an `Authorization: Bearer` token stands for, or null. */
    serviceActor: ServiceActor | null;
  }
}

/** True when the request carries an Authorization header: it is then judged by that alone, never by a cookie. */
export function usesAuthorizationHeader(headers: { authorization?: string | undefined }): boolean {
  return headers.authorization !== undefined;
}

/**
 * Reads `Authorization: Bearer <token>` on API requests (decision 0041). A header that opens
 * nothing — malformed, unknown, revoked or expired — is answered 401 at once, whatever the route,
 * so an integration learns its token failed rather than seeing a public answer. Whether the route
 * takes tokens, and with which scope, is checked with its declared access (route-access.ts).
 */
export function registerApiTokens(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('serviceActor', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!isApiPath(request.url) || !usesAuthorizationHeader(request.headers)) return;
    const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
    const actor = match?.[1] ? await resolveApiToken(deps.database.db, deps.clock, match[1]) : null;
    if (!actor) {
      reply.header('www-authenticate', 'Bearer error="invalid_token"');
      throw new DomainError('auth.token_invalid', 'This API token does not work: it may be wrong, expired or revoked.');
    }
    request.serviceActor = actor;
  });
}
