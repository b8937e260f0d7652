import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff, signInAs } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

// The test clock starts on Monday 2026-03-02 at 09:00 UTC (London, GMT).
let t: TestApp;
let origin: string;
const w = {} as { p1: Awaited<ReturnType<typeof makeStaff>>; client: Awaited<ReturnType<typeof makeClient>> };

beforeAll(async () => {
  t = await createTestApp();
  origin = t.config.publicOrigin;
  const now = t.clock.now();
  const org = await makeOrganisation(t.database.db, now);
  w.p1 = await makeStaff(t.database.db, now, org.id, ['practitioner']);
  w.client = await makeClient(t.database.db, now, org.id, [w.p1.id]);
});
afterAll(() => t.close());

async function as(person: { email: string }) {
  const cookie = await signInAs(t.app, origin, person.email);
  return {
    put: (url: string, payload: object) => t.app.inject({ method: 'PUT', url, headers: { origin, cookie }, payload }),
    get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
  };
}

describe('mood prompts', () => {
  it('start as three a day in week one; the client changes them, with quiet hours; the practitioner sees and can change them', async () => {
    const client = await as(w.client);
    const initial = (await client.get('/api/me/mood-schedule')).json();
    expect(initial).toMatchObject({
      isDefault: true,
      version: 0,
      timeZone: 'Europe/London',
      schedule: { weekOneTimes: ['09:00', '14:00', '19:30'], laterTimes: ['19:30'], quietHours: null, startsOn: '2026-03-02' },
      // 09:00 exactly is now: the next prompt is the afternoon one.
      nextPromptAt: '2026-03-02T14:00:00.000Z',
    });
    const schedule = { ...initial.schedule, weekOneTimes: ['08:00', '12:30', '21:00'], quietHours: { start: '20:00', end: '08:30' } };
    const set = await client.put('/api/me/mood-schedule', { schedule, version: 0 });
    expect(set.statusCode).toBe(200);
    // 08:00 and 21:00 fall in quiet hours: the next prompt is 12:30.
    expect(set.json()).toMatchObject({ isDefault: false, version: 1, nextPromptAt: '2026-03-02T12:30:00.000Z' });

    const p1 = await as(w.p1);
    expect((await p1.get(`/api/clients/${w.client.id}/mood-schedule`)).json()).toMatchObject({ version: 1, schedule: { quietHours: { start: '20:00', end: '08:30' } } });
    const stale = await p1.put(`/api/clients/${w.client.id}/mood-schedule`, { schedule: initial.schedule, version: 0 });
    expect(stale.json().error.code).toBe('write.stale_version');
    expect((await p1.put(`/api/clients/${w.client.id}/mood-schedule`, { schedule: initial.schedule, version: 1 })).json()).toMatchObject({ version: 2 });
  });

  it('refuses more than six prompts a day, nothing changed', async () => {
    const client = await as(w.client);
    const current = (await client.get('/api/me/mood-schedule')).json();
    const seven = ['08:00', '10:00', '12:00', '14:00', '16:00', '18:00', '20:00'];
    const res = await client.put('/api/me/mood-schedule', { schedule: { ...current.schedule, laterTimes: seven }, version: current.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toContain('laterTimes');
    expect((await client.get('/api/me/mood-schedule')).json().version).toBe(current.version);
  });
});
