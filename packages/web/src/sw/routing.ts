/**
 * What the client app's service worker does with one request (docs/decisions/0022-offline-client-app.md).
 * Pure, so it is tested without a browser; the worker itself (service-worker.ts) only carries it out.
 *
 * - `pass`: not ours to touch — the network answers as if there were no worker. Everything of the
 *   practitioner app (`/staff/`; reads its pages make are passed on by the worker, which knows the
 *   page), every write, other origins, sign-in and the development outbox.
 * - `page`: a client-app page. The network first (a new version is picked up at once); the app
 *   shell kept on the phone when the network fails or is too slow.
 * - `shell`: a file of this build's app shell (hashed, never changes): from the phone first.
 * - `data`: a read of the signed-in client's own data or of the programme. The network first; a
 *   copy is kept on the phone and used when the network fails, so the app opens offline.
 */
export type RequestRoute = 'pass' | 'page' | 'shell' | 'data';

export interface RequestFacts {
  method: string;
  /** The request's full URL. */
  url: string;
  /** The worker's own origin. */
  origin: string;
  /** A page load (navigation) rather than a request a page makes. */
  navigate: boolean;
  /** The app-shell files of this build, as paths ("/assets/client-1a2b3c.js"). */
  shell: ReadonlySet<string>;
}

/**
 * API reads that never come from the phone: sign-in state changes, health, documentation, and the
 * client's whole-record download (decision 0042: no second copy of everything kept on the phone).
 */
const neverKept = [/^\/api\/auth(\/|$)/, /^\/api\/health$/, /^\/api\/openapi\.json$/, /^\/api\/me\/data(\.html)?$/];

/** True for the practitioner app's own addresses (docs/decisions/0008-one-origin-two-apps.md). */
export function isStaffPath(pathname: string): boolean {
  return pathname === '/staff' || pathname.startsWith('/staff/');
}

/** Decides what the worker does with a request. */
export function routeRequest(facts: RequestFacts): RequestRoute {
  const url = new URL(facts.url);
  if (url.origin !== facts.origin) return 'pass';
  if (facts.method !== 'GET') return 'pass';
  if (isStaffPath(url.pathname)) return 'pass';
  if (url.pathname.startsWith('/dev/')) return 'pass';
  // A page is an address without a file extension outside the API (the server's page fallback).
  if (facts.navigate) return url.pathname.startsWith('/api/') || /\.[a-z0-9]+$/i.test(url.pathname) ? 'pass' : 'page';
  if (url.pathname.startsWith('/api/')) return neverKept.some((pattern) => pattern.test(url.pathname)) ? 'pass' : 'data';
  if (facts.shell.has(url.pathname)) return 'shell';
  return 'pass';
}

/** The header a kept copy carries when it answers instead of the network: when it was saved (also in src/shared/device-copy.ts). */
export const savedAtHeader = 'x-tandem-saved-at';

/** The caches' names. Shell caches are per build; the data cache holds one person's copies. */
export const shellCachePrefix = 'tandem-shell-';
export const dataCacheName = 'tandem-data';

/** The message a page sends when the copies must be forgotten (also in src/shared/device-copy.ts). */
export const forgetMessage = 'forget-data';

/**
 * Which caches to delete once the shell cache `current` is active: every other build's shell.
 * A page still open on an older version is told a new one is ready (its lazy parts may be gone).
 */
export function staleShellCaches(names: readonly string[], current: string): string[] {
  return names.filter((name) => name.startsWith(shellCachePrefix) && name !== current);
}
