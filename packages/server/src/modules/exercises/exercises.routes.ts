import {
  ClientIdParamsSchema,
  CreateFeedbackTemplateRequestSchema,
  ExerciseEntryIdParamsSchema,
  ExerciseEntryListSchema,
  ExerciseEntryOtherVersionParamsSchema,
  ExerciseEntrySchema,
  ExerciseFeedbackSchema,
  FeedbackTemplateListSchema,
  FeedbackTemplateSchema,
  GiveFeedbackRequestSchema,
  SaveExerciseEntryRequestSchema,
  SaveExerciseEntryResponseSchema,
  SharedExerciseEntryListSchema,
} from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses as errors, signedInRoute as signedIn } from '../../http/route-options';
import { listForCareTeam, listOwn, resolveOtherVersion, saveEntry } from './exercises.service';
import { createFeedbackTemplate, giveFeedback, listFeedbackTemplates } from './feedback.service';

const tags = ['exercises'];

export function exerciseRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(
      '/api/exercise-entries/:entryId',
      {
        config: signedIn,
        schema: {
          summary: 'Save a draft or submit an exercise entry (the client’s own; idempotent, ordered by recordedAt)',
          tags,
          params: ExerciseEntryIdParamsSchema,
          body: SaveExerciseEntryRequestSchema,
          response: { 200: SaveExerciseEntryResponseSchema, ...errors },
        },
      },
      async (request) => saveEntry(serviceContext(deps, request), request.params.entryId, request.body),
    );
    app.post(
      '/api/exercise-entries/:entryId/other-versions/:versionId/resolve',
      {
        config: signedIn,
        schema: {
          summary: 'The client has chosen between two devices’ versions of their entry: stop offering the other one (idempotent)',
          tags,
          params: ExerciseEntryOtherVersionParamsSchema,
          response: { 200: ExerciseEntrySchema, ...errors },
        },
      },
      async (request) => resolveOtherVersion(serviceContext(deps, request), request.params.entryId, request.params.versionId),
    );
    app.get(
      '/api/exercise-entries',
      { config: signedIn, schema: { summary: 'The client’s own exercise entries, drafts included, with feedback', tags, response: { 200: ExerciseEntryListSchema, ...errors } } },
      async (request) => ({ entries: await listOwn(serviceContext(deps, request)) }),
    );
    app.get(
      '/api/clients/:clientId/exercise-entries',
      {
        config: signedIn,
        schema: { summary: 'A client’s submitted entries for the care team (private ones: only that they exist)', tags, params: ClientIdParamsSchema, response: { 200: SharedExerciseEntryListSchema, ...errors } },
      },
      async (request) => ({ entries: await listForCareTeam(serviceContext(deps, request), request.params.clientId) }),
    );
    app.post(
      '/api/exercise-entries/:entryId/feedback',
      {
        config: signedIn,
        schema: { summary: 'Short written feedback on a submitted, shared entry', tags, params: ExerciseEntryIdParamsSchema, body: GiveFeedbackRequestSchema, response: { 200: ExerciseFeedbackSchema, ...errors } },
      },
      async (request) => giveFeedback(serviceContext(deps, request), request.params.entryId, request.body),
    );
    app.get(
      '/api/feedback-templates',
      { config: signedIn, schema: { summary: 'Reusable feedback wording: the organisation’s and my own', tags, response: { 200: FeedbackTemplateListSchema, ...errors } } },
      async (request) => listFeedbackTemplates(serviceContext(deps, request)),
    );
    app.post(
      '/api/feedback-templates',
      { config: signedIn, schema: { summary: 'Save reusable feedback wording (for the organisation: admins)', tags, body: CreateFeedbackTemplateRequestSchema, response: { 200: FeedbackTemplateSchema, ...errors } } },
      async (request) => createFeedbackTemplate(serviceContext(deps, request), request.body),
    );
  };
}
