import { PushPublicKeySchema, PushSubscriptionIdParamsSchema, PushSubscriptionSavedSchema, SavePushSubscriptionRequestSchema } from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses as errors, signedInRoute as signedIn } from '../../http/route-options';
import { pushPublicKey, removePushSubscription, savePushSubscription } from './push.service';

const tags = ['push'];

export function pushRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/push/public-key',
      { config: signedIn, schema: { summary: 'The server’s VAPID public key, to subscribe this device to notifications', tags, response: { 200: PushPublicKeySchema, ...errors } } },
      async (request) => pushPublicKey(serviceContext(deps, request)),
    );
    app.put(
      '/api/me/push-subscriptions/:subscriptionId',
      {
        config: signedIn,
        schema: {
          summary: 'Get notifications on this device: its push subscription (idempotent by endpoint; answers the stored id)',
          tags,
          params: PushSubscriptionIdParamsSchema,
          body: SavePushSubscriptionRequestSchema,
          response: { 200: PushSubscriptionSavedSchema, ...errors },
        },
      },
      async (request) => savePushSubscription(serviceContext(deps, request), request.params.subscriptionId, request.body),
    );
    app.delete(
      '/api/me/push-subscriptions/:subscriptionId',
      { config: signedIn, schema: { summary: 'Stop notifications on this device (one of my own subscriptions; idempotent)', tags, params: PushSubscriptionIdParamsSchema, response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        await removePushSubscription(serviceContext(deps, request), request.params.subscriptionId);
        return reply.status(204).send(null);
      },
    );
  };
}
