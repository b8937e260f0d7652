import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect, test } from '@playwright/test';

/**
 * Checks on the production build (deterministic, no timing): a client never downloads
 * practitioner code, and the client app's initial JavaScript stays within its budget.
 */
const dist = path.resolve(import.meta.dirname, '../dist');
const manifest: Record<string, { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean }> = JSON.parse(
  fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'),
);
const chunkModules: Record<string, string[]> = JSON.parse(fs.readFileSync(path.join(dist, '.vite/chunk-modules.json'), 'utf8'));

/** The files a page loads up front: its entry and everything it imports statically. */
function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const walk = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) walk(next);
  };
  walk(entry);
  return [...seen].map((key) => manifest[key]!.file);
}

/** Everything a page could ever load, including lazy chunks. */
function fullClosure(entry: string): string[] {
  const seen = new Set<string>();
  const walk = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of [...(manifest[key]?.imports ?? []), ...(manifest[key]?.dynamicImports ?? [])]) walk(next);
  };
  walk(entry);
  return [...seen].map((key) => manifest[key]!.file);
}

test.describe('client bundle', () => {

  test('contains no practitioner module, eagerly or lazily', () => {
    const modules = fullClosure('index.html').flatMap((file) => chunkModules[file] ?? []);
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.filter((m) => m.startsWith('src/practitioner/') || m.endsWith('/practitioner.json'))).toEqual([]);
    // The control: the staff entry does contain practitioner code, so the check can see it.
    const staff = fullClosure('staff/index.html').flatMap((file) => chunkModules[file] ?? []);
    expect(staff.some((m) => m.startsWith('src/practitioner/'))).toBe(true);
  });

  test('does not ship the schema library (the server validates; the client imports types and small helpers)', () => {
    const modules = fullClosure('index.html').flatMap((file) => chunkModules[file] ?? []);
    expect(modules.filter((m) => m.includes('node_modules/zod'))).toEqual([]);
    const staff = fullClosure('staff/index.html').flatMap((file) => chunkModules[file] ?? []);
    expect(staff.some((m) => m.includes('node_modules/zod'))).toBe(true);
  });

  test('initial JavaScript is at most 150 KB gzipped', () => {
    const bytes = staticClosure('index.html')
      .filter((file) => file.endsWith('.js'))
      .reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length, 0);
    test.info().annotations.push({ type: 'client initial JS (gzip)', description: `${(bytes / 1024).toFixed(1)} KB` });
    expect(bytes).toBeGreaterThan(1000);
    expect(bytes).toBeLessThanOrEqual(150 * 1024);
  });
});

test.describe('client service worker', () => {
  const build: { version: string; shell: string[] } = JSON.parse(fs.readFileSync(path.join(dist, '.vite/service-worker.json'), 'utf8'));
  const worker = fs.readFileSync(path.join(dist, 'sw.js'), 'utf8');

  test('is one classic script with this build’s shell written in', () => {
    // A worker registered as a classic script cannot import: a chunk shared with the pages would break it.
    expect(worker).not.toMatch(/\bimport\s*[{*(`'"]|\bexport\s*[{*]/);
    expect(worker).not.toContain('__TANDEM_BUILD__');
    expect(worker).toContain(build.version);
    expect(build.shell).toEqual(expect.arrayContaining(['/index.html', '/manifest.webmanifest', '/icons/icon-192.png', `/${manifest['index.html']!.file}`]));
    for (const file of build.shell) expect(fs.existsSync(path.join(dist, file)), `${file} is built`).toBe(true);
  });

  test('keeps every file the client app can load, and no practitioner code, on the phone', () => {
    const shell = new Set(build.shell.map((file) => file.slice(1)));
    for (const file of fullClosure('index.html')) expect(shell.has(file), `${file} is kept`).toBe(true);
    expect(shell.has('staff/index.html')).toBe(false);
    const modules = [...shell].flatMap((file) => chunkModules[file] ?? []);
    expect(modules.filter((m) => m.startsWith('src/practitioner/') || m.endsWith('/practitioner.json'))).toEqual([]);
  });
});
