import { pushEndpointAllowed } from '@tandem/domain';
import webpush from 'web-push';

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface PushSettings {
  /** The VAPID contact: mailto: or an https URL (push services may write to it about problems). */
  subject: string;
  /** Origins a subscription may point at besides the browsers' push services (`PUSH_SERVICE_ORIGINS`). */
  extraOrigins: readonly string[];
}

/** How long a push service keeps a notification for a phone that is off (a day). */
export const pushTtlSeconds = 24 * 3600;
const sendTimeoutMs = 10_000;

/**
 * Sends one notification by the Web Push protocol: the payload encrypted for the browser
 * (RFC 8291, aes128gcm) and signed with the server's VAPID key (RFC 8292) by the `web-push`
 * library, POSTed by us, so the address is checked here first and no redirect is followed.
 * 'gone': the push service says the subscription no longer exists (404/410) or the address is not
 * one we send to — the caller removes it. Any other failure throws, and the job is retried.
 */
export async function sendPush(target: PushTarget, payload: object, keys: { publicKey: string; privateKey: string }, settings: PushSettings): Promise<'sent' | 'gone'> {
  if (!pushEndpointAllowed(target.endpoint, settings.extraOrigins)) return 'gone';
  const details = webpush.generateRequestDetails({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, JSON.stringify(payload), {
    vapidDetails: { subject: settings.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
    TTL: pushTtlSeconds,
    urgency: 'normal',
    contentEncoding: 'aes128gcm',
  });
  const headers = Object.fromEntries(Object.entries(details.headers).filter(([name]) => name.toLowerCase() !== 'content-length').map(([name, value]) => [name, String(value)]));
  const response = await fetch(details.endpoint, { method: 'POST', headers, body: details.body as Buffer, redirect: 'error', signal: AbortSignal.timeout(sendTimeoutMs) });
  await response.arrayBuffer();
  if (response.status === 404 || response.status === 410) return 'gone';
  if (!response.ok) throw new Error(`The push service answered ${response.status}.`);
  return 'sent';
}

/** The VAPID subject: the public https origin, or else the From address of Tandem's email. */
export function pushSubject(config: { publicOrigin: string; mailFrom: string }): string {
  if (config.publicOrigin.startsWith('https://')) return config.publicOrigin;
  const address = /<([^>]+)>/.exec(config.mailFrom)?.[1] ?? config.mailFrom.trim();
  return `mailto:${address}`;
}
