import { DomainError } from '@tandem/domain';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { publicApiRoutes } from './public-routes';

/**
 * public: anyone. signed-in: a signed-in person. any-session: also a session half-way through
 * signing in or locked by its app PIN — only the routes of those steps (and sign-out) take it, and
 * their services check the step (decision 0035).
 */
export type RouteAccess = 'public' | 'signed-in' | 'any-session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route at all; what they may do with which data is the service's policy. */
    access?: RouteAccess;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

/**
 * Every API route must declare its access. A route that declares none, or says it is public but
 * is not in public-routes.ts, stops the app from building — so a route cannot ship without a
 * policy. Signed-in routes answer 401 to anyone without a session before any handler runs.
 */
export function registerRouteAccess(app: FastifyInstance): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  const publicList = new Set<string>(publicApiRoutes);
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    if (!route.url.startsWith('/api/')) return;
    for (const method of methods) {
      const key = `${method} ${route.url}`;
      const access = route.config?.access;
      if (!access) throw new Error(`Route ${key} declares no access ('public', 'signed-in' or 'any-session').`);
      if (access === 'public' && !publicList.has(key)) throw new Error(`Route ${key} claims to be public but is not in public-routes.ts.`);
      if (access !== 'public' && publicList.has(key)) throw new Error(`Route ${key} is listed as public but declares '${access}'.`);
      routes.push({ method, url: route.url, access });
    }
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (access === 'public' || access === undefined || request.signedIn) return;
    const partial = request.partialSession;
    if (access === 'any-session' && partial) return;
    // A half-finished sign-in says which step is due, so the app can show it.
    if (partial?.stage === 'mfa') throw new DomainError('auth.mfa_required', 'Please enter the code from your authenticator app.');
    if (partial?.stage === 'enrol') throw new DomainError('auth.mfa_enrolment_required', 'Please set up two-step sign-in first.');
    if (partial?.stage === 'locked') throw new DomainError('auth.locked', 'Please enter your PIN to open the app.');
    throw new DomainError('auth.unauthenticated', 'Please sign in.');
  });
  return routes;
}
