import { localDate, newId, sameDayDeadline } from '@tandem/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff, signInAs } from '../../test/factories';
import { startSmtpPeer } from '../../test/smtp-peer';
import { createTestApp, type TestApp } from '../../test/test-app';

// The test clock starts on Monday 2026-03-02 at 09:00 UTC (09:00 in London). The site is open
// 09:00–17:00 on weekdays; duty is on the rota all week; the clinical lead is the named person.
let t: TestApp;
let origin: string;
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
const w = {} as {
  org: Awaited<ReturnType<typeof makeOrganisation>>;
  admin: Awaited<ReturnType<typeof makeStaff>>;
  p1: Awaited<ReturnType<typeof makeStaff>>;
  duty: Awaited<ReturnType<typeof makeStaff>>;
  lead: Awaited<ReturnType<typeof makeStaff>>;
  named: Awaited<ReturnType<typeof makeStaff>>;
  outsider: Awaited<ReturnType<typeof makeStaff>>;
};

const nineToFive = [{ opens: '09:00', closes: '17:00' }];
const weekdays = { monday: nineToFive, tuesday: nineToFive, wednesday: nineToFive, thursday: nineToFive, friday: nineToFive };

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await createTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Tandem <tandem@example.test>' } });
  origin = t.config.publicOrigin;
  const now = t.clock.now();
  w.org = await makeOrganisation(t.database.db, now);
  w.admin = await makeStaff(t.database.db, now, w.org.id, ['admin']);
  w.p1 = await makeStaff(t.database.db, now, w.org.id, ['practitioner'], { name: 'Priya' });
  w.duty = await makeStaff(t.database.db, now, w.org.id, ['practitioner'], { name: 'Dan' });
  w.lead = await makeStaff(t.database.db, now, w.org.id, ['practitioner', 'supervisor'], { name: 'Lena' });
  w.named = await makeStaff(t.database.db, now, w.org.id, ['practitioner'], { name: 'Nia' });
  w.outsider = await makeStaff(t.database.db, now, w.org.id, ['practitioner'], { name: 'Olu' });
  const admin = await as(w.admin);
  expect((await admin.post(`/api/sites/${w.org.siteId}/hours`, { weekly: weekdays, closureDates: [], siteLeadStaffId: w.lead.id })).statusCode).toBe(200);
  const rota = await admin.post(`/api/sites/${w.org.siteId}/rota`, {
    periods: [{ id: newId(now), staffId: w.duty.id, startsAt: '2026-03-02T09:00:00Z', endsAt: '2026-03-09T09:00:00Z' }],
  });
  expect(rota.statusCode).toBe(200);
  const policy = await admin.get('/api/organisation/risk-policy');
  expect(policy.json()).toMatchObject({ isDefault: true, version: 0 });
  const set = await admin.put('/api/organisation/risk-policy', { policy: { ...policy.json().policy, escalationStaffId: w.named.id }, version: 0 });
  expect(set.statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function as(person: { email: string }) {
  const cookie = await signInAs(t.app, origin, person.email);
  return {
    post: (url: string, payload: object = {}) => t.app.inject({ method: 'POST', url, headers: { origin, cookie }, payload }),
    put: (url: string, payload: object) => t.app.inject({ method: 'PUT', url, headers: { origin, cookie }, payload }),
    get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
  };
}

let booked = 0;
/** A client of p1 with an active episode and a treatment appointment tomorrow (each an hour apart). */
async function clientInTreatment() {
  const now = t.clock.now();
  const client = await makeClient(t.database.db, now, w.org.id, [w.p1.id]);
  const p1 = await as(w.p1);
  const episodeId = newId(now);
  const created = await p1.post(`/api/clients/${client.id}/episodes`, {
    id: episodeId,
    referralDate: '2026-02-20',
    referralSource: 'gp',
    problemDescriptor: 'Depression',
    step: 'low_intensity',
    assignedPractitionerId: w.p1.id,
  });
  expect(created.statusCode).toBe(201);
  expect((await p1.post(`/api/episodes/${episodeId}/status`, { status: 'active', version: 1 })).statusCode).toBe(200);
  const appointmentId = newId(now);
  const startsAt = new Date(now.getTime() + (25 + booked++) * 3600_000).toISOString();
  const booking = await p1.post(`/api/episodes/${episodeId}/appointments`, { id: appointmentId, startsAt, durationMinutes: 45, purpose: 'treatment', contactMethod: 'face_to_face' });
  expect(booking.statusCode).toBe(201);
  return { client, episodeId, appointmentId, startsAt, session: await as(client) };
}

const answer = (appointmentId: string, value: number, instrumentId = 'phq9') => ({ instrumentId, appointmentId, value, recordedAt: t.clock.now().toISOString() });
const phq9 = (item9: number, rest = 1) => Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9-${i + 1}`, i === 8 ? item9 : rest]));

describe('the risk pathway', () => {
  it('a saved item-9 answer raises a tiered alert to the practitioner within the request, tells the client when, and emails no client data', async () => {
    const { client, appointmentId, session } = await clientInTreatment();
    const due = await session.get('/api/questionnaires/due');
    expect(due.json().due.map((d: { instrumentId: string }) => d.instrumentId)).toEqual(['phq9', 'gad7']);
    const responseId = newId(t.clock.now());
    const saved = await session.put(`/api/questionnaire-responses/${responseId}/answers/phq9-9`, answer(appointmentId, 2));
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ saved: true, risk: { personOnHandFrom: t.clock.now().toISOString(), outOfHours: false, coverKnown: true, timeZone: 'Europe/London' } });

    const alerts = (await (await as(w.p1)).get('/api/risk-alerts')).json().alerts.filter((a: { clientId: string }) => a.clientId === client.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      trigger: 'phq9_item9',
      answerValue: 2,
      rule: 'first_positive',
      tier: 'immediate',
      recipientStaffId: w.p1.id,
      recipientReason: 'assigned_practitioner',
      dueAt: '2026-03-02T10:00:00.000Z',
      status: 'open',
    });

    // Saving item 9 again keeps one alert; the answer is kept for when the client comes back.
    expect((await session.put(`/api/questionnaire-responses/${responseId}/answers/phq9-9`, answer(appointmentId, 2))).json().risk.alertId).toBe(alerts[0].id);
    expect((await session.get('/api/questionnaires/due')).json().due[0]).toMatchObject({ responseId, answers: { 'phq9-9': 2 } });

    await t.runJobs();
    const mail = smtp.received.filter((m) => m.to.includes(w.p1.email));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain('/staff/alerts');
    expect(mail[0]!.text).not.toContain(client.familyName);
  });

  it('an alert unacknowledged at its deadline escalates along the path; the duty person may open and acknowledge it; discharge waits for that', async () => {
    const { client, episodeId, session } = await clientInTreatment();
    const help = await session.post('/api/help-requests', { id: newId(t.clock.now()), recordedAt: t.clock.now().toISOString() });
    expect(help.statusCode).toBe(201);
    const alertId = help.json().alertId;
    await t.runJobs();

    // Not before the deadline.
    t.clock.set(new Date(t.clock.now().getTime() + 59 * 60_000));
    await t.runJobs();
    const duty = await as(w.duty);
    expect((await duty.get(`/api/clients/${client.id}/risk-alerts`)).statusCode).toBe(404);

    t.clock.set(new Date(t.clock.now().getTime() + 2 * 60_000));
    await t.runJobs();
    const seen = await duty.get(`/api/clients/${client.id}/risk-alerts`);
    expect(seen.statusCode).toBe(200);
    const alert = seen.json().alerts.find((a: { id: string }) => a.id === alertId);
    expect(alert).toMatchObject({ recipientStaffId: w.duty.id, recipientReason: 'escalation', escalationLevel: 1, status: 'open' });
    expect(alert.history.map((h: { kind: string }) => h.kind)).toEqual(['raised', 'notified', 'escalated', 'notified']);
    expect(smtp.received.some((m) => m.to.includes(w.duty.email))).toBe(true);
    // The client the duty person may now open: only while the alert is theirs and open.
    expect((await duty.get(`/api/clients/${client.id}`)).statusCode).toBe(200);

    let p1 = await as(w.p1);
    const episode = (await p1.get(`/api/clients/${client.id}/episodes`)).json().episodes[0];
    const refused = await p1.post(`/api/episodes/${episodeId}/discharge`, { endingReason: 'completed', endedOn: localDate(t.clock.now(), 'Europe/London'), version: episode.version, relapsePlanOffered: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('episode.open_risk_alert');

    const emptyNote = await duty.post(`/api/risk-alerts/${alertId}/acknowledge`, { note: ' ', version: alert.version });
    expect(emptyNote.statusCode).toBe(400);
    const ack = await duty.post(`/api/risk-alerts/${alertId}/acknowledge`, { note: 'Phoned the client; safety plan reviewed.', version: alert.version });
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledgedByStaffId: w.duty.id, actionNote: 'Phoned the client; safety plan reviewed.' });
    // A colleague acting on the same alert a moment later is told, not silently overwritten.
    const stale = await p1.post(`/api/risk-alerts/${alertId}/acknowledge`, { note: 'Also phoned.', version: alert.version });
    expect(stale.json().error.code).toBe('write.stale_version');
    // Acknowledged: the duty person's access ends; the escalation job for it does nothing.
    expect((await duty.get(`/api/clients/${client.id}`)).statusCode).toBe(404);
    t.clock.set(new Date(t.clock.now().getTime() + 3 * 3600_000));
    await t.runJobs();
    p1 = await as(w.p1); // the clock moved past the idle limit
    expect((await p1.get(`/api/clients/${client.id}/risk-alerts`)).json().alerts[0]).toMatchObject({ escalationLevel: 1, status: 'acknowledged' });

    const discharged = await p1.post(`/api/episodes/${episodeId}/discharge`, { endingReason: 'completed', endedOn: localDate(t.clock.now(), 'Europe/London'), version: episode.version, relapsePlanOffered: true });
    expect(discharged.statusCode).toBe(200);
    // After discharge: no questionnaire or help request reaches anybody; the client is told.
    const after = await (await as(client)).post('/api/help-requests', { id: newId(t.clock.now()), recordedAt: t.clock.now().toISOString() });
    expect(after.json().error.code).toBe('episode.closed');
    expect((await (await as(client)).get('/api/questionnaires/due')).json().due).toEqual([]);
  });

  it('when the notice cannot be sent the alert escalates at once', async () => {
    const { client, session } = await clientInTreatment();
    smtp.state.fail = true;
    try {
      const help = await session.post('/api/help-requests', { id: newId(t.clock.now()), recordedAt: t.clock.now().toISOString() });
      await t.runJobs();
      const alert = (await (await as(w.p1)).get(`/api/clients/${client.id}/risk-alerts`)).json().alerts.find((a: { id: string }) => a.id === help.json().alertId);
      expect(alert.history.map((h: { kind: string }) => h.kind).slice(0, 3)).toEqual(['raised', 'notice_failed', 'escalated']);
      expect(alert.escalationLevel).toBeGreaterThanOrEqual(1);
      expect(alert.recipientStaffId).not.toBe(w.p1.id);
    } finally {
      smtp.state.fail = false;
    }
  });

});

describe('a service that has not set its hours', () => {
  it('still routes the alert to the practitioner, and tells the client it cannot say when', async () => {
    const now = t.clock.now();
    const org = await makeOrganisation(t.database.db, now);
    const practitioner = await makeStaff(t.database.db, now, org.id, ['practitioner']);
    const client = await makeClient(t.database.db, now, org.id, [practitioner.id]);
    const p = await as(practitioner);
    const episodeId = newId(now);
    await p.post(`/api/clients/${client.id}/episodes`, { id: episodeId, referralDate: '2026-02-20', referralSource: 'self', problemDescriptor: 'Low mood', step: 'low_intensity', assignedPractitionerId: practitioner.id });
    const help = await (await as(client)).post('/api/help-requests', { id: newId(now), recordedAt: now.toISOString() });
    expect(help.json()).toMatchObject({ coverKnown: false });
    expect((await p.get(`/api/clients/${client.id}/risk-alerts`)).json().alerts[0]).toMatchObject({ recipientStaffId: practitioner.id, status: 'open' });
  });
});

describe('questionnaires: bad input, idempotency and item 9 never lost', () => {
  it('refuses out-of-range answers but keeps a positive item 9 from the same submission', async () => {
    const { client, appointmentId, session } = await clientInTreatment();
    const responseId = newId(t.clock.now());
    const bad = await session.post(`/api/questionnaire-responses/${responseId}/complete`, {
      instrumentId: 'phq9',
      appointmentId,
      answers: { ...phq9(1), 'phq9-3': 7 },
      authoredAt: t.clock.now().toISOString(),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'questionnaire.invalid_answers', details: [{ path: 'body/answers/phq9-3' }] });
    const alerts = (await (await as(w.p1)).get(`/api/clients/${client.id}/risk-alerts`)).json().alerts;
    expect(alerts).toMatchObject([{ responseId, answerValue: 1, trigger: 'phq9_item9' }]);
  });

  it.each([
    ['a missing item', (a: Record<string, number>) => Object.fromEntries(Object.entries(a).filter(([k]) => k !== 'phq9-4'))],
    ['an unknown item', (a: Record<string, number>) => ({ ...a, 'phq9-10': 1 })],
    ['a not-applicable answer where none is allowed', (a: Record<string, number>) => ({ ...a, 'phq9-2': null })],
  ])('refuses %s, writing nothing', async (_name, change) => {
    const { appointmentId, session } = await clientInTreatment();
    const responseId = newId(t.clock.now());
    const res = await session.post(`/api/questionnaire-responses/${responseId}/complete`, { instrumentId: 'phq9', appointmentId, answers: change(phq9(0)), authoredAt: t.clock.now().toISOString() });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('questionnaire.invalid_answers');
    expect(await t.database.db.selectFrom('questionnaire_response').select('id').where('id', '=', responseId).execute()).toEqual([]);
  });

  it('a completed questionnaire sent twice is stored once; other answers under the same id are refused', async () => {
    const { appointmentId, session } = await clientInTreatment();
    const responseId = newId(t.clock.now());
    const body = { instrumentId: 'phq9', appointmentId, answers: phq9(0, 2), authoredAt: t.clock.now().toISOString() };
    const first = await session.post(`/api/questionnaire-responses/${responseId}/complete`, body);
    expect(first.statusCode).toBe(201);
    expect(first.json().response).toMatchObject({ total: 16, band: 'moderately_severe', status: 'completed', source: 'client_app' });
    expect((await session.post(`/api/questionnaire-responses/${responseId}/complete`, body)).statusCode).toBe(200);
    const changed = await session.post(`/api/questionnaire-responses/${responseId}/complete`, { ...body, answers: phq9(0, 1) });
    expect(changed.json().error.code).toBe('questionnaire.completed');
    // No longer due for that appointment; GAD-7 still is.
    expect((await session.get('/api/questionnaires/due')).json().due.map((d: { instrumentId: string }) => d.instrumentId)).toEqual(['gad7']);
  });

  it('refuses a questionnaire that is not due, and another client’s response id', async () => {
    const { appointmentId, session } = await clientInTreatment();
    const notDue = await session.put(`/api/questionnaire-responses/${newId(t.clock.now())}/answers/wsas-1`, answer(appointmentId, 3, 'wsas'));
    expect(notDue.json().error.code).toBe('questionnaire.not_due');
    const other = await clientInTreatment();
    const responseId = newId(t.clock.now());
    expect((await session.put(`/api/questionnaire-responses/${responseId}/answers/phq9-1`, answer(appointmentId, 1))).statusCode).toBe(200);
    const foreign = await other.session.put(`/api/questionnaire-responses/${responseId}/answers/phq9-1`, answer(other.appointmentId, 1));
    expect(foreign.json().error.code).toBe('write.id_conflict');
  });

  it('answers given in a session are recorded by the practitioner; their item 9 is "recorded", seen already', async () => {
    const { client, appointmentId } = await clientInTreatment();
    const p1 = await as(w.p1);
    const id = newId(t.clock.now());
    const body = { id, instrumentId: 'phq9', appointmentId, answers: phq9(1), authoredAt: t.clock.now().toISOString(), source: 'in_session' };
    const res = await p1.post(`/api/clients/${client.id}/questionnaire-responses`, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ source: 'in_session', authorStaffId: w.p1.id, total: 9 });
    expect((await p1.post(`/api/clients/${client.id}/questionnaire-responses`, body)).statusCode).toBe(200);
    const alerts = (await p1.get(`/api/clients/${client.id}/risk-alerts`)).json().alerts;
    expect(alerts).toMatchObject([{ source: 'in_session', tier: 'recorded', status: 'acknowledged', acknowledgedByStaffId: w.p1.id }]);
    // A later answer of 1 from the app, after that reviewed 1, is "before next contact": due at the appointment.
    const session = await as(client);
    const later = await session.put(`/api/questionnaire-responses/${newId(t.clock.now())}/answers/phq9-9`, answer(appointmentId, 1));
    expect(later.statusCode).toBe(200);
    const both = (await p1.get(`/api/clients/${client.id}/risk-alerts`)).json().alerts;
    expect(both[0]).toMatchObject({ rule: 'unchanged_one_reviewed', tier: 'before_next_contact', status: 'open' });
    const appointment = (await p1.get(`/api/episodes/${alerts[0].episodeId}/appointments`)).json().appointments[0];
    expect(both[0].dueAt).toBe(new Date(appointment.startsAt).toISOString());
  });

  it('a practitioner off the care team sees none of it; the care team does', async () => {
    const { client } = await clientInTreatment();
    const outsider = await as(w.outsider);
    for (const url of [`/api/clients/${client.id}/risk-alerts`, `/api/clients/${client.id}/questionnaire-responses`]) {
      expect((await outsider.get(url)).statusCode).toBe(404);
      expect((await (await as(w.p1)).get(url)).statusCode).toBe(200);
    }
  });
});

describe('a missed appointment after a risk alert', () => {
  it('raises one same-day follow-up task for the practitioner', async () => {
    const { client, appointmentId, startsAt, session } = await clientInTreatment();
    await session.put(`/api/questionnaire-responses/${newId(t.clock.now())}/answers/phq9-9`, answer(appointmentId, 1));
    t.clock.set(new Date(Math.max(t.clock.now().getTime(), new Date(startsAt).getTime() + 50 * 60_000)));
    {
      const p1 = await as(w.p1);
      const dna = await p1.post(`/api/appointments/${appointmentId}/status`, { status: 'did_not_attend', version: 1 });
      expect(dna.statusCode).toBe(200);
      const tasks = (await p1.get('/api/follow-up-tasks')).json().tasks.filter((x: { clientId: string }) => x.clientId === client.id);
      expect(tasks).toMatchObject([{ kind: 'missed_appointment_after_alert', appointmentId, dueAt: sameDayDeadline(t.clock.now(), 'Europe/London').toISOString(), status: 'open' }]);
      expect((await (await as(w.outsider)).post(`/api/follow-up-tasks/${tasks[0].id}/done`, { note: 'x' })).statusCode).toBe(404);
      const done = await p1.post(`/api/follow-up-tasks/${tasks[0].id}/done`, { note: 'Phoned; rebooked for Thursday.' });
      expect(done.json()).toMatchObject({ status: 'done', note: 'Phoned; rebooked for Thursday.' });
    }
  });

  it('raises nothing when the client has had no alert', async () => {
    const { client, appointmentId, startsAt } = await clientInTreatment();
    t.clock.set(new Date(Math.max(t.clock.now().getTime(), new Date(startsAt).getTime() + 50 * 60_000)));
    {
      const p1 = await as(w.p1);
      expect((await p1.post(`/api/appointments/${appointmentId}/status`, { status: 'did_not_attend', version: 1 })).statusCode).toBe(200);
      expect((await p1.get('/api/follow-up-tasks')).json().tasks.filter((x: { clientId: string }) => x.clientId === client.id)).toEqual([]);
    }
  });
});

describe('the risk policy and the crisis page', () => {
  it('refuses a policy that would let a client’s warning sign go without a deadline', async () => {
    const admin = await as(w.admin);
    const current = (await admin.get('/api/organisation/risk-policy')).json();
    const bad = await admin.put('/api/organisation/risk-policy', { policy: { ...current.policy, rules: { ...current.policy.rules, help_button: 'recorded' } }, version: current.version });
    expect(bad.statusCode).toBe(400);
    expect((await (await as(w.p1)).put('/api/organisation/risk-policy', { policy: current.policy, version: current.version })).statusCode).toBe(403);
    expect((await admin.put('/api/organisation/risk-policy', { policy: current.policy, version: current.version - 1 })).json().error.code).toBe('write.stale_version');
  });

  it('signed out, the crisis page answers; an admin records a reviewed local version', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/crisis-page' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json().national.sources.length).toBeGreaterThan(0);
    const admin = await as(w.admin);
    const contact = { name: 'Local crisis line', description: 'Open all day and night for people in this area.', phone: '0800 000 0000' };
    const set = await admin.put('/api/organisation/crisis-page', { contacts: [contact], reviewedBy: 'Dr Lena Clinical Lead', reviewedOn: '2026-03-01', version: 0 });
    expect(set.statusCode).toBe(200);
    expect(set.json().local).toMatchObject({ version: 1, reviewedBy: 'Dr Lena Clinical Lead', contacts: [{ name: 'Local crisis line', textNumber: null }] });
    const mine = await (await as(w.p1)).get('/api/crisis-page');
    expect(mine.json().local.version).toBe(1);
    expect((await admin.put('/api/organisation/crisis-page', { contacts: [], reviewedBy: 'Dr Lena', reviewedOn: '2026-03-01', version: 0 })).json().error.code).toBe('write.stale_version');
    expect((await admin.put('/api/organisation/crisis-page', { contacts: [{ name: 'No way to reach', description: 'x' }], reviewedBy: 'Dr Lena', reviewedOn: '2026-03-01', version: 1 })).statusCode).toBe(400);
    expect((await (await as(w.p1)).put('/api/organisation/crisis-page', { contacts: [], reviewedBy: 'Dr Lena', reviewedOn: '2026-03-01', version: 1 })).statusCode).toBe(403);
  });
});

// Last: this moves the clock to later days, and the clock cannot go back.
describe('out of hours', () => {
  it('out of hours, the client is told when someone will be on hand (the next opening)', async () => {
    const { client } = await clientInTreatment();
    t.clock.set('2026-03-07T20:00:00Z'); // Saturday evening: the site is closed; duty is on call all week.
    {
      let session = await as(client);
      const help = await session.post('/api/help-requests', { id: newId(t.clock.now()), recordedAt: t.clock.now().toISOString() });
      // Duty is on the rota (on call) until Monday 09:00, so someone is on hand now, out of hours.
      expect(help.json()).toMatchObject({ outOfHours: true, personOnHandFrom: '2026-03-07T20:00:00.000Z' });
      t.clock.set('2026-03-10T20:00:00Z'); // Tuesday evening: the rota has ended and the site is closed.
      session = await as(client);
      const nobody = await session.post('/api/help-requests', { id: newId(t.clock.now()), recordedAt: t.clock.now().toISOString() });
      // Nobody is on hand until Wednesday's opening at 09:00 London time; the client is told so.
      expect(nobody.json()).toMatchObject({ outOfHours: true, personOnHandFrom: '2026-03-11T09:00:00.000Z' });
    }
  });
});
