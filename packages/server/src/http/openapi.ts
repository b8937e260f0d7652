import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** OpenAPI 3 generated from the routes' zod schemas (the schemas live in packages/domain). */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tandem API',
        version: '0.1.0',
        description: 'Blended therapy for depression. Every error body is { error: { code, message, details? } }, except at the FHIR base /api/fhir, which answers a FHIR OperationOutcome carrying the same code (decision 0039).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tandem_session', description: 'A person signed in with the web app (`__Host-tandem_session` under https).' },
          apiToken: {
            type: 'http',
            scheme: 'bearer',
            description:
              'An API token of a service account (decision 0041), made by an admin: `Authorization: Bearer tandem_…`. A route takes a token only if it lists the scope the token needs: fhir:read, measures:write or exports:read.',
          },
        },
      },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      // Who may call it: a session cookie, and on routes that name a scope an API token holding it.
      const config = (input.route as { config?: { access?: string; tokenScope?: string } } | undefined)?.config;
      const security: Record<string, string[]>[] = config?.access === 'public' ? [] : config?.tokenScope ? [{ session: [] }, { apiToken: [config.tokenScope] }] : [{ session: [] }];
      return { ...out, schema: { ...out.schema, security } };
    },
    transformObject: jsonSchemaTransformObject,
  });
}

export function registerOpenApiRoute(app: FastifyInstance): void {
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
}
