/// <reference lib="webworker" />
/**
 * The client app's service worker, served as /sw.js (docs/decisions/0022-offline-client-app.md).
 * It keeps this build's app shell on the phone, so the app (the crisis page included) opens with
 * no connection, and keeps a copy of the client's own reads, so what they were doing is there
 * offline. It never touches writes: those wait in the app's outbox. The practitioner app's
 * requests pass straight through, and nothing of theirs is kept (shared workstations).
 *
 * The build replaces `__TANDEM_BUILD__` with this build's version and shell files
 * (build-plugins/service-worker.ts); a new build is a new worker, which takes over at once.
 */
import { clientAppPath, noticeFromPush, notificationIcon, windowToFocus } from './notifications';
import { dataCacheName, forgetMessage, isStaffPath, routeRequest, savedAtHeader, shellCachePrefix, staleShellCaches } from './routing';

declare const self: ServiceWorkerGlobalScope;
declare const __TANDEM_BUILD__: { version: string; shell: string[] };

const build = __TANDEM_BUILD__;
const shellCache = `${shellCachePrefix}${build.version}`;
const shellFiles = new Set(build.shell);
/** A page waits this long for the network before the shell on the phone is used. */
const pageTimeoutMs = 4000;
/**
 * Goes up each time the copies are forgotten (sign-out, sign-in, an ended session), so a read
 * still on its way then is not kept afterwards for the next person.
 */
let generation = 0;

function forgetCopies(): Promise<boolean> {
  generation++;
  return caches.delete(dataCacheName);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(shellCache);
      // `reload`: straight from the server, never from the browser's HTTP cache.
      await cache.addAll(build.shell.map((path) => new Request(path, { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of staleShellCaches(await caches.keys(), shellCache)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === forgetMessage) event.waitUntil(forgetCopies());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const route = routeRequest({
    method: request.method,
    url: request.url,
    origin: self.location.origin,
    navigate: request.mode === 'navigate',
    shell: shellFiles,
  });
  if (route === 'pass') return;
  if (route === 'page') event.respondWith(page(request));
  else if (route === 'shell') event.respondWith(shellFile(request));
  else event.respondWith(data(event));
});

// Web push (decision 0030, "Client side"): show the server's words, nothing clinical; a tap opens
// the client app at the page the push names, and only there.
self.addEventListener('push', (event) => {
  let text: string | null = null;
  try {
    text = event.data ? event.data.text() : null;
  } catch {
    text = null;
  }
  const notice = noticeFromPush(text, self.location.origin);
  event.waitUntil(
    self.registration.showNotification(notice.title, {
      body: notice.body,
      tag: notice.tag,
      icon: notificationIcon,
      data: { path: notice.path },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data as { path?: unknown } | null;
  // Checked again here: the data was set by this worker, but a tap must never leave the client app.
  const path = clientAppPath(data?.path, self.location.origin);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows[windowToFocus(windows.map((w) => w.url), self.location.origin)];
      if (open) {
        const focused = await open.focus();
        // Navigating works only for a window this worker controls; otherwise it stays as it is.
        await focused.navigate(path).catch(() => null);
        return;
      }
      await self.clients.openWindow(path);
    })(),
  );
});

async function page(request: Request): Promise<Response> {
  try {
    return await fetchWithin(request, pageTimeoutMs);
  } catch {
    const kept = await caches.match('/index.html', { cacheName: shellCache });
    return kept ?? Response.error();
  }
}

async function shellFile(request: Request): Promise<Response> {
  return (await caches.match(request, { cacheName: shellCache })) ?? fetch(request);
}

async function data(event: FetchEvent): Promise<Response> {
  const request = event.request;
  // A read made by a practitioner page passes through untouched and is never kept.
  const client = event.clientId ? await self.clients.get(event.clientId) : null;
  if (client && isStaffPath(new URL(client.url).pathname)) return fetch(request);
  const started = generation;
  let response: Response;
  try {
    response = await fetch(request);
  } catch {
    return (await keptCopy(request)) ?? Response.error();
  }
  if (response.status === 200 && generation === started) {
    const copy = response.clone();
    const headers = new Headers(copy.headers);
    headers.set(savedAtHeader, new Date().toISOString());
    const body = await copy.arrayBuffer();
    event.waitUntil(
      caches.open(dataCacheName).then(async (cache) => {
        if (generation === started) await cache.put(request, new Response(body, { status: 200, headers }));
      }),
    );
  } else if (response.status === 401) {
    // The session has ended: copies of this person's data are not kept for whoever comes next.
    event.waitUntil(forgetCopies());
  }
  return response;
}

async function keptCopy(request: Request): Promise<Response | undefined> {
  const cache = await caches.open(dataCacheName);
  return cache.match(request);
}

async function fetchWithin(request: Request, ms: number): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await fetch(request, { signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}
