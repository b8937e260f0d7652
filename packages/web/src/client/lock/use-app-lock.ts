import { useEffect, useSyncExternalStore } from 'react';
import { onSessionHeld } from '../../shared/api';
import { AppLock, type LockState } from './app-lock';

/** One lock for the page: the app's screens and its API answers all speak to the same one. */
let shared: AppLock | undefined;

export function appLock(): AppLock {
  shared ??= new AppLock({
    now: () => Date.now(),
    storage: window.localStorage,
    events: document,
    isHidden: () => document.visibilityState === 'hidden',
  });
  return shared;
}

/**
 * Whether the client app is locked, watched from the moment the app starts (also while nobody is
 * known to be signed in yet: a locked session's GET /api/me answers 401 `auth.locked`).
 */
export function useAppLock(): LockState {
  const lock = appLock();
  useEffect(() => {
    const stop = lock.start();
    const unsubscribe = onSessionHeld((code) => {
      if (code === 'auth.locked') lock.lockedByServer();
    });
    return () => {
      stop();
      unsubscribe();
    };
  }, [lock]);
  return useSyncExternalStore(lock.subscribe, lock.getState);
}
