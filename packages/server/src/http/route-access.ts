import { DomainError } from '@tandem/domain';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { publicApiRoutes } from './public-routes';

export type RouteAccess = 'public' | 'signed-in';

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
      if (!access) throw new Error(`Route ${key} declares no access ('public' or 'signed-in').`);
      if (access === 'public' && !publicList.has(key)) throw new Error(`Route ${key} claims to be public but is not in public-routes.ts.`);
      if (access !== 'public' && publicList.has(key)) throw new Error(`Route ${key} is listed as public but declares '${access}'.`);
      routes.push({ method, url: route.url, access });
    }
  });
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.access === 'signed-in' && !request.signedIn) {
      throw new DomainError('auth.unauthenticated', 'Please sign in.');
    }
  });
  return routes;
}
