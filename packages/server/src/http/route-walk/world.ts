import { consentWordingVersion, newId } from '@tandem/domain';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { makeClient, makeOrganisation, makeStaff, signInAs } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { AccessRule, Caller } from './access-table';

/**
 * The route walk's world: two organisations of real people and real records, made through the
 * real API where it can be, and the helpers the cases share. See route-walk.test.ts.
 */
export type Person = { email: string } | null;
export interface Req {
  as: Person;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  payload?: object;
  check?: (res: LightMyRequestResponse) => void;
  /** Refusal statuses other than 403/404 that are right for this request. */
  refusedWith?: number[];
  /** An event stream: answered once its head is written, then closed. */
  stream?: true;
  /** A session of the person's own other than their usual one (half-way through signing in, or remembered). */
  cookie?: string;
  /** Answers other than 2xx that are this request's success (a redirect; a feature the walk's app has not set up). */
  okStatuses?: number[];
}
export interface RouteCase {
  /** Who may make the owner's request, by the access table (access-table.ts). */
  who: AccessRule;
  /**
   * The owner's request(s), on the owner's real records; the first one is also sent as every
   * caller of the table. Called afresh for each caller, so a request that uses a record up gets
   * a new one; `by` is who will send it (a versioned write reads that person's version).
   */
  own: (by?: Person) => Promise<Req[]> | Req[];
  /**
   * Further requests the table does not express: another person's real record reached another way
   * (by reusing its id, by another of their records), a list's content; or why there are none.
   */
  foreign?: (() => Promise<Req[]> | Req[]) | { none: string };
}

type Staff = Awaited<ReturnType<typeof makeStaff>>;
type Client = Awaited<ReturnType<typeof makeClient>>;

export let t: TestApp;
export let origin: string;
export const w = {} as {
  a: { id: string; siteId: string };
  b: { id: string; siteId: string };
  p1: Staff;
  p2: Staff;
  s1: Staff;
  /** A supervisor of Organisation A who supervises p2, not p1. */
  s2: Staff;
  admin: Staff;
  /** A second admin of Organisation A, holding a live break-glass grant for c1 and c1Spare. */
  admin2: Staff;
  /** A practitioner of Organisation A off c1's care team, to whom an open alert for c1 is routed. */
  d1: Staff;
  /** A practitioner of Organisation A off c1's care team, to whom one of c1's messages was routed (away cover). */
  m1: Staff;
  pb: Staff;
  adminB: Staff;
  c1: Client;
  c2: Client;
  c1Spare: Client;
  cb: Client;
  c1CheckIn: string;
  e1: string;
  e2: string;
  a1: string;
  /** A treatment appointment of c1 tomorrow: questionnaires are due for it. */
  a2: string;
  c1Response: string;
  c1Alert: string;
  /** c1's second alert, routed to the duty person d1 and left open. */
  dutyAlert: string;
  p1Task: string;
  /** A thought record c1 has sent (revision 1). */
  c1Entry: string;
};

/** The person behind each caller of the access table. */
export function person(caller: Caller): Person {
  const people: Record<Caller, Person> = {
    anonymous: null,
    owner: w.c1,
    sameOrgClient: w.c2,
    otherOrgClient: w.cb,
    assigned: w.p1,
    colleague: w.p2,
    otherOrgPractitioner: w.pb,
    supervisor: w.s1,
    otherSupervisor: w.s2,
    admin: w.admin,
    breakGlassAdmin: w.admin2,
    otherOrgAdmin: w.adminB,
    duty: w.d1,
    messageCover: w.m1,
  };
  return people[caller];
}

/** Strings of the owner's records that must never appear in an answer about someone else's data. */
export function ownerMarkers(): string[] {
  return [w.c1.id, w.c1.familyName, w.e1, w.a1, w.a2, w.c1CheckIn, w.c1Entry, w.c1Response, w.c1Alert, w.dutyAlert, w.p1Task];
}

export async function setUpWorld(): Promise<void> {
  t = await createTestApp();
  origin = t.config.publicOrigin;
  const db = t.database.db;
  const now = t.clock.now();
  w.a = await makeOrganisation(db, now, 'Organisation A');
  w.b = await makeOrganisation(db, now, 'Organisation B');
  w.s1 = await makeStaff(db, now, w.a.id, ['supervisor']);
  w.s2 = await makeStaff(db, now, w.a.id, ['supervisor']);
  w.p1 = await makeStaff(db, now, w.a.id, ['practitioner'], { supervisorId: w.s1.id });
  w.p2 = await makeStaff(db, now, w.a.id, ['practitioner'], { supervisorId: w.s2.id });
  w.d1 = await makeStaff(db, now, w.a.id, ['practitioner']);
  w.m1 = await makeStaff(db, now, w.a.id, ['practitioner']);
  w.admin = await makeStaff(db, now, w.a.id, ['admin']);
  w.admin2 = await makeStaff(db, now, w.a.id, ['admin']);
  w.pb = await makeStaff(db, now, w.b.id, ['practitioner']);
  w.adminB = await makeStaff(db, now, w.b.id, ['admin']);
  w.c1 = await makeClient(db, now, w.a.id, [w.p1.id]);
  w.c2 = await makeClient(db, now, w.a.id, [w.p2.id]);
  w.c1Spare = await makeClient(db, now, w.a.id, [w.p1.id], { account: 'none' });
  w.cb = await makeClient(db, now, w.b.id, [w.pb.id]);
  // cb is in care too (an episode with pb), so cb's own client app works like c1's.
  const eb = { id: newId(now), referralDate: '2026-02-20', referralSource: 'self', problemDescriptor: 'Depression', step: 'low_intensity', assignedPractitionerId: w.pb.id };
  expect((await send({ as: w.pb, method: 'POST', url: `/api/clients/${w.cb.id}/episodes`, payload: eb })).statusCode).toBe(201);
  w.c1CheckIn = newId(now);
  const made = await send({ as: w.c1, method: 'POST', url: '/api/check-ins', payload: { id: w.c1CheckIn, mood: 4, recordedAt: '2026-03-02T08:00:00Z' } });
  expect(made.statusCode).toBe(201);
  // An episode each for c1 (Priya's caseload) and c2 (another caseload), and an appointment.
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
  w.e1 = e1.id;
  w.e2 = e2.id;
  for (const [as, clientId, body] of [[w.p1, w.c1.id, e1], [w.p2, w.c2.id, e2]] as const) {
    expect((await send({ as, method: 'POST', url: `/api/clients/${clientId}/episodes`, payload: body })).statusCode).toBe(201);
  }
  w.a1 = newId(now);
  const booked = await send({
    as: w.p1,
    method: 'POST',
    url: `/api/episodes/${w.e1}/appointments`,
    payload: { id: w.a1, startsAt: '2026-03-02T08:00:00Z', durationMinutes: 30, purpose: 'assessment', contactMethod: 'phone', recordingPast: true },
  });
  expect(booked.statusCode).toBe(201);
  w.a2 = newId(now);
  const tomorrow = await send({
    as: w.p1,
    method: 'POST',
    url: `/api/episodes/${w.e1}/appointments`,
    payload: { id: w.a2, startsAt: '2026-03-03T10:00:00Z', durationMinutes: 45, purpose: 'treatment', contactMethod: 'video' },
  });
  expect(tomorrow.statusCode).toBe(201);
  // c1 has started a PHQ-9 and pressed the help button: one response, one alert.
  w.c1Response = newId(now);
  const answered = await send({
    as: w.c1,
    method: 'PUT',
    url: `/api/questionnaire-responses/${w.c1Response}/answers/phq9-1`,
    payload: { instrumentId: 'phq9', appointmentId: w.a2, value: 1, recordedAt: now.toISOString() },
  });
  expect(answered.statusCode).toBe(200);
  w.c1Alert = await c1HelpRequest();
  // A second press of the help button, routed on to the person on duty (as an escalation does;
  // who is chosen is tested in modules/duty and modules/risk): d1 may read c1's record while it is open.
  w.dutyAlert = await c1HelpRequest();
  await db.updateTable('risk_alert').set({ recipient_staff_id: w.d1.id, recipient_reason: 'escalation' }).where('id', '=', w.dutyAlert).execute();
  // A message of c1's, routed to m1 as away cover does (who is chosen: modules/messages).
  const covered = { id: newId(now), text: 'Route walk: while Priya is away', recordedAt: now.toISOString() };
  expect((await send({ as: w.c1, method: 'POST', url: '/api/me/messages', payload: covered })).statusCode).toBe(201);
  await db.updateTable('message').set({ routed_to_staff_id: w.m1.id, route: 'care_team' }).where('id', '=', covered.id).execute();
  // The second admin opens c1's (and c1Spare's) record under break-glass, with a reason.
  for (const client of [w.c1, w.c1Spare]) {
    const glass = await send({ as: w.admin2, method: 'POST', url: `/api/clients/${client.id}/break-glass`, payload: { reason: 'Route walk: the client’s GP asked for the emergency contact' } });
    expect(glass.statusCode, glass.body).toBeLessThan(300);
  }
  w.p1Task = newId(now);
  await db
    .insertInto('follow_up_task')
    .values({ id: w.p1Task, organisation_id: w.a.id, client_id: w.c1.id, episode_id: w.e1, kind: 'missed_appointment_after_alert', appointment_id: w.a1, alert_id: w.c1Alert, assigned_staff_id: w.p1.id, due_at: now, status: 'open', done_at: null, done_by: null, note: null, created_at: now })
    .execute();
  w.c1Entry = newId(now);
  const sent = await send({ as: w.c1, method: 'PUT', url: `/api/exercise-entries/${w.c1Entry}`, payload: entrySave('submitted', '2026-03-02T08:30:00Z') });
  expect(sent.statusCode).toBe(200);
}

/** A real press of c1's help button: a new open alert, routed by the duty rules. */
export async function c1HelpRequest(): Promise<string> {
  const id = newId(t.clock.now());
  const help = await send({ as: w.c1, method: 'POST', url: '/api/help-requests', payload: { id, recordedAt: t.clock.now().toISOString() } });
  expect(help.statusCode).toBe(201);
  return id;
}

export function entrySave(status: 'draft' | 'submitted', recordedAt: string) {
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
export async function freshInvitationToken(): Promise<string> {
  const client = await makeClient(t.database.db, t.clock.now(), w.a.id, [w.p1.id], { account: 'none', dateOfBirth: '1985-05-05' });
  expect((await send({ as: w.p1, method: 'POST', url: `/api/clients/${client.id}/invitation` })).statusCode).toBeLessThan(300);
  await t.runJobs();
  const mail = await t.database.db.selectFrom('email_message').select('body_text').where('to_address', '=', client.email).executeTakeFirstOrThrow();
  return /#([A-Za-z0-9_-]{43})/.exec(mail.body_text ?? '')![1]!;
}

/** The staff member's organisation (Organisation A for anyone who is not staff). */
function organisationOf(by: Person | undefined): string {
  const staff = [w.p1, w.p2, w.s1, w.s2, w.d1, w.m1, w.admin, w.admin2, w.pb, w.adminB].find((s) => s.email === by?.email);
  return staff?.organisationId ?? w.a.id;
}
/** The current version of an organisation's setting, as the person who will write it would read it. */
export async function settingVersion(table: 'risk_policy' | 'care_settings' | 'organisation_plan_defaults' | 'crisis_page_version', by: Person | undefined): Promise<number> {
  const row = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.max('version').as('version'))
    .where('organisation_id', '=', organisationOf(by))
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}
/** A new episode of a new client of Priya's (p1), to move or end. */
export async function p1Episode(): Promise<string> {
  const client = await makeClient(t.database.db, t.clock.now(), w.a.id, [w.p1.id]);
  const episode = walkReferral(w.p1.id);
  expect((await send({ as: w.p1, method: 'POST', url: `/api/clients/${client.id}/episodes`, payload: episode })).statusCode).toBe(201);
  return episode.id;
}
export const moodScheduleVersion = async (clientId: string) =>
  (await t.database.db.selectFrom('mood_prompt_schedule').select('version').where('client_id', '=', clientId).executeTakeFirst())?.version ?? 0;
let staffCount = 0;
export const walkStaff = () => ({ id: newId(t.clock.now()), email: `walk.staff.${staffCount++}@example.test`, displayName: 'Walk', roles: ['practitioner'] });

export const walkReferral = (assignedPractitionerId: string) => ({
  id: newId(t.clock.now()),
  referralDate: '2026-02-21',
  referralSource: 'gp',
  problemDescriptor: 'Low mood',
  step: 'low_intensity',
  assignedPractitionerId,
});
export const walkAppointment = (startsAt: string) => ({ id: newId(t.clock.now()), startsAt, durationMinutes: 30, purpose: 'treatment', contactMethod: 'video' });
export const episodeVersion = async (id: string) => (await t.database.db.selectFrom('episode').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
export const appointmentVersion = async (id: string) => (await t.database.db.selectFrom('appointment').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

export const walkHours = (siteLeadStaffId: string) => ({
  weekly: { monday: [{ opens: '09:00', closes: '17:00' }] },
  closureDates: [],
  siteLeadStaffId,
});
let rotaDay = 0;
export const walkRota = (staffId: string) => {
  const day = String(10 + rotaDay++).padStart(2, '0');
  return { periods: [{ id: newId(t.clock.now()), staffId, startsAt: `2026-07-${day}T09:00:00Z`, endsAt: `2026-07-${day}T17:00:00Z` }] };
};

export const walkConsent = () => ({
  id: newId(t.clock.now()),
  wordingVersion: consentWordingVersion,
  choices: { blendedTreatment: true, messagingUnderstood: true, channels: { email: true, sms: false, push: false }, research: false },
});

export const ids2 = (res: LightMyRequestResponse) => (res.json().episodes as { episodeId: string }[]).map((e) => e.episodeId);
export const ids = (res: LightMyRequestResponse, key: string) => (res.json()[key] as { id: string }[]).map((x) => x.id);


export const c1Push = newId(new Date('2026-03-02T09:00:00Z'));
export const c2Push = newId(new Date('2026-03-02T09:00:01Z'));
/** A browser's subscription at Google's push service (saving one sends nothing). */
export function pushSubscription(who: string) {
  return { endpoint: `https://fcm.googleapis.com/fcm/send/route-walk-${who}`, keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'AQEBAQEBAQEBAQEBAQEBAQ' } };
}

/** A notification of p1's: the thought record c1 shared with their practitioner. */
export async function p1Notification(): Promise<string> {
  const row = await t.database.db.selectFrom('staff_notification').select('id').where('staff_id', '=', w.p1.id).where('client_id', '=', w.c1.id).executeTakeFirstOrThrow();
  return row.id;
}

export const walkHomework = () => ({ id: newId(t.clock.now()), items: [{ kind: 'step', moduleId: 'getting-active', stepId: 'why-doing-helps' }] });
/** A real homework of c1's, set by Priya. */
export async function c1Homework(): Promise<string> {
  const body = walkHomework();
  expect((await send({ as: w.p1, method: 'POST', url: `/api/episodes/${w.e1}/homework`, payload: body })).statusCode).toBe(201);
  return body.id;
}
export const walkMessage = () => ({ id: newId(t.clock.now()), text: 'Route walk message', recordedAt: t.clock.now().toISOString() });
/** A real message of c1's to their care team. */
export async function c1Message(): Promise<string> {
  const body = walkMessage();
  expect((await send({ as: w.c1, method: 'POST', url: '/api/me/messages', payload: body })).statusCode).toBe(201);
  return body.id;
}
/** A real quick reply of Priya's. */
export async function p1QuickReply(): Promise<string> {
  const id = newId(t.clock.now());
  expect((await send({ as: w.p1, method: 'POST', url: '/api/quick-replies', payload: { id, text: 'Thank you, I will reply soon.' } })).statusCode).toBe(201);
  return id;
}
export const walkAgendaItem = () => ({ id: newId(t.clock.now()), text: 'Route walk', recordedAt: t.clock.now().toISOString() });
/** A real open agenda item of c1's. */
export async function c1AgendaItem(): Promise<string> {
  const body = walkAgendaItem();
  expect((await send({ as: w.c1, method: 'POST', url: '/api/me/agenda-items', payload: body })).statusCode).toBe(201);
  return body.id;
}
let c1OtherVersion: Promise<string> | undefined;
/** The resolve address of a real other version of c1's entry: an edit from a second device that never saw the stored one (decision 0033). */
export function c1OtherVersionUrl(): Promise<string> {
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
export async function pastAppointment(): Promise<string> {
  const body = { ...walkAppointment(`2026-02-${String(10 + pastDay++).padStart(2, '0')}T10:00:00Z`), recordingPast: true };
  expect((await send({ as: w.p1, method: 'POST', url: `/api/episodes/${w.e1}/appointments`, payload: body })).statusCode).toBe(201);
  return body.id;
}

export const inSession = () => ({
  id: newId(t.clock.now()),
  instrumentId: 'gad7',
  appointmentId: null,
  answers: Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`gad7-${i + 1}`, 0])),
  authoredAt: t.clock.now().toISOString(),
  source: 'in_session',
});
/** A session-note autosave made now (each call a newer save). */
export const walkNote = () => ({ agenda: 'Route walk', homeworkSet: 'Diary', savedAt: t.clock.now().toISOString() });
export const moodSchedule = () => ({ weekOneTimes: ['09:00', '19:30'], laterTimes: ['19:30'], quietHours: { start: '22:00', end: '07:00' }, startsOn: '2026-03-02' });
/** An organisation template an admin might add: one session and one online step. */
export const walkPlanTemplate = (id: string) => ({
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
export async function planEdit(episodeId: string) {
  const plan = await t.database.db.selectFrom('treatment_plan').select(['version', 'steps']).where('episode_id', '=', episodeId).executeTakeFirstOrThrow();
  return { version: plan.version, steps: (plan.steps as { id: string }[]).slice(0, -1), reason: 'Route walk' };
}
/** A new episode of a client of p1 whose plan was never made (as for an episode opened before plans). */
export async function episodeWithoutPlan(): Promise<string> {
  const client = await makeClient(t.database.db, t.clock.now(), w.a.id, [w.p1.id]);
  const episode = walkReferral(w.p1.id);
  expect((await send({ as: w.p1, method: 'POST', url: `/api/clients/${client.id}/episodes`, payload: episode })).statusCode).toBe(201);
  const plan = await t.database.db.selectFrom('treatment_plan').select('id').where('episode_id', '=', episode.id).executeTakeFirstOrThrow();
  await t.database.db.deleteFrom('treatment_plan_change').where('plan_id', '=', plan.id).execute();
  await t.database.db.deleteFrom('treatment_plan').where('id', '=', plan.id).execute();
  return episode.id;
}
export const crisisPage = () => ({
  contacts: [{ name: 'Local crisis line', description: 'Open day and night.', phone: '0800 000 0000' }],
  reviewedBy: 'Dr A Clinical Lead',
  reviewedOn: '2026-03-01',
  version: 0,
});

const cookies = new Map<string, string>();
async function cookieOf(email: string, fresh: boolean): Promise<string> {
  if (fresh || !cookies.has(email)) cookies.set(email, await signInAs(t.app, origin, email));
  return cookies.get(email)!;
}

/**
 * Sends a request as its person, on a session kept per person (signing in is the slow part). A
 * case that ends the session (sign-out, sign-out everywhere) is answered 401 on the next use: the
 * person then signs in again and the request is sent once more.
 */
export async function send(req: Req): Promise<LightMyRequestResponse> {
  const once = async (fresh: boolean) => {
    const headers: Record<string, string> = { origin };
    if (req.as) headers.cookie = req.cookie ?? (await cookieOf(req.as.email, fresh));
    if (req.stream && req.as) {
      const res = await t.app.inject({ method: req.method, url: req.url, headers, payloadAsStream: true });
      res.stream().destroy();
      return { statusCode: res.statusCode, headers: res.headers, body: '', json: () => ({}) } as unknown as LightMyRequestResponse;
    }
    return t.app.inject({ method: req.method, url: req.url, headers, ...(req.payload ? { payload: req.payload } : {}) });
  };
  const res = await once(false);
  return req.as && !req.cookie && res.statusCode === 401 ? once(true) : res;
}
