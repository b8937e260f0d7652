import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../test/factories';
import { createTestApp, type TestApp } from '../test/test-app';
import { demoPassword } from './demo-data';
import { seedDemo } from './seed-demo';

// The test clock: Monday 2026-03-02 09:00 UTC (09:00 in London). Lee's follow-up was raised
// yesterday, so it was due by the end of that day (midnight London).
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, t.clock);
});
afterAll(() => t.close());

async function worklistOf(email: string) {
  const cookie = await signInAs(t.app, t.config.publicOrigin, email, { password: demoPassword });
  const res = await t.app.inject({ method: 'GET', url: '/api/worklist', headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { lines: { client: { familyName: string }; reasons: Record<string, unknown>[] }[] };
}
const summary = (worklist: Awaited<ReturnType<typeof worklistOf>>) =>
  Object.fromEntries(worklist.lines.map((l) => [l.client.familyName, l.reasons.map((r) => r.kind)]));

describe('the demo worklist', () => {
  it('shows Priya Shah each seeded reason, most pressing first', async () => {
    const worklist = await worklistOf('priya.shah@demo.tandem.test');
    expect(worklist.lines.map((l) => l.client.familyName)).toEqual(['Patel', 'Lee', 'Morgan', 'Walker']);
    expect(summary(worklist)).toEqual({
      Patel: ['risk_alert', 'reliable_deterioration'],
      Lee: ['missed_after_alert', 'session_tomorrow'],
      Morgan: ['session_today', 'feedback_waiting'],
      Walker: ['homework_overdue', 'no_activity'],
    });
    const reasons = (name: string) => worklist.lines.find((l) => l.client.familyName === name)!.reasons;
    expect(reasons('Patel')).toEqual([
      { kind: 'risk_alert', count: 1, tier: 'immediate', dueAt: expect.any(String), overdue: false },
      { kind: 'reliable_deterioration', measures: [{ instrument: 'phq9', first: 8, last: 15 }] },
    ]);
    expect(reasons('Lee')).toEqual([
      { kind: 'missed_after_alert', dueAt: '2026-03-02T00:00:00.000Z', overdue: true },
      { kind: 'session_tomorrow', startsAt: '2026-03-03T10:00:00.000Z', appointmentId: expect.any(String) },
    ]);
    expect(reasons('Morgan')).toEqual([
      { kind: 'session_today', startsAt: '2026-03-02T10:00:00.000Z', appointmentId: expect.any(String) },
      { kind: 'feedback_waiting', count: 1, since: '2026-03-02T07:00:00.000Z' },
    ]);
    expect(reasons('Walker')).toEqual([
      { kind: 'homework_overdue', dueOn: '2026-02-28' },
      { kind: 'no_activity', days: 10, lastActivityAt: '2026-02-20T08:32:00.000Z' },
    ]);
  });

  it('shows the supervisor both practitioners’ clients, those with no reason last, by name', async () => {
    const worklist = await worklistOf('grace.okoro@demo.tandem.test');
    expect(worklist.lines.map((l) => l.client.familyName)).toEqual(['Patel', 'Lee', 'Morgan', 'Walker', 'Brown', 'Evans']);
    expect(summary(worklist)).toMatchObject({ Brown: [], Evans: [] });
  });
});
