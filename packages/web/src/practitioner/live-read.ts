import { useEffect, useState } from 'react';
import { apiGet } from '../shared/api';

/**
 * A small read shown in the staff navigation (open alerts, unread messages): read with each page,
 * again when the tab comes back into view, and again when a page that changed it says so
 * (`announceChange`). While it loads again the last answer stays, so the navigation does not flicker.
 */
export interface LiveRead {
  url: string;
  listeners: Set<() => void>;
}

export function liveRead(url: string): LiveRead {
  return { url, listeners: new Set() };
}

/** Reads `read` again wherever it is shown. */
export function announceChange(read: LiveRead): void {
  for (const listener of read.listeners) listener();
}

/** The last answer of `read`; null until the first arrives. */
export function useLiveRead<T>(read: LiveRead): T | null {
  const [data, setData] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => {
      void apiGet<T>(read.url).then((result) => {
        if (live && result.ok) setData(result.data);
      });
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') load();
    };
    load();
    read.listeners.add(load);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      read.listeners.delete(load);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [read]);
  return data;
}
