import { routeRequest } from './routing';

/**
 * What the client app's service worker shows for a web push, and where a tap on it leads
 * (decision 0030, "Client side"). Pure, so it is tested without a worker.
 */

/**
 * Shown when a push carries no payload, or one that is not the server's JSON. The worker has no
 * i18n: these mirror the server's fixed English words of `pushPayload` (@tandem/domain), and like
 * them say nothing clinical and no name, because they show on a lock screen.
 */
export const fallbackNotification = { title: 'Tandem', body: 'Open Tandem to see what’s new.' } as const;

/** The app's own icon (public/manifest.webmanifest). */
export const notificationIcon = '/icons/icon-192.png';

/** Longer words than these are not the server's: cut, so a notification never fills a screen. */
const titleMax = 80;
const bodyMax = 240;

export interface PushNotice {
  title: string;
  body: string;
  /** A notification with the same tag replaces the one before (one "new message" at a time). */
  tag: string | undefined;
  /** The client-app page a tap opens: a same-origin path, never the practitioner app or the API. */
  path: string;
}

/** The notification for a push whose payload is `text` (null: the push carried no payload). */
export function noticeFromPush(text: string | null, origin: string): PushNotice {
  const fallback: PushNotice = { ...fallbackNotification, tag: undefined, path: '/' };
  if (text === null) return fallback;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fallback;
  }
  if (typeof data !== 'object' || data === null) return fallback;
  const { title, body, tag, url } = data as Record<string, unknown>;
  if (typeof title !== 'string' || typeof body !== 'string' || !title.trim() || !body.trim()) return fallback;
  return {
    title: title.slice(0, titleMax),
    body: body.slice(0, bodyMax),
    tag: typeof tag === 'string' && tag ? tag.slice(0, 64) : undefined,
    path: clientAppPath(url, origin),
  };
}

/**
 * The path a tap may open: `url` when it is a page of the client app on this origin; otherwise
 * the home page. Never another site, the practitioner app (shared workstations), the API or a
 * file — a push that named one would otherwise open it from a trusted-looking notification.
 */
export function clientAppPath(url: unknown, origin: string): string {
  if (typeof url !== 'string') return '/';
  let parsed: URL;
  try {
    parsed = new URL(url, origin);
  } catch {
    return '/';
  }
  return isClientAppPage(parsed, origin) ? `${parsed.pathname}${parsed.search}${parsed.hash}` : '/';
}

/**
 * Which open window a tap brings forward: the first one showing the client app on this origin
 * (not the practitioner app), or -1 to open a new one.
 */
export function windowToFocus(windowUrls: readonly string[], origin: string): number {
  return windowUrls.findIndex((address) => {
    try {
      return isClientAppPage(new URL(address), origin);
    } catch {
      return false;
    }
  });
}

/** A page of the client app on this origin, as the worker's own routing decides it (routing.ts). */
function isClientAppPage(url: URL, origin: string): boolean {
  return routeRequest({ method: 'GET', url: url.href, origin, navigate: true, shell: new Set() }) === 'page';
}
