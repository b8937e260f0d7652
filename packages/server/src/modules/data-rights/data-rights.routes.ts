import {
  ClientIdParamsSchema,
  DataRightsStatusSchema,
  EraseClientRequestSchema,
  FindDataRightsClientRequestSchema,
  LiftRestrictionRequestSchema,
  RecordRestrictionRequestSchema,
  SubjectAccessExportSchema,
} from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses as errors, signedInRoute as signedIn } from '../../http/route-options';
import { eraseClient, findDataRightsClient, getDataRightsStatus, liftProcessingRestriction, restrictProcessing } from './data-rights.service';
import { renderSubjectAccessHtml, subjectAccessCsp } from './subject-access.html';
import { collectOwnData } from './subject-access.service';

const tags = ['data-rights'];

export function dataRightsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/me/data',
      { config: signedIn, schema: { summary: 'Everything Tandem holds about me that I can download myself, as JSON (subject access)', tags, response: { 200: SubjectAccessExportSchema, ...errors } } },
      async (request, reply) => {
        const data = await collectOwnData(serviceContext(deps, request), 'json');
        return reply.header('content-disposition', 'attachment; filename="tandem-my-data.json"').send(data);
      },
    );
    app.get(
      '/api/me/data.html',
      { config: signedIn, schema: { summary: 'The same, as a readable page to keep or print (no script; its own strict CSP)', tags, response: { 200: z.string(), ...errors } } },
      async (request, reply) => {
        const html = renderSubjectAccessHtml(await collectOwnData(serviceContext(deps, request), 'html'));
        return reply
          .header('content-security-policy', subjectAccessCsp)
          .header('content-disposition', 'attachment; filename="tandem-my-data.html"')
          .type('text/html; charset=utf-8')
          .send(html);
      },
    );
    app.post(
      '/api/data-rights/find',
      { config: signedIn, schema: { summary: 'Find a client of my organisation by email or NHS number, for a data request (admins)', tags, body: FindDataRightsClientRequestSchema, response: { 200: DataRightsStatusSchema, ...errors } } },
      async (request) => findDataRightsClient(serviceContext(deps, request), request.body.query),
    );
    app.get(
      '/api/clients/:clientId/data-rights',
      { config: signedIn, schema: { summary: 'Whether processing of a client’s data is restricted, and whether erasure is allowed (admins; staff who read the record)', tags, params: ClientIdParamsSchema, response: { 200: DataRightsStatusSchema, ...errors } } },
      async (request) => getDataRightsStatus(serviceContext(deps, request), request.params.clientId),
    );
    app.post(
      '/api/clients/:clientId/processing-restriction',
      {
        config: signedIn,
        schema: { summary: 'Record a removal request as a restriction of processing (admins of the client’s organisation)', tags, params: ClientIdParamsSchema, body: RecordRestrictionRequestSchema, response: { 201: DataRightsStatusSchema, ...errors } },
      },
      async (request, reply) => reply.status(201).send(await restrictProcessing(serviceContext(deps, request), request.params.clientId, request.body)),
    );
    app.post(
      '/api/clients/:clientId/processing-restriction/lift',
      { config: signedIn, schema: { summary: 'Lift the restriction, with a reason (admins)', tags, params: ClientIdParamsSchema, body: LiftRestrictionRequestSchema, response: { 200: DataRightsStatusSchema, ...errors } } },
      async (request) => liftProcessingRestriction(serviceContext(deps, request), request.params.clientId, request.body),
    );
    app.post(
      '/api/clients/:clientId/erasure',
      {
        config: signedIn,
        schema: { summary: 'Erase a client’s personal data, only where the retention policy allows; the audit stays (admins)', tags, params: ClientIdParamsSchema, body: EraseClientRequestSchema, response: { 200: DataRightsStatusSchema, ...errors } },
      },
      async (request) => eraseClient(serviceContext(deps, request), request.params.clientId, request.body),
    );
  };
}
