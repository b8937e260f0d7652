import { consentWordingVersion, defaultCareSettings, defaultRiskPolicy, newId } from '@tandem/domain';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClient, makeOrganisation, makeStaff, signInAs } from '../test/factories';
import { createTestApp, type TestApp } from '../test/test-app';
import { publicApiRoutes } from './public-routes';

/**
 * Walks every API route the server registers, with real data of two organisations. For each
 * route: no session → 401 (unless public); another client's or another caseload's real record →
 * 403/404; the owner's identical request → 2xx. A route without a case here fails this test, and a
 * route without declared access cannot even be registered.
 */
type Person = { email: string } | null;
interface Req {
  as: Person;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  payload?: object;
  check?: (res: LightMyRequestResponse) => void;
  /** Refusal statuses other than 403/404 that are right for this request. */
  refusedWith?: number[];
  /** An event stream: answered once its head is written, then closed. */
  stream?: true;
}
interface RouteCase {
  own: () => Promise<Req[]> | Req[];
  foreign: (() => Promise<Req[]> | Req[]) | { none: string };
}

let t: TestApp;
let origin: string;
const w = {} as {
  a: { id: string; siteId: string };
  b: { id: string; siteId: string };
  p1: Awaited<ReturnType<typeof makeStaff>>;
  p2: Awaited<ReturnType<typeof makeStaff>>;
  s1: Awaited<ReturnType<typeof makeStaff>>;
  admin: Awaited<ReturnType<typeof makeStaff>>;
  pb: Awaited<ReturnType<typeof makeStaff>>;
  adminB: Awaited<ReturnType<typeof makeStaff>>;
  c1: Awaited<ReturnType<typeof makeClient>>;
  c2: Awaited<ReturnType<typeof makeClient>>;
  c1Spare: Awaited<ReturnType<typeof makeClient>>;
  cb: Awaited<ReturnType<typeof makeClient>>;
  c1CheckIn: string;
  e1: string;
  e2: string;
  /** An episode of another of Tom's clients, moved by the transfer case only. */
  e3: string;
  a1: string;
  /** A treatment appointment of c1 tomorrow: questionnaires are due for it. */
  a2: string;
  c1Response: string;
  c1Alert: string;
  p1Task: string;
  /** A thought record c1 has sent (revision 1). */
  c1Entry: string;
};

beforeAll(async () => {
  t = await createTestApp();
  origin = t.config.publicOrigin;
  const db = t.database.db;
  const now = t.clock.now();
  w.a = await makeOrganisation(db, now, 'Organisation A');
  w.b = await makeOrganisation(db, now, 'Organisation B');
  w.s1 = await makeStaff(db, now, w.a.id, ['supervisor']);
  w.p1 = await makeStaff(db, now, w.a.id, ['practitioner'], { supervisorId: w.s1.id });
  w.p2 = await makeStaff(db, now, w.a.id, ['practitioner']);
  w.admin = await makeStaff(db, now, w.a.id, ['admin']);
  w.pb = await makeStaff(db, now, w.b.id, ['practitioner']);
  w.adminB = await makeStaff(db, now, w.b.id, ['admin']);
  w.c1 = await makeClient(db, now, w.a.id, [w.p1.id]);
  w.c2 = await makeClient(db, now, w.a.id, [w.p2.id]);
  w.c1Spare = await makeClient(db, now, w.a.id, [w.p1.id], { account: 'none' });
  w.cb = await makeClient(db, now, w.b.id, [w.pb.id]);
  w.c1CheckIn = newId(now);
  const c1Cookie = await signInAs(t.app, origin, w.c1.email);
  const made = await t.app.inject({
    method: 'POST',
    url: '/api/check-ins',
    headers: { origin, cookie: c1Cookie },
    payload: { id: w.c1CheckIn, mood: 4, recordedAt: '2026-03-02T08:00:00Z' },
  });
  expect(made.statusCode).toBe(201);
  // An episode each for c1 (Priya's caseload) and c2 (another caseload), and an appointment.
  const p1Cookie = await signInAs(t.app, origin, w.p1.email);
  const p2Cookie = await signInAs(t.app, origin, w.p2.email);
  const referral = (assignedPractitionerId: string) => ({
    id: newId(now),
    referralDate: '2026-02-20',
    referralSource: 'self',
    problemDescriptor: 'Depression',
    step: 'low_intensity',
    assignedPractitionerId,
  });
  const e1 = referral(w.p1.id);
  const e2 = referral(w.p2.id);
  const e3 = referral(w.p2.id);
  w.e1 = e1.id;
  w.e2 = e2.id;
  w.e3 = e3.id;
  const c3 = await makeClient(db, now, w.a.id, [w.p2.id]);
  for (const [cookie, clientId, body] of [[p1Cookie, w.c1.id, e1], [p2Cookie, w.c2.id, e2], [p2Cookie, c3.id, e3]] as const) {
    const res = await t.app.inject({ method: 'POST', url: `/api/clients/${clientId}/episodes`, headers: { origin, cookie }, payload: body });
    expect(res.statusCode).toBe(201);
  }
  w.a1 = newId(now);
  const booked = await t.app.inject({
    method: 'POST',
    url: `/api/episodes/${w.e1}/appointments`,
    headers: { origin, cookie: p1Cookie },
    payload: { id: w.a1, startsAt: '2026-03-02T08:00:00Z', durationMinutes: 30, purpose: 'assessment', contactMethod: 'phone', recordingPast: true },
  });
  expect(booked.statusCode).toBe(201);
  w.a2 = newId(now);
  const tomorrow = await t.app.inject({
    method: 'POST',
    url: `/api/episodes/${w.e1}/appointments`,
    headers: { origin, cookie: p1Cookie },
    payload: { id: w.a2, startsAt: '2026-03-03T10:00:00Z', durationMinutes: 45, purpose: 'treatment', contactMethod: 'video' },
  });
  expect(tomorrow.statusCode).toBe(201);
  // c1 has started a PHQ-9 and pressed the help button: one response, one alert.
  w.c1Response = newId(now);
  const answered = await t.app.inject({
    method: 'PUT',
    url: `/api/questionnaire-responses/${w.c1Response}/answers/phq9-1`,
    headers: { origin, cookie: c1Cookie },
    payload: { instrumentId: 'phq9', appointmentId: w.a2, value: 1, recordedAt: now.toISOString() },
  });
  expect(answered.statusCode).toBe(200);
  w.c1Alert = newId(now);
  const help = await t.app.inject({ method: 'POST', url: '/api/help-requests', headers: { origin, cookie: c1Cookie }, payload: { id: w.c1Alert, recordedAt: now.toISOString() } });
  expect(help.statusCode).toBe(201);
  w.p1Task = newId(now);
  await db
    .insertInto('follow_up_task')
    .values({ id: w.p1Task, organisation_id: w.a.id, client_id: w.c1.id, episode_id: w.e1, kind: 'missed_appointment_after_alert', appointment_id: w.a1, alert_id: w.c1Alert, assigned_staff_id: w.p1.id, due_at: now, status: 'open', done_at: null, done_by: null, note: null, created_at: now })
    .execute();
  w.c1Entry = newId(now);
  const sent = await t.app.inject({ method: 'PUT', url: `/api/exercise-entries/${w.c1Entry}`, headers: { origin, cookie: c1Cookie }, payload: entrySave('submitted', '2026-03-02T08:30:00Z') });
  expect(sent.statusCode).toBe(200);
});
afterAll(() => t.close());

function entrySave(status: 'draft' | 'submitted', recordedAt: string) {
  return {
    exercise: 'goals',
    moduleId: 'understanding-depression',
    stepId: 'setting-goals',
    contentVersion: '1.0.0',
    status,
    shared: true,
    data: { goals: [{ text: 'Walk to the park', progress: 2 }] },
    recordedAt,
  };
}

/** A real invitation token, read from the development outbox. */
async function freshInvitationToken(): Promise<string> {
  const client = await makeClient(t.database.db, t.clock.now(), w.a.id, [w.p1.id], { account: 'none', dateOfBirth: '1985-05-05' });
  const cookie = await signInAs(t.app, origin, w.p1.email);
  await t.app.inject({ method: 'POST', url: `/api/clients/${client.id}/invitation`, headers: { origin, cookie } });
  await t.runJobs();
  const mail = await t.database.db.selectFrom('email_message').select('body_text').where('to_address', '=', client.email).executeTakeFirstOrThrow();
  return /#([A-Za-z0-9_-]{43})/.exec(mail.body_text ?? '')![1]!;
}

const walkReferral = (assignedPractitionerId: string) => ({
  id: newId(t.clock.now()),
  referralDate: '2026-02-21',
  referralSource: 'gp',
  problemDescriptor: 'Low mood',
  step: 'low_intensity',
  assignedPractitionerId,
});
const walkAppointment = (startsAt: string) => ({ id: newId(t.clock.now()), startsAt, durationMinutes: 30, purpose: 'treatment', contactMethod: 'video' });
const episodeVersion = async (id: string) => (await t.database.db.selectFrom('episode').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
const appointmentVersion = async (id: string) => (await t.database.db.selectFrom('appointment').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

const walkHours = (siteLeadStaffId: string) => ({
  weekly: { monday: [{ opens: '09:00', closes: '17:00' }] },
  closureDates: [],
  siteLeadStaffId,
});
let rotaDay = 0;
const walkRota = (staffId: string) => {
  const day = String(10 + rotaDay++).padStart(2, '0');
  return { periods: [{ id: newId(t.clock.now()), staffId, startsAt: `2026-07-${day}T09:00:00Z`, endsAt: `2026-07-${day}T17:00:00Z` }] };
};

const walkConsent = () => ({
  id: newId(t.clock.now()),
  wordingVersion: consentWordingVersion,
  choices: { blendedTreatment: true, messagingUnderstood: true, channels: { email: true, sms: false, push: false }, research: false },
});

const ids2 = (res: LightMyRequestResponse) => (res.json().episodes as { episodeId: string }[]).map((e) => e.episodeId);
const ids = (res: LightMyRequestResponse, key: string) => (res.json()[key] as { id: string }[]).map((x) => x.id);

const cases: Record<string, RouteCase> = {
  'GET /api/health': { own: () => [{ as: null, method: 'GET', url: '/api/health' }], foreign: { none: 'no client data' } },
  'GET /api/openapi.json': { own: () => [{ as: null, method: 'GET', url: '/api/openapi.json' }], foreign: { none: 'no client data' } },
  'POST /api/auth/sign-in': {
    own: () => [{ as: null, method: 'POST', url: '/api/auth/sign-in', payload: { email: w.c1.email, password: 'correct horse battery staple' } }],
    foreign: { none: 'answers only for the credentials given' },
  },
  'POST /api/invitations/inspect': {
    own: async () => [{ as: null, method: 'POST', url: '/api/invitations/inspect', payload: { token: await freshInvitationToken() } }],
    foreign: { none: 'the token is the only key; a wrong one is refused (invitations.test.ts)' },
  },
  'POST /api/invitations/accept': {
    own: async () => [
      { as: null, method: 'POST', url: '/api/invitations/accept', payload: { token: await freshInvitationToken(), password: 'a long enough passphrase', dateOfBirth: '1985-05-05' } },
    ],
    foreign: { none: 'needs the token and the client’s date of birth (invitations.test.ts)' },
  },
  'GET /api/me': {
    own: () => [{ as: w.c1, method: 'GET', url: '/api/me', check: (res) => expect(res.json().actor.clientId).toBe(w.c1.id) }],
    foreign: { none: 'answers for the caller only; no id can be given' },
  },
  'POST /api/auth/sign-out': { own: () => [{ as: w.c1, method: 'POST', url: '/api/auth/sign-out' }], foreign: { none: 'ends the caller’s own session only' } },
  'POST /api/auth/sign-out-everywhere': { own: () => [{ as: w.c1, method: 'POST', url: '/api/auth/sign-out-everywhere' }], foreign: { none: 'ends the caller’s own sessions and devices only' } },
  'GET /api/clients': {
    own: () => [
      { as: w.p1, method: 'GET', url: '/api/clients', check: (res) => expect(ids(res, 'clients')).toEqual(expect.arrayContaining([w.c1.id])) },
      { as: w.s1, method: 'GET', url: '/api/clients', check: (res) => expect(ids(res, 'clients')).toContain(w.c1.id) },
    ],
    foreign: () => [
      // Someone else's caseload never appears in the list.
      { as: w.p1, method: 'GET', url: '/api/clients', check: (res) => expect(ids(res, 'clients')).not.toEqual(expect.arrayContaining([w.c2.id])) },
      { as: w.p1, method: 'GET', url: '/api/clients', check: (res) => expect(ids(res, 'clients')).not.toContain(w.cb.id) },
      { as: w.s1, method: 'GET', url: '/api/clients', check: (res) => expect(ids(res, 'clients')).not.toContain(w.c2.id) },
      { as: w.c1, method: 'GET', url: '/api/clients' },
    ],
  },
  'POST /api/clients': {
    own: () => [
      { as: w.p1, method: 'POST', url: '/api/clients', payload: { id: newId(t.clock.now()), givenName: 'A', familyName: 'B', dateOfBirth: '1990-01-01', email: 'walk.new@example.test' } },
    ],
    foreign: () => [
      { as: w.c1, method: 'POST', url: '/api/clients', payload: { id: newId(t.clock.now()), givenName: 'A', familyName: 'B', dateOfBirth: '1990-01-01', email: 'walk.c@example.test' } },
      { as: w.admin, method: 'POST', url: '/api/clients', payload: { id: newId(t.clock.now()), givenName: 'A', familyName: 'B', dateOfBirth: '1990-01-01', email: 'walk.a@example.test' } },
      // Reusing another organisation's client id cannot overwrite or reveal it.
      // (409: the id is taken; nothing of the record is revealed or changed.)
      {
        as: w.p1,
        method: 'POST',
        url: '/api/clients',
        payload: { id: w.cb.id, givenName: 'A', familyName: 'B', dateOfBirth: '1990-01-01', email: 'walk.b@example.test' },
        refusedWith: [409],
      },
    ],
  },
  'GET /api/clients/:clientId': {
    own: () => [
      { as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}` },
      { as: w.c1, method: 'GET', url: `/api/clients/${w.c1.id}` },
      { as: w.s1, method: 'GET', url: `/api/clients/${w.c1.id}` },
    ],
    foreign: () => [
      { as: w.p1, method: 'GET', url: `/api/clients/${w.c2.id}` },
      { as: w.p1, method: 'GET', url: `/api/clients/${w.cb.id}` },
      { as: w.c1, method: 'GET', url: `/api/clients/${w.c2.id}` },
      { as: w.s1, method: 'GET', url: `/api/clients/${w.c2.id}` },
      { as: w.admin, method: 'GET', url: `/api/clients/${w.c1.id}` },
      { as: w.pb, method: 'GET', url: `/api/clients/${w.c1.id}` },
    ],
  },
  'POST /api/clients/:clientId/invitation': {
    own: () => [{ as: w.p1, method: 'POST', url: `/api/clients/${w.c1Spare.id}/invitation` }],
    foreign: () => [
      { as: w.p1, method: 'POST', url: `/api/clients/${w.c2.id}/invitation` },
      { as: w.pb, method: 'POST', url: `/api/clients/${w.c1Spare.id}/invitation` },
      { as: w.c1, method: 'POST', url: `/api/clients/${w.c1Spare.id}/invitation` },
    ],
  },
  'POST /api/clients/:clientId/care-team': {
    own: () => [{ as: w.p1, method: 'POST', url: `/api/clients/${w.c1Spare.id}/care-team`, payload: { staffId: w.p2.id } }],
    foreign: () => [
      { as: w.p1, method: 'POST', url: `/api/clients/${w.c2.id}/care-team`, payload: { staffId: w.p1.id } },
      { as: w.pb, method: 'POST', url: `/api/clients/${w.c1.id}/care-team`, payload: { staffId: w.pb.id } },
      { as: w.c1, method: 'POST', url: `/api/clients/${w.c1.id}/care-team`, payload: { staffId: w.p2.id } },
    ],
  },
  'POST /api/clients/:clientId/break-glass': {
    own: () => [{ as: w.admin, method: 'POST', url: `/api/clients/${w.c2.id}/break-glass`, payload: { reason: 'Route walk: emergency contact needed' } }],
    foreign: () => [
      { as: w.adminB, method: 'POST', url: `/api/clients/${w.c2.id}/break-glass`, payload: { reason: 'Route walk: another organisation' } },
      { as: w.p1, method: 'POST', url: `/api/clients/${w.c2.id}/break-glass`, payload: { reason: 'Route walk: not an admin' } },
      { as: w.c1, method: 'POST', url: `/api/clients/${w.c2.id}/break-glass`, payload: { reason: 'Route walk: a client' } },
    ],
  },
  'POST /api/check-ins': {
    own: () => [{ as: w.c1, method: 'POST', url: '/api/check-ins', payload: { id: newId(t.clock.now()), mood: 6, recordedAt: t.clock.now().toISOString() } }],
    foreign: () => [
      { as: w.p1, method: 'POST', url: '/api/check-ins', payload: { id: newId(t.clock.now()), mood: 6, recordedAt: t.clock.now().toISOString() } },
      // Another client's stored check-in id cannot be overwritten or read back.
      { as: w.c2, method: 'POST', url: '/api/check-ins', payload: { id: w.c1CheckIn, mood: 6, recordedAt: '2026-03-02T08:00:00Z' }, refusedWith: [409] },
    ],
  },
  'GET /api/check-ins': {
    own: () => [{ as: w.c1, method: 'GET', url: '/api/check-ins', check: (res) => expect(ids(res, 'checkIns')).toContain(w.c1CheckIn) }],
    foreign: () => [
      { as: w.c2, method: 'GET', url: '/api/check-ins', check: (res) => expect(ids(res, 'checkIns')).not.toContain(w.c1CheckIn) },
      { as: w.p1, method: 'GET', url: '/api/check-ins' },
    ],
  },
  'GET /api/clients/:clientId/check-ins': {
    own: () => [
      { as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/check-ins`, check: (res) => expect(ids(res, 'checkIns')).toContain(w.c1CheckIn) },
      { as: w.s1, method: 'GET', url: `/api/clients/${w.c1.id}/check-ins` },
    ],
    foreign: () => [
      { as: w.p2, method: 'GET', url: `/api/clients/${w.c1.id}/check-ins` },
      { as: w.pb, method: 'GET', url: `/api/clients/${w.c1.id}/check-ins` },
      { as: w.c2, method: 'GET', url: `/api/clients/${w.c1.id}/check-ins` },
      { as: w.admin, method: 'GET', url: `/api/clients/${w.c1.id}/check-ins` },
    ],
  },
  'GET /api/clients/:clientId/episodes': {
    own: () => [
      { as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/episodes`, check: (res) => expect(ids(res, 'episodes')).toEqual([w.e1]) },
      { as: w.s1, method: 'GET', url: `/api/clients/${w.c1.id}/episodes` },
    ],
    foreign: () => [
      { as: w.p1, method: 'GET', url: `/api/clients/${w.c2.id}/episodes` },
      { as: w.pb, method: 'GET', url: `/api/clients/${w.c1.id}/episodes` },
      { as: w.admin, method: 'GET', url: `/api/clients/${w.c1.id}/episodes` },
    ],
  },
  'POST /api/clients/:clientId/episodes': {
    own: () => [{ as: w.p1, method: 'POST', url: `/api/clients/${w.c1Spare.id}/episodes`, payload: walkReferral(w.p1.id) }],
    foreign: () => [
      { as: w.p1, method: 'POST', url: `/api/clients/${w.c2.id}/episodes`, payload: walkReferral(w.p1.id) },
      { as: w.s1, method: 'POST', url: `/api/clients/${w.c1.id}/episodes`, payload: walkReferral(w.p1.id) },
      { as: w.pb, method: 'POST', url: `/api/clients/${w.c1.id}/episodes`, payload: walkReferral(w.pb.id) },
      { as: w.c1, method: 'POST', url: `/api/clients/${w.c1.id}/episodes`, payload: walkReferral(w.p1.id) },
    ],
  },
  'POST /api/episodes/:episodeId/status': {
    own: () => [{ as: w.p1, method: 'POST', url: `/api/episodes/${w.e1}/status`, payload: { status: 'active', version: 1 } }],
    foreign: () => [
      { as: w.p1, method: 'POST', url: `/api/episodes/${w.e2}/status`, payload: { status: 'active', version: 1 } },
      { as: w.pb, method: 'POST', url: `/api/episodes/${w.e1}/status`, payload: { status: 'active', version: 1 } },
      { as: w.c1, method: 'POST', url: `/api/episodes/${w.e1}/status`, payload: { status: 'active', version: 1 } },
    ],
  },
  'POST /api/episodes/:episodeId/step': {
    own: async () => [{ as: w.p1, method: 'POST', url: `/api/episodes/${w.e1}/step`, payload: { step: 'high_intensity', version: await episodeVersion(w.e1), reason: 'Route walk' } }],
    foreign: () => [
      { as: w.p1, method: 'POST', url: `/api/episodes/${w.e2}/step`, payload: { step: 'high_intensity', version: 1, reason: 'Route walk' } },
      { as: w.s1, method: 'POST', url: `/api/episodes/${w.e1}/step`, payload: { step: 'high_intensity', version: 1, reason: 'Route walk' } },
    ],
  },
  'POST /api/episodes/:episodeId/transfer': {
    own: async () => [{ as: w.p2, method: 'POST', url: `/api/episodes/${w.e3}/transfer`, payload: { practitionerId: w.p1.id, version: await episodeVersion(w.e3), reason: 'Route walk' } }],
    foreign: () => [
      { as: w.p1, method: 'POST', url: `/api/episodes/${w.e2}/transfer`, payload: { practitionerId: w.p1.id, version: 1, reason: 'Route walk' } },
      { as: w.pb, method: 'POST', url: `/api/episodes/${w.e1}/transfer`, payload: { practitionerId: w.pb.id, version: 1, reason: 'Route walk' } },
    ],
  },
  'GET /api/episodes/:episodeId/appointments': {
    own: () => [{ as: w.p1, method: 'GET', url: `/api/episodes/${w.e1}/appointments`, check: (res) => expect(ids(res, 'appointments')).toContain(w.a1) }],
    foreign: () => [
      { as: w.p2, method: 'GET', url: `/api/episodes/${w.e1}/appointments` },
      { as: w.pb, method: 'GET', url: `/api/episodes/${w.e1}/appointments` },
      { as: w.c2, method: 'GET', url: `/api/episodes/${w.e1}/appointments` },
    ],
  },
  'POST /api/episodes/:episodeId/appointments': {
    own: () => [{ as: w.p1, method: 'POST', url: `/api/episodes/${w.e1}/appointments`, payload: walkAppointment('2026-05-04T09:00:00Z') }],
    foreign: () => [
      { as: w.p1, method: 'POST', url: `/api/episodes/${w.e2}/appointments`, payload: walkAppointment('2026-05-05T09:00:00Z') },
      { as: w.pb, method: 'POST', url: `/api/episodes/${w.e1}/appointments`, payload: walkAppointment('2026-05-06T09:00:00Z') },
      { as: w.c1, method: 'POST', url: `/api/episodes/${w.e1}/appointments`, payload: walkAppointment('2026-05-07T09:00:00Z') },
    ],
  },
  'POST /api/appointments/:appointmentId/status': {
    own: async () => [{ as: w.p1, method: 'POST', url: `/api/appointments/${w.a1}/status`, payload: { status: 'attended', version: await appointmentVersion(w.a1) } }],
    foreign: () => [
      { as: w.p2, method: 'POST', url: `/api/appointments/${w.a1}/status`, payload: { status: 'did_not_attend', version: 1 } },
      { as: w.pb, method: 'POST', url: `/api/appointments/${w.a1}/status`, payload: { status: 'did_not_attend', version: 1 } },
      { as: w.c1, method: 'POST', url: `/api/appointments/${w.a1}/status`, payload: { status: 'cancelled_by_client', version: 1 } },
    ],
  },
  'POST /api/appointments/:appointmentId/reschedule': {
    own: async () => {
      const booking = walkAppointment('2026-05-11T09:00:00Z');
      expect((await send({ as: w.p1, method: 'POST', url: `/api/episodes/${w.e1}/appointments`, payload: booking })).statusCode).toBe(201);
      return [{ as: w.p1, method: 'POST', url: `/api/appointments/${booking.id}/reschedule`, payload: { startsAt: '2026-05-11T11:00:00Z', version: 1 } }];
    },
    foreign: () => [
      { as: w.p2, method: 'POST', url: `/api/appointments/${w.a2}/reschedule`, payload: { startsAt: '2026-05-12T09:00:00Z', version: 1 } },
      { as: w.pb, method: 'POST', url: `/api/appointments/${w.a2}/reschedule`, payload: { startsAt: '2026-05-12T09:00:00Z', version: 1 } },
      { as: w.c1, method: 'POST', url: `/api/appointments/${w.a2}/reschedule`, payload: { startsAt: '2026-05-12T09:00:00Z', version: 1 } },
      { as: w.s1, method: 'POST', url: `/api/appointments/${w.a2}/reschedule`, payload: { startsAt: '2026-05-12T09:00:00Z', version: 1 } },
    ],
  },
  'GET /api/appointments/:appointmentId/history': {
    own: () => [
      { as: w.p1, method: 'GET', url: `/api/appointments/${w.a2}/history` },
      { as: w.c1, method: 'GET', url: `/api/appointments/${w.a2}/history` },
    ],
    foreign: () => [
      { as: w.p2, method: 'GET', url: `/api/appointments/${w.a2}/history` },
      { as: w.pb, method: 'GET', url: `/api/appointments/${w.a2}/history` },
      { as: w.c2, method: 'GET', url: `/api/appointments/${w.a2}/history` },
      { as: w.admin, method: 'GET', url: `/api/appointments/${w.a2}/history` },
    ],
  },
  'GET /api/me/calendar-feed': {
    own: () => [
      { as: w.c1, method: 'GET', url: '/api/me/calendar-feed' },
      { as: w.p1, method: 'GET', url: '/api/me/calendar-feed' },
    ],
    foreign: { none: 'answers for the caller’s own feed only; no id can be given' },
  },
  'POST /api/me/calendar-feed': {
    own: () => [{ as: w.c1, method: 'POST', url: '/api/me/calendar-feed' }],
    foreign: { none: 'makes the caller’s own feed only; the public feed is outside /api (calendar-feed.test.ts)' },
  },
  'DELETE /api/me/calendar-feed': {
    own: () => [{ as: w.c1, method: 'DELETE', url: '/api/me/calendar-feed' }],
    foreign: { none: 'revokes the caller’s own feed only' },
  },
  'POST /api/episodes/:episodeId/discharge': {
    own: async () => [
      { as: w.p2, method: 'POST', url: `/api/episodes/${w.e3}/discharge`, payload: { endingReason: 'completed', endedOn: '2026-03-02', version: await episodeVersion(w.e3), relapsePlanOffered: true } },
    ],
    foreign: () => [
      { as: w.p1, method: 'POST', url: `/api/episodes/${w.e2}/discharge`, payload: { endingReason: 'completed', endedOn: '2026-03-02', version: 1, relapsePlanOffered: true } },
      { as: w.s1, method: 'POST', url: `/api/episodes/${w.e1}/discharge`, payload: { endingReason: 'completed', endedOn: '2026-03-02', version: 1, relapsePlanOffered: true } },
      { as: w.pb, method: 'POST', url: `/api/episodes/${w.e1}/discharge`, payload: { endingReason: 'completed', endedOn: '2026-03-02', version: 1, relapsePlanOffered: true } },
      { as: w.c1, method: 'POST', url: `/api/episodes/${w.e1}/discharge`, payload: { endingReason: 'completed', endedOn: '2026-03-02', version: 1, relapsePlanOffered: true } },
    ],
  },
  'GET /api/clients/:clientId/consent': {
    own: () => [
      { as: w.c1, method: 'GET', url: `/api/clients/${w.c1.id}/consent` },
      { as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/consent` },
    ],
    foreign: () => [
      { as: w.c2, method: 'GET', url: `/api/clients/${w.c1.id}/consent` },
      { as: w.p2, method: 'GET', url: `/api/clients/${w.c1.id}/consent` },
      { as: w.pb, method: 'GET', url: `/api/clients/${w.c1.id}/consent` },
      { as: w.admin, method: 'GET', url: `/api/clients/${w.c1.id}/consent` },
    ],
  },
  'POST /api/clients/:clientId/consent': {
    own: () => [
      { as: w.c1, method: 'POST', url: `/api/clients/${w.c1.id}/consent`, payload: walkConsent() },
      { as: w.p1, method: 'POST', url: `/api/clients/${w.c1.id}/consent`, payload: walkConsent() },
    ],
    foreign: () => [
      { as: w.c2, method: 'POST', url: `/api/clients/${w.c1.id}/consent`, payload: walkConsent() },
      { as: w.p2, method: 'POST', url: `/api/clients/${w.c1.id}/consent`, payload: walkConsent() },
      { as: w.s1, method: 'POST', url: `/api/clients/${w.c1.id}/consent`, payload: walkConsent() },
      { as: w.pb, method: 'POST', url: `/api/clients/${w.c1.id}/consent`, payload: walkConsent() },
    ],
  },
  'GET /api/sites/:siteId/duty': {
    own: () => [
      { as: w.p1, method: 'GET', url: `/api/sites/${w.a.siteId}/duty` },
      { as: w.admin, method: 'GET', url: `/api/sites/${w.a.siteId}/duty` },
    ],
    foreign: () => [
      { as: w.pb, method: 'GET', url: `/api/sites/${w.a.siteId}/duty` },
      { as: w.adminB, method: 'GET', url: `/api/sites/${w.a.siteId}/duty` },
      { as: w.c1, method: 'GET', url: `/api/sites/${w.a.siteId}/duty` },
    ],
  },
  'POST /api/sites/:siteId/hours': {
    own: () => [{ as: w.admin, method: 'POST', url: `/api/sites/${w.a.siteId}/hours`, payload: walkHours(w.s1.id) }],
    foreign: () => [
      { as: w.adminB, method: 'POST', url: `/api/sites/${w.a.siteId}/hours`, payload: walkHours(w.adminB.id) },
      { as: w.p1, method: 'POST', url: `/api/sites/${w.a.siteId}/hours`, payload: walkHours(w.p1.id) },
      { as: w.c1, method: 'POST', url: `/api/sites/${w.a.siteId}/hours`, payload: walkHours(w.p1.id) },
    ],
  },
  'POST /api/sites/:siteId/rota': {
    own: () => [{ as: w.admin, method: 'POST', url: `/api/sites/${w.a.siteId}/rota`, payload: walkRota(w.p1.id) }],
    foreign: () => [
      { as: w.adminB, method: 'POST', url: `/api/sites/${w.a.siteId}/rota`, payload: walkRota(w.pb.id) },
      { as: w.p1, method: 'POST', url: `/api/sites/${w.a.siteId}/rota`, payload: walkRota(w.p1.id) },
      { as: w.c1, method: 'POST', url: `/api/sites/${w.a.siteId}/rota`, payload: walkRota(w.p1.id) },
    ],
  },
  'GET /api/me/away': {
    own: () => [{ as: w.p1, method: 'GET', url: '/api/me/away' }],
    foreign: () => [{ as: w.c1, method: 'GET', url: '/api/me/away' }],
  },
  'POST /api/me/away': {
    own: () => [{ as: w.p1, method: 'POST', url: '/api/me/away', payload: { id: newId(t.clock.now()), from: '2026-06-01T08:00:00Z', until: '2026-06-05T17:00:00Z' } }],
    foreign: () => [{ as: w.c1, method: 'POST', url: '/api/me/away', payload: { id: newId(t.clock.now()), from: '2026-06-01T08:00:00Z', until: '2026-06-05T17:00:00Z' } }],
  },
  'GET /api/supervision/episodes': {
    own: () => [{ as: w.s1, method: 'GET', url: '/api/supervision/episodes', check: (res) => expect(ids2(res)).toContain(w.e1) }],
    foreign: () => [
      // Only supervisees' episodes: Tom (p2) is not supervised by s1.
      { as: w.s1, method: 'GET', url: '/api/supervision/episodes', check: (res) => expect(ids2(res)).not.toContain(w.e2) },
      { as: w.p1, method: 'GET', url: '/api/supervision/episodes' },
      { as: w.c1, method: 'GET', url: '/api/supervision/episodes' },
    ],
  },
  'GET /api/staff': {
    own: () => [{ as: w.p1, method: 'GET', url: '/api/staff', check: (res) => expect(ids(res, 'staff')).toContain(w.p2.id) }],
    foreign: () => [
      { as: w.p1, method: 'GET', url: '/api/staff', check: (res) => expect(ids(res, 'staff')).not.toContain(w.pb.id) },
      { as: w.c1, method: 'GET', url: '/api/staff' },
    ],
  },
  'POST /api/staff': {
    own: () => [{ as: w.admin, method: 'POST', url: '/api/staff', payload: { id: newId(t.clock.now()), email: 'walk.staff@example.test', displayName: 'Walk', roles: ['practitioner'] } }],
    foreign: () => [
      { as: w.p1, method: 'POST', url: '/api/staff', payload: { id: newId(t.clock.now()), email: 'walk.p@example.test', displayName: 'W', roles: ['admin'] } },
      { as: w.adminB, method: 'POST', url: '/api/staff', payload: { id: newId(t.clock.now()), email: 'walk.b@example.test', displayName: 'W', roles: ['practitioner'], supervisorIds: [w.s1.id] } },
      { as: w.c1, method: 'POST', url: '/api/staff', payload: { id: newId(t.clock.now()), email: 'walk.c@example.test', displayName: 'W', roles: ['practitioner'] } },
    ],
  },
  'GET /api/episodes/:episodeId/measures': {
    own: () => [{ as: w.p1, method: 'GET', url: `/api/episodes/${w.e1}/measures` }],
    foreign: () => [
      { as: w.p1, method: 'GET', url: `/api/episodes/${w.e2}/measures` },
      { as: w.pb, method: 'GET', url: `/api/episodes/${w.e1}/measures` },
      { as: w.c2, method: 'GET', url: `/api/episodes/${w.e1}/measures` },
    ],
  },
  'GET /api/me/mood-schedule': {
    own: () => [{ as: w.c1, method: 'GET', url: '/api/me/mood-schedule' }],
    foreign: () => [{ as: w.p1, method: 'GET', url: '/api/me/mood-schedule' }],
  },
  'PUT /api/me/mood-schedule': {
    own: () => [{ as: w.c2, method: 'PUT', url: '/api/me/mood-schedule', payload: { schedule: moodSchedule(), version: 0 } }],
    foreign: () => [{ as: w.p1, method: 'PUT', url: '/api/me/mood-schedule', payload: { schedule: moodSchedule(), version: 0 } }],
  },
  'GET /api/clients/:clientId/mood-schedule': {
    own: () => [{ as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/mood-schedule` }],
    foreign: () => [
      { as: w.p2, method: 'GET', url: `/api/clients/${w.c1.id}/mood-schedule` },
      { as: w.pb, method: 'GET', url: `/api/clients/${w.c1.id}/mood-schedule` },
      { as: w.c2, method: 'GET', url: `/api/clients/${w.c1.id}/mood-schedule` },
    ],
  },
  'PUT /api/clients/:clientId/mood-schedule': {
    own: () => [{ as: w.p1, method: 'PUT', url: `/api/clients/${w.c1.id}/mood-schedule`, payload: { schedule: moodSchedule(), version: 0 } }],
    foreign: () => [
      { as: w.p2, method: 'PUT', url: `/api/clients/${w.c1.id}/mood-schedule`, payload: { schedule: moodSchedule(), version: 0 } },
      { as: w.s1, method: 'PUT', url: `/api/clients/${w.c1.id}/mood-schedule`, payload: { schedule: moodSchedule(), version: 0 } },
      { as: w.c1, method: 'PUT', url: `/api/clients/${w.c1.id}/mood-schedule`, payload: { schedule: moodSchedule(), version: 0 } },
    ],
  },
  'GET /api/questionnaires/due': {
    own: () => [{ as: w.c1, method: 'GET', url: '/api/questionnaires/due', check: (res) => expect(res.json().due.map((d: { appointmentId: string }) => d.appointmentId)).toContain(w.a2) }],
    foreign: () => [
      { as: w.c2, method: 'GET', url: '/api/questionnaires/due', check: (res) => expect(JSON.stringify(res.json())).not.toContain(w.a2) },
      { as: w.p1, method: 'GET', url: '/api/questionnaires/due' },
    ],
  },
  'PUT /api/questionnaire-responses/:responseId/answers/:linkId': {
    own: () => [{ as: w.c1, method: 'PUT', url: `/api/questionnaire-responses/${w.c1Response}/answers/phq9-2`, payload: { instrumentId: 'phq9', appointmentId: w.a2, value: 2, recordedAt: t.clock.now().toISOString() } }],
    foreign: () => [
      // Another client writing under c1's response id is refused as a different write.
      { as: w.c2, method: 'PUT', url: `/api/questionnaire-responses/${w.c1Response}/answers/phq9-2`, payload: { instrumentId: 'phq9', appointmentId: w.a2, value: 0, recordedAt: t.clock.now().toISOString() }, refusedWith: [409] },
      { as: w.p1, method: 'PUT', url: `/api/questionnaire-responses/${w.c1Response}/answers/phq9-2`, payload: { instrumentId: 'phq9', appointmentId: w.a2, value: 0, recordedAt: t.clock.now().toISOString() } },
    ],
  },
  'POST /api/questionnaire-responses/:responseId/complete': {
    own: () => [
      {
        as: w.c1,
        method: 'POST',
        url: `/api/questionnaire-responses/${newId(t.clock.now())}/complete`,
        payload: { instrumentId: 'gad7', appointmentId: w.a2, answers: Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`gad7-${i + 1}`, 1])), authoredAt: t.clock.now().toISOString() },
      },
    ],
    foreign: () => [
      {
        as: w.c2,
        method: 'POST',
        url: `/api/questionnaire-responses/${w.c1Response}/complete`,
        payload: { instrumentId: 'phq9', appointmentId: w.a2, answers: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9-${i + 1}`, 0])), authoredAt: t.clock.now().toISOString() },
        refusedWith: [409],
      },
    ],
  },
  'GET /api/questionnaire-responses': {
    own: () => [{ as: w.c1, method: 'GET', url: '/api/questionnaire-responses' }],
    foreign: () => [
      { as: w.c2, method: 'GET', url: '/api/questionnaire-responses', check: (res) => expect(JSON.stringify(res.json())).not.toContain(w.c1.id) },
      { as: w.p1, method: 'GET', url: '/api/questionnaire-responses' },
    ],
  },
  'GET /api/clients/:clientId/questionnaire-responses': {
    own: () => [{ as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/questionnaire-responses` }],
    foreign: () => [
      { as: w.p2, method: 'GET', url: `/api/clients/${w.c1.id}/questionnaire-responses` },
      { as: w.pb, method: 'GET', url: `/api/clients/${w.c1.id}/questionnaire-responses` },
      { as: w.c2, method: 'GET', url: `/api/clients/${w.c1.id}/questionnaire-responses` },
    ],
  },
  'POST /api/clients/:clientId/questionnaire-responses': {
    own: () => [{ as: w.p1, method: 'POST', url: `/api/clients/${w.c1.id}/questionnaire-responses`, payload: inSession() }],
    foreign: () => [
      { as: w.p2, method: 'POST', url: `/api/clients/${w.c1.id}/questionnaire-responses`, payload: inSession() },
      { as: w.s1, method: 'POST', url: `/api/clients/${w.c1.id}/questionnaire-responses`, payload: inSession() },
      { as: w.c1, method: 'POST', url: `/api/clients/${w.c1.id}/questionnaire-responses`, payload: inSession() },
    ],
  },
  'POST /api/help-requests': {
    own: () => [{ as: w.c1, method: 'POST', url: '/api/help-requests', payload: { id: newId(t.clock.now()), recordedAt: t.clock.now().toISOString() } }],
    foreign: () => [
      { as: w.c2, method: 'POST', url: '/api/help-requests', payload: { id: w.c1Alert, recordedAt: t.clock.now().toISOString() }, refusedWith: [409] },
      { as: w.p1, method: 'POST', url: '/api/help-requests', payload: { id: newId(t.clock.now()), recordedAt: t.clock.now().toISOString() } },
    ],
  },
  'GET /api/risk-alerts': {
    own: () => [{ as: w.p1, method: 'GET', url: '/api/risk-alerts', check: (res) => expect(ids(res, 'alerts')).toContain(w.c1Alert) }],
    foreign: () => [
      { as: w.p2, method: 'GET', url: '/api/risk-alerts?status=all', check: (res) => expect(ids(res, 'alerts')).not.toContain(w.c1Alert) },
      { as: w.pb, method: 'GET', url: '/api/risk-alerts?status=all', check: (res) => expect(ids(res, 'alerts')).not.toContain(w.c1Alert) },
      { as: w.c1, method: 'GET', url: '/api/risk-alerts' },
    ],
  },
  'GET /api/clients/:clientId/risk-alerts': {
    own: () => [{ as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/risk-alerts`, check: (res) => expect(ids(res, 'alerts')).toContain(w.c1Alert) }],
    foreign: () => [
      { as: w.p2, method: 'GET', url: `/api/clients/${w.c1.id}/risk-alerts` },
      { as: w.pb, method: 'GET', url: `/api/clients/${w.c1.id}/risk-alerts` },
      { as: w.c1, method: 'GET', url: `/api/clients/${w.c1.id}/risk-alerts` },
    ],
  },
  'POST /api/risk-alerts/:alertId/acknowledge': {
    own: () => [{ as: w.p1, method: 'POST', url: `/api/risk-alerts/${w.c1Alert}/acknowledge`, payload: { note: 'Phoned the client.', version: 1 } }],
    foreign: () => [
      { as: w.p2, method: 'POST', url: `/api/risk-alerts/${w.c1Alert}/acknowledge`, payload: { note: 'x', version: 1 } },
      { as: w.s1, method: 'POST', url: `/api/risk-alerts/${w.c1Alert}/acknowledge`, payload: { note: 'x', version: 1 } },
      { as: w.pb, method: 'POST', url: `/api/risk-alerts/${w.c1Alert}/acknowledge`, payload: { note: 'x', version: 1 } },
      { as: w.c1, method: 'POST', url: `/api/risk-alerts/${w.c1Alert}/acknowledge`, payload: { note: 'x', version: 1 } },
    ],
  },
  'GET /api/follow-up-tasks': {
    own: () => [{ as: w.p1, method: 'GET', url: '/api/follow-up-tasks', check: (res) => expect(ids(res, 'tasks')).toContain(w.p1Task) }],
    foreign: () => [
      { as: w.p2, method: 'GET', url: '/api/follow-up-tasks', check: (res) => expect(ids(res, 'tasks')).not.toContain(w.p1Task) },
      { as: w.c1, method: 'GET', url: '/api/follow-up-tasks' },
    ],
  },
  'POST /api/follow-up-tasks/:taskId/done': {
    own: () => [{ as: w.p1, method: 'POST', url: `/api/follow-up-tasks/${w.p1Task}/done`, payload: { note: 'Phoned; rebooked.' } }],
    foreign: () => [
      { as: w.p2, method: 'POST', url: `/api/follow-up-tasks/${w.p1Task}/done`, payload: { note: 'x' } },
      { as: w.c1, method: 'POST', url: `/api/follow-up-tasks/${w.p1Task}/done`, payload: { note: 'x' } },
    ],
  },
  'GET /api/organisation/risk-policy': {
    own: () => [{ as: w.p1, method: 'GET', url: '/api/organisation/risk-policy' }],
    foreign: () => [{ as: w.c1, method: 'GET', url: '/api/organisation/risk-policy' }],
  },
  'PUT /api/organisation/risk-policy': {
    own: () => [{ as: w.admin, method: 'PUT', url: '/api/organisation/risk-policy', payload: { policy: { ...defaultRiskPolicy, escalationStaffId: w.s1.id }, version: 0 } }],
    foreign: () => [
      // Another organisation's admin cannot name staff of this one.
      { as: w.adminB, method: 'PUT', url: '/api/organisation/risk-policy', payload: { policy: { ...defaultRiskPolicy, escalationStaffId: w.s1.id }, version: 0 } },
      { as: w.p1, method: 'PUT', url: '/api/organisation/risk-policy', payload: { policy: defaultRiskPolicy, version: 0 } },
      { as: w.c1, method: 'PUT', url: '/api/organisation/risk-policy', payload: { policy: defaultRiskPolicy, version: 0 } },
    ],
  },
  'GET /api/organisation/care-settings': {
    own: () => [{ as: w.p1, method: 'GET', url: '/api/organisation/care-settings' }],
    foreign: () => [{ as: w.c1, method: 'GET', url: '/api/organisation/care-settings' }],
  },
  'PUT /api/organisation/care-settings': {
    own: () => [{ as: w.admin, method: 'PUT', url: '/api/organisation/care-settings', payload: { settings: defaultCareSettings, version: 0 } }],
    foreign: () => [
      { as: w.p1, method: 'PUT', url: '/api/organisation/care-settings', payload: { settings: defaultCareSettings, version: 0 } },
      { as: w.c1, method: 'PUT', url: '/api/organisation/care-settings', payload: { settings: defaultCareSettings, version: 0 } },
    ],
  },
  'GET /api/sites': {
    own: () => [
      {
        as: w.p1,
        method: 'GET',
        url: '/api/sites',
        // Another organisation's sites never appear.
        check: (res) => expect(res.json().sites.map((s: { id: string }) => s.id)).toEqual([w.a.siteId]),
      },
    ],
    foreign: () => [{ as: w.c1, method: 'GET', url: '/api/sites' }],
  },
  'PUT /api/exercise-entries/:entryId': {
    own: () => [{ as: w.c1, method: 'PUT', url: `/api/exercise-entries/${w.c1Entry}`, payload: entrySave('draft', '2026-03-02T08:40:00Z') }],
    foreign: () => [
      { as: w.c2, method: 'PUT', url: `/api/exercise-entries/${w.c1Entry}`, payload: entrySave('draft', '2026-03-02T08:50:00Z'), refusedWith: [409] },
      { as: w.p1, method: 'PUT', url: `/api/exercise-entries/${w.c1Entry}`, payload: entrySave('draft', '2026-03-02T08:50:00Z') },
    ],
  },
  'POST /api/exercise-entries/:entryId/other-versions/:versionId/resolve': {
    own: async () => [{ as: w.c1, method: 'POST', url: await c1OtherVersionUrl(), payload: {} }],
    foreign: async () => [
      { as: w.c2, method: 'POST', url: await c1OtherVersionUrl(), payload: {} },
      { as: w.p1, method: 'POST', url: await c1OtherVersionUrl(), payload: {} },
    ],
  },
  'GET /api/exercise-entries': {
    own: () => [{ as: w.c1, method: 'GET', url: '/api/exercise-entries', check: (res) => expect(res.json().entries.map((e: { id: string }) => e.id)).toEqual([w.c1Entry]) }],
    foreign: () => [
      { as: w.c2, method: 'GET', url: '/api/exercise-entries', check: (res) => expect(res.json().entries).toEqual([]) },
      { as: w.p1, method: 'GET', url: '/api/exercise-entries' },
    ],
  },
  'GET /api/clients/:clientId/exercise-entries': {
    own: () => [{ as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/exercise-entries` }],
    foreign: () => [
      { as: w.p2, method: 'GET', url: `/api/clients/${w.c1.id}/exercise-entries` },
      { as: w.pb, method: 'GET', url: `/api/clients/${w.c1.id}/exercise-entries` },
      { as: w.c2, method: 'GET', url: `/api/clients/${w.c1.id}/exercise-entries` },
    ],
  },
  'POST /api/exercise-entries/:entryId/feedback': {
    own: () => [{ as: w.p1, method: 'POST', url: `/api/exercise-entries/${w.c1Entry}/feedback`, payload: { id: newId(t.clock.now()), revision: 1, text: 'Good start.' } }],
    foreign: () => [
      { as: w.p2, method: 'POST', url: `/api/exercise-entries/${w.c1Entry}/feedback`, payload: { id: newId(t.clock.now()), revision: 1, text: 'Hi' } },
      { as: w.pb, method: 'POST', url: `/api/exercise-entries/${w.c1Entry}/feedback`, payload: { id: newId(t.clock.now()), revision: 1, text: 'Hi' } },
      { as: w.c1, method: 'POST', url: `/api/exercise-entries/${w.c1Entry}/feedback`, payload: { id: newId(t.clock.now()), revision: 1, text: 'Hi' } },
    ],
  },
  'GET /api/feedback-templates': {
    own: () => [{ as: w.p1, method: 'GET', url: '/api/feedback-templates' }],
    foreign: () => [{ as: w.c1, method: 'GET', url: '/api/feedback-templates' }],
  },
  'POST /api/feedback-templates': {
    own: () => [{ as: w.p1, method: 'POST', url: '/api/feedback-templates', payload: { id: newId(t.clock.now()), title: 'Thanks', text: 'Thank you for this.', shared: false } }],
    foreign: () => [
      { as: w.p1, method: 'POST', url: '/api/feedback-templates', payload: { id: newId(t.clock.now()), title: 'Thanks', text: 'Thank you for this.', shared: true } },
      { as: w.c1, method: 'POST', url: '/api/feedback-templates', payload: { id: newId(t.clock.now()), title: 'Thanks', text: 'Thank you for this.', shared: false } },
    ],
  },
  'GET /api/plan-templates': {
    own: () => [{ as: w.p1, method: 'GET', url: '/api/plan-templates', check: (res) => expect(ids(res, 'templates')).toContain('england-step-2') }],
    foreign: () => [{ as: w.c1, method: 'GET', url: '/api/plan-templates' }],
  },
  'POST /api/plan-templates': {
    own: () => [{ as: w.admin, method: 'POST', url: '/api/plan-templates', payload: walkPlanTemplate(newId(t.clock.now())) }],
    foreign: async () => {
      // Organisation A's real template: another organisation's admin cannot overwrite or read it by its id.
      const taken = newId(t.clock.now());
      expect((await send({ as: w.admin, method: 'POST', url: '/api/plan-templates', payload: walkPlanTemplate(taken) })).statusCode).toBe(201);
      return [
        { as: w.adminB, method: 'POST', url: '/api/plan-templates', payload: walkPlanTemplate(taken), refusedWith: [409] },
        { as: w.p1, method: 'POST', url: '/api/plan-templates', payload: walkPlanTemplate(newId(t.clock.now())) },
        { as: w.c1, method: 'POST', url: '/api/plan-templates', payload: walkPlanTemplate(newId(t.clock.now())) },
      ];
    },
  },
  'PUT /api/plan-templates/defaults': {
    own: () => [{ as: w.admin, method: 'PUT', url: '/api/plan-templates/defaults', payload: { defaults: { low_intensity: 'england-step-2', high_intensity: 'england-step-3' }, version: 0 } }],
    foreign: async () => {
      // Organisation A's real template cannot become another organisation's default.
      const theirs = newId(t.clock.now());
      expect((await send({ as: w.admin, method: 'POST', url: '/api/plan-templates', payload: walkPlanTemplate(theirs) })).statusCode).toBe(201);
      return [
        { as: w.adminB, method: 'PUT', url: '/api/plan-templates/defaults', payload: { defaults: { low_intensity: theirs, high_intensity: 'england-step-3' }, version: 0 } },
        { as: w.p1, method: 'PUT', url: '/api/plan-templates/defaults', payload: { defaults: { low_intensity: 'england-step-2', high_intensity: 'england-step-3' }, version: 0 } },
        { as: w.c1, method: 'PUT', url: '/api/plan-templates/defaults', payload: { defaults: { low_intensity: 'england-step-2', high_intensity: 'england-step-3' }, version: 0 } },
      ];
    },
  },
  'GET /api/episodes/:episodeId/plan': {
    own: () => [
      { as: w.p1, method: 'GET', url: `/api/episodes/${w.e1}/plan`, check: (res) => expect(res.json().episodeId).toBe(w.e1) },
      { as: w.s1, method: 'GET', url: `/api/episodes/${w.e1}/plan` },
    ],
    foreign: () => [
      { as: w.p1, method: 'GET', url: `/api/episodes/${w.e2}/plan` },
      { as: w.pb, method: 'GET', url: `/api/episodes/${w.e1}/plan` },
      { as: w.admin, method: 'GET', url: `/api/episodes/${w.e1}/plan` },
      { as: w.c1, method: 'GET', url: `/api/episodes/${w.e1}/plan` },
      { as: w.c2, method: 'GET', url: `/api/episodes/${w.e1}/plan` },
    ],
  },
  'POST /api/episodes/:episodeId/plan': {
    own: async () => [{ as: w.p1, method: 'POST', url: `/api/episodes/${await episodeWithoutPlan()}/plan`, payload: { id: newId(t.clock.now()), templateId: 'england-step-2' } }],
    foreign: () => [
      { as: w.p1, method: 'POST', url: `/api/episodes/${w.e2}/plan`, payload: { id: newId(t.clock.now()), templateId: 'england-step-2' } },
      { as: w.s1, method: 'POST', url: `/api/episodes/${w.e1}/plan`, payload: { id: newId(t.clock.now()), templateId: 'england-step-2' } },
      { as: w.pb, method: 'POST', url: `/api/episodes/${w.e1}/plan`, payload: { id: newId(t.clock.now()), templateId: 'england-step-2' } },
      { as: w.c1, method: 'POST', url: `/api/episodes/${w.e1}/plan`, payload: { id: newId(t.clock.now()), templateId: 'england-step-2' } },
    ],
  },
  'PUT /api/episodes/:episodeId/plan': {
    own: async () => [{ as: w.p1, method: 'PUT', url: `/api/episodes/${w.e1}/plan`, payload: await planEdit(w.e1) }],
    foreign: async () => [
      { as: w.p1, method: 'PUT', url: `/api/episodes/${w.e2}/plan`, payload: await planEdit(w.e2) },
      { as: w.s1, method: 'PUT', url: `/api/episodes/${w.e1}/plan`, payload: await planEdit(w.e1) },
      { as: w.pb, method: 'PUT', url: `/api/episodes/${w.e1}/plan`, payload: await planEdit(w.e1) },
      { as: w.c1, method: 'PUT', url: `/api/episodes/${w.e1}/plan`, payload: await planEdit(w.e1) },
    ],
  },
  'GET /api/episodes/:episodeId/plan/history': {
    own: () => [
      { as: w.p1, method: 'GET', url: `/api/episodes/${w.e1}/plan/history` },
      { as: w.s1, method: 'GET', url: `/api/episodes/${w.e1}/plan/history` },
    ],
    foreign: () => [
      { as: w.p2, method: 'GET', url: `/api/episodes/${w.e1}/plan/history` },
      { as: w.pb, method: 'GET', url: `/api/episodes/${w.e1}/plan/history` },
      { as: w.c1, method: 'GET', url: `/api/episodes/${w.e1}/plan/history` },
    ],
  },
  'GET /api/me/plan': {
    own: () => [{ as: w.c1, method: 'GET', url: '/api/me/plan', check: (res) => expect(res.json().plan.steps.length).toBeGreaterThan(0) }],
    foreign: async () => {
      const c1Step = (await planEdit(w.e1)).steps[0]!.id;
      return [
        { as: w.p1, method: 'GET', url: '/api/me/plan' },
        // Another client sees their own plan, never c1's steps.
        { as: w.c2, method: 'GET', url: '/api/me/plan', check: (res) => expect(JSON.stringify(res.json())).not.toContain(c1Step) },
      ];
    },
  },
  'PUT /api/appointments/:appointmentId/session-note': {
    own: () => [{ as: w.p1, method: 'PUT', url: `/api/appointments/${w.a2}/session-note`, payload: walkNote() }],
    foreign: () => [
      { as: w.p2, method: 'PUT', url: `/api/appointments/${w.a2}/session-note`, payload: walkNote() },
      { as: w.pb, method: 'PUT', url: `/api/appointments/${w.a2}/session-note`, payload: walkNote() },
      // The client's own appointment: the note is the care team's internal record.
      { as: w.c1, method: 'PUT', url: `/api/appointments/${w.a2}/session-note`, payload: walkNote() },
      // A supervisor reads the note but does not write it.
      { as: w.s1, method: 'PUT', url: `/api/appointments/${w.a2}/session-note`, payload: walkNote() },
    ],
  },
  'GET /api/appointments/:appointmentId/session-note': {
    own: () => [
      { as: w.p1, method: 'GET', url: `/api/appointments/${w.a2}/session-note` },
      { as: w.s1, method: 'GET', url: `/api/appointments/${w.a2}/session-note` },
    ],
    foreign: () => [
      { as: w.p2, method: 'GET', url: `/api/appointments/${w.a2}/session-note` },
      { as: w.pb, method: 'GET', url: `/api/appointments/${w.a2}/session-note` },
      { as: w.c1, method: 'GET', url: `/api/appointments/${w.a2}/session-note` },
      { as: w.c2, method: 'GET', url: `/api/appointments/${w.a2}/session-note` },
      { as: w.admin, method: 'GET', url: `/api/appointments/${w.a2}/session-note` },
    ],
  },
  'GET /api/episodes/:episodeId/protocol-map': {
    own: () => [
      { as: w.p1, method: 'GET', url: `/api/episodes/${w.e1}/protocol-map`, check: (res) => expect(res.json().episodeId).toBe(w.e1) },
      { as: w.s1, method: 'GET', url: `/api/episodes/${w.e1}/protocol-map` },
    ],
    foreign: () => [
      { as: w.p1, method: 'GET', url: `/api/episodes/${w.e2}/protocol-map` },
      { as: w.pb, method: 'GET', url: `/api/episodes/${w.e1}/protocol-map` },
      { as: w.admin, method: 'GET', url: `/api/episodes/${w.e1}/protocol-map` },
      { as: w.c1, method: 'GET', url: `/api/episodes/${w.e1}/protocol-map` },
    ],
  },
  'GET /api/me/plan/progress': {
    own: () => [{ as: w.c1, method: 'GET', url: '/api/me/plan/progress', check: (res) => expect(res.json().progress.steps.length).toBeGreaterThan(0) }],
    foreign: async () => {
      const c1Step = (await planEdit(w.e1)).steps[0]!.id;
      return [
        { as: w.p1, method: 'GET', url: '/api/me/plan/progress' },
        { as: w.c2, method: 'GET', url: '/api/me/plan/progress', check: (res) => expect(JSON.stringify(res.json())).not.toContain(c1Step) },
      ];
    },
  },
  'GET /api/supervision/fidelity': {
    own: () => [
      { as: w.s1, method: 'GET', url: '/api/supervision/fidelity', check: (res) => expect(res.json().supervisees.map((s: { practitionerId: string }) => s.practitionerId)).toContain(w.p1.id) },
    ],
    foreign: () => [
      // Only supervisees: Tom (p2) is not supervised by s1.
      { as: w.s1, method: 'GET', url: '/api/supervision/fidelity', check: (res) => expect(JSON.stringify(res.json())).not.toContain(w.p2.id) },
      { as: w.p1, method: 'GET', url: '/api/supervision/fidelity' },
      { as: w.c1, method: 'GET', url: '/api/supervision/fidelity' },
    ],
  },
  'POST /api/activity/beats': {
    own: () => [{ as: w.p1, method: 'POST', url: '/api/activity/beats', payload: { beatId: newId(t.clock.now()), clientId: w.c1.id, seconds: 20 } }],
    foreign: () => [
      { as: w.p2, method: 'POST', url: '/api/activity/beats', payload: { beatId: newId(t.clock.now()), clientId: w.c1.id, seconds: 20 } },
      { as: w.pb, method: 'POST', url: '/api/activity/beats', payload: { beatId: newId(t.clock.now()), clientId: w.c1.id, seconds: 20 } },
      { as: w.c1, method: 'POST', url: '/api/activity/beats', payload: { beatId: newId(t.clock.now()), clientId: w.c1.id, seconds: 20 } },
    ],
  },
  'GET /api/figures/me': {
    own: () => [{ as: w.p1, method: 'GET', url: '/api/figures/me', check: (res) => expect(res.json().engagement.clients).toBeGreaterThanOrEqual(1) }],
    foreign: () => [
      // Only the person's own week: Priya's time in c1's record is not in Tom's (p2's) week.
      { as: w.p2, method: 'GET', url: '/api/figures/me', check: (res) => expect(res.json().activeTime.totalSeconds).toBe(0) },
      { as: w.c1, method: 'GET', url: '/api/figures/me' },
    ],
  },
  'GET /api/figures/supervision': {
    own: () => [{ as: w.s1, method: 'GET', url: '/api/figures/supervision', check: (res) => expect(res.json().supervisees.map((s: { practitionerId: string }) => s.practitionerId)).toEqual([w.p1.id]) }],
    foreign: () => [
      { as: w.s1, method: 'GET', url: '/api/figures/supervision', check: (res) => expect(res.body).not.toContain(w.p2.id) },
      { as: w.p1, method: 'GET', url: '/api/figures/supervision' },
      { as: w.admin, method: 'GET', url: '/api/figures/supervision' },
      { as: w.c1, method: 'GET', url: '/api/figures/supervision' },
    ],
  },
  'GET /api/figures/supervision.csv': {
    own: () => [{ as: w.s1, method: 'GET', url: '/api/figures/supervision.csv', check: (res) => expect(res.headers['content-type']).toBe('text/csv; charset=utf-8') }],
    foreign: () => [
      { as: w.p1, method: 'GET', url: '/api/figures/supervision.csv' },
      { as: w.c1, method: 'GET', url: '/api/figures/supervision.csv' },
    ],
  },
  'GET /api/pulse': { own: () => [{ as: w.p1, method: 'GET', url: '/api/pulse' }], foreign: () => [{ as: w.c1, method: 'GET', url: '/api/pulse' }] },
  'PUT /api/pulse': {
    own: () => [{ as: w.p1, method: 'PUT', url: '/api/pulse', payload: { value: 4, burden: 2, comment: null } }],
    foreign: () => [{ as: w.c1, method: 'PUT', url: '/api/pulse', payload: { value: 4, burden: 2, comment: null } }],
  },
  'POST /api/pulse/dismiss': { own: () => [{ as: w.p2, method: 'POST', url: '/api/pulse/dismiss', payload: {} }], foreign: () => [{ as: w.c1, method: 'POST', url: '/api/pulse/dismiss', payload: {} }] },
  'GET /api/pulse/summary': {
    own: () => [{ as: w.admin, method: 'GET', url: '/api/pulse/summary', check: (res) => expect(res.json().suppressed).toBe(true) }],
    foreign: () => [
      // Aggregate only, and only the reader's own organisation.
      { as: w.adminB, method: 'GET', url: '/api/pulse/summary', check: (res) => expect(res.json().responses).toBe(0) },
      { as: w.p1, method: 'GET', url: '/api/pulse/summary' },
      { as: w.c1, method: 'GET', url: '/api/pulse/summary' },
    ],
  },
  'GET /api/programme': { own: () => [{ as: null, method: 'GET', url: '/api/programme' }], foreign: { none: 'published content, the same for everyone: no client data' } },
  'GET /api/programme/modules/:moduleId/steps/:stepId': {
    own: () => [{ as: null, method: 'GET', url: '/api/programme/modules/understanding-depression/steps/what-depression-is' }],
    foreign: { none: 'published content, the same for everyone: no client data' },
  },
  'GET /api/me/programme': {
    own: () => [{ as: w.c1, method: 'GET', url: '/api/me/programme' }],
    foreign: () => [{ as: w.p1, method: 'GET', url: '/api/me/programme' }],
  },
  'PUT /api/me/programme/steps/:moduleId/:stepId': {
    own: () => [{ as: w.c1, method: 'PUT', url: '/api/me/programme/steps/understanding-depression/what-depression-is', payload: { contentVersion: '1.0.0', recordedAt: '2026-03-02T08:45:00Z' } }],
    foreign: () => [{ as: w.p1, method: 'PUT', url: '/api/me/programme/steps/understanding-depression/what-depression-is', payload: { contentVersion: '1.0.0', recordedAt: '2026-03-02T08:45:00Z' } }],
  },
  'GET /api/clients/:clientId/programme': {
    own: () => [{ as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/programme` }],
    foreign: () => [
      { as: w.p2, method: 'GET', url: `/api/clients/${w.c1.id}/programme` },
      { as: w.pb, method: 'GET', url: `/api/clients/${w.c1.id}/programme` },
      { as: w.c2, method: 'GET', url: `/api/clients/${w.c1.id}/programme` },
    ],
  },
  'POST /api/sites': {
    own: () => [{ as: w.admin, method: 'POST', url: '/api/sites', payload: { id: newId(t.clock.now()), name: 'Second site', timeZone: 'Europe/London' } }],
    foreign: () => [
      { as: w.p1, method: 'POST', url: '/api/sites', payload: { id: newId(t.clock.now()), name: 'Second site', timeZone: 'Europe/London' } },
      { as: w.c1, method: 'POST', url: '/api/sites', payload: { id: newId(t.clock.now()), name: 'Second site', timeZone: 'Europe/London' } },
    ],
  },
  'GET /api/crisis-page': { own: () => [{ as: null, method: 'GET', url: '/api/crisis-page' }], foreign: { none: 'no client data: national and organisation contacts only' } },
  'PUT /api/organisation/crisis-page': {
    own: () => [{ as: w.admin, method: 'PUT', url: '/api/organisation/crisis-page', payload: crisisPage() }],
    foreign: () => [
      { as: w.p1, method: 'PUT', url: '/api/organisation/crisis-page', payload: crisisPage() },
      { as: w.c1, method: 'PUT', url: '/api/organisation/crisis-page', payload: crisisPage() },
    ],
  },
  'POST /api/episodes/:episodeId/homework': {
    own: () => [{ as: w.p1, method: 'POST', url: `/api/episodes/${w.e1}/homework`, payload: walkHomework() }],
    foreign: () => [
      { as: w.p1, method: 'POST', url: `/api/episodes/${w.e2}/homework`, payload: walkHomework() },
      { as: w.s1, method: 'POST', url: `/api/episodes/${w.e1}/homework`, payload: walkHomework() },
      { as: w.pb, method: 'POST', url: `/api/episodes/${w.e1}/homework`, payload: walkHomework() },
      { as: w.c1, method: 'POST', url: `/api/episodes/${w.e1}/homework`, payload: walkHomework() },
    ],
  },
  'GET /api/episodes/:episodeId/homework': {
    own: () => [{ as: w.p1, method: 'GET', url: `/api/episodes/${w.e1}/homework` }],
    foreign: () => [
      { as: w.p2, method: 'GET', url: `/api/episodes/${w.e1}/homework` },
      { as: w.pb, method: 'GET', url: `/api/episodes/${w.e1}/homework` },
      { as: w.c1, method: 'GET', url: `/api/episodes/${w.e1}/homework` },
    ],
  },
  'POST /api/homework/:homeworkId/cancel': {
    own: async () => [{ as: w.p1, method: 'POST', url: `/api/homework/${await c1Homework()}/cancel`, payload: { reason: 'Route walk' } }],
    foreign: async () => {
      const real = await c1Homework();
      return [
        { as: w.p2, method: 'POST', url: `/api/homework/${real}/cancel`, payload: { reason: 'Route walk' } },
        { as: w.pb, method: 'POST', url: `/api/homework/${real}/cancel`, payload: { reason: 'Route walk' } },
        { as: w.c1, method: 'POST', url: `/api/homework/${real}/cancel`, payload: { reason: 'Route walk' } },
      ];
    },
  },
  'GET /api/me/homework': {
    own: () => [{ as: w.c1, method: 'GET', url: '/api/me/homework' }],
    foreign: async () => {
      const real = await c1Homework();
      return [
        { as: w.p1, method: 'GET', url: '/api/me/homework' },
        { as: w.c2, method: 'GET', url: '/api/me/homework', check: (res) => expect(JSON.stringify(res.json())).not.toContain(real) },
      ];
    },
  },
  'POST /api/me/agenda-items': {
    own: () => [{ as: w.c1, method: 'POST', url: '/api/me/agenda-items', payload: walkAgendaItem() }],
    foreign: async () => {
      // c1's real item: another client cannot overwrite it by its id.
      const real = walkAgendaItem();
      expect((await send({ as: w.c1, method: 'POST', url: '/api/me/agenda-items', payload: real })).statusCode).toBe(201);
      return [
        { as: w.c2, method: 'POST', url: '/api/me/agenda-items', payload: { ...real, text: 'Mine' }, refusedWith: [409] },
        { as: w.p1, method: 'POST', url: '/api/me/agenda-items', payload: walkAgendaItem() },
      ];
    },
  },
  'GET /api/me/agenda-items': {
    own: () => [{ as: w.c1, method: 'GET', url: '/api/me/agenda-items' }],
    foreign: async () => {
      const real = await c1AgendaItem();
      return [
        { as: w.p1, method: 'GET', url: '/api/me/agenda-items' },
        { as: w.c2, method: 'GET', url: '/api/me/agenda-items', check: (res) => expect(JSON.stringify(res.json())).not.toContain(real) },
      ];
    },
  },
  'POST /api/me/agenda-items/:agendaItemId/remove': {
    own: async () => [{ as: w.c1, method: 'POST', url: `/api/me/agenda-items/${await c1AgendaItem()}/remove`, payload: {} }],
    foreign: async () => {
      const real = await c1AgendaItem();
      return [
        { as: w.c2, method: 'POST', url: `/api/me/agenda-items/${real}/remove`, payload: {} },
        { as: w.p1, method: 'POST', url: `/api/me/agenda-items/${real}/remove`, payload: {} },
      ];
    },
  },
  'GET /api/clients/:clientId/agenda-items': {
    own: () => [{ as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/agenda-items` }],
    foreign: () => [
      { as: w.p2, method: 'GET', url: `/api/clients/${w.c1.id}/agenda-items` },
      { as: w.pb, method: 'GET', url: `/api/clients/${w.c1.id}/agenda-items` },
      { as: w.c2, method: 'GET', url: `/api/clients/${w.c1.id}/agenda-items` },
    ],
  },
  'POST /api/agenda-items/:agendaItemId/discussed': {
    own: async () => [{ as: w.p1, method: 'POST', url: `/api/agenda-items/${await c1AgendaItem()}/discussed`, payload: { appointmentId: w.a1 } }],
    foreign: async () => {
      const real = await c1AgendaItem();
      return [
        { as: w.p2, method: 'POST', url: `/api/agenda-items/${real}/discussed`, payload: { appointmentId: w.a1 } },
        { as: w.pb, method: 'POST', url: `/api/agenda-items/${real}/discussed`, payload: { appointmentId: w.a1 } },
        { as: w.c1, method: 'POST', url: `/api/agenda-items/${real}/discussed`, payload: { appointmentId: w.a1 } },
      ];
    },
  },
  'GET /api/me/messages': {
    own: () => [{ as: w.c1, method: 'GET', url: '/api/me/messages' }],
    foreign: async () => {
      const real = await c1Message();
      return [
        { as: w.p1, method: 'GET', url: '/api/me/messages' },
        { as: w.c2, method: 'GET', url: '/api/me/messages', check: (res) => expect(JSON.stringify(res.json())).not.toContain(real) },
      ];
    },
  },
  'GET /api/me/messages/unread': {
    own: () => [{ as: w.c1, method: 'GET', url: '/api/me/messages/unread' }],
    foreign: () => [{ as: w.p1, method: 'GET', url: '/api/me/messages/unread' }],
  },
  'POST /api/me/messages': {
    own: () => [{ as: w.c1, method: 'POST', url: '/api/me/messages', payload: walkMessage() }],
    foreign: async () => {
      // c1's real message: another client cannot overwrite it by its id.
      const real = walkMessage();
      expect((await send({ as: w.c1, method: 'POST', url: '/api/me/messages', payload: real })).statusCode).toBe(201);
      return [
        { as: w.c2, method: 'POST', url: '/api/me/messages', payload: { ...real, text: 'Mine' }, refusedWith: [409] },
        { as: w.p1, method: 'POST', url: '/api/me/messages', payload: walkMessage() },
      ];
    },
  },
  'POST /api/me/messages/read': {
    own: () => [{ as: w.c1, method: 'POST', url: '/api/me/messages/read' }],
    foreign: () => [{ as: w.p1, method: 'POST', url: '/api/me/messages/read' }],
  },
  'GET /api/messages/unread': {
    own: () => [{ as: w.p1, method: 'GET', url: '/api/messages/unread' }],
    foreign: async () => {
      await c1Message();
      return [
        { as: w.p2, method: 'GET', url: '/api/messages/unread', check: (res) => expect(JSON.stringify(res.json())).not.toContain(w.c1.id) },
        { as: w.c1, method: 'GET', url: '/api/messages/unread' },
      ];
    },
  },
  'GET /api/clients/:clientId/messages': {
    own: () => [{ as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/messages` }],
    foreign: () => [
      { as: w.p2, method: 'GET', url: `/api/clients/${w.c1.id}/messages` },
      { as: w.pb, method: 'GET', url: `/api/clients/${w.c1.id}/messages` },
      { as: w.c2, method: 'GET', url: `/api/clients/${w.c1.id}/messages` },
    ],
  },
  'POST /api/clients/:clientId/messages': {
    own: () => [{ as: w.p1, method: 'POST', url: `/api/clients/${w.c1.id}/messages`, payload: { id: newId(t.clock.now()), text: 'Route walk reply' } }],
    foreign: () => [
      { as: w.p2, method: 'POST', url: `/api/clients/${w.c1.id}/messages`, payload: { id: newId(t.clock.now()), text: 'Route walk' } },
      { as: w.pb, method: 'POST', url: `/api/clients/${w.c1.id}/messages`, payload: { id: newId(t.clock.now()), text: 'Route walk' } },
      { as: w.s1, method: 'POST', url: `/api/clients/${w.c1.id}/messages`, payload: { id: newId(t.clock.now()), text: 'Route walk' } },
      { as: w.c1, method: 'POST', url: `/api/clients/${w.c1.id}/messages`, payload: { id: newId(t.clock.now()), text: 'Route walk' } },
    ],
  },
  'POST /api/clients/:clientId/messages/read': {
    own: () => [{ as: w.p1, method: 'POST', url: `/api/clients/${w.c1.id}/messages/read` }],
    foreign: () => [
      { as: w.p2, method: 'POST', url: `/api/clients/${w.c1.id}/messages/read` },
      { as: w.pb, method: 'POST', url: `/api/clients/${w.c1.id}/messages/read` },
      { as: w.c2, method: 'POST', url: `/api/clients/${w.c1.id}/messages/read` },
    ],
  },
  'GET /api/quick-replies': {
    own: () => [{ as: w.p1, method: 'GET', url: '/api/quick-replies' }],
    foreign: async () => {
      const real = await p1QuickReply();
      return [
        { as: w.p2, method: 'GET', url: '/api/quick-replies', check: (res) => expect(JSON.stringify(res.json())).not.toContain(real) },
        { as: w.c1, method: 'GET', url: '/api/quick-replies' },
      ];
    },
  },
  'POST /api/quick-replies': {
    own: () => [{ as: w.p1, method: 'POST', url: '/api/quick-replies', payload: { id: newId(t.clock.now()), text: 'Thank you for your message.' } }],
    foreign: async () => {
      const real = await p1QuickReply();
      return [
        { as: w.p2, method: 'POST', url: '/api/quick-replies', payload: { id: real, text: 'Mine' }, refusedWith: [409] },
        { as: w.c1, method: 'POST', url: '/api/quick-replies', payload: { id: newId(t.clock.now()), text: 'Mine' } },
      ];
    },
  },
  'DELETE /api/quick-replies/:quickReplyId': {
    own: async () => [{ as: w.p1, method: 'DELETE', url: `/api/quick-replies/${await p1QuickReply()}` }],
    foreign: async () => {
      const real = await p1QuickReply();
      return [
        { as: w.p2, method: 'DELETE', url: `/api/quick-replies/${real}` },
        { as: w.c1, method: 'DELETE', url: `/api/quick-replies/${real}` },
      ];
    },
  },
  'GET /api/appointments/:appointmentId/together': {
    own: () => [{ as: w.p1, method: 'GET', url: `/api/appointments/${w.a1}/together`, check: (res) => expect(res.json().appointment.id).toBe(w.a1) }],
    foreign: () => [
      { as: w.p2, method: 'GET', url: `/api/appointments/${w.a1}/together` },
      { as: w.s1, method: 'GET', url: `/api/appointments/${w.a1}/together` },
      { as: w.pb, method: 'GET', url: `/api/appointments/${w.a1}/together` },
      { as: w.c1, method: 'GET', url: `/api/appointments/${w.a1}/together` },
    ],
  },
  'GET /api/worklist': {
    own: () => [
      { as: w.p1, method: 'GET', url: '/api/worklist', check: (res) => expect(res.json().lines.map((l: { client: { id: string } }) => l.client.id)).toContain(w.c1.id) },
      { as: w.s1, method: 'GET', url: '/api/worklist', check: (res) => expect(res.json().lines.map((l: { client: { id: string } }) => l.client.id)).toContain(w.c1.id) },
    ],
    foreign: () => [
      { as: w.p2, method: 'GET', url: '/api/worklist', check: (res) => expect(JSON.stringify(res.json())).not.toContain(w.c1.id) },
      { as: w.pb, method: 'GET', url: '/api/worklist', check: (res) => expect(JSON.stringify(res.json())).not.toContain(w.c1.id) },
      { as: w.c1, method: 'GET', url: '/api/worklist' },
    ],
  },
  'GET /api/worklist/events': {
    // Which ids a stream forwards, to whom, is tested in modules/worklist (it needs a live stream).
    own: () => [{ as: w.p1, method: 'GET', url: '/api/worklist/events', stream: true }],
    foreign: () => [{ as: w.c1, method: 'GET', url: '/api/worklist/events' }],
  },
  'GET /api/clients/:clientId/brief': {
    own: () => [{ as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/brief`, check: (res) => expect(res.json()).toHaveProperty('brief') }],
    foreign: () => [
      { as: w.p2, method: 'GET', url: `/api/clients/${w.c1.id}/brief` },
      { as: w.pb, method: 'GET', url: `/api/clients/${w.c1.id}/brief` },
      { as: w.c1, method: 'GET', url: `/api/clients/${w.c1.id}/brief` },
      { as: w.c2, method: 'GET', url: `/api/clients/${w.c1.id}/brief` },
    ],
  },
  'POST /api/appointments/:appointmentId/end-session': {
    own: async () => [{ as: w.p1, method: 'POST', url: `/api/appointments/${await pastAppointment()}/end-session`, payload: { attended: true } }],
    foreign: async () => {
      const real = await pastAppointment();
      return [
        { as: w.p2, method: 'POST', url: `/api/appointments/${real}/end-session`, payload: { attended: true } },
        { as: w.s1, method: 'POST', url: `/api/appointments/${real}/end-session`, payload: { attended: true } },
        { as: w.pb, method: 'POST', url: `/api/appointments/${real}/end-session`, payload: { attended: true } },
        { as: w.c1, method: 'POST', url: `/api/appointments/${real}/end-session`, payload: { attended: true } },
      ];
    },
  },
  'GET /api/notifications': {
    own: () => [{ as: w.p1, method: 'GET', url: '/api/notifications', check: (res) => expect(JSON.stringify(res.json())).toContain(w.c1.id) }],
    foreign: () => [
      { as: w.c1, method: 'GET', url: '/api/notifications' },
      { as: w.p2, method: 'GET', url: '/api/notifications', check: (res) => expect(JSON.stringify(res.json())).not.toContain(w.c1.id) },
    ],
  },
  'GET /api/notifications/unread-count': {
    own: () => [{ as: w.p1, method: 'GET', url: '/api/notifications/unread-count' }],
    foreign: () => [{ as: w.c1, method: 'GET', url: '/api/notifications/unread-count' }],
  },
  'POST /api/notifications/read': {
    own: async () => [{ as: w.p1, method: 'POST', url: '/api/notifications/read', payload: { ids: [await p1Notification()] } }],
    foreign: async () => {
      const real = await p1Notification();
      return [
        { as: w.c1, method: 'POST', url: '/api/notifications/read', payload: { ids: [real] } },
        { as: w.p2, method: 'POST', url: '/api/notifications/read', payload: { ids: [real] }, check: (res) => expect(res.json()).toEqual({ marked: 0 }) },
      ];
    },
  },
  'POST /api/notifications/read-all': {
    own: () => [{ as: w.p1, method: 'POST', url: '/api/notifications/read-all' }],
    foreign: () => [{ as: w.c1, method: 'POST', url: '/api/notifications/read-all' }],
  },
  'GET /api/me/notification-settings': {
    own: () => [{ as: w.p1, method: 'GET', url: '/api/me/notification-settings' }],
    foreign: () => [{ as: w.c1, method: 'GET', url: '/api/me/notification-settings' }],
  },
  'PUT /api/me/notification-settings': {
    own: async () => [{ as: w.p2, method: 'PUT', url: '/api/me/notification-settings', payload: { settings: { digestEmail: true, digestTime: '07:30', quietHours: null }, version: 0 } }],
    foreign: () => [{ as: w.c1, method: 'PUT', url: '/api/me/notification-settings', payload: { settings: { digestEmail: true, digestTime: '07:30', quietHours: null }, version: 0 } }],
  },
  'GET /api/organisation/delivery-log': {
    own: () => [{ as: w.admin, method: 'GET', url: '/api/organisation/delivery-log' }],
    foreign: async () => {
      const mine = (await t.database.db.selectFrom('email_message').select('id').where('organisation_id', '=', w.a.id).execute()).map((m) => m.id);
      return [
        { as: w.p1, method: 'GET', url: '/api/organisation/delivery-log' },
        { as: w.c1, method: 'GET', url: '/api/organisation/delivery-log' },
        // Another organisation's admin sees none of this one's deliveries.
        { as: w.adminB, method: 'GET', url: '/api/organisation/delivery-log', check: (res) => expect(res.json().items.filter((i: { id: string }) => mine.includes(i.id))).toEqual([]) },
      ];
    },
  },
  'GET /api/push/public-key': {
    own: () => [{ as: w.c1, method: 'GET', url: '/api/push/public-key' }],
    foreign: { none: 'the server’s public key, the same for everyone: no client data' },
  },
  'PUT /api/me/push-subscriptions/:subscriptionId': {
    own: () => [{ as: w.c1, method: 'PUT', url: `/api/me/push-subscriptions/${c1Push}`, payload: pushSubscription('c1') }],
    foreign: { none: 'saves a subscription for the caller’s own account only (push.test.ts: a device passed on)' },
  },
  'DELETE /api/me/push-subscriptions/:subscriptionId': {
    own: async () => {
      await send({ as: w.c2, method: 'PUT', url: `/api/me/push-subscriptions/${c2Push}`, payload: pushSubscription('c2') });
      return [{ as: w.c2, method: 'DELETE', url: `/api/me/push-subscriptions/${c2Push}` }];
    },
    foreign: async () => {
      await send({ as: w.c2, method: 'PUT', url: `/api/me/push-subscriptions/${c2Push}`, payload: pushSubscription('c2') });
      return [{ as: w.c1, method: 'DELETE', url: `/api/me/push-subscriptions/${c2Push}` }];
    },
  },
};

const c1Push = newId(new Date('2026-03-02T09:00:00Z'));
const c2Push = newId(new Date('2026-03-02T09:00:01Z'));
/** A browser's subscription at Google's push service (saving one sends nothing). */
function pushSubscription(who: string) {
  return { endpoint: `https://fcm.googleapis.com/fcm/send/route-walk-${who}`, keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'AQEBAQEBAQEBAQEBAQEBAQ' } };
}

/** A notification of p1's: the thought record c1 shared with their practitioner. */
async function p1Notification(): Promise<string> {
  const row = await t.database.db.selectFrom('staff_notification').select('id').where('staff_id', '=', w.p1.id).where('client_id', '=', w.c1.id).executeTakeFirstOrThrow();
  return row.id;
}

const walkHomework = () => ({ id: newId(t.clock.now()), items: [{ kind: 'step', moduleId: 'getting-active', stepId: 'why-doing-helps' }] });
/** A real homework of c1's, set by Priya. */
async function c1Homework(): Promise<string> {
  const body = walkHomework();
  expect((await send({ as: w.p1, method: 'POST', url: `/api/episodes/${w.e1}/homework`, payload: body })).statusCode).toBe(201);
  return body.id;
}
const walkMessage = () => ({ id: newId(t.clock.now()), text: 'Route walk message', recordedAt: t.clock.now().toISOString() });
/** A real message of c1's to their care team. */
async function c1Message(): Promise<string> {
  const body = walkMessage();
  expect((await send({ as: w.c1, method: 'POST', url: '/api/me/messages', payload: body })).statusCode).toBe(201);
  return body.id;
}
/** A real quick reply of Priya's. */
async function p1QuickReply(): Promise<string> {
  const id = newId(t.clock.now());
  expect((await send({ as: w.p1, method: 'POST', url: '/api/quick-replies', payload: { id, text: 'Thank you, I will reply soon.' } })).statusCode).toBe(201);
  return id;
}
const walkAgendaItem = () => ({ id: newId(t.clock.now()), text: 'Route walk', recordedAt: t.clock.now().toISOString() });
/** A real open agenda item of c1's. */
async function c1AgendaItem(): Promise<string> {
  const body = walkAgendaItem();
  expect((await send({ as: w.c1, method: 'POST', url: '/api/me/agenda-items', payload: body })).statusCode).toBe(201);
  return body.id;
}
let c1OtherVersion: Promise<string> | undefined;
/** The resolve address of a real other version of c1's entry: an edit from a second device that never saw the stored one (decision 0033). */
function c1OtherVersionUrl(): Promise<string> {
  c1OtherVersion ??= (async () => {
    const payload = { ...entrySave('draft', '2026-03-02T08:20:00Z'), data: { goals: [{ text: 'Walk to the shop', progress: 1 }] }, baseRevision: 0, deviceId: newId(t.clock.now()) };
    const res = await send({ as: w.c1, method: 'PUT', url: `/api/exercise-entries/${w.c1Entry}`, payload });
    const version = res.json().entry.otherVersions[0] as { id: string };
    return `/api/exercise-entries/${w.c1Entry}/other-versions/${version.id}/resolve`;
  })();
  return c1OtherVersion;
}
let pastDay = 0;
/** A real appointment of c1's that has started and is still booked (a session to end). */
async function pastAppointment(): Promise<string> {
  const body = { ...walkAppointment(`2026-02-${String(10 + pastDay++).padStart(2, '0')}T10:00:00Z`), recordingPast: true };
  expect((await send({ as: w.p1, method: 'POST', url: `/api/episodes/${w.e1}/appointments`, payload: body })).statusCode).toBe(201);
  return body.id;
}

const inSession = () => ({
  id: newId(t.clock.now()),
  instrumentId: 'gad7',
  appointmentId: null,
  answers: Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`gad7-${i + 1}`, 0])),
  authoredAt: t.clock.now().toISOString(),
  source: 'in_session',
});
/** A session-note autosave made now (each call a newer save). */
const walkNote = () => ({ agenda: 'Route walk', homeworkSet: 'Diary', savedAt: t.clock.now().toISOString() });
const moodSchedule = () => ({ weekOneTimes: ['09:00', '19:30'], laterTimes: ['19:30'], quietHours: { start: '22:00', end: '07:00' }, startsOn: '2026-03-02' });
/** An organisation template an admin might add: one session and one online step. */
const walkPlanTemplate = (id: string) => ({
  id,
  name: 'Walk template',
  description: 'Behavioural activation only.',
  step: 'low_intensity',
  sessionsPlanned: { min: 1, max: 2 },
  sessionMinutes: null,
  requiredComponents: [],
  steps: [
    { mode: 'face_to_face', component: 'behavioural_activation', moduleId: null, purpose: 'Start an activity diary', plannedWeek: null },
    { mode: 'online', component: 'behavioural_activation', moduleId: 'getting-active', purpose: 'Plan small steps', plannedWeek: null },
  ],
});
/** An edit of an episode's real plan at its current version: the last step dropped. */
async function planEdit(episodeId: string) {
  const plan = await t.database.db.selectFrom('treatment_plan').select(['version', 'steps']).where('episode_id', '=', episodeId).executeTakeFirstOrThrow();
  return { version: plan.version, steps: (plan.steps as { id: string }[]).slice(0, -1), reason: 'Route walk' };
}
/** A new episode of a client of p1 whose plan was never made (as for an episode opened before plans). */
async function episodeWithoutPlan(): Promise<string> {
  const client = await makeClient(t.database.db, t.clock.now(), w.a.id, [w.p1.id]);
  const episode = walkReferral(w.p1.id);
  expect((await send({ as: w.p1, method: 'POST', url: `/api/clients/${client.id}/episodes`, payload: episode })).statusCode).toBe(201);
  const plan = await t.database.db.selectFrom('treatment_plan').select('id').where('episode_id', '=', episode.id).executeTakeFirstOrThrow();
  await t.database.db.deleteFrom('treatment_plan_change').where('plan_id', '=', plan.id).execute();
  await t.database.db.deleteFrom('treatment_plan').where('id', '=', plan.id).execute();
  return episode.id;
}
const crisisPage = () => ({
  contacts: [{ name: 'Local crisis line', description: 'Open day and night.', phone: '0800 000 0000' }],
  reviewedBy: 'Dr A Clinical Lead',
  reviewedOn: '2026-03-01',
  version: 0,
});

async function send(req: Req): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { origin };
  if (req.as) headers.cookie = await signInAs(t.app, origin, req.as.email);
  if (req.stream && req.as) {
    const res = await t.app.inject({ method: req.method, url: req.url, headers, payloadAsStream: true });
    res.stream().destroy();
    return { statusCode: res.statusCode, headers: res.headers, body: '', json: () => ({}) } as unknown as LightMyRequestResponse;
  }
  return t.app.inject({ method: req.method, url: req.url, headers, ...(req.payload ? { payload: req.payload } : {}) });
}

describe('route walk', () => {
  it('covers every registered API route, and only those', () => {
    const registered = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered.length).toBeGreaterThan(10);
    expect(Object.keys(cases).sort()).toEqual(registered);
  });

  it('lists exactly the public routes as public', () => {
    const open = t.app.apiRoutes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
    expect(open.sort()).toEqual([...publicApiRoutes].sort());
  });

  it('refuses to register an API route that declares no access', async () => {
    await expect(
      createTestApp({
        register: (app) => {
          app.get('/api/forgotten', async () => ({}));
        },
      }),
    ).rejects.toThrow(/declares no access/);
  });

  it.each(Object.keys(cases))('%s', async (key) => {
    const routeCase = cases[key]!;
    const access = t.app.apiRoutes.find((r) => `${r.method} ${r.url}` === key)?.access;
    const own = await routeCase.own();
    expect(own.length).toBeGreaterThan(0);
    if (access === 'signed-in') {
      for (const req of own) {
        const anonymous = await send({ ...req, as: null, check: undefined });
        expect(anonymous.statusCode, `${key} without a session`).toBe(401);
        expect(anonymous.json().error.code).toBe('auth.unauthenticated');
      }
    }
    if (!('none' in routeCase.foreign)) {
      for (const req of await routeCase.foreign()) {
        const res = await send(req);
        if (req.check) {
          expect(res.statusCode, `${key} (list) by ${req.as?.email}`).toBe(200);
          req.check(res);
        } else {
          expect([403, 404, ...(req.refusedWith ?? [])], `${key} by ${req.as?.email}: ${res.body}`).toContain(res.statusCode);
          expect(JSON.stringify(res.json())).not.toMatch(/"givenName"|"familyName"|"dateOfBirth"/);
        }
      }
    }
    for (const req of own) {
      const res = await send(req);
      expect(res.statusCode, `${key} by its owner: ${res.body}`).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, `${key} by its owner: ${res.body}`).toBeLessThan(300);
      req.check?.(res);
    }
  });
});

/*
 * Property-based fuzzing of every route (issue 11 item 5): each owner's request above, with its
 * body, address and query changed by fast-check — a field replaced by something hostile, removed,
 * added, nested deeper, the whole body swapped — is sent as its owner. Never a 500; and a request
 * that is refused leaves every table as it was (no partial write). Refusals are audited, sessions
 * and sign-in counters move, so those three tables are left out of the comparison.
 * FUZZ_RUNS sets the cases per request (default 6; CI runs the default).
 */
const fuzzRuns = Number(process.env.FUZZ_RUNS ?? 6);
const volatileTables = new Set(['audit_event', 'auth_session', 'sign_in_throttle']);

async function snapshot(): Promise<Record<string, string>> {
  const db = t.database.db;
  const tables = (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)).rows
    .map((r) => r.name)
    .filter((name) => !volatileTables.has(name));
  const query = tables.map((name) => `select '${name}' as name, md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as sum from "${name}" t`).join(' union all ');
  const rows = (await sql.raw<{ name: string; sum: string }>(query).execute(db)).rows;
  return Object.fromEntries(rows.map((r) => [r.name, r.sum]));
}

const hostile = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 2000 }),
  fc.uuid(),
  fc.constantFrom<unknown>(null, '', ' ', '\u0000', '\ud800', 'NaN', -1, 0, 1e308, -1e308, 2 ** 53, 1.5, '9999-12-31', '2026-02-30', '2026-03-02T25:61:00Z', '0000-00-00T00:00:00Z', 'x'.repeat(70_000), [], {}, true, '<script>alert(1)</script>', "'; drop table client; --"),
);

function mutated(value: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 3) return hostile;
  if (Array.isArray(value)) {
    const options: fc.Arbitrary<unknown>[] = [hostile, fc.constant([]), fc.constant(Array.from({ length: 500 }, () => value[0] ?? null))];
    if (value.length) options.push(fc.nat(value.length - 1).chain((i) => mutated(value[i], depth + 1).map((v) => value.map((x, j) => (j === i ? v : x)))));
    return fc.oneof(...options);
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    const options: fc.Arbitrary<unknown>[] = [hostile, fc.tuple(fc.string({ maxLength: 12 }), hostile).map(([k, v]) => ({ ...record, [k]: v }))];
    if (keys.length) {
      options.push(fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(record).filter(([key]) => key !== k))));
      options.push(fc.constantFrom(...keys).chain((k) => mutated(record[k], depth + 1).map((v) => ({ ...record, [k]: v }))));
    }
    return fc.oneof(...options);
  }
  return hostile;
}

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const hostileSegment = fc.oneof(fc.uuid(), fc.constantFrom('x', '%00', '..', 'null', '-1', '1'.repeat(300), '%F0%9F%92%A9', '00000000-0000-0000-0000-000000000000'));

/** The request with its address, query or body changed. */
function mutatedRequest(req: Req): fc.Arbitrary<Req> {
  const ids = req.url.match(uuidPattern) ?? [];
  const options: fc.Arbitrary<Req>[] = [];
  if (req.payload !== undefined) options.push(mutated(req.payload).map((payload) => ({ ...req, payload: payload as object })));
  else options.push(hostile.map((payload) => ({ ...req, payload: (typeof payload === 'object' && payload !== null ? payload : { value: payload }) as object })));
  if (ids.length) options.push(fc.tuple(fc.constantFrom(...ids), hostileSegment).map(([id, segment]) => ({ ...req, url: req.url.replace(id, segment) })));
  options.push(fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 300 })).map(([k, v]) => ({ ...req, url: `${req.url}${req.url.includes('?') ? '&' : '?'}${encodeURIComponent(k)}=${encodeURIComponent(v)}` })));
  return fc.oneof(...options).map((r) => ({ ...r, check: undefined }));
}

describe('fuzzing every route', () => {
  // Sign-in last: its refusals slow further sign-ins down, which every other case needs.
  const keys = Object.keys(cases).sort((x, y) => Number(x === 'POST /api/auth/sign-in') - Number(y === 'POST /api/auth/sign-in'));
  it.each(keys)('%s: no 500, and a refused request writes nothing', async (key) => {
    const own = (await cases[key]!.own()).filter((req) => !req.stream);
    for (const req of own) {
      await fc.assert(
        fc.asyncProperty(mutatedRequest(req), async (changed) => {
          const before = await snapshot();
          const res = await send(changed);
          expect(res.statusCode, `${changed.method} ${changed.url} ${JSON.stringify(changed.payload)?.slice(0, 300)} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
          if (res.statusCode >= 400) expect(await snapshot(), `${changed.method} ${changed.url} was refused (${res.statusCode}) but wrote`).toEqual(before);
        }),
        { numRuns: fuzzRuns, seed: Number(process.env.FUZZ_SEED ?? 20261126) },
      );
    }
  });
});
