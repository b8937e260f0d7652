import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app';
import { testEngine } from '../test/test-database';

let t: TestApp;
let dist: string;
beforeAll(async () => {
  // A real built-app layout on disk: the client app at /, the practitioner app at /staff/.
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-dist-'));
  fs.mkdirSync(path.join(dist, 'staff'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>client</title>');
  fs.writeFileSync(path.join(dist, 'staff', 'index.html'), '<!doctype html><title>staff</title>');
  fs.writeFileSync(path.join(dist, 'assets', 'app-1a2b3c.js'), 'export {};');
  t = await createTestApp({ env: { WEB_DIST_DIR: dist } });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('GET /api/health', () => {
  it('reports database connectivity and the engine', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'ok', engine: testEngine });
  });
});

describe('headers (HAZ-006, HAZ-007)', () => {
  it('sends a strict Content-Security-Policy without inline script on pages', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it.each(['/api/health', '/api/openapi.json', '/api/no-such-thing'])('marks %s no-store', async (url) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('the web app on the same origin', () => {
  it.each([
    ['/', 'client'],
    ['/check-in', 'client'],
    ['/staff/', 'staff'],
    ['/staff', 'staff'],
    ['/staff/caseload', 'staff'],
  ])('serves %s from the %s app, revalidated on every load', async (url, app) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<title>${app}</title>`);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('caches hashed assets for a year', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/app-1a2b3c.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers a missing asset or API path with the error shape, not a page', async () => {
    for (const url of ['/assets/missing.js', '/api/missing']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'request.not_found', message: 'Nothing is here.' } });
    }
  });
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3 document generated from the zod schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const health = doc.paths['/api/health'].get;
    const resolve = (response: { content: { 'application/json': { schema: { $ref: string } } } }) =>
      doc.components.schemas[response.content['application/json'].schema.$ref.replace('#/components/schemas/', '')];
    expect(resolve(health.responses['200']).properties.engine.enum).toEqual(['pglite', 'postgres']);
    expect(resolve(health.responses['503']).properties.error.properties.code.enum).toContain('database.unavailable');
  });
});
