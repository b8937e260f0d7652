import { ErrorBodySchema, HealthResponseSchema } from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { pingDatabase } from '../../db/database';

/** GET /api/health — for load balancers and operators; reports database connectivity only. */
export function healthRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Service health',
          tags: ['operations'],
          response: { 200: HealthResponseSchema, 503: ErrorBodySchema },
        },
      },
      async (_request, reply) => {
        const ok = await pingDatabase(deps.database);
        if (!ok) {
          return reply
            .status(503)
            .send({ error: { code: 'database.unavailable', message: 'The database is not answering.' } });
        }
        return { status: 'ok' as const, database: 'ok' as const, engine: deps.database.engine };
      },
    );
  };
}
