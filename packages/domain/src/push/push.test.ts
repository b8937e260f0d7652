import { describe, expect, it } from 'vitest';
import { pushEndpointAllowed, pushKinds, pushPayload, SavePushSubscriptionRequestSchema } from './push';

describe('pushEndpointAllowed', () => {
  it.each([
    ['https://fcm.googleapis.com/fcm/send/abc', true],
    ['https://updates.push.services.mozilla.com/wpush/v2/abc', true],
    ['https://wns2-par02p.notify.windows.com/w/?token=abc', true],
    ['https://web.push.apple.com/QGuQ', true],
    ['https://api.push.apple.com/3/device/abc', true],
    // Not a push service, or not over https, or a lookalike.
    ['http://fcm.googleapis.com/fcm/send/abc', false],
    ['https://fcm.googleapis.com:8443/fcm/send/abc', false],
    ['https://notify.windows.com/w', false],
    ['https://evilnotify.windows.com/w', false],
    ['https://fcm.googleapis.com.evil.example/x', false],
    ['https://user:pass@fcm.googleapis.com/x', false],
    ['https://169.254.169.254/latest/meta-data', false],
    ['http://127.0.0.1:5432/', false],
    ['not a url', false],
  ])('%s: %s', (endpoint, allowed) => {
    expect(pushEndpointAllowed(endpoint)).toBe(allowed);
  });

  it('accepts an origin the deployment names, exactly', () => {
    expect(pushEndpointAllowed('http://127.0.0.1:4100/push/1', ['http://127.0.0.1:4100'])).toBe(true);
    expect(pushEndpointAllowed('http://127.0.0.1:4101/push/1', ['http://127.0.0.1:4100'])).toBe(false);
  });
});

describe('the subscription the app sends', () => {
  // 65 and 16 bytes in base64url: 87 and 22 characters.
  const p256dh = `B${'A'.repeat(86)}`;
  const auth = 'AQEBAQEBAQEBAQEBAQEBAQ';
  it.each([
    ['a browser’s subscription', { endpoint: 'https://fcm.googleapis.com/x', expirationTime: null, keys: { p256dh, auth } }, true],
    ['with padding', { endpoint: 'https://fcm.googleapis.com/x', keys: { p256dh: `${p256dh}=`, auth: `${auth}==` } }, true],
    ['a short key', { endpoint: 'https://fcm.googleapis.com/x', keys: { p256dh: 'A'.repeat(44), auth } }, false],
    ['a long secret', { endpoint: 'https://fcm.googleapis.com/x', keys: { p256dh, auth: 'A'.repeat(23) } }, false],
    ['no keys', { endpoint: 'https://fcm.googleapis.com/x' }, false],
    ['an unknown field', { endpoint: 'https://fcm.googleapis.com/x', keys: { p256dh, auth }, extra: 1 }, false],
  ])('%s: valid is %s', (_, body, valid) => {
    expect(SavePushSubscriptionRequestSchema.safeParse(body).success).toBe(valid);
  });
});

describe('push words', () => {
  it('say nothing clinical and name nobody', () => {
    for (const kind of pushKinds) {
      const { title, body } = pushPayload(kind);
      expect(title).toBe('Tandem');
      expect(body).not.toMatch(/depress|anxi|risk|PHQ|GAD|therap|score|mood is|thought/i);
    }
  });
});
