import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import ece from 'http_ece';

export interface ReceivedPush {
  path: string;
  ttl: string | undefined;
  urgency: string | undefined;
  /** The VAPID token's claims, after its ES256 signature was checked against the key it names. */
  claims: { aud: string; exp: number; sub: string };
  /** The server's public key named in the request (k=). */
  vapidKey: string;
  /** The payload, decrypted with the subscription's private key and secret. */
  payload: unknown;
}

/**
 * A push service on loopback for tests: it speaks the Web Push protocol's receiving side. Each
 * subscription it hands out has its own P-256 key pair and secret, as a browser's does; a request
 * is accepted (201) only with a valid VAPID token for this origin (RFC 8292) and a body that
 * decrypts (RFC 8291, aes128gcm). A subscription marked gone answers 410, as a real service does
 * after the browser unsubscribed; `failNext` answers 503 once.
 */
export async function startPushReceiver() {
  const received: ReceivedPush[] = [];
  const refused: { path: string; status: number; reason: string }[] = [];
  const devices = new Map<string, { ecdh: crypto.ECDH; auth: Buffer }>();
  const gone = new Set<string>();
  let failNext = 0;

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '';
      const refuse = (status: number, reason: string) => {
        refused.push({ path, status, reason });
        response.writeHead(status).end(reason);
      };
      const device = devices.get(path);
      if (request.method !== 'POST' || !device) return refuse(404, 'no such subscription');
      if (gone.has(path)) return refuse(410, 'unsubscribed');
      if (failNext > 0) {
        failNext -= 1;
        return refuse(503, 'try later');
      }
      if (request.headers['content-encoding'] !== 'aes128gcm') return refuse(400, 'not aes128gcm');
      const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(request.headers.authorization ?? '');
      if (!match) return refuse(401, 'no VAPID authorization');
      const [, token, key] = match as unknown as [string, string, string];
      const claims = verifiedClaims(token, key);
      if (!claims) return refuse(403, 'bad VAPID signature');
      if (claims.aud !== origin || claims.exp * 1000 < Date.now() || claims.exp * 1000 > Date.now() + 24 * 3600_000 || !/^(mailto:|https:)/.test(claims.sub)) {
        return refuse(403, 'bad VAPID claims');
      }
      let payload: unknown;
      try {
        const plain = ece.decrypt(Buffer.concat(chunks), { version: 'aes128gcm', privateKey: device.ecdh, authSecret: device.auth.toString('base64url') });
        payload = JSON.parse(plain.toString('utf8'));
      } catch (error) {
        return refuse(400, `does not decrypt: ${String(error)}`);
      }
      received.push({ path, ttl: header(request, 'ttl'), urgency: header(request, 'urgency'), claims, vapidKey: key, payload });
      response.writeHead(201, { location: `${path}/message/${received.length}` }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    received,
    refused,
    /** A new browser subscription (its JSON form), pointing at this receiver. */
    subscription() {
      const ecdh = crypto.createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = crypto.randomBytes(16);
      const path = `/push/${crypto.randomUUID()}`;
      devices.set(path, { ecdh, auth });
      return { endpoint: `${origin}${path}`, expirationTime: null, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } };
    },
    /** The subscription unsubscribed in the browser: the service answers 410 Gone from now on. */
    markGone(endpoint: string) {
      gone.add(new URL(endpoint).pathname);
    },
    failOnce() {
      failNext += 1;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function header(request: http.IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The JWT's claims if its ES256 signature verifies with the uncompressed P-256 key `k`. */
function verifiedClaims(token: string, k: string): { aud: string; exp: number; sub: string } | null {
  const [head, body, signature] = token.split('.');
  if (!head || !body || !signature) return null;
  const point = Buffer.from(k, 'base64url');
  if (point.length !== 65 || point[0] !== 4) return null;
  const key = crypto.createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') }, format: 'jwk' });
  const ok = crypto.verify('sha256', Buffer.from(`${head}.${body}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
  if (!ok || JSON.parse(Buffer.from(head, 'base64url').toString()).alg !== 'ES256') return null;
  return JSON.parse(Buffer.from(body, 'base64url').toString()) as { aud: string; exp: number; sub: string };
}
