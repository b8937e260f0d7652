import type { FastifyRequest } from 'fastify';
import type { AnonymousContext, ServiceContext } from '../context';
import type { AppDeps } from '../deps';
import { requireActor } from '../context';

/** The service context of a signed-in request (the route's access already required a session). */
export function serviceContext(deps: AppDeps, request: FastifyRequest): ServiceContext {
  return {
    actor: requireActor(request.signedIn?.actor ?? request.serviceActor ?? null),
    db: deps.database.db,
    clock: deps.clock,
    requestId: request.id,
    config: deps.config,
    mailer: deps.mailer,
  };
}

/** The context of a request made before sign-in. */
export function anonymousContext(deps: AppDeps, request: FastifyRequest): AnonymousContext {
  return {
    actor: null,
    db: deps.database.db,
    clock: deps.clock,
    requestId: request.id,
    config: deps.config,
    mailer: deps.mailer,
    address: request.ip,
  };
}
