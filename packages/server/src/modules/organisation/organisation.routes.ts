import { CareSettingsStateSchema, CreateSiteRequestSchema, SetCareSettingsRequestSchema, SiteListSchema, SiteSchema } from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses as errors, signedInRoute as signedIn } from '../../http/route-options';
import { createSite, getCareSettings, listSites, setCareSettings } from './organisation.service';

const tags = ['organisation'];

export function organisationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/organisation/care-settings',
      { config: signedIn, schema: { summary: 'Session limits, the no-improvement session and the questionnaire window (staff)', tags, response: { 200: CareSettingsStateSchema, ...errors } } },
      async (request) => getCareSettings(serviceContext(deps, request)),
    );
    app.put(
      '/api/organisation/care-settings',
      { config: signedIn, schema: { summary: 'Record the care settings (admins)', tags, body: SetCareSettingsRequestSchema, response: { 200: CareSettingsStateSchema, ...errors } } },
      async (request) => setCareSettings(serviceContext(deps, request), request.body),
    );
    app.get(
      '/api/sites',
      { config: signedIn, schema: { summary: 'The organisation’s sites (staff)', tags, response: { 200: SiteListSchema, ...errors } } },
      async (request) => listSites(serviceContext(deps, request)),
    );
    app.post(
      '/api/sites',
      { config: signedIn, schema: { summary: 'Add a site (admins; idempotent by id)', tags, body: CreateSiteRequestSchema, response: { 201: SiteSchema, ...errors } } },
      async (request, reply) => reply.status(201).send(await createSite(serviceContext(deps, request), request.body)),
    );
  };
}
