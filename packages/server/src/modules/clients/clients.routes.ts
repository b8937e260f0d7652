import {
  AddCareTeamMemberRequestSchema,
  BreakGlassGrantSchema,
  BreakGlassRequestSchema,
  ClientIdParamsSchema,
  ClientListSchema,
  ClientRecordSchema,
  ErrorBodySchema,
  RegisterClientRequestSchema,
} from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses, signedInRoute } from '../../http/route-options';
import { addCareTeamMember, breakGlass, getClient, inviteClient, listClients, registerClient } from './clients.service';

const errors = errorResponses;
const signedIn = signedInRoute;
const tags = ['clients'];

export function clientRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/clients',
      { config: signedIn, schema: { summary: 'The caller’s caseload', tags, response: { 200: ClientListSchema, ...errors } } },
      async (request) => ({ clients: await listClients(serviceContext(deps, request)) }),
    );

    app.post(
      '/api/clients',
      {
        config: signedIn,
        schema: { summary: 'Register a client (the practitioner joins the care team)', tags, body: RegisterClientRequestSchema, response: { 201: ClientRecordSchema, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await registerClient(serviceContext(deps, request), request.body)),
    );

    app.get(
      '/api/clients/:clientId',
      { config: signedIn, schema: { summary: 'A client’s record', tags, params: ClientIdParamsSchema, response: { 200: ClientRecordSchema, ...errors } } },
      async (request) => getClient(serviceContext(deps, request), request.params.clientId),
    );

    app.post(
      '/api/clients/:clientId/invitation',
      {
        config: signedIn,
        schema: {
          summary: 'Email the client an invitation to set up their account',
          tags,
          params: ClientIdParamsSchema,
          response: { 202: z.object({ expiresAt: z.iso.datetime() }), 503: ErrorBodySchema, ...errors },
        },
      },
      async (request, reply) => reply.status(202).send(await inviteClient(serviceContext(deps, request), request.params.clientId)),
    );

    app.post(
      '/api/clients/:clientId/care-team',
      {
        config: signedIn,
        schema: {
          summary: 'Add a practitioner to the client’s care team',
          tags,
          params: ClientIdParamsSchema,
          body: AddCareTeamMemberRequestSchema,
          response: { 200: ClientRecordSchema, ...errors },
        },
      },
      async (request) => addCareTeamMember(serviceContext(deps, request), request.params.clientId, request.body.staffId),
    );

    app.post(
      '/api/clients/:clientId/break-glass',
      {
        config: signedIn,
        schema: {
          summary: 'Admin emergency access to a client’s record, with a reason (audited)',
          tags,
          params: ClientIdParamsSchema,
          body: BreakGlassRequestSchema,
          response: { 201: BreakGlassGrantSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await breakGlass(serviceContext(deps, request), request.params.clientId, request.body.reason)),
    );
  };
}
