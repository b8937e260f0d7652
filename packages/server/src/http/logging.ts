import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';

/**
 * Structured request logs carry the request id, method, path (never the query string), status and
 * time — no bodies, headers, cookies or anything a client wrote (HAZ-005; logging.test.ts).
 */
export function loggerOptions(level: string, stream?: DestinationStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req(request: { method: string; url: string }) {
        return { method: request.method, path: request.url.split('?')[0] };
      },
      res(reply: { statusCode: number }) {
        return { statusCode: reply.statusCode };
      },
    },
    redact: { paths: ['req.headers', 'headers', 'body', 'req.body', 'cookie', 'authorization'], remove: true },
  };
}
