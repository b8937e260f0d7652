import type { CrisisPage } from '@tandem/domain';
import { useEffect, useState } from 'react';
import { apiGet } from '../../shared/api';

/**
 * The organisation's own crisis contacts (GET /api/crisis-page; it works signed out). The last
 * answer is kept on this device, so the local contacts show at once, offline and signed out; the
 * server's newer answer replaces them when it comes. They are the organisation's, not anybody's
 * personal data, so keeping them on a shared phone reveals nothing about a person.
 */
export type CrisisPageData = Pick<CrisisPage, 'national' | 'local'>;

const storageKey = 'tandem.crisis-page';

function readKept(): CrisisPageData | null {
  try {
    const value = JSON.parse(window.localStorage.getItem(storageKey) ?? 'null') as CrisisPageData | null;
    return value && typeof value === 'object' && 'national' in value ? value : null;
  } catch {
    return null;
  }
}

function keep(page: CrisisPageData): void {
  try {
    window.localStorage.setItem(storageKey, JSON.stringify({ national: page.national, local: page.local }));
  } catch {
    // Storage may be unavailable (private mode): the contacts then show while online only.
  }
}

/**
 * The crisis page's data: what this device kept, then the server's when it answers. Signed out,
 * the server may know no organisation (a deployment serving several): a kept local part is then
 * kept rather than dropped, since it is the last signed-in client's own service.
 */
export function useCrisisPage(signedIn: boolean): CrisisPageData | null {
  const [page, setPage] = useState<CrisisPageData | null>(readKept);
  useEffect(() => {
    let live = true;
    void apiGet<CrisisPage>('/api/crisis-page').then((result) => {
      if (!live || !result.ok || !result.data || !('national' in result.data)) return;
      const local = result.data.local ?? (signedIn ? null : (readKept()?.local ?? null));
      const next = { national: result.data.national, local };
      keep(next);
      setPage(next);
    });
    return () => {
      live = false;
    };
  }, [signedIn]);
  return page;
}
