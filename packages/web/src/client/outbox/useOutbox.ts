import { useCallback, useEffect, useState } from 'react';
import { addToOutbox, dismissFromOutbox, flushOutbox, listOutbox, replaceInOutbox, type FlushResult, type OutboxItem } from './outbox';

/** Listeners told when the outbox changes in this page. */
const changed = new Set<() => void>();
function announce() {
  for (const listener of changed) listener();
}

/**
 * The signed-in client's outbox: what is waiting on this phone, a way to add and send, and
 * automatic sending when the connection returns and whenever this hook mounts (after sign-in).
 * `onSent` is called after a send that delivered something (to reload what the server has).
 */
export function useOutbox(ownerId: string, onSent?: () => void) {
  const [items, setItems] = useState<OutboxItem[]>([]);

  const refresh = useCallback(() => {
    void listOutbox()
      .catch((): OutboxItem[] => [])
      .then((all) => setItems(all.filter((item) => item.ownerId === ownerId)));
  }, [ownerId]);

  const send = useCallback(async (): Promise<FlushResult> => {
    const result = await flushOutbox(ownerId).catch((): FlushResult => ({ stop: 'offline', sent: 0 }));
    announce();
    if (result.sent > 0) onSent?.();
    return result;
  }, [ownerId, onSent]);

  useEffect(() => {
    changed.add(refresh);
    // Sending announces the change, which reads the outbox into state.
    void send();
    const online = () => void send();
    window.addEventListener('online', online);
    return () => {
      changed.delete(refresh);
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
