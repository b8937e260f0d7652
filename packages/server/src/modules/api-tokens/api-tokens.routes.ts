import {
  ApiTokenParamsSchema,
  ApiTokenSummarySchema,
  CreateApiTokenRequestSchema,
  CreatedApiTokenSchema,
  CreateServiceAccountRequestSchema,
  ErrorBodySchema,
  ServiceAccountListSchema,
  ServiceAccountParamsSchema,
  ServiceAccountSchema,
} from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses } from '../../http/route-options';
import { createApiToken, createServiceAccount, listServiceAccounts, revokeApiToken } from './api-tokens.service';

const errors = { ...errorResponses, 503: ErrorBodySchema };
const tags = ['integrations'];

/** Service accounts and their API tokens, for admins of the organisation (decision 0041). */
export function apiTokenRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/service-accounts',
      { config: { access: 'signed-in' }, schema: { summary: 'The organisation’s integrations and their tokens (admins; never a secret)', tags, response: { 200: ServiceAccountListSchema, ...errors } } },
      async (request) => ({ serviceAccounts: await listServiceAccounts(serviceContext(deps, request)) }),
    );
    app.post(
      '/api/service-accounts',
      {
        config: { access: 'signed-in' },
        schema: { summary: 'Add an integration (admins)', tags, body: CreateServiceAccountRequestSchema, response: { 200: ServiceAccountSchema, 201: ServiceAccountSchema, ...errors } },
      },
      async (request, reply) => {
        const { account, created } = await createServiceAccount(serviceContext(deps, request), request.body);
        return reply.status(created ? 201 : 200).send(account);
      },
    );
    app.post(
      '/api/service-accounts/:serviceAccountId/tokens',
      {
        config: { access: 'signed-in' },
        schema: {
          summary: 'Make an API token for an integration (admins); the answer is the only time its secret is shown',
          tags,
          params: ServiceAccountParamsSchema,
          body: CreateApiTokenRequestSchema,
          response: { 201: CreatedApiTokenSchema, ...errors },
        },
      },
      async (request, reply) => reply.status(201).send(await createApiToken(serviceContext(deps, request), request.params.serviceAccountId, request.body)),
    );
    app.delete(
      '/api/service-accounts/:serviceAccountId/tokens/:tokenId',
      {
        config: { access: 'signed-in' },
        schema: { summary: 'Revoke an API token at once (admins)', tags, params: ApiTokenParamsSchema, response: { 200: ApiTokenSummarySchema, ...errors } },
      },
      async (request) => revokeApiToken(serviceContext(deps, request), request.params.serviceAccountId, request.params.tokenId),
    );
  };
}
