import { dataCacheName, forgetMessage } from '../../shared/device-copy';

/**
 * The page's side of the client app's service worker (src/sw/service-worker.ts): registering it,
 * hearing that a new version has taken over, and forgetting the copies of a person's data kept on
 * the phone. Only the built app registers it (the development server has no /sw.js).
 */
type Listener = () => void;
let updated = false;
const listeners = new Set<Listener>();

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // A page that was already looked after by a worker and gets a new one is on an old version.
  const hadWorker = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!hadWorker || updated) return;
    updated = true;
    for (const listener of listeners) listener();
  });
  // `updateViaCache: 'none'`: the browser always asks the server whether /sw.js changed.
  void navigator.serviceWorker.register('/sw.js', { scope: '/', updateViaCache: 'none' }).catch(() => undefined);
}

/** True once a new version of the app has taken over this page's worker. */
export function newVersionReady(): boolean {
  return updated;
}

export function onNewVersion(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * Deletes the copies of the signed-in person's reads kept on this phone (on sign-out and sign-in,
 * so the next person on a shared phone never sees them). Exercise drafts and the outbox are
 * cleared separately (outbox.ts).
 */
/** Goes up each time the copies are forgotten: background reads started before then stop. */
let copiesGeneration = 0;
export function deviceCopiesGeneration(): number {
  return copiesGeneration;
}

export async function forgetDeviceCopies(): Promise<void> {
  copiesGeneration++;
  // The worker also drops any read still on its way, so it is not kept after this.
  navigator.serviceWorker?.controller?.postMessage({ type: forgetMessage });
  if ('caches' in window) await caches.delete(dataCacheName).catch(() => false);
}
