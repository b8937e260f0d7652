import type { Programme, ProgrammeProgress } from '@tandem/domain';
import { useEffect } from 'react';
import type { Resource } from '../../shared/use-api-get';
import { deviceCopiesGeneration } from '../device/service-worker';
import { stepUrl } from './programme-data';

/** What this page has already asked for, so each step is fetched once a page load. */
const asked = new Set<string>();

/**
 * Reads every step of the client's open modules once, in the page's language, so the service
 * worker keeps a copy of each (src/sw/service-worker.ts): the content the client has unlocked is
 * then there on a bus with no signal, not only the steps they happened to open. Only when a worker
 * looks after the page, one step at a time, after the page itself has loaded.
 */
export function useKeepOpenStepsOnPhone(programme: Resource<Programme>, progress: Resource<ProgrammeProgress>, locale: string): void {
  const open = progress.status === 'ok' ? progress.data.openModules : null;
  const modules = programme.status === 'ok' ? programme.data.modules : null;
  useEffect(() => {
    if (!open || !modules || !('serviceWorker' in navigator) || !navigator.serviceWorker.controller) return;
    const urls = modules
      .filter((m) => open.includes(m.id))
      .flatMap((m) => m.steps.map((s) => stepUrl(m.id, s.id, locale)))
      .filter((url) => !asked.has(url));
    let live = true;
    // Stops at once when the copies are forgotten (signing out), before the page has gone.
    const generation = deviceCopiesGeneration();
    void (async () => {
      for (const url of urls) {
        if (!live || deviceCopiesGeneration() !== generation) return;
        asked.add(url);
        await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } }).catch(() => asked.delete(url));
      }
    })();
    return () => {
      live = false;
    };
  }, [open, modules, locale]);
}
