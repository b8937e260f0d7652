import { WorklistSchema } from '@tandem/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { errorResponses as errors, signedInRoute as signedIn } from '../../http/route-options';
import { createClientChangeHub } from './worklist.listener';
import { getWorklist } from './worklist.service';
import { openWorklistStream } from './worklist.stream';

const tags = ['worklist'];

export function worklistRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const hub = createClientChangeHub(deps.database.notifications, app.log);
    const open = new Set<() => void>();
    // Streams end before the server stops waiting for its connections to close.
    app.addHook('preClose', async () => {
      for (const end of [...open]) end();
    });
    app.addHook('onClose', async () => hub.close());

    app.get(
      '/api/worklist',
      { config: signedIn, schema: { summary: 'The caller’s caseload ordered by need, each client with its reasons (audited)', tags, response: { 200: WorklistSchema, ...errors } } },
      async (request) => getWorklist(serviceContext(deps, request)),
    );
    app.get(
      '/api/worklist/events',
      {
        config: { ...signedIn, touchesSession: false },
        schema: {
          summary: 'Server-sent events (text/event-stream): `client-changed` with a client id the caller may list, `resync`; heartbeat comments. Does not keep the session alive.',
          tags,
          response: { ...errors },
        },
      },
      async (request, reply) => openWorklistStream(deps, hub, open, request, reply),
    );
  };
}
