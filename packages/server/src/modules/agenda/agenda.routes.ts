import { AddAgendaItemRequestSchema, AgendaItemIdParamsSchema, AgendaItemListSchema, AgendaItemSchema, ClientIdParamsSchema, MarkAgendaItemDiscussedRequestSchema } from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses as errors, signedInRoute as signedIn } from '../../http/route-options';
import { addAgendaItem, listClientAgendaItems, listOwnAgendaItems, markAgendaItemDiscussed, removeOwnAgendaItem } from './agenda.service';

const tags = ['agenda'];

export function agendaRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/me/agenda-items',
      {
        config: signedIn,
        schema: {
          summary: 'Note something I want to talk about in my next session (clients; idempotent by id: 201 when stored, 200 when it was already)',
          tags,
          body: AddAgendaItemRequestSchema,
          response: { 200: AgendaItemSchema, 201: AgendaItemSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { item, created } = await addAgendaItem(serviceContext(deps, request), request.body);
        return reply.status(created ? 201 : 200).send(item);
      },
    );
    app.get(
      '/api/me/agenda-items',
      { config: signedIn, schema: { summary: 'My things to talk about, not yet discussed', tags, response: { 200: AgendaItemListSchema, ...errors } } },
      async (request) => ({ items: await listOwnAgendaItems(serviceContext(deps, request)) }),
    );
    app.post(
      '/api/me/agenda-items/:agendaItemId/remove',
      { config: signedIn, schema: { summary: 'Take one of my things to talk about off the list', tags, params: AgendaItemIdParamsSchema, response: { 200: AgendaItemSchema, ...errors } } },
      async (request) => removeOwnAgendaItem(serviceContext(deps, request), request.params.agendaItemId),
    );
    app.get(
      '/api/clients/:clientId/agenda-items',
      { config: signedIn, schema: { summary: 'A client’s things to talk about, not yet discussed (care team)', tags, params: ClientIdParamsSchema, response: { 200: AgendaItemListSchema, ...errors } } },
      async (request) => ({ items: await listClientAgendaItems(serviceContext(deps, request), request.params.clientId) }),
    );
    app.post(
      '/api/agenda-items/:agendaItemId/discussed',
      {
        config: signedIn,
        schema: { summary: 'Mark a client’s item as talked about, at an appointment (care team; idempotent)', tags, params: AgendaItemIdParamsSchema, body: MarkAgendaItemDiscussedRequestSchema, response: { 200: AgendaItemSchema, ...errors } },
      },
      async (request) => markAgendaItemDiscussed(serviceContext(deps, request), request.params.agendaItemId, request.body),
    );
  };
}
