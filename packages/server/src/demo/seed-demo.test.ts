import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../test/factories';
import { createTestApp, type TestApp } from '../test/test-app';
import { demoClients, demoPassword, demoStaff } from './demo-data';
import { formatDemoSignIns, seedDemo } from './seed-demo';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the demo organisation', () => {
  it('is seeded once, clearly labelled, with six weeks of varied check-ins up to now', async () => {
    const first = await seedDemo(t.database.db, t.clock);
    expect(first.created).toBe(true);
    expect((await seedDemo(t.database.db, t.clock)).created).toBe(false);

    const orgs = await t.database.db.selectFrom('organisation').select(['name', 'is_demo', 'time_zone']).execute();
    expect(orgs).toEqual([{ name: expect.stringContaining('demo data'), is_demo: true, time_zone: 'Europe/London' }]);
    expect(await t.database.db.selectFrom('site').select('id').execute()).toHaveLength(1);
    const staff = await t.database.db.selectFrom('staff').select(['roles']).execute();
    expect(staff.map((s) => s.roles.join('+')).sort()).toEqual(['admin', 'practitioner', 'practitioner', 'supervisor+practitioner'].sort());
    expect(await t.database.db.selectFrom('client').select('id').execute()).toHaveLength(6);

    const checkIns = await t.database.db.selectFrom('check_in').select(['recorded_at', 'mood']).execute();
    const now = t.clock.now().getTime();
    const oldest = Math.min(...checkIns.map((c) => c.recorded_at.getTime()));
    expect(checkIns.length).toBeGreaterThan(150);
    expect(checkIns.every((c) => c.recorded_at.getTime() <= now)).toBe(true);
    expect((now - oldest) / (24 * 3600_000)).toBeGreaterThan(40);
    expect(new Set(checkIns.map((c) => c.mood)).size).toBeGreaterThanOrEqual(7);
  });

  it('lets every demo person sign in with the printed password', async () => {
    const text = formatDemoSignIns(await seedDemo(t.database.db, t.clock));
    for (const person of [...demoStaff, ...demoClients]) {
      expect(text).toContain(person.email);
      await signInAs(t.app, t.config.publicOrigin, person.email, { password: demoPassword });
    }
    expect(text).toContain(demoPassword);
  });

  it('gives the demo practitioner a caseload whose trends differ: improving, steady, lower, quiet', async () => {
    const cookie = await signInAs(t.app, t.config.publicOrigin, 'priya.shah@demo.tandem.test', { password: demoPassword });
    const res = await t.app.inject({ method: 'GET', url: '/api/clients', headers: { cookie } });
    const lines = res.json().clients as { familyName: string; lastCheckInAt: string | null; moodTrend: { mood: number | null }[] }[];
    expect(lines.map((l) => l.familyName)).toEqual(['Lee', 'Morgan', 'Patel', 'Walker']);
    const quiet = lines.find((l) => l.familyName === 'Walker')!;
    expect(t.clock.now().getTime() - new Date(quiet.lastCheckInAt!).getTime()).toBeGreaterThan(8 * 24 * 3600_000);
    const mean = (xs: (number | null)[]) => {
      const v = xs.filter((x): x is number => x !== null);
      return v.reduce((a, b) => a + b, 0) / v.length;
    };
    const patel = lines.find((l) => l.familyName === 'Patel')!.moodTrend.map((d) => d.mood);
    expect(mean(patel.slice(-5))).toBeLessThan(mean(patel.slice(0, 5)));
  });

  it('sets service hours, a duty rota with no gaps in opening hours, and a risk policy naming the lead', async () => {
    const cookie = await signInAs(t.app, t.config.publicOrigin, 'admin@demo.tandem.test', { password: demoPassword });
    const site = await t.database.db.selectFrom('site').select('id').executeTakeFirstOrThrow();
    const duty = (await t.app.inject({ method: 'GET', url: `/api/sites/${site.id}/duty`, headers: { cookie } })).json();
    expect(duty.hours.weekly.monday).toEqual([{ opens: '09:00', closes: '17:00' }]);
    expect(duty.problems).toEqual([]);
    const policy = (await t.app.inject({ method: 'GET', url: '/api/organisation/risk-policy', headers: { cookie } })).json();
    expect(policy).toMatchObject({ isDefault: false, policy: { escalationStaffId: duty.hours.siteLeadStaffId } });
  });
});
