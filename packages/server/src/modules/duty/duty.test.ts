import { newId } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrganisation, makeStaff, signInAs } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

// 2026-03-02 is a Monday; the test clock starts at 09:00 UTC (09:00 in London, GMT).
let t: TestApp;
let origin: string;
const w = {} as {
  org: Awaited<ReturnType<typeof makeOrganisation>>;
  admin: Awaited<ReturnType<typeof makeStaff>>;
  lead: Awaited<ReturnType<typeof makeStaff>>;
  duty1: Awaited<ReturnType<typeof makeStaff>>;
  duty2: Awaited<ReturnType<typeof makeStaff>>;
};

const nineToFive = [{ opens: '09:00', closes: '17:00' }];
const weekdays = { monday: nineToFive, tuesday: nineToFive, wednesday: nineToFive, thursday: nineToFive, friday: nineToFive };

beforeAll(async () => {
  t = await createTestApp();
  origin = t.config.publicOrigin;
  const now = t.clock.now();
  w.org = await makeOrganisation(t.database.db, now);
  w.admin = await makeStaff(t.database.db, now, w.org.id, ['admin']);
  w.lead = await makeStaff(t.database.db, now, w.org.id, ['practitioner', 'supervisor']);
  w.duty1 = await makeStaff(t.database.db, now, w.org.id, ['practitioner']);
  w.duty2 = await makeStaff(t.database.db, now, w.org.id, ['practitioner']);
});
afterAll(() => t.close());

async function as(person: { email: string }) {
  const cookie = await signInAs(t.app, origin, person.email);
  return {
    post: (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: { origin, cookie }, payload }),
    get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
  };
}

const period = (staffId: string, startsAt: string, endsAt: string) => ({ id: newId(t.clock.now()), staffId, startsAt, endsAt });

describe('service hours and the duty rota', () => {
  it('an admin sets hours and a rota; gaps are reported, overlaps refused; cover follows the rota, then the lead', async () => {
    const admin = await as(w.admin);
    const hours = await admin.post(`/api/sites/${w.org.siteId}/hours`, { weekly: weekdays, closureDates: ['2026-04-06'], siteLeadStaffId: w.lead.id });
    expect(hours.statusCode).toBe(200);
    expect(hours.json().hours).toMatchObject({ closureDates: ['2026-04-06'], siteLeadStaffId: w.lead.id });
    // No rota yet: every opening hour is a gap, reported; an alert now goes to the site lead.
    expect(hours.json().problems.filter((p: { kind: string }) => p.kind === 'gap').length).toBeGreaterThan(0);
    expect(hours.json().coverNow).toMatchObject({ recipient: w.lead.id, reason: 'site_lead', outOfHours: false });

    const rota = await admin.post(`/api/sites/${w.org.siteId}/rota`, {
      periods: [period(w.duty1.id, '2026-03-02T09:00:00Z', '2026-03-02T13:00:00Z'), period(w.duty2.id, '2026-03-02T13:00:00Z', '2026-03-02T17:00:00Z')],
    });
    expect(rota.statusCode).toBe(200);
    expect(rota.json().rota).toHaveLength(2);
    expect(rota.json().coverNow).toMatchObject({ recipient: w.duty1.id, reason: 'duty' });
    const todayGaps = rota.json().problems.filter((p: { kind: string; startsAt: string }) => p.kind === 'gap' && p.startsAt.startsWith('2026-03-02'));
    expect(todayGaps).toEqual([]);

    const clash = await admin.post(`/api/sites/${w.org.siteId}/rota`, { periods: [period(w.lead.id, '2026-03-02T12:00:00Z', '2026-03-02T14:00:00Z')] });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('duty.rota_overlap');
    expect((await admin.get(`/api/sites/${w.org.siteId}/duty`)).json().rota).toHaveLength(2);

    // The duty practitioner marks themself away: cover goes to the site lead.
    const duty1 = await as(w.duty1);
    const away = await duty1.post('/api/me/away', { id: newId(t.clock.now()), from: '2026-03-02T08:00:00Z', until: '2026-03-02T12:00:00Z' });
    expect(away.json().away).toHaveLength(1);
    expect((await admin.get(`/api/sites/${w.org.siteId}/duty`)).json().coverNow).toMatchObject({ recipient: w.lead.id, reason: 'site_lead' });

    // Out of hours with no on-call: the next person on hand is named, from the next opening.
    t.clock.set('2026-03-02T18:30:00Z');
    const evening = await (await as(w.admin)).get(`/api/sites/${w.org.siteId}/duty`);
    expect(evening.json().coverNow).toMatchObject({ outOfHours: true, coverageStartsAt: '2026-03-03T09:00:00.000Z', recipient: w.lead.id });
  });

  it('only admins change hours or the rota; anyone of the organisation’s staff may look; other organisations cannot', async () => {
    const duty2 = await as(w.duty2);
    expect((await duty2.get(`/api/sites/${w.org.siteId}/duty`)).statusCode).toBe(200);
    const refused = await duty2.post(`/api/sites/${w.org.siteId}/hours`, { weekly: weekdays, closureDates: [], siteLeadStaffId: w.duty2.id });
    expect(refused.statusCode).toBe(403);
    const other = await makeOrganisation(t.database.db, t.clock.now());
    const otherAdmin = await makeStaff(t.database.db, t.clock.now(), other.id, ['admin']);
    const foreign = await as(otherAdmin);
    expect((await foreign.get(`/api/sites/${w.org.siteId}/duty`)).statusCode).toBe(404);
    expect((await foreign.post(`/api/sites/${w.org.siteId}/hours`, { weekly: weekdays, closureDates: [], siteLeadStaffId: otherAdmin.id })).statusCode).toBe(404);
  });

  it.each([
    ['intervals that overlap on one day', { monday: [{ opens: '09:00', closes: '13:00' }, { opens: '12:00', closes: '17:00' }] }],
    ['closing before opening', { monday: [{ opens: '17:00', closes: '09:00' }] }],
    ['a time that is not HH:MM', { monday: [{ opens: '9am', closes: '17:00' }] }],
  ])('refuses hours with %s', async (_name, weekly) => {
    const admin = await as(w.admin);
    const res = await admin.post(`/api/sites/${w.org.siteId}/hours`, { weekly, closureDates: [], siteLeadStaffId: w.lead.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('request.invalid');
  });
});
