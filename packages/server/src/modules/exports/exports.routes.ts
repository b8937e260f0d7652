import { ExportRangeQuerySchema, type ExportRangeQuery } from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses as errors, signedInRoute as signedIn } from '../../http/route-options';
import { exportResearch } from './research.service';
import { exportServiceSystem } from './service-system.service';

const tags = ['exports'];
/** The service's own record system may fetch the service-system export with a token (decision 0041); the research export takes none. */
const tokenOrSignedIn = { ...signedIn, tokenScope: 'exports:read' as const };
/** A zip archive: binary, which Fastify sends as it is (a Buffer skips the response serializer); typed as a string for OpenAPI. */
const zip = z.string().describe('application/zip (binary)');
const asBody = (archive: Buffer) => archive as unknown as string;

type Exporter = (ctx: ReturnType<typeof serviceContext>, range: ExportRangeQuery) => Promise<Buffer>;

const exportRoutes: { path: string; file: string; summary: string; run: Exporter; config: typeof signedIn | typeof tokenOrSignedIn }[] = [
  {
    path: '/api/exports/service-system.zip',
    file: 'tandem-service-system',
    summary: 'Referrals, contacts and paired measures in NHS Talking Therapies Data Set codes, as CSV files in a zip (admins, or an API token with exports:read; audited)',
    run: exportServiceSystem,
    config: tokenOrSignedIn,
  },
  {
    path: '/api/exports/research.zip',
    file: 'tandem-research',
    summary: 'De-identified data of clients who consented to research, as CSV files in a zip (supervisors and admins; audited)',
    run: exportResearch,
    config: signedIn,
  },
];

/** The service-system and research exports (decision 0043): one zip of CSV files each, never cached, always a download. */
export function exportsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    for (const route of exportRoutes) {
      app.get(
        route.path,
        { config: route.config, schema: { summary: route.summary, tags, querystring: ExportRangeQuerySchema, response: { 200: zip, ...errors } } },
        async (request, reply) => {
          const archive = await route.run(serviceContext(deps, request), request.query);
          return reply
            .header('cache-control', 'no-store')
            .header('content-disposition', `attachment; filename="${route.file}-${request.query.from}-to-${request.query.to}.zip"`)
            .type('application/zip')
            .send(asBody(archive));
        },
      );
    }
  };
}
