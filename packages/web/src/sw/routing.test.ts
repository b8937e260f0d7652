import { describe, expect, it } from 'vitest';
import * as pages from '../shared/device-copy';
import { dataCacheName, forgetMessage, routeRequest, savedAtHeader, staleShellCaches, type RequestFacts } from './routing';

const origin = 'https://tandem.example';
const shell = new Set(['/index.html', '/assets/client-1a2b3c.js', '/manifest.webmanifest']);

function route(url: string, overrides: Partial<RequestFacts> = {}) {
  return routeRequest({ method: 'GET', url: `${origin}${url}`, origin, navigate: false, shell, ...overrides });
}

describe('routeRequest', () => {
  it.each([
    ['/', 'page'],
    ['/programme/getting-active/activity-diary', 'page'],
    ['/help', 'page'],
    ['/staff/', 'pass'],
    ['/staff', 'pass'],
    ['/staff/clients/123', 'pass'],
    ['/api/me', 'pass'],
    ['/sw.js', 'pass'],
    ['/dev/outbox', 'pass'],
  ])('a page load of %s → %s', (url, expected) => {
    expect(route(url, { navigate: true })).toBe(expected);
  });

  it.each([
    ['/api/me', 'data'],
    ['/api/me/programme', 'data'],
    ['/api/programme?locale=en', 'data'],
    ['/api/exercise-entries', 'data'],
    ['/api/auth/sign-in', 'pass'],
    ['/api/auth', 'pass'],
    ['/api/health', 'pass'],
    ['/api/openapi.json', 'pass'],
    ['/api/me/data', 'pass'],
    ['/api/me/data.html', 'pass'],
    ['/assets/client-1a2b3c.js', 'shell'],
    ['/manifest.webmanifest', 'shell'],
    // Not part of this build's client shell (a practitioner chunk, an old build's file).
    ['/assets/staff-9z8y7x.js', 'pass'],
    ['/staff/assets/x.js', 'pass'],
  ])('a request for %s → %s', (url, expected) => {
    expect(route(url)).toBe(expected);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('passes every %s (writes go through the outbox, never a cache)', (method) => {
    expect(route('/api/me/programme', { method })).toBe('pass');
  });

  it('passes requests to other origins', () => {
    expect(routeRequest({ method: 'GET', url: 'https://elsewhere.example/api/me', origin, navigate: false, shell })).toBe('pass');
  });
});

describe('staleShellCaches', () => {
  it('deletes every other build’s shell and nothing else', () => {
    const names = ['tandem-shell-20261126T0400-aaa', 'tandem-shell-20261126T0500-bbb', 'tandem-data', 'other'];
    expect(staleShellCaches(names, 'tandem-shell-20261126T0500-bbb')).toEqual(['tandem-shell-20261126T0400-aaa']);
    expect(staleShellCaches(['tandem-data'], 'tandem-shell-x')).toEqual([]);
  });
});

describe('names shared with the pages', () => {
  it('are the same on both sides', () => {
    expect(savedAtHeader).toBe(pages.savedAtHeader);
    expect(dataCacheName).toBe(pages.dataCacheName);
    expect(forgetMessage).toBe(pages.forgetMessage);
  });
});
