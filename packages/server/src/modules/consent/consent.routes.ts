import { ClientIdParamsSchema, ConsentHistorySchema, ConsentRecordSchema, RecordConsentRequestSchema } from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses } from '../../http/route-options';
import { getConsent, recordConsent } from './consent.service';

const errors = errorResponses;

export function consentRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/clients/:clientId/consent',
      { config: { access: 'signed-in' }, schema: { summary: 'A client’s consent, current and past', tags: ['consent'], params: ClientIdParamsSchema, response: { 200: ConsentHistorySchema, ...errors } } },
      async (request) => getConsent(serviceContext(deps, request), request.params.clientId),
    );
    app.post(
      '/api/clients/:clientId/consent',
      {
        config: { access: 'signed-in' },
        schema: {
          summary: 'Record consent (the client, or their practitioner in a session); a new version each time',
          tags: ['consent'],
          params: ClientIdParamsSchema,
          body: RecordConsentRequestSchema,
          response: { 201: ConsentRecordSchema, ...errors },
        },
      },
      async (request, reply) => reply.status(201).send(await recordConsent(serviceContext(deps, request), request.params.clientId, request.body)),
    );
  };
}
