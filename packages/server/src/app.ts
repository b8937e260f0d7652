import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import type { AppDeps } from './deps';
import { registerErrorHandling } from './http/errors';
import { loggerOptions } from './http/logging';
import { registerOpenApi, registerOpenApiRoute } from './http/openapi';
import { registerSecurityHeaders } from './http/security';
import { registerWebApp } from './http/web-app';
import { healthRoutes } from './modules/health/health.routes';

export interface BuildAppOptions extends AppDeps {
  /** Where logs go (tests capture them); default stdout. */
  logStream?: DestinationStream;
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

  registerErrorHandling(app);
  await registerSecurityHeaders(app, { https: config.publicOrigin.startsWith('https:') });
  await registerOpenApi(app);

  const deps: AppDeps = { config, database: options.database, clock: options.clock };
  await app.register(healthRoutes(deps));
  registerOpenApiRoute(app);
  await registerWebApp(app, config.webDistDir);
  return app;
}
