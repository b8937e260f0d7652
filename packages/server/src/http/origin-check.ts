import { DomainError } from '@tandem/domain';
import type { FastifyInstance } from 'fastify';
import { isApiPath } from './api-paths';
import { usesAuthorizationHeader } from './api-token';

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence for state-changing API requests, in three layers (decision 0009): SameSite=Lax
 * cookies; JSON-only bodies (a cross-site form cannot send application/json without a preflight);
 * and this check — the browser must say the request comes from our own origin, through `Origin`
 * or `Sec-Fetch-Site: same-origin`. A request with neither is refused. Replayed offline writes are
 * sent by our own pages, so they carry both.
 */
export function registerOriginCheck(app: FastifyInstance, publicOrigin: string): void {
  app.addHook('onRequest', async (request) => {
    if (!stateChanging.has(request.method) || !isApiPath(request.url)) return;
    // An API token's request: its cookies are ignored (api-token.ts), and no other site's page can
    // set an Authorization header without a CORS preflight, which Tandem never answers.
    if (usesAuthorizationHeader(request.headers)) return;
    const origin = request.headers.origin;
    const fetchSite = request.headers['sec-fetch-site'];
    if (origin !== undefined) {
      if (origin === publicOrigin) return;
      throw new DomainError('auth.origin_rejected', 'This request did not come from Tandem’s own pages.');
    }
    if (fetchSite === 'same-origin') return;
    throw new DomainError('auth.origin_rejected', 'This request did not come from Tandem’s own pages.');
  });
}
