/**
 * The client app's outbox: every client write is first stored on the device (IndexedDB) with the
 * UUID that makes it idempotent, then sent in order. Nothing the client enters is lost to a dropped
 * connection or an expired session: the item waits, and is sent again after sign-in or when the
 * connection returns. The server answers a repeat of the same id with the stored record, so a write
 * that arrived but whose answer was lost is never duplicated.
 *
 * Item states: waiting (not sent yet, or sending failed for a reason that may pass) and refused
 * (the server said no for a reason that will not pass — kept and shown, never silently dropped).
 */
export interface OutboxItem {
  /** The write's id (a UUID made on the device), also its idempotency key. */
  id: string;
  /** Order of entry on this device. */
  seq: number;
  kind: 'check-in';
  /**
   * The client who made it. Only their session sends it: on a shared phone, someone else signing
   * in must never send another person's entry under their own name.
   */
  ownerId: string;
  url: string;
  body: unknown;
  createdAt: string;
  attempts: number;
  state: 'waiting' | 'refused';
  /** The server's message when refused. */
  problem?: string;
}

export type FlushStop = 'done' | 'signed-out' | 'offline';

/** Why a flush stopped, and how many items it delivered. */
export interface FlushResult {
  stop: FlushStop;
  sent: number;
}

const dbName = 'tandem-client';
const storeName = 'outbox';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(dbName, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore(storeName, { keyPath: 'id' });
      store.createIndex('seq', 'seq');
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => Promise<T>): Promise<T> {
  const db = await openDb();
  try {
    const tx = db.transaction(storeName, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    const result = await run(tx.objectStore(storeName));
    await done;
    return result;
  } finally {
    db.close();
  }
}

/** Everything on the device, in the order it was entered. */
export function listOutbox(): Promise<OutboxItem[]> {
  return withStore('readonly', (store) => request(store.index('seq').getAll() as IDBRequest<OutboxItem[]>));
}

/** Stores a write on the device. Adding the same id twice keeps the first. */
export async function addToOutbox(item: Omit<OutboxItem, 'seq' | 'attempts' | 'state'>): Promise<void> {
  const seq = Date.now() * 1000 + Math.floor(Math.random() * 1000);
  await withStore('readwrite', async (store) => {
    const existing = await request(store.get(item.id));
    if (!existing) await request(store.put({ ...item, seq, attempts: 0, state: 'waiting' } satisfies OutboxItem));
  });
}

async function update(id: string, change: (item: OutboxItem) => OutboxItem | null): Promise<void> {
  await withStore('readwrite', async (store) => {
    const item = (await request(store.get(id))) as OutboxItem | undefined;
    if (!item) return;
    const next = change(item);
    if (next) await request(store.put(next));
    else await request(store.delete(id));
  });
}

let flushing: Promise<FlushResult> | undefined;

/**
 * Sends waiting items in order. Stops at the first that cannot go now: 401 (sign in first, then
 * flush again) or no connection (try again when online). 2xx removes the item; 4xx other than 401
 * marks it refused with the server's message. One flush at a time per page.
 */
export function flushOutbox(ownerId: string): Promise<FlushResult> {
  flushing ??= (async (): Promise<FlushResult> => {
    let sent = 0;
    const stopped = (stop: FlushStop): FlushResult => ({ stop, sent });
    try {
      for (const item of await listOutbox()) {
        if (item.state !== 'waiting' || item.ownerId !== ownerId) continue;
        let res: Response;
        try {
          res = await fetch(item.url, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body: JSON.stringify(item.body),
          });
        } catch {
          await update(item.id, (i) => ({ ...i, attempts: i.attempts + 1 }));
          return stopped('offline');
        }
        if (res.ok) {
          await update(item.id, () => null);
          sent++;
          continue;
        }
        if (res.status === 401) return stopped('signed-out');
        if (res.status >= 500 || res.status === 429) {
          await update(item.id, (i) => ({ ...i, attempts: i.attempts + 1 }));
          return stopped('offline');
        }
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        await update(item.id, (i) => ({ ...i, attempts: i.attempts + 1, state: 'refused', problem: body?.error?.message ?? `HTTP ${res.status}` }));
      }
      return stopped('done');
    } finally {
      flushing = undefined;
    }
  })();
  return flushing;
}

/** Removes a refused item the client has seen and dismissed. */
export function dismissFromOutbox(id: string): Promise<void> {
  return update(id, (item) => (item.state === 'refused' ? null : item));
}
