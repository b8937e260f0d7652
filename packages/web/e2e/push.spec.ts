import { randomUUID } from 'node:crypto';
import { devices, type APIRequestContext, type Page } from '@playwright/test';
import { startPushReceiver } from '../../server/src/test/push-receiver';
import { createClient, createStaff, openReferral, signedInApi, signInByApi, uniqueSuffix, type ClientPerson, type Person } from './accounts';
import { expect, test } from './fixtures';
import { OwnServer } from './own-server';
import { untranslatedStrings } from './pseudo';
import { noViolations } from './sessions';

/**
 * "Notifications on this phone" (decision 0030, "Client side"): a client turns web push on and
 * off, the server keeps or forgets this phone's subscription, signing out makes it forget, and the
 * service worker shows what a push carries. The server is the test's own, told to accept the
 * loopback push service (packages/server/src/test/push-receiver.ts) as a push service.
 */

type Receiver = Awaited<ReturnType<typeof startPushReceiver>>;
type Subscription = ReturnType<Receiver['subscription']>;

let receiver: Receiver;
let server: OwnServer;
let practitioner: Person;

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  receiver = await startPushReceiver();
  server = await OwnServer.start({ env: { PUSH_SERVICE_ORIGINS: receiver.origin } });
  practitioner = await createStaff(server.url, ['practitioner'], `Pat ${uniqueSuffix()}`);
});

test.afterAll(async () => {
  await server?.dispose();
  await receiver?.close();
});

/** As the client: their consent now says yes (or no) to app notifications. */
async function choosePush(client: ClientPerson, push: boolean): Promise<void> {
  const api = await signedInApi(server.url, client);
  try {
    const clientId = (await (await api.get('/api/me')).json()).actor.clientId as string;
    const { wordingVersion } = await (await api.get(`/api/clients/${clientId}/consent`)).json();
    const choices = { blendedTreatment: true, messagingUnderstood: true, channels: { email: true, sms: false, push }, research: false };
    const recorded = await api.post(`/api/clients/${clientId}/consent`, { data: { id: randomUUID(), wordingVersion, choices } });
    expect(recorded.status(), await recorded.text()).toBe(201);
  } finally {
    await api.dispose();
  }
}

/**
 * Headless Chromium cannot subscribe to a real push service from here (STACK-NOTES.md,
 * "Browser"), so before the app loads the browser's PushManager is replaced by one that answers
 * with a subscription of the loopback receiver: its endpoint and its real P-256 key and secret.
 * Everything else — the permission, the server's key, the save, the service worker — is real. The
 * key the app subscribed with is kept, to check it is the server's.
 */
async function fakePushManager(page: Page, subscription: Subscription): Promise<void> {
  await page.addInitScript((sub) => {
    const stateKey = 'e2e-fake-push-key';
    const made = () => ({
      endpoint: sub.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true, applicationServerKey: null },
      getKey: () => null,
      toJSON: () => sub,
      unsubscribe: async () => {
        localStorage.removeItem(stateKey);
        return true;
      },
    });
    PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
      const key = options?.applicationServerKey;
      const bytes = key instanceof ArrayBuffer ? new Uint8Array(key) : ArrayBuffer.isView(key) ? new Uint8Array(key.buffer, key.byteOffset, key.byteLength) : new Uint8Array();
      const base64url = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      localStorage.setItem(stateKey, base64url);
      return made() as unknown as PushSubscription;
    };
    PushManager.prototype.getSubscription = async function () {
      return (localStorage.getItem(stateKey) ? made() : null) as unknown as PushSubscription | null;
    };
  }, subscription);
}

/** The key the page subscribed with; null once it unsubscribed. */
const subscribedKey = (page: Page) => page.evaluate(() => localStorage.getItem('e2e-fake-push-key'));

/**
 * The id the server keeps for this endpoint under the signed-in account. Asked by saving it again
 * under a new id: the server answers the id it already had, or the new one when it had none (that
 * new save is removed again at once).
 */
async function storedId(api: APIRequestContext, subscription: Subscription): Promise<string> {
  const fresh = randomUUID();
  const headers = { origin: server.url };
  const saved = await api.put(`${server.url}/api/me/push-subscriptions/${fresh}`, { data: subscription, headers });
  expect(saved.status(), await saved.text()).toBe(200);
  const { id } = (await saved.json()) as { id: string };
  if (id === fresh) expect((await api.delete(`${server.url}/api/me/push-subscriptions/${fresh}`, { headers })).status()).toBe(204);
  return id;
}

/** Presses Tab until the button named `name` has the focus. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((n) => document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent?.trim() === n, name)) return;
  }
  throw new Error(`the keyboard does not reach "${name}"`);
}

async function workerInCharge(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
}

/** Signs `page` in as `client` on this test's own server (page.request's own base is the shared one). */
async function signIn(page: Page, client: ClientPerson): Promise<void> {
  const response = await page.request.post(`${server.url}/api/auth/sign-in`, { data: { email: client.email, password: client.password }, headers: { origin: server.url } });
  expect(response.status(), await response.text()).toBe(200);
}

/** A client in care whose consent says yes to app notifications, signed in on `page`, which may show notifications. */
async function pushClient(page: Page, subscription: Subscription): Promise<ClientPerson> {
  const client = await createClient(server.url, practitioner, 'Noor');
  await choosePush(client, true);
  await page.context().grantPermissions(['notifications'], { origin: server.url });
  await fakePushManager(page, subscription);
  await signIn(page, client);
  return client;
}

test.describe('notifications on this phone', () => {
  test('turning on saves this phone with the server’s key, stays on after a reload, and turning off makes the server forget it', async ({ page }) => {
    const subscription = receiver.subscription();
    await pushClient(page, subscription);
    await page.goto(`${server.url}/choices`);
    await workerInCharge(page);
    await page.getByRole('link', { name: 'Notifications on this phone' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Notifications on this phone' })).toBeVisible();
    await expect(page.getByText('Notifications are off for this phone.')).toBeVisible();
    await noViolations(page);

    // Turned on from the keyboard.
    await tabTo(page, 'Turn on notifications on this phone');
    const [put] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/api/me/push-subscriptions/')), page.keyboard.press('Enter')]);
    expect(put.status()).toBe(200);
    expect(put.request().postDataJSON()).toEqual(subscription);
    const savedId = ((await put.json()) as { id: string }).id;
    expect(put.url()).toContain(savedId);
    await expect(page.getByRole('status').filter({ hasText: 'Notifications are now on for this phone.' })).toBeVisible();
    await expect(page.getByText('While they are on, your reminders come here instead of by email.')).toBeVisible();
    // It subscribed with the server's own key, and the server keeps this phone under that id.
    const { publicKey } = (await (await page.request.get(`${server.url}/api/push/public-key`)).json()) as { publicKey: string };
    expect(await subscribedKey(page)).toBe(publicKey);
    expect(await storedId(page.request, subscription)).toBe(savedId);
    await noViolations(page);

    await page.reload();
    await expect(page.getByText('Notifications are on for this phone.', { exact: true })).toBeVisible();

    // Turned off from the keyboard: the server forgets this phone, then the browser does.
    await tabTo(page, 'Turn off notifications');
    const [removed] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'DELETE'), page.keyboard.press('Enter')]);
    expect(removed.status()).toBe(204);
    expect(removed.url()).toContain(`/api/me/push-subscriptions/${savedId}`);
    await expect(page.getByRole('status').filter({ hasText: 'Notifications are now off for this phone.' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Turn on notifications on this phone' })).toBeVisible();
    expect(await subscribedKey(page)).toBeNull();
    expect(await storedId(page.request, subscription)).not.toBe(savedId);

    // The pseudo-locale: every word on the page comes through i18n.
    await page.goto(`${server.url}/notifications?locale=en-XA`);
    await expect(page.getByRole('button')).not.toHaveCount(0);
    expect(await untranslatedStrings(page)).toEqual([]);
  });

  test('signing out makes the server forget this phone before the session ends', async ({ page }) => {
    const subscription = receiver.subscription();
    const client = await pushClient(page, subscription);
    await page.goto(`${server.url}/notifications`);
    await workerInCharge(page);
    const [put] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'PUT'), page.getByRole('button', { name: 'Turn on notifications on this phone' }).click()]);
    const savedId = ((await put.json()) as { id: string }).id;
    await expect(page.getByText('Notifications are on for this phone.', { exact: true })).toBeVisible();

    const order: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/me/push-subscriptions/') || r.url().endsWith('/api/auth/sign-out')) order.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });
    await page.goto(`${server.url}/`);
    const [removed] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'DELETE'), page.getByRole('button', { name: 'Sign out' }).click()]);
    expect(removed.status()).toBe(204);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    expect(order).toEqual([`DELETE /api/me/push-subscriptions/${savedId}`, 'POST /api/auth/sign-out']);
    expect(await subscribedKey(page)).toBeNull();
    // Signed in again elsewhere: the server has no device of theirs at this endpoint any more.
    const api = await signedInApi(server.url, client);
    try {
      expect(await storedId(api, subscription)).not.toBe(savedId);
    } finally {
      await api.dispose();
    }
  });

  test('a practitioner’s message reaches the phone: the push service receives the server’s words, which carry nothing of the message', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'the server waits two minutes before a message notice (messageEmailDelayMs): once is enough');
    test.setTimeout(300_000);
    const subscription = receiver.subscription();
    const client = await pushClient(page, subscription);
    const { clientId } = await openReferral(server.url, practitioner, client);
    await page.goto(`${server.url}/notifications`);
    await workerInCharge(page);
    await page.getByRole('button', { name: 'Turn on notifications on this phone' }).click();
    await expect(page.getByText('Notifications are on for this phone.', { exact: true })).toBeVisible();

    const api = await signedInApi(server.url, practitioner);
    try {
      const sent = await api.post(`/api/clients/${clientId}/messages`, { data: { id: randomUUID(), text: 'Hello Noor, see you on Tuesday' } });
      expect(sent.status(), await sent.text()).toBe(201);
    } finally {
      await api.dispose();
    }
    const path = new URL(subscription.endpoint).pathname;
    await expect
      .poll(() => receiver.received.filter((r) => r.path === path).map((r) => r.payload), { timeout: 240_000, intervals: [5000], message: 'the push reaches the loopback push service' })
      .toEqual([expect.objectContaining({ title: 'Tandem', body: 'You have a new message in Tandem.' })]);
    expect(JSON.stringify(receiver.received.find((r) => r.path === path)!.payload)).not.toMatch(/Noor|Tuesday/);
  });

  test('the service worker shows what a push carries, and plain words for a push it cannot read', async ({ page }) => {
    await pushClient(page, receiver.subscription());
    await page.goto(`${server.url}/notifications`);
    await workerInCharge(page);

    // A push delivered to the worker's registration through the DevTools protocol.
    const cdp = await page.context().newCDPSession(page);
    const registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (event: { registrations: typeof registrations }) => registrations.push(...event.registrations));
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => registrations.some((r) => r.scopeURL === `${server.url}/` && !r.isDeleted)).toBe(true);
    const registrationId = registrations.find((r) => r.scopeURL === `${server.url}/` && !r.isDeleted)!.registrationId;
    const shown = () =>
      page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag, icon: new URL(n.icon).pathname })));

    // A push can reach a worker that is still starting and be dropped by the browser, so each is
    // sent again until it shows (the same tag replaces the same notification).
    const deliverUntilShown = async (data: string, notice: { title: string; body: string; tag: string; icon: string }) =>
      expect(async () => {
        await cdp.send('ServiceWorker.deliverPushMessage', { origin: server.url, registrationId, data });
        await expect.poll(shown, { timeout: 3000 }).toContainEqual(notice);
      }).toPass({ timeout: 20_000 });

    const payload = { title: 'Tandem', body: 'You have a new message in Tandem.', url: '/messages', tag: 'tandem-message' };
    await deliverUntilShown(JSON.stringify(payload), { title: 'Tandem', body: 'You have a new message in Tandem.', tag: 'tandem-message', icon: '/icons/icon-192.png' });
    await deliverUntilShown('{not json', { title: 'Tandem', body: 'Open Tandem to see what’s new.', tag: '', icon: '/icons/icon-192.png' });
  });

  test('a save that fails says so plainly, and trying again saves under the same id', async ({ page }) => {
    await pushClient(page, receiver.subscription());
    await page.goto(`${server.url}/notifications`);
    await workerInCharge(page);
    const attempts: string[] = [];
    // The first save never reaches the server (as on a lost connection). Routed on the context, so
    // a request that passes through the service worker is caught too.
    await page.context().route('**/api/me/push-subscriptions/*', async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      attempts.push(new URL(route.request().url()).pathname);
      if (attempts.length === 1) await route.abort('internetdisconnected');
      else await route.continue();
    });
    const turnOn = page.getByRole('button', { name: 'Turn on notifications on this phone' });
    await turnOn.click();
    await expect(page.getByRole('status')).toHaveText("Tandem can't be reached, so nothing changed. Check your connection and try again.");
    await expect(page.getByText('Notifications are off for this phone.')).toBeVisible();
    await noViolations(page);
    const [put] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'PUT'), turnOn.click()]);
    expect(put.status()).toBe(200);
    expect(attempts).toHaveLength(2);
    expect(attempts[1]).toBe(attempts[0]);
    await expect(page.getByText('Notifications are on for this phone.', { exact: true })).toBeVisible();
  });

  test('notifications blocked in the browser: the page says how to allow them, with no button', async ({ page }) => {
    await pushClient(page, receiver.subscription());
    // Denied for this browser context, as after "Block" on the browser's prompt.
    const cdp = await page.context().newCDPSession(page);
    const { targetInfo } = (await cdp.send('Target.getTargetInfo')) as { targetInfo: { browserContextId: string } };
    await cdp.send('Browser.setPermission', { permission: { name: 'notifications' }, setting: 'denied', origin: server.url, browserContextId: targetInfo.browserContextId });
    await page.goto(`${server.url}/notifications`);
    await expect(page.getByText('Notifications for Tandem are blocked in this browser.')).toBeVisible();
    await expect(page.getByText("Until then, we'll email you instead, if you said yes to email.")).toBeVisible();
    await expect(page.getByRole('button', { name: /Turn on/ })).toHaveCount(0);
    await noViolations(page);
  });

  test('consent says no to app notifications: the page says so and offers the choices, not a button', async ({ page }) => {
    const client = await createClient(server.url, practitioner, 'Lin');
    await choosePush(client, false);
    await signIn(page, client);
    await page.goto(`${server.url}/notifications`);
    await expect(page.getByText('You have not said yes to notifications on your phone')).toBeVisible();
    await expect(page.getByRole('button', { name: /Turn on/ })).toHaveCount(0);
    await noViolations(page);
    await page.getByRole('link', { name: 'Change your choices' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your choices' })).toBeVisible();
  });

  test('an iPhone not yet on the Home Screen is told how to add Tandem there, with no button', async ({ newPage }) => {
    const page = await newPage({ ...devices['iPhone 13'], baseURL: server.url });
    const client = await createClient(server.url, practitioner, 'Ira');
    await choosePush(client, true);
    await signInByApi(page.request, client.email, client.password, server.url);
    await page.goto('/notifications');
    await expect(page.getByRole('heading', { level: 2, name: 'First, add Tandem to your Home Screen' })).toBeVisible();
    await expect(page.getByText('Open Tandem from your Home Screen and come back to this page.')).toBeVisible();
    await expect(page.getByRole('button', { name: /Turn on/ })).toHaveCount(0);
    await noViolations(page);
    await page.goto('/notifications?locale=en-XA');
    await expect(page.locator('main h1')).toBeVisible();
    expect(await untranslatedStrings(page)).toEqual([]);
  });
});
