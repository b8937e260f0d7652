import {
  DomainError,
  ErrorBodySchema,
  MeSchema,
  RecoveryCodesSchema,
  SecondStepNeededSchema,
  SecondStepRequestSchema,
  SetAppPinRequestSchema,
  SignedOutEverywhereSchema,
  SignInRequestSchema,
  TotpConfirmRequestSchema,
  TotpEnrolmentSchema,
  TwoStepResetSchema,
  TwoStepStatusSchema,
  UnlockRequestSchema,
  sessionRulesFor,
  type Me,
  type SecondStepNeeded,
} from '@tandem/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { anonymousContext, serviceContext } from '../../http/context';
import { clearSessionCookie, sessionToken, setSessionCookie } from '../../http/session';
import { presentMe, readMe, signIn, signOut, signOutEverywhere, type FirstFactorResult, type PartialSession, type SignedIn } from './auth.service';
import {
  confirmEnrolment,
  enrollerOf,
  removeAppPin,
  renewRecoveryCodes,
  resetStaffTwoStep,
  setAppPin,
  startEnrolment,
  turnOffTwoStep,
  twoStepStatus,
  unlockWithPin,
  verifySecondStep,
} from './two-step.service';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 409: ErrorBodySchema, 429: ErrorBodySchema };
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

function isHttps(deps: AppDeps) {
  return deps.config.publicOrigin.startsWith('https:');
}

/** Sets the cookie of a newly signed-in session: a lasting cookie only for "remember this device". */
function setSignedInCookie(deps: AppDeps, reply: FastifyReply, token: string, signedIn: SignedIn) {
  const rules = sessionRulesFor(signedIn.actor.type, signedIn.session.remember);
  setSessionCookie(reply, isHttps(deps), token, signedIn.session.remember ? Math.floor(rules.absoluteMs / 1000) : undefined);
}

/**
 * Answers a first factor (password, invitation, SSO) over the API: 200 and who is signed in, or
 * 202 and the step that is due. A half-way session's cookie lasts only as long as the browser.
 */
export async function sendFirstFactor(deps: AppDeps, reply: FastifyReply, result: FirstFactorResult): Promise<Me | SecondStepNeeded> {
  if (result.stage === 'full') {
    setSignedInCookie(deps, reply, result.token, result.signedIn);
    return presentMe(deps.database.db, result.signedIn);
  }
  setSessionCookie(reply, isHttps(deps), result.token, undefined);
  reply.status(202);
  return { next: result.stage, expiresAt: result.expiresAt.toISOString() };
}

function stepContext(deps: AppDeps, request: FastifyRequest) {
  return { db: deps.database.db, clock: deps.clock, requestId: request.id };
}

/** The half-way (or locked) session of a request; a signed-in session has no step to take. */
function partialOf(request: FastifyRequest): PartialSession {
  if (!request.partialSession) throw new DomainError('auth.forbidden', 'There is no step of signing in to take now.');
  return request.partialSession;
}

export function authRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const https = isHttps(deps);
  return async (app) => {
    app.post(
      '/api/auth/sign-in',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Sign in with email and password (202 when a second step is due)',
          tags: ['auth'],
          body: SignInRequestSchema,
          response: { 200: MeSchema, 202: SecondStepNeededSchema, ...errors },
        },
      },
      async (request, reply) => {
        const result = await signIn(anonymousContext(deps, request), request.body, sessionToken(request, https));
        return sendFirstFactor(deps, reply, result);
      },
    );

    app.post(
      '/api/auth/mfa/verify',
      {
        config: { access: 'any-session' },
        schema: {
          summary: 'The second step of signing in: a code from the authenticator app, or a recovery code',
          tags: ['auth'],
          body: SecondStepRequestSchema,
          response: { 200: MeSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { token, signedIn } = await verifySecondStep(stepContext(deps, request), partialOf(request), request.body.code);
        setSignedInCookie(deps, reply, token, signedIn);
        return presentMe(deps.database.db, signedIn);
      },
    );

    app.get(
      '/api/auth/mfa',
      {
        config: { access: 'signed-in' },
        schema: { summary: 'My two-step sign-in: set up or not, and recovery codes left', tags: ['auth'], response: { 200: TwoStepStatusSchema, ...errors } },
      },
      async (request, reply) => {
        noStore(reply);
        return twoStepStatus(serviceContext(deps, request));
      },
    );

    app.post(
      '/api/auth/mfa/enrolment',
      {
        config: { access: 'any-session' },
        schema: {
          summary: 'Start setting up two-step sign-in: a new secret and its QR code',
          tags: ['auth'],
          response: { 200: TotpEnrolmentSchema, ...errors },
        },
      },
      async (request, reply) => {
        noStore(reply);
        return startEnrolment(stepContext(deps, request), enrollerOf(request.signedIn, request.partialSession));
      },
    );

    app.post(
      '/api/auth/mfa/enrolment/confirm',
      {
        config: { access: 'any-session' },
        schema: {
          summary: 'Finish setting up two-step sign-in with a code from the app; answers the recovery codes (shown once)',
          tags: ['auth'],
          body: TotpConfirmRequestSchema,
          response: { 200: RecoveryCodesSchema, ...errors },
        },
      },
      async (request, reply) => {
        noStore(reply);
        const { recoveryCodes, started } = await confirmEnrolment(stepContext(deps, request), enrollerOf(request.signedIn, request.partialSession), request.body.code);
        if (started) setSignedInCookie(deps, reply, started.token, started.signedIn);
        return { recoveryCodes };
      },
    );

    app.post(
      '/api/auth/mfa/recovery-codes',
      {
        config: { access: 'signed-in' },
        schema: {
          summary: 'A new set of recovery codes (the old set stops working); needs a code from the app',
          tags: ['auth'],
          body: TotpConfirmRequestSchema,
          response: { 200: RecoveryCodesSchema, ...errors },
        },
      },
      async (request, reply) => {
        noStore(reply);
        return { recoveryCodes: await renewRecoveryCodes(serviceContext(deps, request), request.body.code) };
      },
    );

    app.post(
      '/api/auth/mfa/turn-off',
      {
        config: { access: 'signed-in' },
        schema: { summary: 'Stop using two-step sign-in (clients only); needs a code from the app', tags: ['auth'], body: TotpConfirmRequestSchema, response: { 204: z.null(), ...errors } },
      },
      async (request, reply) => {
        await turnOffTwoStep(serviceContext(deps, request), request.body.code);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/staff/:staffId/mfa-reset',
      {
        config: { access: 'signed-in' },
        schema: {
          summary: "Reset another staff member's two-step sign-in (admins): their sessions end and they set it up again",
          tags: ['staff'],
          params: z.object({ staffId: z.uuid() }),
          response: { 200: TwoStepResetSchema, 404: ErrorBodySchema, ...errors },
        },
      },
      async (request) => resetStaffTwoStep(serviceContext(deps, request), request.params.staffId),
    );

    app.put(
      '/api/auth/pin',
      {
        config: { access: 'signed-in' },
        schema: { summary: 'Set an app PIN for this remembered phone (clients)', tags: ['auth'], body: SetAppPinRequestSchema, response: { 204: z.null(), ...errors } },
      },
      async (request, reply) => {
        await setAppPin(serviceContext(deps, request), request.signedIn!.session, request.body.pin);
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/api/auth/pin',
      {
        config: { access: 'signed-in' },
        schema: { summary: "Remove this phone's app PIN", tags: ['auth'], response: { 204: z.null(), ...errors } },
      },
      async (request, reply) => {
        await removeAppPin(serviceContext(deps, request), request.signedIn!.session);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/auth/pin/unlock',
      {
        config: { access: 'any-session' },
        schema: { summary: 'Open the app again with its PIN', tags: ['auth'], body: UnlockRequestSchema, response: { 204: z.null(), ...errors } },
      },
      async (request, reply) => {
        await unlockWithPin(stepContext(deps, request), request.signedIn?.session.sessionId ?? partialOf(request).sessionId, request.body.pin);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/auth/sign-out',
      {
        config: { access: 'any-session' },
        schema: { summary: 'Sign out of this session (also half-way through signing in, or when locked)', tags: ['auth'], response: { 204: z.null(), ...errors } },
      },
      async (request, reply) => {
        const signedIn = request.signedIn;
        const session = signedIn
          ? {
              sessionId: signedIn.session.sessionId,
              accountId: 'accountId' in signedIn.actor ? signedIn.actor.accountId : '',
              clientId: signedIn.actor.type === 'client' ? signedIn.actor.clientId : null,
              organisationId: signedIn.actor.organisationId ?? '',
            }
          : partialOf(request);
        await signOut({ ...stepContext(deps, request), actor: signedIn?.actor ?? null }, session);
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
