import {
  AddQuickReplyRequestSchema,
  CaseloadUnreadSchema,
  ClientIdParamsSchema,
  ConversationSchema,
  MessageSchema,
  QuickReplyIdParamsSchema,
  QuickReplyListSchema,
  QuickReplySchema,
  SendClientMessageRequestSchema,
  SendStaffMessageRequestSchema,
  UnreadCountSchema,
} from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses as errors, signedInRoute as signedIn } from '../../http/route-options';
import { getCaseloadUnread, getClientConversation, getOwnConversation, getOwnUnread, markClientMessagesRead, markOwnRead, sendClientMessage, sendStaffMessage } from './messages.service';
import { addQuickReply, deleteQuickReply, listOwnQuickReplies } from './quick-replies.service';

const tags = ['messages'];

export function messageRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // The client's own conversation.
    app.get(
      '/api/me/messages',
      { config: signedIn, schema: { summary: 'My conversation with my care team (clients)', tags, response: { 200: ConversationSchema, ...errors } } },
      async (request) => getOwnConversation(serviceContext(deps, request)),
    );
    app.get(
      '/api/me/messages/unread',
      { config: signedIn, schema: { summary: 'How many care-team messages I have not read (clients)', tags, response: { 200: UnreadCountSchema, ...errors } } },
      async (request) => getOwnUnread(serviceContext(deps, request)),
    );
    app.post(
      '/api/me/messages',
      {
        config: signedIn,
        schema: {
          summary: 'Send a message to my care team (clients; idempotent by id: 201 when stored, 200 when it was already; 409 episode.closed after care ended)',
          tags,
          body: SendClientMessageRequestSchema,
          response: { 200: MessageSchema, 201: MessageSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { message, created } = await sendClientMessage(serviceContext(deps, request), request.body);
        return reply.status(created ? 201 : 200).send(message);
      },
    );
    app.post(
      '/api/me/messages/read',
      { config: signedIn, schema: { summary: 'Mark my care team’s messages read (clients)', tags, response: { 200: UnreadCountSchema, ...errors } } },
      async (request) => markOwnRead(serviceContext(deps, request)),
    );

    // The care team's side.
    app.get(
      '/api/messages/unread',
      { config: signedIn, schema: { summary: 'Unread client messages across my caseload and what is routed to me to cover (staff)', tags, response: { 200: CaseloadUnreadSchema, ...errors } } },
      async (request) => getCaseloadUnread(serviceContext(deps, request)),
    );
    app.get(
      '/api/clients/:clientId/messages',
      { config: signedIn, schema: { summary: 'A client’s conversation (care team, cover, supervision)', tags, params: ClientIdParamsSchema, response: { 200: ConversationSchema, ...errors } } },
      async (request) => getClientConversation(serviceContext(deps, request), request.params.clientId),
    );
    app.post(
      '/api/clients/:clientId/messages',
      {
        config: signedIn,
        schema: {
          summary: 'Write to a client (care team or cover; idempotent by id; 409 episode.closed after the episode ended; 404 quick_reply.not_found for a deleted quick reply)',
          tags,
          params: ClientIdParamsSchema,
          body: SendStaffMessageRequestSchema,
          response: { 200: MessageSchema, 201: MessageSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { message, created } = await sendStaffMessage(serviceContext(deps, request), request.params.clientId, request.body);
        return reply.status(created ? 201 : 200).send(message);
      },
    );
    app.post(
      '/api/clients/:clientId/messages/read',
      { config: signedIn, schema: { summary: 'Mark a client’s messages read (care team or cover; audited)', tags, params: ClientIdParamsSchema, response: { 200: UnreadCountSchema, ...errors } } },
      async (request) => markClientMessagesRead(serviceContext(deps, request), request.params.clientId),
    );

    // Each staff member's own quick replies.
    app.get(
      '/api/quick-replies',
      { config: signedIn, schema: { summary: 'My saved quick replies (staff)', tags, response: { 200: QuickReplyListSchema, ...errors } } },
      async (request) => ({ items: await listOwnQuickReplies(serviceContext(deps, request)) }),
    );
    app.post(
      '/api/quick-replies',
      {
        config: signedIn,
        schema: { summary: 'Save a quick reply (staff; idempotent by id)', tags, body: AddQuickReplyRequestSchema, response: { 200: QuickReplySchema, 201: QuickReplySchema, ...errors } },
      },
      async (request, reply) => {
        const { item, created } = await addQuickReply(serviceContext(deps, request), request.body);
        return reply.status(created ? 201 : 200).send(item);
      },
    );
    app.delete(
      '/api/quick-replies/:quickReplyId',
      { config: signedIn, schema: { summary: 'Delete one of my quick replies (staff; idempotent)', tags, params: QuickReplyIdParamsSchema, response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        await deleteQuickReply(serviceContext(deps, request), request.params.quickReplyId);
        return reply.status(204).send(null);
      },
    );
  };
}
