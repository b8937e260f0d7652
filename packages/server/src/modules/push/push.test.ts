import { newId } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff } from '../../test/factories';
import { startPushReceiver } from '../../test/push-receiver';
import { sessionOf } from '../../test/sessions';
import { createTestApp, type TestApp } from '../../test/test-app';
import { pushSendJob, queuePush } from './push.service';

// Every notification crosses a real Web Push exchange with a push service on loopback, which
// checks the VAPID signature and decrypts the payload with the subscription's own keys.
let t: TestApp;
let receiver: Awaited<ReturnType<typeof startPushReceiver>>;
const w = {} as {
  p1: Awaited<ReturnType<typeof makeStaff>>;
  c1: Awaited<ReturnType<typeof makeClient>>;
  c2: Awaited<ReturnType<typeof makeClient>>;
};

beforeAll(async () => {
  receiver = await startPushReceiver();
  t = await createTestApp({ env: { PUSH_SERVICE_ORIGINS: receiver.origin, MAIL_FROM: 'Tandem <tandem@example.test>' } });
  const now = t.clock.now();
  const db = t.database.db;
  const org = await makeOrganisation(db, now);
  w.p1 = await makeStaff(db, now, org.id, ['practitioner']);
  w.c1 = await makeClient(db, now, org.id, [w.p1.id]);
  w.c2 = await makeClient(db, now, org.id, [w.p1.id]);
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});

const accountOf = async (person: { email: string }) => (await t.database.db.selectFrom('account').select('id').where('email', '=', person.email).executeTakeFirstOrThrow()).id;
const subscriptionsOf = async (person: { email: string }) => t.database.db.selectFrom('push_subscription').select(['id', 'endpoint']).where('account_id', '=', await accountOf(person)).execute();
const queue = async (person: { email: string }, key: string) => {
  // Read first: the embedded database runs one transaction at a time, so no other read inside it.
  const accountId = await accountOf(person);
  return t.database.db.transaction().execute(async (trx) => queuePush(trx, t.clock, { accountId, organisationId: null, kind: 'message', key }));
};

describe('web push', () => {
  it('signs with the server’s own VAPID key and encrypts for the device; the push service can read it; sent once per cause', async () => {
    const c1 = await sessionOf(t, w.c1);
    const key = (await c1.get('/api/push/public-key')).json().publicKey as string;
    expect(key).toMatch(/^[A-Za-z0-9_-]{87}$/);
    // Made once, kept: the same for every caller and every instance.
    expect((await (await sessionOf(t, w.p1)).get('/api/push/public-key')).json().publicKey).toBe(key);

    const device = receiver.subscription();
    const id = newId(t.clock.now());
    const saved = await c1.put(`/api/me/push-subscriptions/${id}`, device);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().id).toBe(id);

    expect(await queue(w.c1, 'message:m1')).toBe(1);
    expect(await queue(w.c1, 'message:m1')).toBe(1); // the same cause again: the job exists already
    await t.runJobs();
    expect(receiver.refused).toEqual([]);
    expect(receiver.received).toHaveLength(1);
    const [push] = receiver.received;
    expect(push!.payload).toEqual({ title: 'Tandem', body: 'You have a new message in Tandem.', url: '/messages', tag: 'tandem-message' });
    expect(push!.vapidKey).toBe(key);
    expect(push!.claims).toMatchObject({ aud: receiver.origin, sub: 'mailto:tandem@example.test' });
    expect(push!.ttl).toBe('86400');
    expect(push!.urgency).toBe('normal');
    await t.runJobs();
    expect(receiver.received).toHaveLength(1);
  });

  it('refuses an address that is not a push service, and keys that are not a browser’s', async () => {
    const c1 = await sessionOf(t, w.c1);
    const device = receiver.subscription();
    for (const endpoint of ['http://169.254.169.254/latest/meta-data', 'https://example.org/push', 'http://127.0.0.1:1/push/x']) {
      const res = await c1.put(`/api/me/push-subscriptions/${newId(t.clock.now())}`, { ...device, endpoint });
      expect(res.statusCode, endpoint).toBe(400);
      expect(res.json().error.details).toEqual([{ path: 'body/endpoint', message: 'is not a known push service' }]);
    }
    const shortKey = await c1.put(`/api/me/push-subscriptions/${newId(t.clock.now())}`, { ...device, keys: { ...device.keys, p256dh: 'AAAA' } });
    expect(shortKey.statusCode).toBe(400);
    expect((await subscriptionsOf(w.c1)).map((s) => s.endpoint)).not.toContain(device.endpoint);
  });

  it('tries again later when the push service fails, and removes a subscription the service says is gone', async () => {
    const c2 = await sessionOf(t, w.c2);
    const device = receiver.subscription();
    expect((await c2.put(`/api/me/push-subscriptions/${newId(t.clock.now())}`, device)).statusCode).toBe(200);
    const before = receiver.received.length;
    receiver.failOnce();
    await queue(w.c2, 'message:m2');
    await t.runJobs();
    expect(receiver.received.length).toBe(before);
    const job = await t.database.db.selectFrom('scheduled_job').select(['status', 'attempts', 'last_error']).where('delivery_key', 'like', `${pushSendJob}:message:m2:%`).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('503') });
    t.clock.advance(30_000);
    await t.runJobs();
    expect(receiver.received.length).toBe(before + 1);

    receiver.markGone(device.endpoint);
    await queue(w.c2, 'message:m3');
    await t.runJobs();
    expect(await subscriptionsOf(w.c2)).toEqual([]);
    const audit = await t.database.db.selectFrom('audit_event').select('action').where('action', '=', 'push_subscription.gone').execute();
    expect(audit).toHaveLength(1);
  });

  it('a device belongs to whoever subscribed on it last; only its owner can stop it', async () => {
    const device = receiver.subscription();
    const c1 = await sessionOf(t, w.c1);
    const c2 = await sessionOf(t, w.c2);
    const first = (await c1.put(`/api/me/push-subscriptions/${newId(t.clock.now())}`, device)).json().id as string;
    // The phone is passed on: the next person's subscription takes the endpoint over.
    const second = await c2.put(`/api/me/push-subscriptions/${newId(t.clock.now())}`, device);
    expect(second.json().id).toBe(first);
    expect((await subscriptionsOf(w.c2)).map((s) => s.endpoint)).toEqual([device.endpoint]);
    expect((await subscriptionsOf(w.c1)).map((s) => s.endpoint)).not.toContain(device.endpoint);

    // Someone else's subscription id: not found, and nothing happens. The owner's identical request removes it.
    expect((await c1.delete(`/api/me/push-subscriptions/${first}`)).statusCode).toBe(404);
    expect((await subscriptionsOf(w.c2)).map((s) => s.endpoint)).toEqual([device.endpoint]);
    expect((await c2.delete(`/api/me/push-subscriptions/${first}`)).statusCode).toBe(204);
    expect(await subscriptionsOf(w.c2)).toEqual([]);
    // Again: already gone, still done.
    expect((await c2.delete(`/api/me/push-subscriptions/${first}`)).statusCode).toBe(204);
  });
});
