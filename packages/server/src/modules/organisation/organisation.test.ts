import { defaultCareSettings, newId } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff } from '../../test/factories';
import { sessionOf } from '../../test/sessions';
import { createTestApp, type TestApp } from '../../test/test-app';

// The test clock starts on Monday 2026-03-02 at 09:00 UTC (London, GMT).
let t: TestApp;
const w = {} as {
  org: { id: string; siteId: string };
  other: { id: string; siteId: string };
  admin: Awaited<ReturnType<typeof makeStaff>>;
  otherAdmin: Awaited<ReturnType<typeof makeStaff>>;
  supervisor: Awaited<ReturnType<typeof makeStaff>>;
  p1: Awaited<ReturnType<typeof makeStaff>>;
};

beforeAll(async () => {
  t = await createTestApp();
  const now = t.clock.now();
  w.org = await makeOrganisation(t.database.db, now, 'Care settings org');
  w.other = await makeOrganisation(t.database.db, now, 'Another org');
  w.admin = await makeStaff(t.database.db, now, w.org.id, ['admin']);
  w.otherAdmin = await makeStaff(t.database.db, now, w.other.id, ['admin']);
  w.supervisor = await makeStaff(t.database.db, now, w.org.id, ['supervisor']);
  w.p1 = await makeStaff(t.database.db, now, w.org.id, ['practitioner'], { supervisorId: w.supervisor.id });
});
afterAll(() => t.close());

const as = (person: { email: string }) => sessionOf(t, person);

/** A client of p1 in treatment with one treatment appointment `hoursAhead` from now. */
async function clientWithAppointmentIn(hoursAhead: number) {
  const now = t.clock.now();
  const client = await makeClient(t.database.db, now, w.org.id, [w.p1.id]);
  const p1 = await as(w.p1);
  const episodeId = newId(now);
  const episode = { id: episodeId, referralDate: '2026-02-20', referralSource: 'gp', problemDescriptor: 'Depression', step: 'low_intensity', assignedPractitionerId: w.p1.id };
  expect((await p1.post(`/api/clients/${client.id}/episodes`, episode)).statusCode).toBe(201);
  expect((await p1.post(`/api/episodes/${episodeId}/status`, { status: 'active', version: 1 })).statusCode).toBe(200);
  const startsAt = new Date(now.getTime() + hoursAhead * 3600_000).toISOString();
  const booked = await p1.post(`/api/episodes/${episodeId}/appointments`, { id: newId(now), startsAt, durationMinutes: 45, purpose: 'treatment', contactMethod: 'phone', recordingPast: hoursAhead < 0 });
  expect(booked.statusCode).toBe(201);
  return { client, episodeId };
}

const settings = (over: Partial<typeof defaultCareSettings> = {}) => ({ ...defaultCareSettings, ...over });

describe('care settings', () => {
  it('start as the defaults; an admin records them at the version seen; a stale or invalid save changes nothing', async () => {
    const admin = await as(w.admin);
    expect((await admin.get('/api/organisation/care-settings')).json()).toEqual({ settings: defaultCareSettings, version: 0, isDefault: true });

    const invalid = await admin.put('/api/organisation/care-settings', { settings: settings({ noImprovementBySession: 0 }), version: 0 });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.details).toEqual([expect.objectContaining({ path: expect.stringContaining('noImprovementBySession'), message: 'must be at least 1' })]);
    const tooLong = await admin.put('/api/organisation/care-settings', { settings: settings({ questionnaireDueWindowHours: 7 * 24 + 1 }), version: 0 });
    expect(tooLong.statusCode).toBe(400);

    const set = await admin.put('/api/organisation/care-settings', { settings: settings({ sessionLimits: { low_intensity: 6, high_intensity: 20 } }), version: 0 });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ version: 1, isDefault: false, settings: { sessionLimits: { low_intensity: 6, high_intensity: 20 } } });

    const stale = await admin.put('/api/organisation/care-settings', { settings: defaultCareSettings, version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('write.stale_version');
    expect((await admin.get('/api/organisation/care-settings')).json()).toMatchObject({ version: 1, settings: { sessionLimits: { low_intensity: 6 } } });

    // Practitioners may read them (they explain supervision flags) but not change them; another
    // organisation keeps its own defaults.
    const p1 = await as(w.p1);
    expect((await p1.get('/api/organisation/care-settings')).json().version).toBe(1);
    expect((await p1.put('/api/organisation/care-settings', { settings: defaultCareSettings, version: 1 })).statusCode).toBe(403);
    expect((await (await as(w.otherAdmin)).get('/api/organisation/care-settings')).json()).toMatchObject({ version: 0, isDefault: true });

    const audit = await t.database.db.selectFrom('audit_event').select(['action', 'details']).where('action', '=', 'care_settings.set').execute();
    expect(audit).toHaveLength(1);

    // Put the defaults back for the other tests.
    expect((await admin.put('/api/organisation/care-settings', { settings: defaultCareSettings, version: 1 })).statusCode).toBe(200);
  });

  it('the questionnaire window comes from the settings', async () => {
    const { client } = await clientWithAppointmentIn(48);
    const session = await as(client);
    // 48 hours ahead is inside the default 72-hour window.
    expect((await session.get('/api/questionnaires/due')).json().due).toHaveLength(2);
    const admin = await as(w.admin);
    const current = (await admin.get('/api/organisation/care-settings')).json();
    expect((await admin.put('/api/organisation/care-settings', { settings: settings({ questionnaireDueWindowHours: 24 }), version: current.version })).statusCode).toBe(200);
    expect((await session.get('/api/questionnaires/due')).json().due).toEqual([]);
    // And a response for it is refused as not due.
    const refused = await session.put(`/api/questionnaire-responses/${newId(t.clock.now())}/answers/phq9-1`, {
      instrumentId: 'phq9',
      appointmentId: (await t.database.db.selectFrom('appointment').select('id').where('client_id', '=', client.id).executeTakeFirstOrThrow()).id,
      value: 1,
      recordedAt: t.clock.now().toISOString(),
    });
    expect(refused.json().error.code).toBe('questionnaire.not_due');
    expect((await admin.put('/api/organisation/care-settings', { settings: defaultCareSettings, version: current.version + 1 })).statusCode).toBe(200);
    expect((await session.get('/api/questionnaires/due')).json().due).toHaveLength(2);
  });

  it('supervision uses the session limits set', async () => {
    const { client, episodeId } = await clientWithAppointmentIn(-2);
    const p1 = await as(w.p1);
    const appointment = await t.database.db.selectFrom('appointment').select('id').where('episode_id', '=', episodeId).executeTakeFirstOrThrow();
    expect((await p1.post(`/api/appointments/${appointment.id}/status`, { status: 'attended', version: 1 })).statusCode).toBe(200);
    const supervisor = await as(w.supervisor);
    const row = () => supervisor.get('/api/supervision/episodes').then((r) => r.json().episodes.find((e: { clientId: string }) => e.clientId === client.id));
    expect(await row()).toMatchObject({ attendedTreatmentSessions: 1, sessionLimit: 8, reviewReasons: [] });

    const admin = await as(w.admin);
    const current = (await admin.get('/api/organisation/care-settings')).json();
    expect((await admin.put('/api/organisation/care-settings', { settings: settings({ sessionLimits: { low_intensity: 1, high_intensity: 16 } }), version: current.version })).statusCode).toBe(200);
    expect(await row()).toMatchObject({ sessionLimit: 1, reviewReasons: ['session_limit_reached'] });
    expect((await admin.put('/api/organisation/care-settings', { settings: defaultCareSettings, version: current.version + 1 })).statusCode).toBe(200);
  });
});

describe('sites', () => {
  it('staff see their own organisation’s sites only; clients none', async () => {
    const sites = (await (await as(w.p1)).get('/api/sites')).json().sites;
    expect(sites).toEqual([{ id: w.org.siteId, name: expect.any(String), timeZone: 'Europe/London' }]);
    expect((await (await as(w.otherAdmin)).get('/api/sites')).json().sites.map((s: { id: string }) => s.id)).toEqual([w.other.siteId]);
    const client = await makeClient(t.database.db, t.clock.now(), w.org.id, [w.p1.id]);
    expect((await (await as(client)).get('/api/sites')).statusCode).toBe(403);
  });

  it('an admin adds a site (idempotent by id) and sets its time zone with its hours; others cannot', async () => {
    const admin = await as(w.admin);
    const site = { id: newId(t.clock.now()), name: 'Northgate clinic', timeZone: 'Europe/London' };
    const created = await admin.post('/api/sites', site);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual(site);
    expect((await admin.post('/api/sites', site)).statusCode).toBe(201);
    expect((await admin.post('/api/sites', { ...site, name: 'Elsewhere' })).json().error.code).toBe('write.id_conflict');
    expect((await admin.post('/api/sites', { ...site, id: newId(t.clock.now()), timeZone: 'Mars/Olympus' })).json().error.details).toEqual([{ path: 'body/timeZone', message: 'is not a known time zone' }]);
    expect((await (await as(w.p1)).post('/api/sites', { ...site, id: newId(t.clock.now()) })).statusCode).toBe(403);
    expect((await admin.get('/api/sites')).json().sites.map((s: { name: string }) => s.name)).toContain('Northgate clinic');

    const weekly = { monday: [{ opens: '09:00', closes: '17:00' }], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] };
    const hours = await admin.post(`/api/sites/${site.id}/hours`, { weekly, closureDates: [], siteLeadStaffId: w.admin.id, timeZone: 'Europe/Dublin' });
    expect(hours.statusCode, hours.body).toBe(200);
    expect((await admin.get('/api/sites')).json().sites.find((s: { id: string }) => s.id === site.id).timeZone).toBe('Europe/Dublin');
  });
});
