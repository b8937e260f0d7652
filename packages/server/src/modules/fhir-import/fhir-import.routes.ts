import { FhirQuestionnaireResponseSchema, FhirResourceError, operationOutcomeOf, OperationOutcomeSchema } from '@tandem/domain';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { reportError } from '../../http/errors';
import { signedInRoute as signedIn } from '../../http/route-options';
import { importQuestionnaireResponse } from './fhir-import.service';

/**
 * The FHIR base of the import routes: under /api, so a session, the origin check, the route's
 * declared access and the route walk all apply as to every API route (decision 0039).
 */
export const fhirImportBase = '/api/fhir';
const fhirJson = 'application/fhir+json; charset=utf-8';
const outcome = { 400: OperationOutcomeSchema, 401: OperationOutcomeSchema, 403: OperationOutcomeSchema, 404: OperationOutcomeSchema, 409: OperationOutcomeSchema, 415: OperationOutcomeSchema, 422: OperationOutcomeSchema } as const;

/**
 * FHIR routes answer in FHIR (decision 0039): every failure in the plugin (the encapsulated
 * context) it is called in — the service's, a body that is not JSON, no session — leaves as an
 * OperationOutcome with the same status and Tandem error code (in `issue.details`) the one error
 * body would have had (decision 0004), its issues named by FHIRPath when the error has them.
 */
export function answerFailuresInFhir(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = reportError(error, request, reply);
    const issues = error instanceof FhirResourceError ? error.issues : undefined;
    return reply.status(status).header('content-type', fhirJson).send(operationOutcomeOf(body.error, issues));
  });
}

/**
 * `POST <base>/QuestionnaireResponse`: FHIR's create, for the import of measures (decision 0039),
 * taking `application/fhir+json` and `application/json`; every failure an OperationOutcome.
 */
export function fhirImportRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // FHIR's own JSON media type, read by Fastify's JSON parser (with its prototype-poisoning guard); application/json is accepted too.
    app.addContentTypeParser('application/fhir+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
    answerFailuresInFhir(app);

    app.post(
      `${fhirImportBase}/QuestionnaireResponse`,
      {
        config: { ...signedIn, tokenScope: 'measures:write' },
        // The body is read by the domain's reader, which names every problem by its FHIRPath; the schema is for OpenAPI only.
        validatorCompiler: () => (data: unknown) => ({ value: data }),
        schema: {
          summary:
            'Import a completed PHQ-9, GAD-7 or WSAS as a FHIR R4 QuestionnaireResponse (the client’s care team). Stored, scored and audited; a positive PHQ-9 item-9 answer starts the risk pathway. Idempotent by the resource id: 201 when stored, 200 when it already was.',
          tags: ['fhir'],
          consumes: ['application/fhir+json', 'application/json'],
          produces: ['application/fhir+json'],
          body: FhirQuestionnaireResponseSchema,
          response: { 200: FhirQuestionnaireResponseSchema, 201: FhirQuestionnaireResponseSchema, ...outcome },
        },
      },
      async (request, reply) => {
        const { resource, created, lastUpdated } = await importQuestionnaireResponse(serviceContext(deps, request), request.body);
        const versioned = { ...resource, meta: { versionId: '1', lastUpdated: lastUpdated.toISOString() } };
        if (created) reply.header('location', `${deps.config.publicOrigin}${fhirImportBase}/QuestionnaireResponse/${resource.id}/_history/1`);
        return reply
          .status(created ? 201 : 200)
          .header('content-type', fhirJson)
          .header('etag', 'W/"1"')
          .header('last-modified', lastUpdated.toUTCString())
          .send(versioned as never);
      },
    );
  };
}
