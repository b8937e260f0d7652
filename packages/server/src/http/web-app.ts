import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { isApiPath } from './api-paths';

/**
 * Serves the built web app from the same origin as the API. The client app lives at `/`, the
 * practitioner app at `/staff/` (docs/decisions/0008-one-origin-two-apps.md). Hashed assets are
 * cached for a year; HTML is revalidated on every load so a new version is picked up at once.
 * Text files go out as the brotli or gzip copy the build wrote beside them when the browser
 * accepts it (packages/web/build-plugins/precompress.ts), with `Vary: Accept-Encoding`.
 */
export const staffBasePath = '/staff/';

export function webAppIsBuilt(distDir: string): boolean {
  return fs.existsSync(path.join(distDir, 'index.html')) && fs.existsSync(path.join(distDir, 'staff', 'index.html'));
}

export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<void> {
  const built = webAppIsBuilt(distDir);
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      index: false,
      // One route per built file, found at start-up; anything else falls through to the page fallback.
      wildcard: false,
      // The compressed copies are found beside the file they stand for, never asked for by name.
      preCompressed: true,
      globIgnore: ['**/*.br', '**/*.gz'],
      setHeaders(res, filePath) {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !isApiPath(pathname) &&
      !path.extname(pathname);
    if (wantsPage && built) {
      const page = pathname === '/staff' || pathname.startsWith(staffBasePath) ? 'staff/index.html' : 'index.html';
      return reply.header('cache-control', 'no-cache').sendFile(page);
    }
    return reply.status(404).send({ error: { code: 'request.not_found', message: 'Nothing is here.' } });
  });
}
