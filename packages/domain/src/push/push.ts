import { z } from 'zod';

/**
 * Web push (issue 10 item 3): the browser's subscription as the client app sends it, which push
 * services a subscription may point at, and the words of each notification. The server POSTs to a
 * subscription's endpoint, so an endpoint anywhere would let anyone make the server send requests
 * to any address (server-side request forgery): only the browsers' push services, over https, and
 * origins the deployment names itself (`PUSH_SERVICE_ORIGINS`) are accepted.
 */

/** Push services of the browsers Tandem supports (host, or a suffix after a dot), https only. */
export const knownPushServiceHosts: readonly string[] = [
  // Chrome, and browsers built on it (Firebase Cloud Messaging).
  'fcm.googleapis.com',
  // Firefox (Mozilla autopush).
  'updates.push.services.mozilla.com',
  'push.services.mozilla.com',
  // Edge (Windows Push Notification Services).
  '.notify.windows.com',
  // Safari on macOS and on iPhone (home-screen apps only).
  'web.push.apple.com',
  '.push.apple.com',
];

/**
 * The origin of an http(s) address as `scheme://host[:port]` (lower case, default port left out),
 * or null when it is not one or carries a user name or password. Parsed by hand: the domain
 * package runs in the browser and on the server alike and uses neither's URL class.
 */
function originOf(address: string): { origin: string; scheme: string; host: string; port: string } | null {
  const match = /^(https?):\/\/([^/?#\\]*)(?:[/?#]|$)/i.exec(address);
  if (!match) return null;
  const scheme = match[1]!.toLowerCase();
  const authority = match[2]!.toLowerCase();
  if (!authority || authority.includes('@')) return null;
  const hostPort = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(authority);
  if (!hostPort) return null;
  const host = hostPort[1]!;
  const defaultPort = scheme === 'https' ? '443' : '80';
  const port = hostPort[2] && hostPort[2] !== defaultPort ? hostPort[2] : '';
  return { origin: `${scheme}://${host}${port ? `:${port}` : ''}`, scheme, host, port };
}

/** Whether the server may send to this endpoint: a known push service over https, or a named origin. */
export function pushEndpointAllowed(endpoint: string, extraOrigins: readonly string[] = []): boolean {
  const url = originOf(endpoint);
  if (!url) return false;
  if (extraOrigins.some((origin) => originOf(origin)?.origin === url.origin)) return true;
  if (url.scheme !== 'https' || url.port !== '') return false;
  return knownPushServiceHosts.some((known) => (known.startsWith('.') ? url.host.endsWith(known) && url.host.length > known.length : url.host === known));
}

/** Base64url of exactly `bytes` bytes: ⌈bytes × 4 / 3⌉ characters, with or without '=' padding. */
const base64url = (bytes: number) => {
  const chars = Math.ceil((bytes * 4) / 3);
  const padding = (4 - (chars % 4)) % 4;
  return z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${chars}}={0,${padding}}$`), `must be ${bytes} bytes in base64url`);
};

/** PUT /api/me/push-subscriptions/:id — the browser's PushSubscription (its JSON form). */
export const SavePushSubscriptionRequestSchema = z
  .strictObject({
    endpoint: z.string().max(2000, 'must be at most 2000 characters'),
    /** The subscription's own expiry, if the push service gave one. */
    expirationTime: z.number().int().nullable().optional(),
    keys: z.strictObject({
      /** The browser's P-256 public key, uncompressed (65 bytes). */
      p256dh: base64url(65),
      /** The browser's authentication secret (16 bytes). */
      auth: base64url(16),
    }),
  })
  .meta({ id: 'SavePushSubscriptionRequest' });

export const PushSubscriptionIdParamsSchema = z.object({ subscriptionId: z.uuid() });

export const PushSubscriptionSavedSchema = z.object({ id: z.uuid(), createdAt: z.iso.datetime() }).meta({ id: 'PushSubscriptionSaved' });

export const PushPublicKeySchema = z
  .object({
    /** The server's VAPID public key (base64url), the applicationServerKey to subscribe with. */
    publicKey: z.string(),
  })
  .meta({ id: 'PushPublicKey' });

export const pushKinds = ['message', 'appointment-reminder', 'homework-reminder', 'mood-prompt'] as const;
export type PushKind = (typeof pushKinds)[number];

/**
 * The words of each notification: never clinical, never a name, never what anyone wrote — they show
 * on lock screens (HAZ-042, HAZ-046). The app opens at `url` when the notification is tapped.
 */
export function pushPayload(kind: PushKind): { title: string; body: string; url: string; tag: string } {
  const body: Record<PushKind, string> = {
    message: 'You have a new message in Tandem.',
    'appointment-reminder': 'You have an appointment soon. Open Tandem to see when.',
    'homework-reminder': 'You have something to do in Tandem before your next session.',
    'mood-prompt': 'How are you feeling? Open Tandem when you have a moment.',
  };
  const url: Record<PushKind, string> = { message: '/messages', 'appointment-reminder': '/', 'homework-reminder': '/', 'mood-prompt': '/check-in' };
  return { title: 'Tandem', body: body[kind], url: url[kind], tag: `tandem-${kind}` };
}
