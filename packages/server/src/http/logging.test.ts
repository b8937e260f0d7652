import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('request logs (HAZ-005)', () => {
  it('carry the request id, method, path and status — and nothing the user sent', async () => {
    const secret = 'I-feel-hopeless-7f3a';
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/health?note=${secret}`,
      payload: { note: secret },
      headers: { cookie: `tandem_session=${secret}`, authorization: `Bearer ${secret}`, 'x-note': secret },
    });
    const requestId = res.headers['x-request-id'];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const logs = t.logs();
    expect(logs).not.toContain(secret);
    const lines = logs.trim().split('\n').map((line) => JSON.parse(line));
    const mine = lines.filter((line) => line.reqId === requestId);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine).toContainEqual(expect.objectContaining({ req: { method: 'POST', path: '/api/health' } }));
    expect(mine).toContainEqual(expect.objectContaining({ res: { statusCode: res.statusCode } }));
  });
});
