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
