import {
  AppointmentIdParamsSchema,
  CancelHomeworkRequestSchema,
  ClientHomeworkSchema,
  EndSessionRequestSchema,
  EndSessionResultSchema,
  EpisodeIdParamsSchema,
  HomeworkAssignmentListSchema,
  HomeworkAssignmentSchema,
  HomeworkIdParamsSchema,
  ProgrammeQuerySchema,
  SetHomeworkRequestSchema,
  TogetherViewSchema,
} from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses as errors, signedInRoute as signedIn } from '../../http/route-options';
import { endSession } from './end-session.service';
import { cancelHomework, getOwnHomework, listHomework, setHomework } from './homework.service';
import { getTogetherView } from './together.service';

const tags = ['homework'];

export function homeworkRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/episodes/:episodeId/homework',
      {
        config: signedIn,
        schema: {
          summary: 'Set homework for the next session: steps or exercises, due the day before the next appointment by default (care team; idempotent by id: 201, then 200)',
          tags,
          params: EpisodeIdParamsSchema,
          body: SetHomeworkRequestSchema,
          response: { 200: HomeworkAssignmentSchema, 201: HomeworkAssignmentSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { assignment, created } = await setHomework(serviceContext(deps, request), deps.programme, request.params.episodeId, request.body);
        return reply.status(created ? 201 : 200).send(assignment);
      },
    );
    app.get(
      '/api/episodes/:episodeId/homework',
      { config: signedIn, schema: { summary: 'An episode’s homework, newest first, with what is done', tags, params: EpisodeIdParamsSchema, response: { 200: HomeworkAssignmentListSchema, ...errors } } },
      async (request) => ({ assignments: await listHomework(serviceContext(deps, request), deps.programme, request.params.episodeId) }),
    );
    app.post(
      '/api/homework/:homeworkId/cancel',
      { config: signedIn, schema: { summary: 'Cancel homework, with a reason (its reminders then send nothing)', tags, params: HomeworkIdParamsSchema, body: CancelHomeworkRequestSchema, response: { 200: HomeworkAssignmentSchema, ...errors } } },
      async (request) => cancelHomework(serviceContext(deps, request), deps.programme, request.params.homeworkId, request.body),
    );
    app.get(
      '/api/me/homework',
      { config: signedIn, schema: { summary: 'My homework before my next session', tags, querystring: ProgrammeQuerySchema, response: { 200: ClientHomeworkSchema, ...errors } } },
      async (request) => getOwnHomework(serviceContext(deps, request), deps.programme, request.query.locale),
    );
    app.get(
      '/api/appointments/:appointmentId/together',
      { config: signedIn, schema: { summary: 'Session mode: what to go through with the client, in one read (this client only)', tags, params: AppointmentIdParamsSchema, response: { 200: TogetherViewSchema, ...errors } } },
      async (request) => getTogetherView(serviceContext(deps, request), deps.programme, request.params.appointmentId),
    );
    app.post(
      '/api/appointments/:appointmentId/end-session',
      {
        config: signedIn,
        schema: {
          summary: 'End the session in one go: attended, next appointment, homework, agenda discussed (all or nothing; retry-safe)',
          tags,
          params: AppointmentIdParamsSchema,
          body: EndSessionRequestSchema,
          response: { 200: EndSessionResultSchema, ...errors },
        },
      },
      async (request) => endSession(serviceContext(deps, request), deps.programme, request.params.appointmentId, request.body),
    );
  };
}
