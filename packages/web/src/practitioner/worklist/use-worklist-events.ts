import { useEffect, useRef } from 'react';

/** Changes close together (a session ending writes several things) make one refetch. */
export const refetchDebounceMs = 600;

/**
 * Listens to the worklist's server-sent events while the page is open and calls `onChange`
 * (debounced) when a client on it may have changed or the server asks for a fresh read. The event
 * carries a client id only; the page fetches the worklist again through the normal audited read.
 * Leaving the page closes the stream.
 */
export function useWorklistEvents(onChange: () => void): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  }, [onChange]);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/api/worklist/events');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changed = () => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), refetchDebounceMs);
    };
    source.addEventListener('client-changed', changed);
    source.addEventListener('resync', changed);
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, []);
}
