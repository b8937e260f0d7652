import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app';

let t: TestApp;
let dist: string;

/** Text that compresses well, as the build's bundles do; each file's own so a mix-up shows. */
const text = (name: string) => `/* ${name} */\n` + `export const line = ${JSON.stringify(name)};\n`.repeat(200);
const files = {
  'index.html': `<!doctype html><title>client</title>${text('client page')}`,
  'staff/index.html': `<!doctype html><title>staff</title>${text('staff page')}`,
  'assets/app-1a2b3c.js': text('app'),
  'sw.js': text('worker'),
  // Under the build's size threshold: no compressed copies.
  'assets/tiny-4d5e6f.js': 'export {};',
};

/** Writes `name` and, unless it is tiny, its brotli and gzip copies as the web build does. */
function writeBuilt(name: string, body: string) {
  const file = path.join(dist, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, body);
  if (body.length < 1024) return;
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(body));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
}

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-dist-'));
  for (const [name, body] of Object.entries(files)) writeBuilt(name, body);
  t = await createTestApp({ env: { WEB_DIST_DIR: dist } });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

/** A GET whose body is kept as bytes (inject would decode them as UTF-8 text). */
async function get(url: string, acceptEncoding?: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });
  return { res, bytes: res.rawPayload };
}

const decoders: Record<string, (b: Buffer) => Buffer> = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync };

describe('precompressed web files', () => {
  it.each([
    ['/assets/app-1a2b3c.js', 'assets/app-1a2b3c.js', 'javascript', 'public, max-age=31536000, immutable'],
    ['/sw.js', 'sw.js', 'javascript', 'no-cache'],
    ['/', 'index.html', 'text/html', 'no-cache'],
    ['/check-in', 'index.html', 'text/html', 'no-cache'],
    ['/staff/caseload', 'staff/index.html', 'text/html', 'no-cache'],
  ])('sends %s as brotli or gzip when accepted, the file itself otherwise', async (url, name, type, cacheControl) => {
    const original = Buffer.from(files[name as keyof typeof files]);
    for (const [accept, encoding] of [
      ['br', 'br'],
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
    ] as const) {
      const { res, bytes } = await get(url, accept);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding'], accept).toBe(encoding);
      expect(String(res.headers['content-type'])).toContain(type);
      expect(res.headers.vary).toContain('accept-encoding');
      expect(res.headers['cache-control']).toBe(cacheControl);
      expect(Number(res.headers['content-length'])).toBe(bytes.length);
      expect(bytes.length).toBeLessThan(original.length / 2);
      expect(decoders[encoding]!(bytes).equals(original)).toBe(true);
    }
    for (const accept of [undefined, 'identity', 'deflate']) {
      const { res, bytes } = await get(url, accept);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding'], String(accept)).toBeUndefined();
      expect(res.headers.vary).toContain('accept-encoding');
      expect(bytes.equals(original)).toBe(true);
    }
  });

  it('keeps the page headers (CSP) on a compressed page', async () => {
    const { res } = await get('/', 'br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('sends a file without compressed copies as it is', async () => {
    const { res, bytes } = await get('/assets/tiny-4d5e6f.js', 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(bytes.toString()).toBe(files['assets/tiny-4d5e6f.js']);
  });

  it('does not serve the compressed copies under their own names', async () => {
    for (const url of ['/assets/app-1a2b3c.js.br', '/assets/app-1a2b3c.js.gz', '/index.html.br']) {
      const { res } = await get(url, 'br, gzip');
      expect(res.statusCode, url).toBe(404);
    }
  });
});
