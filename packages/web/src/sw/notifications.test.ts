import { pushPayload, pushKinds } from '@tandem/domain';
import { describe, expect, it } from 'vitest';
import { clientAppPath, fallbackNotification, noticeFromPush, windowToFocus } from './notifications';

const origin = 'https://tandem.example';

describe('noticeFromPush', () => {
  it.each(pushKinds)('shows the server’s own words for a %s push', (kind) => {
    const payload = pushPayload(kind);
    expect(noticeFromPush(JSON.stringify(payload), origin)).toEqual({ title: payload.title, body: payload.body, tag: payload.tag, path: payload.url });
  });

  it.each([
    ['no payload', null],
    ['not JSON', 'You have a new message'],
    ['JSON that is not an object', '"Tandem"'],
    ['null', 'null'],
    ['no body', JSON.stringify({ title: 'Tandem', url: '/' })],
    ['a body that is not words', JSON.stringify({ title: 'Tandem', body: 42 })],
    ['an empty title', JSON.stringify({ title: ' ', body: 'Hello' })],
  ])('shows the generic words for %s', (_, text) => {
    expect(noticeFromPush(text, origin)).toEqual({ ...fallbackNotification, tag: undefined, path: '/' });
  });

  it('keeps a tap inside the client app whatever the payload names', () => {
    expect(noticeFromPush(JSON.stringify({ title: 'Tandem', body: 'Hi', url: 'https://evil.example/' }), origin).path).toBe('/');
    expect(noticeFromPush(JSON.stringify({ title: 'Tandem', body: 'Hi', url: '/messages' }), origin).path).toBe('/messages');
  });

  it('cuts words longer than a notification should be, and leaves out a tag that is not a string', () => {
    const notice = noticeFromPush(JSON.stringify({ title: 'T'.repeat(200), body: 'B'.repeat(500), tag: 7 }), origin);
    expect(notice.title).toHaveLength(80);
    expect(notice.body).toHaveLength(240);
    expect(notice.tag).toBeUndefined();
  });

  it('the generic words say nothing clinical', () => {
    expect(`${fallbackNotification.title} ${fallbackNotification.body}`).not.toMatch(/mood|depress|score|risk|therap|session|feel/i);
  });
});

describe('clientAppPath', () => {
  it.each([
    ['/', '/'],
    ['/messages', '/messages'],
    ['/programme/getting-active/activity-diary?from=push#top', '/programme/getting-active/activity-diary?from=push#top'],
    [`${origin}/check-in`, '/check-in'],
    // The practitioner app, the API, development pages and files are not where a tap goes.
    ['/staff/', '/'],
    ['/staff', '/'],
    ['/staff/clients/1', '/'],
    ['/api/me', '/'],
    ['/dev/outbox', '/'],
    ['/sw.js', '/'],
    // Another site, however it is written.
    ['https://evil.example/messages', '/'],
    ['//evil.example/messages', '/'],
    ['/\\evil.example/messages', '/'],
    ['http://tandem.example/messages', '/'],
    ['javascript:alert(1)', '/'],
    ['', '/'],
    [42, '/'],
    [null, '/'],
  ])('%s → %s', (url, expected) => {
    expect(clientAppPath(url, origin)).toBe(expected);
  });
});

describe('windowToFocus', () => {
  it('brings forward the first client-app window of this origin', () => {
    expect(windowToFocus([`${origin}/staff/worklist`, 'https://other.example/', `${origin}/progress`, `${origin}/`], origin)).toBe(2);
  });

  it('opens a new window when only the practitioner app or nothing is open', () => {
    expect(windowToFocus([`${origin}/staff/`], origin)).toBe(-1);
    expect(windowToFocus([], origin)).toBe(-1);
    expect(windowToFocus(['not a url'], origin)).toBe(-1);
  });
});
