import { useCallback, useEffect, useRef, useState } from 'react';
import { addToOutbox, dismissFromOutbox, flushOutbox, listOutbox, replaceInOutbox, type FlushResult, type OutboxItem } from './outbox';

/** Listeners told when the outbox changes in this page, and when a send delivered something. */
const changed = new Set<() => void>();
const delivered = new Set<() => void>();
function announce() {
  for (const listener of changed) listener();
}

/** Tells this page's outbox views that the outbox changed (after a write made without the hook). */
export const announceOutboxChange = announce;

/**
 * Trying again while items wait. The browser's "online" event does not fire when the phone has a
 * connection but the server is unreachable (a server restart, a captive Wi-Fi), so a send that
 * stopped for want of a connection is tried again after 3 s, then 6, 12, 24 and every 30 s, one
 * timer per page. A send that gets through starts the steps again from 3 s.
 */
const firstRetryMs = 3000;
const maxRetryMs = 30_000;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retryDelay = firstRetryMs;

function afterSend(ownerId: string, result: FlushResult): void {
  announce();
  if (result.sent > 0) for (const listener of delivered) listener();
  if (result.stop !== 'offline') {
    retryDelay = firstRetryMs;
    return;
  }
  if (retryTimer !== undefined) return;
  retryTimer = setTimeout(() => {
    retryTimer = undefined;
    void sendNow(ownerId);
  }, retryDelay);
  retryDelay = Math.min(retryDelay * 2, maxRetryMs);
}

/** Sends what waits for this client now (after the app is unlocked), telling this page's outbox views. */
export async function sendNow(ownerId: string): Promise<FlushResult> {
  const result = await flushOutbox(ownerId).catch((): FlushResult => ({ stop: 'offline', sent: 0 }));
  afterSend(ownerId, result);
  return result;
}

/**
 * The signed-in client's outbox: what is waiting on this phone, a way to add and send, and
 * automatic sending when the connection returns, whenever this hook mounts (after sign-in) and,
 * while items wait, again and again with growing pauses. `onSent` is called after a send from this
 * page delivered something (to reload what the server has).
 */
export function useOutbox(ownerId: string, onSent?: () => void) {
  const [items, setItems] = useState<OutboxItem[]>([]);

  const refresh = useCallback(() => {
    void listOutbox()
      .catch((): OutboxItem[] => [])
      .then((all) => setItems(all.filter((item) => item.ownerId === ownerId)));
  }, [ownerId]);

  // Told of every delivery from this page, also by a retry started elsewhere.
  const sentRef = useRef(onSent);
  useEffect(() => {
    sentRef.current = onSent;
  }, [onSent]);
  const send = useCallback(() => sendNow(ownerId), [ownerId]);

  useEffect(() => {
    const onDelivered = () => sentRef.current?.();
    changed.add(refresh);
    delivered.add(onDelivered);
    // Sending announces the change, which reads the outbox into state.
    void send();
    const online = () => void send();
    window.addEventListener('online', online);
    return () => {
      changed.delete(refresh);
      delivered.delete(onDelivered);
      window.removeEventListener('online', online);
    };
  }, [refresh, send]);

  const add = useCallback(
    async (item: Omit<OutboxItem, 'seq' | 'attempts' | 'state' | 'ownerId'>) => {
      await addToOutbox({ ...item, ownerId });
      announce();
    },
    [ownerId],
  );

  const replace = useCallback(
    async (item: Omit<OutboxItem, 'seq' | 'attempts' | 'state' | 'ownerId'>) => {
      await replaceInOutbox({ ...item, ownerId });
      announce();
    },
    [ownerId],
  );

  const dismiss = useCallback(async (id: string) => {
    await dismissFromOutbox(id);
    announce();
  }, []);

  return { items, add, replace, send, dismiss };
}
