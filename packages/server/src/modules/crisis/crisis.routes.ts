import { CrisisPageSchema, SetCrisisPageRequestSchema } from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses as errors, signedInRoute as signedIn } from '../../http/route-options';
import { getCrisisPage, setCrisisPage } from './crisis.service';

const tags = ['crisis'];

export function crisisRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/crisis-page',
      { config: { access: 'public' }, schema: { summary: 'The crisis page: national contacts’ review, and the organisation’s local contacts', tags, response: { 200: CrisisPageSchema, ...errors } } },
      async (request) => getCrisisPage(deps.database.db, request.signedIn?.actor ?? null),
    );
    app.put(
      '/api/organisation/crisis-page',
      { config: signedIn, schema: { summary: 'Record a reviewed version of the local crisis contacts (admins)', tags, body: SetCrisisPageRequestSchema, response: { 200: CrisisPageSchema, ...errors } } },
      async (request) => setCrisisPage(serviceContext(deps, request), request.body),
    );
  };
}
