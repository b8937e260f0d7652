import {
  ClientPlanSchema,
  CreatePlanRequestSchema,
  CreatePlanTemplateRequestSchema,
  EpisodeIdParamsSchema,
  PlanDefaultsStateSchema,
  PlanHistorySchema,
  PlanTemplateListSchema,
  PlanTemplateSchema,
  ProgrammeQuerySchema,
  SetPlanDefaultsRequestSchema,
  TreatmentPlanSchema,
  UpdatePlanRequestSchema,
} from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses as errors, signedInRoute as signedIn } from '../../http/route-options';
import { createPlan, createPlanTemplate, getOwnPlan, getPlan, getPlanHistory, listPlanTemplates, setPlanDefaults, updatePlan } from './plans.service';
import { shippedTemplates } from './plans.templates';

const tags = ['plans'];

export function planRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // Read and check the shipped templates now, so the server refuses to start on broken ones (like the programme).
    await shippedTemplates(deps.config.contentDir);

    app.get(
      '/api/plan-templates',
      { config: signedIn, schema: { summary: 'Plan templates: the England defaults, research examples (labelled) and the organisation’s own (staff)', tags, response: { 200: PlanTemplateListSchema, ...errors } } },
      async (request) => listPlanTemplates(serviceContext(deps, request)),
    );
    app.post(
      '/api/plan-templates',
      { config: signedIn, schema: { summary: 'Add an organisation plan template (admins; idempotent by id)', tags, body: CreatePlanTemplateRequestSchema, response: { 201: PlanTemplateSchema, ...errors } } },
      async (request, reply) => reply.status(201).send(await createPlanTemplate(serviceContext(deps, request), deps.programme, request.body)),
    );
    app.put(
      '/api/plan-templates/defaults',
      { config: signedIn, schema: { summary: 'Choose the template each step’s new plans start from (admins; never a research example)', tags, body: SetPlanDefaultsRequestSchema, response: { 200: PlanDefaultsStateSchema, ...errors } } },
      async (request) => setPlanDefaults(serviceContext(deps, request), request.body),
    );
    app.get(
      '/api/episodes/:episodeId/plan',
      { config: signedIn, schema: { summary: 'An episode’s treatment plan', tags, params: EpisodeIdParamsSchema, response: { 200: TreatmentPlanSchema, ...errors } } },
      async (request) => getPlan(serviceContext(deps, request), request.params.episodeId),
    );
    app.post(
      '/api/episodes/:episodeId/plan',
      {
        config: signedIn,
        schema: { summary: 'Make the episode’s plan from a template when it has none (idempotent by id)', tags, params: EpisodeIdParamsSchema, body: CreatePlanRequestSchema, response: { 201: TreatmentPlanSchema, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await createPlan(serviceContext(deps, request), request.params.episodeId, request.body)),
    );
    app.put(
      '/api/episodes/:episodeId/plan',
      {
        config: signedIn,
        schema: { summary: 'Change the plan: the whole new step list, the version it was made against and why', tags, params: EpisodeIdParamsSchema, body: UpdatePlanRequestSchema, response: { 200: TreatmentPlanSchema, ...errors } },
      },
      async (request) => updatePlan(serviceContext(deps, request), deps.programme, request.params.episodeId, request.body),
    );
    app.get(
      '/api/episodes/:episodeId/plan/history',
      { config: signedIn, schema: { summary: 'Every version of the plan: who changed what, when and why', tags, params: EpisodeIdParamsSchema, response: { 200: PlanHistorySchema, ...errors } } },
      async (request) => getPlanHistory(serviceContext(deps, request), request.params.episodeId),
    );
    app.get(
      '/api/me/plan',
      { config: signedIn, schema: { summary: 'My treatment plan: the steps, how each is delivered and what it is for', tags, querystring: ProgrammeQuerySchema, response: { 200: ClientPlanSchema, ...errors } } },
      async (request) => getOwnPlan(serviceContext(deps, request), deps.programme, request.query.locale),
    );
  };
}
