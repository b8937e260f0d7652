import { BriefResponseSchema, ClientIdParamsSchema } from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses as errors, signedInRoute as signedIn } from '../../http/route-options';
import { getBrief } from './brief.service';

export function briefRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/clients/:clientId/brief',
      {
        config: signedIn,
        schema: {
          summary: 'The pre-session brief for the client’s next appointment: at most 250 words (staff with access to the client record; null without an open episode)',
          tags: ['brief'],
          params: ClientIdParamsSchema,
          response: { 200: BriefResponseSchema, ...errors },
        },
      },
      async (request) => getBrief(serviceContext(deps, request), deps.programme, request.params.clientId),
    );
  };
}
