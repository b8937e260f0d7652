import {
  AppointmentHistorySchema,
  AppointmentIdParamsSchema,
  AppointmentListSchema,
  AppointmentSchema,
  BookAppointmentRequestSchema,
  ChangeAppointmentStatusRequestSchema,
  ChangeEpisodeStatusRequestSchema,
  ChangeStepRequestSchema,
  ClientIdParamsSchema,
  CreateEpisodeRequestSchema,
  DischargeRequestSchema,
  EpisodeIdParamsSchema,
  EpisodeListSchema,
  EpisodeMeasuresSchema,
  EpisodeSchema,
  RescheduleAppointmentRequestSchema,
  SupervisionEpisodeListSchema,
  TransferEpisodeRequestSchema,
} from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses, signedInRoute } from '../../http/route-options';
import { bookAppointment, changeAppointmentStatus, listAppointments } from './appointments.service';
import { listSupervisedEpisodes } from './supervision.service';
import { getAppointmentHistory, rescheduleAppointment } from '../calendar/reschedule.service';
import { changeEpisodeStatus, changeEpisodeStep, createEpisode, dischargeEpisode, getEpisodeMeasures, listEpisodes, transferEpisode } from './episodes.service';

const errors = errorResponses;
const signedIn = signedInRoute;
const tags = ['episodes'];

export function episodeRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/supervision/episodes',
      { config: signedIn, schema: { summary: 'Supervisees’ open episodes, with those needing review', tags, response: { 200: SupervisionEpisodeListSchema, ...errors } } },
      async (request) => listSupervisedEpisodes(serviceContext(deps, request)),
    );
    app.get(
      '/api/episodes/:episodeId/measures',
      {
        config: signedIn,
        schema: { summary: 'An episode’s scores, outcome once ended, final measures due and open risk alerts (for discharge)', tags, params: EpisodeIdParamsSchema, response: { 200: EpisodeMeasuresSchema, ...errors } },
      },
      async (request) => getEpisodeMeasures(serviceContext(deps, request), request.params.episodeId),
    );
    app.get(
      '/api/clients/:clientId/episodes',
      { config: signedIn, schema: { summary: 'A client’s referrals (episodes), with history', tags, params: ClientIdParamsSchema, response: { 200: EpisodeListSchema, ...errors } } },
      async (request) => ({ episodes: await listEpisodes(serviceContext(deps, request), request.params.clientId) }),
    );
    app.post(
      '/api/clients/:clientId/episodes',
      {
        config: signedIn,
        schema: { summary: 'Open an episode from a referral', tags, params: ClientIdParamsSchema, body: CreateEpisodeRequestSchema, response: { 201: EpisodeSchema, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await createEpisode(serviceContext(deps, request), request.params.clientId, request.body)),
    );
    app.post(
      '/api/episodes/:episodeId/status',
      {
        config: signedIn,
        schema: { summary: 'Change an episode’s status (not ending it)', tags, params: EpisodeIdParamsSchema, body: ChangeEpisodeStatusRequestSchema, response: { 200: EpisodeSchema, ...errors } },
      },
      async (request) => changeEpisodeStatus(serviceContext(deps, request), request.params.episodeId, request.body),
    );
    app.post(
      '/api/episodes/:episodeId/step',
      {
        config: signedIn,
        schema: { summary: 'Step up or down within the episode', tags, params: EpisodeIdParamsSchema, body: ChangeStepRequestSchema, response: { 200: EpisodeSchema, ...errors } },
      },
      async (request) => changeEpisodeStep(serviceContext(deps, request), request.params.episodeId, request.body),
    );
    app.post(
      '/api/episodes/:episodeId/transfer',
      {
        config: signedIn,
        schema: { summary: 'Transfer the episode to another practitioner', tags, params: EpisodeIdParamsSchema, body: TransferEpisodeRequestSchema, response: { 200: EpisodeSchema, ...errors } },
      },
      async (request) => transferEpisode(serviceContext(deps, request), request.params.episodeId, request.body),
    );
    app.post(
      '/api/episodes/:episodeId/discharge',
      {
        config: signedIn,
        schema: { summary: 'End the episode (discharge)', tags, params: EpisodeIdParamsSchema, body: DischargeRequestSchema, response: { 200: EpisodeSchema, ...errors } },
      },
      async (request) => dischargeEpisode(serviceContext(deps, request), request.params.episodeId, request.body),
    );
    app.get(
      '/api/episodes/:episodeId/appointments',
      { config: signedIn, schema: { summary: 'An episode’s appointments, with history', tags, params: EpisodeIdParamsSchema, response: { 200: AppointmentListSchema, ...errors } } },
      async (request) => ({ appointments: await listAppointments(serviceContext(deps, request), request.params.episodeId) }),
    );
    app.post(
      '/api/episodes/:episodeId/appointments',
      {
        config: signedIn,
        schema: { summary: 'Book or record an appointment', tags, params: EpisodeIdParamsSchema, body: BookAppointmentRequestSchema, response: { 201: AppointmentSchema, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await bookAppointment(serviceContext(deps, request), request.params.episodeId, request.body)),
    );
    app.post(
      '/api/appointments/:appointmentId/status',
      {
        config: signedIn,
        schema: {
          summary: 'Record attendance or a cancellation',
          tags,
          params: AppointmentIdParamsSchema,
          body: ChangeAppointmentStatusRequestSchema,
          response: { 200: AppointmentSchema, ...errors },
        },
      },
      async (request) => changeAppointmentStatus(serviceContext(deps, request), request.params.appointmentId, request.body),
    );
    app.post(
      '/api/appointments/:appointmentId/reschedule',
      {
        config: signedIn,
        schema: {
          summary: 'Move a booked appointment to a new time (the old time stays in its history)',
          tags,
          params: AppointmentIdParamsSchema,
          body: RescheduleAppointmentRequestSchema,
          response: { 200: AppointmentSchema, ...errors },
        },
      },
      async (request) => rescheduleAppointment(serviceContext(deps, request), request.params.appointmentId, request.body),
    );
    app.get(
      '/api/appointments/:appointmentId/history',
      { config: signedIn, schema: { summary: 'Every move of an appointment: who, when, from, to and why', tags, params: AppointmentIdParamsSchema, response: { 200: AppointmentHistorySchema, ...errors } } },
      async (request) => getAppointmentHistory(serviceContext(deps, request), request.params.appointmentId),
    );
  };
}
