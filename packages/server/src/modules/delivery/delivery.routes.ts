import { DeliveryLogSchema } from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses as errors, signedInRoute as signedIn } from '../../http/route-options';
import { deliveryLog } from './delivery.service';

export function deliveryRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/organisation/delivery-log',
      { config: signedIn, schema: { summary: 'Email deliveries of the last 7 days with their state, attempts and last error (admins; addresses masked)', tags: ['organisation'], response: { 200: DeliveryLogSchema, ...errors } } },
      async (request) => deliveryLog(serviceContext(deps, request)),
    );
  };
}
