import { ClientIdParamsSchema, fhirBasePath, FhirBundleSchema, FhirQuestionnaireParamsSchema, FhirQuestionnaireSchema, operationOutcomeOf, OperationOutcomeSchema } from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { reportError } from '../../http/errors';
import { errorResponses as errors, signedInRoute as signedIn } from '../../http/route-options';
import { exportClientFhir, getQuestionnaire, listQuestionnaires } from './fhir.service';

const tags = ['fhir'];
/** FHIR's own media type (FHIR R4 http.html#mime-type); a `+json` type, so Fastify serialises it as JSON. */
const fhirJson = 'application/fhir+json; charset=utf-8';

/**
 * FHIR R4 (decision 0038): one client's record as a Bundle, beside the rest of the client's record;
 * our instruments at the server's FHIR base, /api/fhir (shared with the import, decision 0039).
 */
export function fhirRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/clients/:clientId/fhir',
      {
        config: { ...signedIn, tokenScope: 'fhir:read' },
        schema: {
          summary:
            'Download the client’s record as a FHIR R4 Bundle (collection) for another clinical system (care team, their supervisor, break-glass, or an integration’s API token with fhir:read; audited)',
          tags,
          params: ClientIdParamsSchema,
          response: { 200: FhirBundleSchema, ...errors },
        },
      },
      async (request, reply) => {
        const bundle = await exportClientFhir(serviceContext(deps, request), request.params.clientId);
        const day = bundle.timestamp.slice(0, 10);
        return reply
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="tandem-fhir-${request.params.clientId}-${day}.json"`)
          .type(fhirJson)
          .send(bundle);
      },
    );
    await app.register(fhirQuestionnaireRoutes(deps));
  };
}

/**
 * GET <base>/Questionnaire and <base>/Questionnaire/:id: our instruments, public (published forms,
 * no client data; public-routes.ts). At the FHIR base they answer in FHIR, failures included
 * (an OperationOutcome, as the import's routes do — decision 0039).
 */
function fhirQuestionnaireRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.setErrorHandler((error, request, reply) => {
      const { status, body } = reportError(error, request, reply);
      return reply.status(status).type(fhirJson).send(operationOutcomeOf(body.error));
    });
    const outcomes = { 400: OperationOutcomeSchema, 404: OperationOutcomeSchema };
    app.get(
      `${fhirBasePath}/Questionnaire`,
      { config: { access: 'public' }, schema: { summary: 'Our questionnaires (PHQ-9, GAD-7, WSAS) as a FHIR R4 searchset Bundle', tags, response: { 200: FhirBundleSchema, ...outcomes } } },
      async (_request, reply) => reply.type(fhirJson).send(listQuestionnaires(deps.config.publicOrigin, deps.clock.now())),
    );
    app.get(
      `${fhirBasePath}/Questionnaire/:id`,
      {
        config: { access: 'public' },
        schema: { summary: 'One of our questionnaires as a FHIR R4 Questionnaire', tags, params: FhirQuestionnaireParamsSchema, response: { 200: FhirQuestionnaireSchema, ...outcomes } },
      },
      async (request, reply) => reply.type(fhirJson).send(getQuestionnaire(request.params.id)),
    );
  };
}
