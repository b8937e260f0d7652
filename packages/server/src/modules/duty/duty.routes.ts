import {
  AddRotaPeriodsRequestSchema,
  AwayListSchema,
  DutyOverviewSchema,
  MarkAwayRequestSchema,
  SetSiteHoursRequestSchema,
  SiteIdParamsSchema,
} from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses, signedInRoute } from '../../http/route-options';
import { addRotaPeriods, getDutyOverview, listOwnAway, markAway, setSiteHours } from './duty.service';

const errors = errorResponses;
const signedIn = signedInRoute;
const tags = ['duty'];

export function dutyRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/sites/:siteId/duty',
      { config: signedIn, schema: { summary: 'Service hours, the duty rota, its problems and who covers now', tags, params: SiteIdParamsSchema, response: { 200: DutyOverviewSchema, ...errors } } },
      async (request) => getDutyOverview(serviceContext(deps, request), request.params.siteId),
    );
    app.post(
      '/api/sites/:siteId/hours',
      {
        config: signedIn,
        schema: { summary: 'Set opening hours, closure days and the site lead (admins)', tags, params: SiteIdParamsSchema, body: SetSiteHoursRequestSchema, response: { 200: DutyOverviewSchema, ...errors } },
      },
      async (request) => setSiteHours(serviceContext(deps, request), request.params.siteId, request.body),
    );
    app.post(
      '/api/sites/:siteId/rota',
      {
        config: signedIn,
        schema: { summary: 'Add duty periods (admins); overlaps refused, gaps reported', tags, params: SiteIdParamsSchema, body: AddRotaPeriodsRequestSchema, response: { 200: DutyOverviewSchema, ...errors } },
      },
      async (request) => addRotaPeriods(serviceContext(deps, request), request.params.siteId, request.body),
    );
    app.get(
      '/api/me/away',
      { config: signedIn, schema: { summary: 'My current and future away periods', tags, response: { 200: AwayListSchema, ...errors } } },
      async (request) => listOwnAway(serviceContext(deps, request)),
    );
    app.post(
      '/api/me/away',
      { config: signedIn, schema: { summary: 'Mark myself away (my risk alerts go to duty)', tags, body: MarkAwayRequestSchema, response: { 200: AwayListSchema, ...errors } } },
      async (request) => markAway(serviceContext(deps, request), request.body),
    );
  };
}
