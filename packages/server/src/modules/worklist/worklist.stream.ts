import { DomainError, sessionIsLive } from '@tandem/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { writeAudit } from '../../audit/audit';
import type { AppDeps } from '../../deps';
import { serviceContext } from '../../http/context';
import { sessionToken } from '../../http/session';
import { findSessionByTokenHash } from '../auth/auth.repo';
import { hashToken } from '../auth/secrets';
import type { ClientChange, ClientChangeHub } from './worklist.listener';
import { mayListClient } from './worklist.service';

/** Comments this often keep proxies from cutting an idle stream; the session is re-read each time. */
export const heartbeatMs = 20_000;

/**
 * GET /api/worklist/events, the worklist's server-sent events. Each change heard on this instance
 * (worklist.listener.ts) is forwarded as its client's id only, and only when this staff member may
 * list that client; the page then fetches the worklist again through the audited read. The stream
 * never slides the session's idle expiry (its route sets `touchesSession: false`, and the checks
 * here only read the session) and ends as soon as a check finds the session ended or expired:
 * before each event and at each heartbeat (HAZ-057).
 */
export async function openWorklistStream(deps: AppDeps, hub: ClientChangeHub, open: Set<() => void>, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const ctx = serviceContext(deps, request);
  if (ctx.actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only staff have a worklist.');
  const token = sessionToken(request, deps.config.publicOrigin.startsWith('https:'))!;
  const sessionLive = async () => {
    const row = await findSessionByTokenHash(deps.database.db, hashToken(token));
    return !!row && !row.revokedAt && row.accountStatus === 'active' && sessionIsLive(row, deps.clock.now());
  };

  let ended = false;
  let queue = Promise.resolve();
  const timer: { heartbeat?: NodeJS.Timeout } = {};
  let unsubscribe = () => {};
  const write = (text: string) => {
    if (!ended) reply.raw.write(text);
  };
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(timer.heartbeat);
    unsubscribe();
    open.delete(end);
    reply.raw.end();
  };
  const handle = async (change: ClientChange) => {
    if (ended) return;
    if (!(await sessionLive())) return end();
    if (change.kind === 'resync') return write('event: resync\ndata: {}\n\n');
    if (await mayListClient(ctx, change.clientId)) write(`event: client-changed\ndata: ${JSON.stringify({ clientId: change.clientId })}\n\n`);
  };
  await writeAudit(ctx.db, ctx, { action: 'worklist.events.open', entityType: 'worklist' });
  // One change at a time per stream, in the order heard; a failed check ends the stream (the page reconnects).
  unsubscribe = await hub.subscribe((change) => {
    queue = queue.then(() => handle(change)).catch(() => end());
  });

  reply.hijack();
  reply.raw.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
    connection: 'keep-alive',
  });
  timer.heartbeat = setInterval(() => {
    queue = queue
      .then(async () => ((await sessionLive()) ? write(': heartbeat\n\n') : end()))
      .catch(() => end());
  }, heartbeatMs);
  open.add(end);
  request.raw.on('close', end);
  reply.raw.on('close', end);
  write('retry: 5000\n\nevent: ready\ndata: {}\n\n');
}
