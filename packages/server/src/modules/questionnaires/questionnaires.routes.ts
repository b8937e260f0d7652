import {
  AnswerParamsSchema,
  ClientIdParamsSchema,
  CompleteResponseRequestSchema,
  CompleteResponseResultSchema,
  DueQuestionnaireListSchema,
  QuestionnaireResponseListSchema,
  QuestionnaireResponseSchema,
  RecordResponseRequestSchema,
  ResponseIdParamsSchema,
  SaveAnswerRequestSchema,
  SaveAnswerResponseSchema,
} from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses as errors, signedInRoute as signedIn } from '../../http/route-options';
import { completeResponse, listClientResponses, listDue, listOwnResponses, recordResponse, saveAnswer } from './questionnaires.service';

const tags = ['questionnaires'];

export function questionnaireRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/questionnaires/due',
      { config: signedIn, schema: { summary: 'Questionnaires the client is asked to fill in now', tags, response: { 200: DueQuestionnaireListSchema, ...errors } } },
      async (request) => ({ due: await listDue(serviceContext(deps, request)) }),
    );
    app.put(
      '/api/questionnaire-responses/:responseId/answers/:linkId',
      {
        config: signedIn,
        schema: {
          summary: 'Save one answer as it is given (clients). A positive PHQ-9 item-9 answer raises a risk alert at once.',
          tags,
          params: AnswerParamsSchema,
          body: SaveAnswerRequestSchema,
          response: { 200: SaveAnswerResponseSchema, ...errors },
        },
      },
      async (request) => {
        const { responseId, linkId } = request.params;
        const result = await saveAnswer(serviceContext(deps, request), responseId, linkId, request.body);
        return { responseId, linkId, ...result };
      },
    );
    app.post(
      '/api/questionnaire-responses/:responseId/complete',
      {
        config: signedIn,
        schema: {
          summary: 'Send a finished questionnaire (clients). Idempotent by id: 201 when stored, 200 when it was already.',
          tags,
          params: ResponseIdParamsSchema,
          body: CompleteResponseRequestSchema,
          response: { 200: CompleteResponseResultSchema, 201: CompleteResponseResultSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { response, risk, created } = await completeResponse(serviceContext(deps, request), request.params.responseId, request.body);
        return reply.status(created ? 201 : 200).send({ response, risk });
      },
    );
    app.get(
      '/api/questionnaire-responses',
      { config: signedIn, schema: { summary: 'The client’s own completed questionnaires', tags, response: { 200: QuestionnaireResponseListSchema, ...errors } } },
      async (request) => ({ responses: await listOwnResponses(serviceContext(deps, request)) }),
    );
    app.get(
      '/api/clients/:clientId/questionnaire-responses',
      { config: signedIn, schema: { summary: 'A client’s completed questionnaires', tags, params: ClientIdParamsSchema, response: { 200: QuestionnaireResponseListSchema, ...errors } } },
      async (request) => ({ responses: await listClientResponses(serviceContext(deps, request), request.params.clientId) }),
    );
    app.post(
      '/api/clients/:clientId/questionnaire-responses',
      {
        config: signedIn,
        schema: {
          summary: 'Record answers given in a session, or imported (care team). Idempotent by id.',
          tags,
          params: ClientIdParamsSchema,
          body: RecordResponseRequestSchema,
          response: { 200: QuestionnaireResponseSchema, 201: QuestionnaireResponseSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { response, created } = await recordResponse(serviceContext(deps, request), request.params.clientId, request.body);
        return reply.status(created ? 201 : 200).send(response);
      },
    );
  };
}
