import { AcceptInvitationRequestSchema, ErrorBodySchema, InspectInvitationRequestSchema, InvitationInfoSchema, MeSchema, SecondStepNeededSchema } from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { anonymousContext } from '../../http/context';
import { sendFirstFactor } from '../auth/auth.routes';
import { acceptInvitation, inspectInvitation } from './invitations.service';

const errors = { 400: ErrorBodySchema, 403: ErrorBodySchema, 410: ErrorBodySchema };

/** Invitation links carry their token in the URL fragment; the page posts it here in the body. */
export function invitationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/invitations/inspect',
      {
        config: { access: 'public' },
        schema: { summary: 'Check an invitation link', tags: ['invitations'], body: InspectInvitationRequestSchema, response: { 200: InvitationInfoSchema, ...errors } },
      },
      async (request) => inspectInvitation(anonymousContext(deps, request), request.body.token),
    );
    app.post(
      '/api/invitations/accept',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Set a password (clients also confirm their date of birth) and sign in; staff then set up two-step sign-in (202)',
          tags: ['invitations'],
          body: AcceptInvitationRequestSchema,
          response: { 200: MeSchema, 202: SecondStepNeededSchema, ...errors },
        },
      },
      async (request, reply) => sendFirstFactor(deps, reply, await acceptInvitation(anonymousContext(deps, request), request.body)),
    );
  };
}
