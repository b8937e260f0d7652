import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff } from '../../test/factories';
import { sessionOf } from '../../test/sessions';
import { createTestApp, type TestApp } from '../../test/test-app';

// The test clock starts on Monday 2026-03-02 at 09:00 UTC; the programme is the real one in content/.
let t: TestApp;
const w = {} as {
  p1: Awaited<ReturnType<typeof makeStaff>>;
  p2: Awaited<ReturnType<typeof makeStaff>>;
  client: Awaited<ReturnType<typeof makeClient>>;
};

beforeAll(async () => {
  t = await createTestApp();
  const now = t.clock.now();
  const org = await makeOrganisation(t.database.db, now);
  w.p1 = await makeStaff(t.database.db, now, org.id, ['practitioner']);
  w.p2 = await makeStaff(t.database.db, now, org.id, ['practitioner']);
  w.client = await makeClient(t.database.db, now, org.id, [w.p1.id]);
});
afterAll(() => t.close());

const as = (person: { email: string }) => sessionOf(t, person);
const done = (recordedAt = '2026-03-02T08:55:00Z') => ({ contentVersion: '1.0.0', recordedAt });

describe('the programme', () => {
  it('is published to anyone, signed in or not: modules in order, each step with its title and minutes, marked not yet reviewed', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/programme' });
    expect(res.statusCode).toBe(200);
    const { modules } = res.json();
    expect(modules.map((m: { id: string }) => m.id).slice(0, 4)).toEqual(['understanding-depression', 'getting-active', 'thinking-differently', 'staying-well']);
    expect(modules[0]).toMatchObject({ core: true, language: 'en', translation: 'original', review: null, title: 'Understanding depression' });
    expect(modules[0].steps[0]).toMatchObject({ id: 'what-depression-is', title: 'What depression is', minutes: 3, exercise: null });
    expect(modules[0].minutes).toBe(modules[0].steps.reduce((n: number, s: { minutes: number }) => n + s.minutes, 0));
  });

  it('gives a step’s text, falling back to English for a language the module does not have', async () => {
    const step = await t.app.inject({ method: 'GET', url: '/api/programme/modules/understanding-depression/steps/what-depression-is?locale=pl-PL' });
    expect(step.json()).toMatchObject({ language: 'en', version: '1.0.0', reviewed: false, title: 'What depression is', exercise: null });
    expect(step.json().markdown).toMatch(/^# What depression is/);
    expect((await t.app.inject({ method: 'GET', url: '/api/programme/modules/understanding-depression/steps/no-such-step' })).json().error.code).toBe('programme.step_not_found');
    // The first module has a machine-written Arabic version, marked as such; other modules fall back.
    const arabic = (await t.app.inject({ method: 'GET', url: '/api/programme/modules/understanding-depression/steps/what-depression-is?locale=ar' })).json();
    expect(arabic).toMatchObject({ language: 'ar', translation: 'machine-unreviewed' });
    expect(arabic.markdown).toMatch(/^# \S/);
    const modules = (await t.app.inject({ method: 'GET', url: '/api/programme?locale=ar' })).json().modules;
    expect(modules.map((m: { language: string }) => m.language).slice(0, 2)).toEqual(['ar', 'en']);
  });
});

describe('progress', () => {
  it('starts at the first step; finishing steps moves the next step on and opens the next module when one is done', async () => {
    const client = await as(w.client);
    const start = (await client.get('/api/me/programme')).json();
    expect(start).toMatchObject({ done: [], openModules: ['understanding-depression'], nextStep: { moduleId: 'understanding-depression', stepId: 'what-depression-is', minutes: 3 } });
    const steps = (await t.app.inject({ method: 'GET', url: '/api/programme' })).json().modules[0].steps.map((s: { id: string }) => s.id) as string[];
    for (const stepId of steps) {
      const res = await client.put(`/api/me/programme/steps/understanding-depression/${stepId}`, done());
      expect(res.statusCode, res.body).toBe(200);
    }
    const after = (await client.get('/api/me/programme')).json();
    expect(after.openModules).toEqual(['understanding-depression', 'getting-active']);
    expect(after.nextStep).toMatchObject({ moduleId: 'getting-active', stepId: 'why-doing-helps' });
    // Sent again (a retry), nothing changes; the first time counts.
    const again = await client.put(`/api/me/programme/steps/understanding-depression/${steps[0]}`, { contentVersion: '1.0.0', recordedAt: '2026-03-02T08:58:00Z' });
    expect(again.json().done.find((d: { stepId: string }) => d.stepId === steps[0]).recordedAt).toBe('2026-03-02T08:55:00.000Z');
    expect((await client.put('/api/me/programme/steps/understanding-depression/no-such-step', done())).statusCode).toBe(404);

    // The care team sees it; a practitioner outside it does not.
    expect((await (await as(w.p1)).get(`/api/clients/${w.client.id}/programme`)).json().done).toHaveLength(steps.length);
    expect((await (await as(w.p2)).get(`/api/clients/${w.client.id}/programme`)).statusCode).toBe(404);
  });
});
