import {
  CheckInListQuerySchema,
  CheckInListSchema,
  CheckInSchema,
  ClientIdParamsSchema,
  CreateCheckInRequestSchema,
  MoodPromptScheduleStateSchema,
  SetMoodPromptScheduleRequestSchema,
} from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses, signedInRoute } from '../../http/route-options';
import { getClientMoodSchedule, getOwnMoodSchedule, setClientMoodSchedule, setOwnMoodSchedule } from './mood-schedule.service';
import { createCheckIn, listClientCheckIns, listOwnCheckIns } from './checkins.service';

const errors = errorResponses;
const signedIn = signedInRoute;
const tags = ['check-ins'];

export function checkInRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/check-ins',
      {
        config: signedIn,
        schema: {
          summary: 'Record a mood check-in (clients). Idempotent by id: 201 when stored, 200 when it was already.',
          tags,
          body: CreateCheckInRequestSchema,
          response: { 200: CheckInSchema, 201: CheckInSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { checkIn, created } = await createCheckIn(serviceContext(deps, request), request.body);
        return reply.status(created ? 201 : 200).send(checkIn);
      },
    );
    app.get(
      '/api/check-ins',
      { config: signedIn, schema: { summary: 'The client’s own recent check-ins', tags, querystring: CheckInListQuerySchema, response: { 200: CheckInListSchema, ...errors } } },
      async (request) => ({ checkIns: await listOwnCheckIns(serviceContext(deps, request), request.query.days) }),
    );
    app.get(
      '/api/clients/:clientId/check-ins',
      {
        config: signedIn,
        schema: {
          summary: 'A client’s recent check-ins (care team)',
          tags,
          params: ClientIdParamsSchema,
          querystring: CheckInListQuerySchema,
          response: { 200: CheckInListSchema, ...errors },
        },
      },
      async (request) => ({ checkIns: await listClientCheckIns(serviceContext(deps, request), request.params.clientId, request.query.days) }),
    );
    app.get(
      '/api/me/mood-schedule',
      { config: signedIn, schema: { summary: 'When the client is prompted to rate their mood (clients)', tags, response: { 200: MoodPromptScheduleStateSchema, ...errors } } },
      async (request) => getOwnMoodSchedule(serviceContext(deps, request)),
    );
    app.put(
      '/api/me/mood-schedule',
      { config: signedIn, schema: { summary: 'Change my mood prompts (at most six a day; quiet hours)', tags, body: SetMoodPromptScheduleRequestSchema, response: { 200: MoodPromptScheduleStateSchema, ...errors } } },
      async (request) => setOwnMoodSchedule(serviceContext(deps, request), request.body),
    );
    app.get(
      '/api/clients/:clientId/mood-schedule',
      { config: signedIn, schema: { summary: 'A client’s mood prompts (care team)', tags, params: ClientIdParamsSchema, response: { 200: MoodPromptScheduleStateSchema, ...errors } } },
      async (request) => getClientMoodSchedule(serviceContext(deps, request), request.params.clientId),
    );
    app.put(
      '/api/clients/:clientId/mood-schedule',
      {
        config: signedIn,
        schema: { summary: 'Change a client’s mood prompts (care team)', tags, params: ClientIdParamsSchema, body: SetMoodPromptScheduleRequestSchema, response: { 200: MoodPromptScheduleStateSchema, ...errors } },
      },
      async (request) => setClientMoodSchedule(serviceContext(deps, request), request.params.clientId, request.body),
    );
  };
}
