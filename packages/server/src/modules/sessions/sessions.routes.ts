import {
  AppointmentIdParamsSchema,
  ClientPlanProgressSchema,
  EpisodeIdParamsSchema,
  FidelitySchema,
  ProtocolMapSchema,
  SaveSessionNoteRequestSchema,
  SaveSessionNoteResultSchema,
  SessionNoteStateSchema,
} from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses as errors, signedInRoute as signedIn } from '../../http/route-options';
import { getFidelity } from './fidelity.service';
import { getSessionNote, saveSessionNote } from './notes.service';
import { getOwnPlanProgress, getProtocolMap } from './protocol-map.service';

const tags = ['sessions'];

/** Session notes, the protocol map with its drift flags, the client's place in their plan, and fidelity (decision 0024). */
export function sessionRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(
      '/api/appointments/:appointmentId/session-note',
      {
        config: signedIn,
        schema: {
          summary: 'Save the session note as it stands (autosave; an older save arriving late is not applied). Internal to the care team',
          tags,
          params: AppointmentIdParamsSchema,
          body: SaveSessionNoteRequestSchema,
          response: { 200: SaveSessionNoteResultSchema, ...errors },
        },
      },
      async (request) => saveSessionNote(serviceContext(deps, request), request.params.appointmentId, request.body),
    );
    app.get(
      '/api/appointments/:appointmentId/session-note',
      { config: signedIn, schema: { summary: 'The session note (staff who may read the episode; never the client)', tags, params: AppointmentIdParamsSchema, response: { 200: SessionNoteStateSchema, ...errors } } },
      async (request) => getSessionNote(serviceContext(deps, request), request.params.appointmentId),
    );
    app.get(
      '/api/episodes/:episodeId/protocol-map',
      { config: signedIn, schema: { summary: 'Where the episode is in its plan, and drift flags against it', tags, params: EpisodeIdParamsSchema, response: { 200: ProtocolMapSchema, ...errors } } },
      async (request) => getProtocolMap(serviceContext(deps, request), deps.programme, request.params.episodeId),
    );
    app.get(
      '/api/me/plan/progress',
      { config: signedIn, schema: { summary: 'Where I am in my plan: each step done, now, next or later', tags, response: { 200: ClientPlanProgressSchema, ...errors } } },
      async (request) => getOwnPlanProgress(serviceContext(deps, request), deps.programme),
    );
    app.get(
      '/api/supervision/fidelity',
      { config: signedIn, schema: { summary: 'Supervisees’ open episodes with a plan: how many drift from it, and how', tags, response: { 200: FidelitySchema, ...errors } } },
      async (request) => getFidelity(serviceContext(deps, request), deps.programme),
    );
  };
}
