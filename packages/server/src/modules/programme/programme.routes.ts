import { ClientIdParamsSchema, MarkStepDoneRequestSchema, ProgrammeProgressSchema, ProgrammeQuerySchema, ProgrammeSchema, StepContentSchema, StepParamsSchema } from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses as errors, signedInRoute as signedIn } from '../../http/route-options';
import { getClientProgress, getOwnProgress, getStep, listProgramme, markStepDone } from './programme.service';

const tags = ['programme'];
const open = { access: 'public' } as const;

export function programmeRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/programme',
      { config: open, schema: { summary: 'The self-help programme: modules and steps, in order (no client data)', tags, querystring: ProgrammeQuerySchema, response: { 200: ProgrammeSchema, ...errors } } },
      async (request) => listProgramme(deps.programme, request.query.locale),
    );
    app.get(
      '/api/programme/modules/:moduleId/steps/:stepId',
      {
        config: open,
        schema: { summary: 'One step’s text, in the language asked for where it exists (no client data)', tags, params: StepParamsSchema, querystring: ProgrammeQuerySchema, response: { 200: StepContentSchema, ...errors } },
      },
      async (request) => getStep(deps.programme, request.params.moduleId, request.params.stepId, request.query.locale),
    );
    app.get(
      '/api/me/programme',
      { config: signedIn, schema: { summary: 'My progress: steps done, modules open, my next step', tags, response: { 200: ProgrammeProgressSchema, ...errors } } },
      async (request) => getOwnProgress(serviceContext(deps, request), deps.programme),
    );
    app.put(
      '/api/me/programme/steps/:moduleId/:stepId',
      { config: signedIn, schema: { summary: 'I finished a step (idempotent)', tags, params: StepParamsSchema, body: MarkStepDoneRequestSchema, response: { 200: ProgrammeProgressSchema, ...errors } } },
      async (request) => markStepDone(serviceContext(deps, request), deps.programme, request.params.moduleId, request.params.stepId, request.body),
    );
    app.get(
      '/api/clients/:clientId/programme',
      { config: signedIn, schema: { summary: 'A client’s programme progress, for their care team', tags, params: ClientIdParamsSchema, response: { 200: ProgrammeProgressSchema, ...errors } } },
      async (request) => getClientProgress(serviceContext(deps, request), deps.programme, request.params.clientId),
    );
  };
}
