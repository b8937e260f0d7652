import { IdSchema } from '@tandem/domain';
import type pg from 'pg';
import type { NotificationSource } from '../../db/database';
import { clientChangedChannel } from './worklist.notify';

/** What a stream hears: a client's id, or "you may have missed some: fetch again" after a reconnect. */
export type ClientChange = { kind: 'client_changed'; clientId: string } | { kind: 'resync' };

export interface ClientChangeHub {
  /** Resolves once LISTEN is in place, so a write after it is heard; returns the unsubscribe. */
  subscribe(listener: (change: ClientChange) => void): Promise<() => void>;
  close(): Promise<void>;
}

const reconnectDelaysMs = [250, 1000, 5000, 15_000];

/**
 * One LISTEN per app instance, shared by all its event streams: on PostgreSQL a dedicated client
 * outside the pool, reconnected (with a growing delay) when it drops — and every stream is then
 * told to fetch again, since notifications sent while it was down are lost; on PGlite its own
 * listen(). Started by the first subscriber. A payload that is not an id is ignored.
 */
export function createClientChangeHub(source: NotificationSource, log: { warn(obj: object, msg: string): void }): ClientChangeHub {
  const listeners = new Set<(change: ClientChange) => void>();
  let closed = false;
  let started: Promise<void> | undefined;
  let stop: (() => Promise<void>) | undefined;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | undefined;

  const dispatch = (change: ClientChange) => {
    for (const listener of [...listeners]) listener(change);
  };
  const onPayload = (payload: string | undefined) => {
    const id = IdSchema.safeParse(payload);
    if (id.success) dispatch({ kind: 'client_changed', clientId: id.data });
  };

  async function connectPostgres(newClient: () => pg.Client): Promise<void> {
    const client = newClient();
    let dropped = false;
    const onDrop = (error?: Error) => {
      if (dropped) return;
      dropped = true;
      client.removeAllListeners('notification');
      client.end().catch(() => {});
      if (closed) return;
      log.warn({ errName: error?.name }, 'worklist listener lost its database connection; reconnecting');
      scheduleReconnect(newClient);
    };
    client.on('error', onDrop);
    client.on('end', () => onDrop());
    client.on('notification', (message) => {
      if (message.channel === clientChangedChannel) onPayload(message.payload);
    });
    await client.connect();
    await client.query(`listen ${clientChangedChannel}`);
    stop = () => {
      dropped = true;
      return client.end();
    };
  }

  function scheduleReconnect(newClient: () => pg.Client) {
    const delay = reconnectDelaysMs[Math.min(attempt, reconnectDelaysMs.length - 1)]!;
    attempt += 1;
    retryTimer = setTimeout(() => {
      connectPostgres(newClient).then(
        () => {
          attempt = 0;
          dispatch({ kind: 'resync' });
        },
        () => {
          if (!closed) scheduleReconnect(newClient);
        },
      );
    }, delay);
  }

  async function start(): Promise<void> {
    if (source.engine === 'pglite') {
      stop = await source.listen(clientChangedChannel, onPayload);
      return;
    }
    await connectPostgres(source.newClient);
  }

  return {
    async subscribe(listener) {
      if (closed) throw new Error('The worklist listener is closed.');
      started ??= start().catch((error: unknown) => {
        started = undefined;
        throw error;
      });
      await started;
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      listeners.clear();
      await stop?.().catch(() => {});
    },
  };
}
