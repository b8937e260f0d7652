import { useCallback, useEffect, useState } from 'react';
import { apiGet, type ApiError } from './api';

export type Resource<T> = { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; error: ApiError };

/**
 * Loads a JSON resource for a page, again when `path` changes or on `reload()`. `replace(data)`
 * swaps in newer data the page already has (after a successful action), without a reload.
 */
export function useApiGet<T>(path: string): { resource: Resource<T>; reload(): void; replace(data: T): void } {
  const [version, setVersion] = useState(0);
  const key = `${version} ${path}`;
  const [loaded, setLoaded] = useState<{ key: string; resource: Resource<T> } | null>(null);

  useEffect(() => {
    let live = true;
    void apiGet<T>(path).then((result) => {
      if (live) setLoaded({ key, resource: result.ok ? { status: 'ok', data: result.data } : { status: 'error', error: result.error } });
    });
    return () => {
      live = false;
    };
  }, [key, path]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const replace = useCallback((data: T) => setLoaded({ key, resource: { status: 'ok', data } }), [key]);
  return { resource: loaded?.key === key ? loaded.resource : { status: 'loading' }, reload, replace };
}
