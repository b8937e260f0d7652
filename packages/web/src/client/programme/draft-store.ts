import type { ExerciseId } from '@tandem/domain';

/**
 * Exercise drafts on the device (IndexedDB), so no word is lost: the latest text of each entry is
 * written here first, as the client types, then sent through the outbox. It outlives a refresh, a
 * closed tab, a lost connection and an ended session; it is removed when the client signs out
 * (clearDeviceStorage). One record per entry, keyed by the entry's id.
 */
export interface DeviceDraft {
  entryId: string;
  /** The client whose words these are: on a shared phone nobody else sees them. */
  ownerId: string;
  exercise: ExerciseId;
  moduleId: string | null;
  stepId: string | null;
  contentVersion: string | null;
  status: 'draft' | 'submitted';
  shared: boolean;
  data: Record<string, unknown>;
  /** When this text was typed: the newest of the device's and the server's copy wins. */
  recordedAt: string;
  /**
   * The server's revision this text was built on (0 for a new entry), sent with each save so an
   * edit made on another device meanwhile is noticed (decision 0033). Undefined in drafts kept by
   * an older version of the app.
   */
  baseRevision?: number;
}

const deviceIdKey = 'tandem-device-id';
let pageDeviceId: string | undefined;

/**
 * A random id for this browser, sent with each save of an entry so the server can tell this
 * device's own earlier saves from another device's (decision 0033). It identifies nobody; it stays
 * when the client signs out (their drafts do not). Without storage, one for this page.
 */
export function deviceId(): string {
  try {
    let id = localStorage.getItem(deviceIdKey);
    if (!id) {
      id = crypto.randomUUID();
      localStorage.setItem(deviceIdKey, id);
    }
    return id;
  } catch {
    pageDeviceId ??= crypto.randomUUID();
    return pageDeviceId;
  }
}

export const draftDbName = 'tandem-client-drafts';
const storeName = 'drafts';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(draftDbName, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(storeName, { keyPath: 'entryId' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function run<T>(mode: IDBTransactionMode, ask: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(storeName, mode);
      const req = ask(tx.objectStore(storeName));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Every draft of this client kept on the device. */
export async function listDrafts(ownerId: string): Promise<DeviceDraft[]> {
  const all = await run('readonly', (store) => store.getAll() as IDBRequest<DeviceDraft[]>);
  return all.filter((draft) => draft.ownerId === ownerId);
}

/** Keeps the latest text of an entry on the device. */
export async function keepDraft(draft: DeviceDraft): Promise<void> {
  await run('readwrite', (store) => store.put(draft));
}
