import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps';
import { resolveSession, type PartialSession, type SignedIn } from '../modules/auth/auth.service';
import { isApiPath } from './api-paths';
import { usesAuthorizationHeader } from './api-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: a request to this route does not slide the session's idle expiry (an event stream). */
    touchesSession?: boolean;
  }
  interface FastifyRequest {
    /** The signed-in person, or null. Set on every request from the session cookie. */
    signedIn: SignedIn | null;
    /** A session half-way through signing in, or locked by its app PIN (decision 0035), or null. */
    partialSession: PartialSession | null;
  }
}

/**
 * The session cookie: HttpOnly, SameSite=Lax, Path=/, Secure and `__Host-` prefixed under https.
 * It holds a random token; the server keeps only its hash. Without "remember this device" it is a
 * browser-session cookie (no expiry).
 */
export function sessionCookieName(https: boolean): string {
  return https ? '__Host-tandem_session' : 'tandem_session';
}

export function setSessionCookie(reply: FastifyReply, https: boolean, token: string, maxAgeSeconds: number | undefined) {
  reply.setCookie(sessionCookieName(https), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: https,
    path: '/',
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  });
}

export function clearSessionCookie(reply: FastifyReply, https: boolean) {
  reply.clearCookie(sessionCookieName(https), { path: '/', httpOnly: true, sameSite: 'lax', secure: https });
}

export function sessionToken(request: FastifyRequest, https: boolean): string | undefined {
  const value = request.cookies[sessionCookieName(https)];
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

/** Reads the session cookie on every API request and resolves who is signed in. */
export async function registerSessions(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const https = deps.config.publicOrigin.startsWith('https:');
  await app.register(cookie);
  app.decorateRequest('signedIn', null);
  app.decorateRequest('partialSession', null);
  app.addHook('onRequest', async (request, reply) => {
    // A request with an Authorization header is an integration's: its cookies are never read (api-token.ts).
    if (!isApiPath(request.url) || usesAuthorizationHeader(request.headers)) return;
    const raw = request.cookies[sessionCookieName(https)];
    if (raw === undefined) return;
    const token = sessionToken(request, https);
    const touch = request.routeOptions.config?.touchesSession !== false;
    const found = token ? await resolveSession(deps.database.db, deps.clock, token, { touch }) : null;
    request.signedIn = found?.signedIn ?? null;
    request.partialSession = found?.partial ?? null;
    // A cookie that no longer opens a session (expired, revoked, from another deployment) is removed.
    if (!found) clearSessionCookie(reply, https);
  });
}
