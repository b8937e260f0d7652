import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import type { AppDeps } from './deps';
import { registerDevOutbox } from './email/dev-outbox.routes';
import { registerErrorHandling } from './http/errors';
import { loggerOptions } from './http/logging';
import { registerOpenApi, registerOpenApiRoute } from './http/openapi';
import { registerOriginCheck } from './http/origin-check';
import { registerRouteAccess, type RegisteredRoute } from './http/route-access';
import { registerSecurityHeaders } from './http/security';
import { registerSessions } from './http/session';
import { registerApiTokens } from './http/api-token';
import { registerWebApp } from './http/web-app';
import { authRoutes } from './modules/auth/auth.routes';
import { ssoRoutes } from './modules/sso/sso.routes';
import { calendarRoutes } from './modules/calendar/calendar.routes';
import { homeworkRoutes } from './modules/homework/homework.routes';
import { agendaRoutes } from './modules/agenda/agenda.routes';
import { worklistRoutes } from './modules/worklist/worklist.routes';
import { briefRoutes } from './modules/brief/brief.routes';
import { messageRoutes } from './modules/messages/messages.routes';
import { notificationRoutes } from './modules/notifications/notifications.routes';
import { pushRoutes } from './modules/push/push.routes';
import { deliveryRoutes } from './modules/delivery/delivery.routes';
import { dataRightsRoutes } from './modules/data-rights/data-rights.routes';
import { checkInRoutes } from './modules/checkins/checkins.routes';
import { clientRoutes } from './modules/clients/clients.routes';
import { consentRoutes } from './modules/consent/consent.routes';
import { crisisRoutes } from './modules/crisis/crisis.routes';
import { organisationRoutes } from './modules/organisation/organisation.routes';
import { exerciseRoutes } from './modules/exercises/exercises.routes';
import { programmeRoutes } from './modules/programme/programme.routes';
import { planRoutes } from './modules/plans/plans.routes';
import { sessionRoutes } from './modules/sessions/sessions.routes';
import { figuresRoutes } from './modules/figures/figures.routes';
import { exportsRoutes } from './modules/exports/exports.routes';
import { loadCheckedProgramme } from './content/programme-files';
import { dutyRoutes } from './modules/duty/duty.routes';
import { episodeRoutes } from './modules/episodes/episodes.routes';
import { healthRoutes } from './modules/health/health.routes';
import { invitationRoutes } from './modules/invitations/invitations.routes';
import { questionnaireRoutes } from './modules/questionnaires/questionnaires.routes';
import { fhirImportRoutes } from './modules/fhir-import/fhir-import.routes';
import { fhirRoutes } from './modules/fhir/fhir.routes';
import { riskRoutes } from './modules/risk/risk.routes';
import { staffRoutes } from './modules/staff/staff.routes';
import { apiTokenRoutes } from './modules/api-tokens/api-tokens.routes';

export interface BuildAppOptions extends Omit<AppDeps, 'programme'> {
  /** Default: read and checked from `config.contentDir`. */
  programme?: AppDeps['programme'];
  /** Where logs go (tests capture them); default stdout. */
  logStream?: DestinationStream;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its declared access, as registered (read by the route-walking test). */
    apiRoutes: RegisteredRoute[];
  }
}

/**
 * Wiring only: plugins, routes and the one error mapper. The returned app is not yet listening;
 * tests use `app.inject`, the CLI calls `listen`.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: loggerOptions(config.logLevel, options.logStream),
    genReqId: () => randomUUID(),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON is the only body the API accepts (also part of the CSRF defence: a form cannot send it).
  app.removeContentTypeParser('text/plain');
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const programme = options.programme ?? (await loadCheckedProgramme(config.contentDir));
  const deps: AppDeps = { config, database: options.database, clock: options.clock, mailer: options.mailer, programme };
  registerErrorHandling(app);
  await registerSecurityHeaders(app, { https: config.publicOrigin.startsWith('https:') });
  registerOriginCheck(app, config.publicOrigin);
  await registerSessions(app, deps);
  registerApiTokens(app, deps);
  app.decorate('apiRoutes', registerRouteAccess(app));
  await registerOpenApi(app);

  await app.register(healthRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(ssoRoutes(deps));
  await app.register(invitationRoutes(deps));
  await app.register(clientRoutes(deps));
  await app.register(staffRoutes(deps));
  await app.register(apiTokenRoutes(deps));
  await app.register(checkInRoutes(deps));
  await app.register(episodeRoutes(deps));
  await app.register(consentRoutes(deps));
  await app.register(dutyRoutes(deps));
  await app.register(questionnaireRoutes(deps));
  await app.register(fhirImportRoutes(deps));
  await app.register(fhirRoutes(deps));
  await app.register(riskRoutes(deps));
  await app.register(crisisRoutes(deps));
  await app.register(organisationRoutes(deps));
  await app.register(exerciseRoutes(deps));
  await app.register(programmeRoutes(deps));
  await app.register(planRoutes(deps));
  await app.register(sessionRoutes(deps));
  await app.register(figuresRoutes(deps));
  await app.register(exportsRoutes(deps));
  await app.register(calendarRoutes(deps));
  await app.register(homeworkRoutes(deps));
  await app.register(agendaRoutes(deps));
  await app.register(worklistRoutes(deps));
  await app.register(briefRoutes(deps));
  await app.register(messageRoutes(deps));
  await app.register(notificationRoutes(deps));
  await app.register(pushRoutes(deps));
  await app.register(deliveryRoutes(deps));
  await app.register(dataRightsRoutes(deps));
  registerOpenApiRoute(app);
  registerDevOutbox(app, deps);
  await registerWebApp(app, config.webDistDir);
  return app;
}
