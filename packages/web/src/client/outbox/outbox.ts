import { noteAnswerSource, noteUnauthorised } from '../../shared/api';
import { sendVerdict } from './send-verdict';

/**
 * The client app's outbox: every client write is first stored on the device (IndexedDB) with the
 * UUID that makes it idempotent, then sent in order. Nothing the client enters is lost to a dropped
 * connection or an expired session: the item waits, and is sent again after sign-in or when the
 * connection returns. The server answers a repeat of the same id with the stored record, so a write
 * that arrived but whose answer was lost is never duplicated.
 *
 * Item states: waiting (not sent yet, or sending failed for a reason that may pass) and refused
 * (the server said no for a reason that will not pass — kept and shown, never silently dropped).
 *
 * Kinds: mood check-ins; questionnaire answers, each saved as it is given (PUT, keyed by response
 * and item, so a changed answer replaces the waiting one); finished questionnaires; and "I need
 * help now" requests; programme steps marked done, and exercise entries (PUT, keyed by entry, so
 * a newer save of the same entry replaces the one waiting); and things the client wants to talk
 * about in their next session; and messages to their care team. What the server answered to a delivered item is kept for this page
 * (`outcomeOf`), so a page can show it — the risk notice after a PHQ-9 item-9 answer, the total
 * after a finished questionnaire.
 */
export type OutboxKind = 'check-in' | 'answer' | 'questionnaire' | 'help-request' | 'step-done' | 'exercise' | 'agenda-item' | 'message';

export interface OutboxItem {
  /**
   * The write's key on the device: the UUID made on the device that is also its idempotency key;
   * for an answer, `answer:<response id>:<item>` (the PUT's own address is its idempotency key).
   */
  id: string;
  /** Order of entry on this device. */
  seq: number;
  kind: OutboxKind;
  /** POST unless said otherwise (answers are PUT: saving one again replaces it). */
  method?: 'POST' | 'PUT';
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

/** What became of an item sent from this page: the server's answer, or its refusal. */
export type Outcome =
  | { state: 'delivered'; body: unknown }
  | { state: 'refused'; status: number; code: string; problem: string; details?: { path: string; message: string }[] };

/** Outcomes of items sent from this page, by item id; and who wants to hear of new ones. */
const outcomes = new Map<string, Outcome>();
const outcomeListeners = new Set<(id: string) => void>();

/** What the server answered to this item, once it was sent from this page; undefined until then. */
export function outcomeOf(id: string): Outcome | undefined {
  return outcomes.get(id);
}

/** Calls `listener` with an item's id whenever an item sent from this page gets its outcome. */
export function onOutcome(listener: (id: string) => void): () => void {
  outcomeListeners.add(listener);
  return () => {
    outcomeListeners.delete(listener);
  };
}

function recordOutcome(id: string, outcome: Outcome) {
  outcomes.set(id, outcome);
  for (const listener of outcomeListeners) listener(id);
}

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

function nextSeq(): number {
  return Date.now() * 1000 + Math.floor(Math.random() * 1000);
}

/** Stores a write on the device. Adding the same id twice keeps the first. */
export async function addToOutbox(item: Omit<OutboxItem, 'seq' | 'attempts' | 'state'>): Promise<void> {
  const seq = nextSeq();
  await withStore('readwrite', async (store) => {
    const existing = await request(store.get(item.id));
    if (!existing) await request(store.put({ ...item, seq, attempts: 0, state: 'waiting' } satisfies OutboxItem));
  });
}

/**
 * Stores a write that replaces any earlier one with the same id (a changed answer to the same
 * question). It gets a new `seq`, so a send of the earlier body that is under way cannot remove it.
 */
export async function replaceInOutbox(item: Omit<OutboxItem, 'seq' | 'attempts' | 'state'>): Promise<void> {
  outcomes.delete(item.id);
  await withStore('readwrite', async (store) => {
    await request(store.put({ ...item, seq: nextSeq(), attempts: 0, state: 'waiting' } satisfies OutboxItem));
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
let flushAgain: Promise<FlushResult> | undefined;

/** How long to wait for the server before treating a send as "no connection" (tried again later). */
const sendTimeoutMs = 15_000;

/**
 * Sends waiting items in order. Stops at the first that cannot go now: 401 (sign in first, then
 * flush again) or no connection (try again when online). 2xx removes the item; 4xx other than 401
 * marks it refused with the server's message. One flush at a time per page: asking while one runs
 * starts one more pass after it, so an item added meanwhile is always tried.
 */
export function flushOutbox(ownerId: string): Promise<FlushResult> {
  if (!flushing) {
    flushing = flushPass(ownerId).finally(() => {
      flushing = undefined;
    });
    return flushing;
  }
  flushAgain ??= flushing.then(
    () => {
      flushAgain = undefined;
      return flushOutbox(ownerId);
    },
    () => {
      flushAgain = undefined;
      return flushOutbox(ownerId);
    },
  );
  return flushAgain;
}

async function flushPass(ownerId: string): Promise<FlushResult> {
  let sent = 0;
  const stopped = (stop: FlushStop): FlushResult => ({ stop, sent });
  for (const item of await listOutbox()) {
    if (item.state !== 'waiting' || item.ownerId !== ownerId) continue;
    let res: Response;
    try {
      res = await fetch(item.url, {
        method: item.method ?? 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(item.body),
        signal: AbortSignal.timeout(sendTimeoutMs),
      });
    } catch {
      await update(item.id, (i) => ({ ...i, attempts: i.attempts + 1 }));
      return stopped('offline');
    }
    // The server answered: pages no longer show "you are offline".
    noteAnswerSource(res);
    const verdict = sendVerdict(res.status);
    if (verdict === 'delivered') {
      const body: unknown = await res.json().catch(() => null);
      // Only this very version is done: a replacement stored meanwhile (new seq) stays to be sent.
      await update(item.id, (i) => (i.seq === item.seq ? null : i));
      recordOutcome(item.id, { state: 'delivered', body });
      sent++;
      continue;
    }
    if (verdict === 'wait-for-sign-in') {
      // Locked by the app PIN, or half-way through signing in: the item waits untouched, and the
      // app shows its lock screen (or the code step); it is sent after unlocking.
      const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
      const code = body?.error?.code ?? '';
      if (code !== 'auth.unauthenticated') noteUnauthorised(code);
      return stopped('signed-out');
    }
    if (verdict === 'try-later') {
      await update(item.id, (i) => ({ ...i, attempts: i.attempts + 1 }));
      return stopped('offline');
    }
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: { path: string; message: string }[] } } | null;
    const problem = body?.error?.message ?? `HTTP ${res.status}`;
    await update(item.id, (i) => (i.seq === item.seq ? { ...i, attempts: i.attempts + 1, state: 'refused', problem } : i));
    recordOutcome(item.id, { state: 'refused', status: res.status, code: body?.error?.code ?? 'internal.unexpected', problem, details: body?.error?.details ?? [] });
  }
  return stopped('done');
}

/**
 * Removes everything this device keeps for the app (the outbox, and the stores `also` names, such
 * as exercise drafts): after the client signs out, nothing of theirs stays on a shared phone.
 */
export async function clearDeviceStorage(also: readonly string[] = []): Promise<void> {
  for (const name of [dbName, ...also]) {
    await new Promise<void>((resolve) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = req.onerror = req.onblocked = () => resolve();
    });
  }
}

/** Removes a refused item the client has seen and dismissed. */
export function dismissFromOutbox(id: string): Promise<void> {
  return update(id, (item) => (item.state === 'refused' ? null : item));
}

/** Removes the refused items that match (refusals a page has already shown the client). */
export async function dismissRefused(match: (item: OutboxItem) => boolean): Promise<void> {
  for (const item of await listOutbox()) {
    if (item.state === 'refused' && match(item)) await dismissFromOutbox(item.id);
  }
}
