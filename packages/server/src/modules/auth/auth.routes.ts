import { ErrorBodySchema, MeSchema, SignedOutEverywhereSchema, SignInRequestSchema, sessionRulesFor } from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { anonymousContext, serviceContext } from '../../http/context';
import { clearSessionCookie, sessionToken, setSessionCookie } from '../../http/session';
import { presentMe, readMe, signIn, signOut, signOutEverywhere } from './auth.service';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 429: ErrorBodySchema };

export function authRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const https = deps.config.publicOrigin.startsWith('https:');
  return async (app) => {
    app.post(
      '/api/auth/sign-in',
      {
        config: { access: 'public' },
        schema: { summary: 'Sign in with email and password', tags: ['auth'], body: SignInRequestSchema, response: { 200: MeSchema, ...errors } },
      },
      async (request, reply) => {
        const { token, signedIn } = await signIn(anonymousContext(deps, request), request.body, sessionToken(request, https));
        const rules = sessionRulesFor(signedIn.actor.type, request.body.remember);
        setSessionCookie(reply, https, token, request.body.remember ? Math.floor(rules.absoluteMs / 1000) : undefined);
        return presentMe(deps.database.db, signedIn);
      },
    );

    app.post(
      '/api/auth/sign-out',
      {
        config: { access: 'signed-in' },
        schema: { summary: 'Sign out of this session', tags: ['auth'], response: { 204: z.null(), ...errors } },
      },
      async (request, reply) => {
        await signOut(serviceContext(deps, request), request.signedIn!.session);
        clearSessionCookie(reply, https);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/auth/sign-out-everywhere',
      {
        config: { access: 'signed-in' },
        schema: {
          summary: 'Sign out on every device: end all my sessions and stop notifications on all my devices',
          tags: ['auth'],
          response: { 200: SignedOutEverywhereSchema, ...errors },
        },
      },
      async (request, reply) => {
        const counts = await signOutEverywhere(serviceContext(deps, request));
        clearSessionCookie(reply, https);
        return counts;
      },
    );

    app.get(
      '/api/me',
      {
        config: { access: 'signed-in' },
        schema: { summary: 'Who is signed in, and what they may do', tags: ['auth'], response: { 200: MeSchema, ...errors } },
      },
      async (request) => readMe(serviceContext(deps, request), request.signedIn!),
    );
  };
}
