import { apiDelete, apiGet, apiPut } from '../../shared/api';

/**
 * This phone's web push subscription, from the page's side (decision 0030, "Client side"): whether
 * the browser can show Tandem's notifications, turning them on and off, and forgetting them on
 * sign-out. The server knows a device by its subscription id; the id it answered is kept in
 * localStorage under the account, so a shared phone never mixes two people's.
 */

/**
 * What this browser can do. `home-screen`: an iPhone or iPad, where Safari shows web notifications
 * only for an app added to the Home Screen and opened from there.
 */
export type PushSupport = 'supported' | 'unsupported' | 'home-screen';

export interface BrowserFacts {
  userAgent: string;
  maxTouchPoints: number;
  /** Opened as an installed app (`display-mode: standalone`, or Safari's `navigator.standalone`). */
  standalone: boolean;
  serviceWorker: boolean;
  pushManager: boolean;
  notification: boolean;
}

/** Whether web push can work here. Pure, for tests; `browserFacts()` reads the real browser. */
export function pushSupport(facts: BrowserFacts): PushSupport {
  // iPadOS asks for desktop pages with a Mac user agent; only the touch screen tells them apart.
  const apple = /iPhone|iPad|iPod/.test(facts.userAgent) || (/Macintosh/.test(facts.userAgent) && facts.maxTouchPoints > 1);
  if (apple && !facts.standalone) return 'home-screen';
  return facts.serviceWorker && facts.pushManager && facts.notification ? 'supported' : 'unsupported';
}

export function browserFacts(): BrowserFacts {
  return {
    userAgent: navigator.userAgent,
    maxTouchPoints: navigator.maxTouchPoints ?? 0,
    standalone: window.matchMedia?.('(display-mode: standalone)').matches === true || (navigator as { standalone?: boolean }).standalone === true,
    serviceWorker: 'serviceWorker' in navigator,
    pushManager: 'PushManager' in window,
    notification: 'Notification' in window,
  };
}

/** The subscription the server stored for this account on this phone. */
interface Saved {
  id: string;
  endpoint: string;
}

const storageKey = (accountId: string) => `tandem-push:${accountId}`;

function savedFor(accountId: string): Saved | null {
  try {
    const value = JSON.parse(localStorage.getItem(storageKey(accountId)) ?? 'null') as Partial<Saved> | null;
    return typeof value?.id === 'string' && typeof value.endpoint === 'string' ? { id: value.id, endpoint: value.endpoint } : null;
  } catch {
    return null;
  }
}

function forgetSaved(accountId: string): void {
  try {
    localStorage.removeItem(storageKey(accountId));
  } catch {
    // Storage switched off: nothing was kept.
  }
}

/** The worker's registration; null when there is none (the development server has no worker). */
async function registration(): Promise<ServiceWorkerRegistration | null> {
  const found = await navigator.serviceWorker.getRegistration('/').catch(() => undefined);
  if (found) return found;
  // Registered at start-up (device/service-worker.ts): a first visit may still be installing it.
  return Promise.race([navigator.serviceWorker.ready, new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000))]);
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const reg = await registration();
  return reg ? reg.pushManager.getSubscription().catch(() => null) : null;
}

export type DeviceState = 'on' | 'off' | 'blocked';

/**
 * On when the browser holds a subscription that the server stored for this account. `blocked`:
 * the person (or the browser) said no to notifications for Tandem; only the browser's settings
 * can change that.
 */
export async function readDeviceState(accountId: string): Promise<DeviceState> {
  if (Notification.permission === 'denied') return 'blocked';
  const saved = savedFor(accountId);
  if (!saved || Notification.permission !== 'granted') return 'off';
  const subscription = await currentSubscription();
  return subscription?.endpoint === saved.endpoint ? 'on' : 'off';
}

export type ChangeResult = { ok: true } | { ok: false; reason: 'blocked' | 'dismissed' | 'offline' | 'failed' };

/** The VAPID key as the bytes `subscribe` wants. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function subscribe(reg: ServiceWorkerRegistration, publicKey: string): Promise<PushSubscription> {
  const options = { userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) };
  try {
    return await reg.pushManager.subscribe(options);
  } catch (error) {
    // A subscription made with another key (the server's key changed) must go before a new one.
    const old = await reg.pushManager.getSubscription().catch(() => null);
    if (!old) throw error;
    await old.unsubscribe();
    return reg.pushManager.subscribe(options);
  }
}

/**
 * Turns notifications on for this phone: asks the browser's permission (call it straight from the
 * button, so the browser sees the tap), subscribes with the server's key and saves the
 * subscription as `id`. Pass the same `id` to try again after a failure, so a retried save is the
 * same one. Never throws.
 */
export async function turnOn(accountId: string, id: string): Promise<ChangeResult> {
  try {
    const permission = await Notification.requestPermission();
    if (permission === 'denied') return { ok: false, reason: 'blocked' };
    if (permission !== 'granted') return { ok: false, reason: 'dismissed' };
    const key = await apiGet<{ publicKey: string }>('/api/push/public-key');
    if (!key.ok) return { ok: false, reason: key.error.code === 'network' ? 'offline' : 'failed' };
    const reg = await registration();
    if (!reg) return { ok: false, reason: 'failed' };
    const subscription = await subscribe(reg, key.data.publicKey);
    const json = subscription.toJSON();
    // Only the fields the server takes (it refuses any other).
    const body = { endpoint: subscription.endpoint, expirationTime: json.expirationTime ?? null, keys: { p256dh: json.keys?.p256dh, auth: json.keys?.auth } };
    const saved = await apiPut<{ id: string }>(`/api/me/push-subscriptions/${id}`, body);
    if (!saved.ok) return { ok: false, reason: saved.error.code === 'network' ? 'offline' : 'failed' };
    // The server answers the id it keeps, which is an earlier one when it knew this endpoint.
    localStorage.setItem(storageKey(accountId), JSON.stringify({ id: saved.data.id, endpoint: subscription.endpoint } satisfies Saved));
    return { ok: true };
  } catch {
    return { ok: false, reason: 'failed' };
  }
}

/** Turns notifications off for this phone: the server forgets the device, then the browser. Never throws. */
export async function turnOff(accountId: string): Promise<ChangeResult> {
  try {
    const saved = savedFor(accountId);
    if (saved) {
      const removed = await apiDelete<null>(`/api/me/push-subscriptions/${saved.id}`);
      // Not found: the server had removed it already (the push service said it was gone).
      if (!removed.ok && removed.status !== 404) return { ok: false, reason: removed.error.code === 'network' ? 'offline' : 'failed' };
    }
    forgetSaved(accountId);
    await (await currentSubscription())?.unsubscribe();
    return { ok: true };
  } catch {
    return { ok: false, reason: 'failed' };
  }
}

/**
 * On sign-out, while still signed in: the server forgets this phone for the account and the
 * browser drops its subscription, so the next person on a shared phone gets nothing of theirs.
 * Waits at most a few seconds and never fails: signing out must always go ahead. If the server
 * could not be told, the push service answers "gone" to its next send and the server removes
 * the device then (decision 0030).
 */
export async function forgetPushOnSignOut(accountId: string): Promise<void> {
  if (!('serviceWorker' in navigator) || !('PushManager' in window)) return;
  const work = (async () => {
    const saved = savedFor(accountId);
    forgetSaved(accountId);
    if (saved) await apiDelete<null>(`/api/me/push-subscriptions/${saved.id}`);
    const reg = await navigator.serviceWorker.getRegistration('/');
    await (await reg?.pushManager.getSubscription())?.unsubscribe();
  })().catch(() => undefined);
  await Promise.race([work, new Promise((resolve) => setTimeout(resolve, 5000))]);
}

/**
 * On sign-in: a subscription this phone holds that is not the new person's is dropped (their
 * session may have ended without a sign-out). The push service then answers "gone" to the
 * server's next send for it, and the server removes it, so the new person is never shown the
 * earlier person's notifications. Never fails.
 */
export async function dropOthersPush(accountId: string): Promise<void> {
  if (!('serviceWorker' in navigator) || !('PushManager' in window)) return;
  try {
    const reg = await navigator.serviceWorker.getRegistration('/');
    const subscription = await reg?.pushManager.getSubscription();
    if (subscription && subscription.endpoint !== savedFor(accountId)?.endpoint) await subscription.unsubscribe();
  } catch {
    // Nothing to drop, or the browser would not say: nothing more to do.
  }
}
