import { describe, expect, it } from 'vitest';
import { pushSupport, type BrowserFacts } from './push-device';

const iPhone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const iPadDesktop = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const android = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';
const everything = { serviceWorker: true, pushManager: true, notification: true };
const none = { serviceWorker: true, pushManager: false, notification: false };

describe('pushSupport', () => {
  it.each<[string, BrowserFacts, string]>([
    ['Chrome on Android', { userAgent: android, maxTouchPoints: 5, standalone: false, ...everything }, 'supported'],
    ['Safari on an iPhone, in the browser', { userAgent: iPhone, maxTouchPoints: 5, standalone: false, ...none }, 'home-screen'],
    ['Safari on an iPhone, from the Home Screen', { userAgent: iPhone, maxTouchPoints: 5, standalone: true, ...everything }, 'supported'],
    ['an iPad asking for desktop pages (Mac user agent, touch screen)', { userAgent: iPadDesktop, maxTouchPoints: 5, standalone: false, ...none }, 'home-screen'],
    ['an iPad from the Home Screen', { userAgent: iPadDesktop, maxTouchPoints: 5, standalone: true, ...everything }, 'supported'],
    ['Safari on a Mac (no touch screen)', { userAgent: iPadDesktop, maxTouchPoints: 0, standalone: false, ...everything }, 'supported'],
    ['a Mac with one touch point reported', { userAgent: iPadDesktop, maxTouchPoints: 1, standalone: false, ...everything }, 'supported'],
    ['an iPhone on the Home Screen with an old iOS (no push)', { userAgent: iPhone, maxTouchPoints: 5, standalone: true, ...none }, 'unsupported'],
    ['a browser without a service worker', { userAgent: android, maxTouchPoints: 5, standalone: false, ...everything, serviceWorker: false }, 'unsupported'],
    ['a browser without notifications', { userAgent: android, maxTouchPoints: 5, standalone: false, ...everything, notification: false }, 'unsupported'],
  ])('%s → %s', (_, facts, expected) => {
    expect(pushSupport(facts)).toBe(expected);
  });
});
