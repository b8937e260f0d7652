import { CalendarFeedCreatedSchema, CalendarFeedStateSchema } from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { anonymousContext, serviceContext } from '../../http/context';
import { errorResponses, signedInRoute } from '../../http/route-options';
import { createOwnCalendarFeed, getOwnCalendarFeed, readCalendarFeed, revokeOwnCalendarFeed } from './calendar.service';

const errors = errorResponses;
const signedIn = signedInRoute;
const tags = ['calendar'];

export function calendarRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/me/calendar-feed',
      { config: signedIn, schema: { summary: 'Whether I have a private calendar feed (its address is shown only when made)', tags, response: { 200: CalendarFeedStateSchema, ...errors } } },
      async (request) => getOwnCalendarFeed(serviceContext(deps, request)),
    );
    app.post(
      '/api/me/calendar-feed',
      {
        config: signedIn,
        schema: { summary: 'Make a new private calendar feed address (the old one stops working)', tags, response: { 201: CalendarFeedCreatedSchema, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await createOwnCalendarFeed(serviceContext(deps, request))),
    );
    app.delete(
      '/api/me/calendar-feed',
      { config: signedIn, schema: { summary: 'Stop my private calendar feed', tags, response: { 200: CalendarFeedStateSchema, ...errors } } },
      async (request) => revokeOwnCalendarFeed(serviceContext(deps, request)),
    );
    // Outside /api: calendar apps fetch it with no session. One prefix, GET only, one answer for
    // every unknown address — easy to rate-limit at a proxy. Request logging is off for this route
    // because the path holds the secret (HAZ-043); warnings and errors still log, without the path.
    app.get(
      '/calendar/:file',
      { logLevel: 'warn', schema: { hide: true, params: z.object({ file: z.string() }) } },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        const file = request.params.file;
        const token = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : '';
        const body = await readCalendarFeed(anonymousContext(deps, request), token);
        return reply.header('content-disposition', 'inline; filename="tandem.ics"').type('text/calendar; charset=utf-8').send(body);
      },
    );
  };
}
