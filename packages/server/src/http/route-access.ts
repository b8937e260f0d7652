import { DomainError, type ApiTokenScope } from '@tandem/domain';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { publicApiRoutes } from './public-routes';
import { isApiPath } from './api-paths';

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
  /** The scope an API token needs here; absent: tokens are refused (decision 0041). */
  tokenScope?: ApiTokenScope;
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
    if (!isApiPath(route.url)) return;
    for (const method of methods) {
      const key = `${method} ${route.url}`;
      const access = route.config?.access;
      if (!access) throw new Error(`Route ${key} declares no access ('public', 'signed-in' or 'any-session').`);
      if (access === 'public' && !publicList.has(key)) throw new Error(`Route ${key} claims to be public but is not in public-routes.ts.`);
      if (access !== 'public' && publicList.has(key)) throw new Error(`Route ${key} is listed as public but declares '${access}'.`);
      const tokenScope = route.config?.tokenScope;
      if (tokenScope && access !== 'signed-in') throw new Error(`Route ${key} takes API tokens, so it must be 'signed-in'.`);
      routes.push({ method, url: route.url, access, ...(tokenScope ? { tokenScope } : {}) });
    }
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (access === 'public' || access === undefined || request.signedIn) return;
    const service = request.serviceActor;
    if (service) {
      // An integration: only on a route that names a scope, and only with that scope.
      const scope = request.routeOptions.config?.tokenScope;
      if (!scope) throw new DomainError('auth.token_not_accepted', 'API tokens cannot be used here.');
      if (!service.scopes.includes(scope)) throw new DomainError('auth.token_scope_missing', `This API token may not do this: it needs the scope "${scope}".`);
      return;
    }
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
