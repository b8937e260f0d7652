import { newId } from '@tandem/domain';
import { expect } from 'vitest';
import { makeStaff } from '../../test/factories';
import type { RouteCase } from './world';
import { p1Episode, walkStaff, appointmentVersion, episodeVersion, freshInvitationToken, ids, ids2, send, t, w, walkAppointment, walkConsent, walkHours, walkReferral, walkRota } from './world';

let rescheduled = 0;

/** Clients, episodes, appointments, consent, sites and duty, staff. */
export const recordCases: Record<string, RouteCase> = {
  'GET /api/health': { who: 'public', own: () => [{ as: null, method: 'GET', url: '/api/health' }], foreign: { none: 'no client data' } },
  'GET /api/openapi.json': { who: 'public', own: () => [{ as: null, method: 'GET', url: '/api/openapi.json' }], foreign: { none: 'no client data' } },
  'POST /api/auth/sign-in': {
    who: 'public',
    own: () => [{ as: null, method: 'POST', url: '/api/auth/sign-in', payload: { email: w.c1.email, password: 'correct horse battery staple' } }],
    foreign: { none: 'answers only for the credentials given' },
  },
  'POST /api/invitations/inspect': {
    who: 'public',
    own: async () => [{ as: null, method: 'POST', url: '/api/invitations/inspect', payload: { token: await freshInvitationToken() } }],
    foreign: { none: 'the token is the only key; a wrong one is refused (invitations.test.ts)' },
  },
  'POST /api/invitations/accept': {
    who: 'public',
    own: async () => [
      { as: null, method: 'POST', url: '/api/invitations/accept', payload: { token: await freshInvitationToken(), password: 'a long enough passphrase', dateOfBirth: '1985-05-05' } },
    ],
    foreign: { none: 'needs the token and the client’s date of birth (invitations.test.ts)' },
  },
  'GET /api/me': {
    who: 'self',
    own: () => [{ as: w.c1, method: 'GET', url: '/api/me', check: (res) => expect(res.json().actor.clientId).toBe(w.c1.id) }],
    foreign: { none: 'answers for the caller only; no id can be given' },
  },
  'POST /api/auth/sign-out': { who: 'self', own: () => [{ as: w.c1, method: 'POST', url: '/api/auth/sign-out' }], foreign: { none: 'ends the caller’s own session only' } },
  'POST /api/auth/sign-out-everywhere': { who: 'self', own: () => [{ as: w.c1, method: 'POST', url: '/api/auth/sign-out-everywhere' }], foreign: { none: 'ends the caller’s own sessions and devices only' } },
  'GET /api/clients': {
    who: 'caseload',
    own: () => [
      { as: w.p1, method: 'GET', url: '/api/clients', check: (res) => expect(ids(res, 'clients')).toEqual(expect.arrayContaining([w.c1.id])) },
      { as: w.s1, method: 'GET', url: '/api/clients', check: (res) => expect(ids(res, 'clients')).toContain(w.c1.id) },
    ],
    foreign: () => [
      // Someone else's caseload never appears in the list.
      { as: w.p1, method: 'GET', url: '/api/clients', check: (res) => expect(ids(res, 'clients')).not.toEqual(expect.arrayContaining([w.c2.id])) },
      { as: w.p1, method: 'GET', url: '/api/clients', check: (res) => expect(ids(res, 'clients')).not.toContain(w.cb.id) },
      { as: w.s1, method: 'GET', url: '/api/clients', check: (res) => expect(ids(res, 'clients')).not.toContain(w.c2.id) },
    ],
  },
  'POST /api/clients': {
    who: 'registerClients',
    own: () => [
      { as: w.p1, method: 'POST', url: '/api/clients', payload: { id: newId(t.clock.now()), givenName: 'A', familyName: 'B', dateOfBirth: '1990-01-01', email: 'walk.new@example.test' } },
    ],
    foreign: () => [
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
    who: 'readRecord',
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
    ],
  },
  'POST /api/clients/:clientId/invitation': {
    who: 'careTeam',
    own: () => [{ as: w.p1, method: 'POST', url: `/api/clients/${w.c1Spare.id}/invitation` }],
    foreign: () => [
      { as: w.p1, method: 'POST', url: `/api/clients/${w.c2.id}/invitation` },
    ],
  },
  'POST /api/clients/:clientId/care-team': {
    who: 'manageCareTeam',
    // A new colleague each time, so nobody of the table joins the care team.
    own: async () => [{ as: w.p1, method: 'POST', url: `/api/clients/${w.c1Spare.id}/care-team`, payload: { staffId: (await makeStaff(t.database.db, t.clock.now(), w.a.id, ['practitioner'])).id } }],
    foreign: () => [
      { as: w.p1, method: 'POST', url: `/api/clients/${w.c2.id}/care-team`, payload: { staffId: w.p1.id } },
      { as: w.pb, method: 'POST', url: `/api/clients/${w.c1.id}/care-team`, payload: { staffId: w.pb.id } },
      { as: w.c1, method: 'POST', url: `/api/clients/${w.c1.id}/care-team`, payload: { staffId: w.p2.id } },
    ],
  },
  'POST /api/clients/:clientId/break-glass': {
    who: 'breakGlass',
    own: () => [{ as: w.admin, method: 'POST', url: `/api/clients/${w.c2.id}/break-glass`, payload: { reason: 'Route walk: emergency contact needed' } }],
  },
  'POST /api/check-ins': {
    who: 'clientSelf',
    own: () => [{ as: w.c1, method: 'POST', url: '/api/check-ins', payload: { id: newId(t.clock.now()), mood: 6, recordedAt: t.clock.now().toISOString() } }],
    foreign: () => [
      // Another client's stored check-in id cannot be overwritten or read back.
      { as: w.c2, method: 'POST', url: '/api/check-ins', payload: { id: w.c1CheckIn, mood: 6, recordedAt: '2026-03-02T08:00:00Z' }, refusedWith: [409] },
    ],
  },
  'GET /api/check-ins': {
    who: 'clientSelf',
    own: () => [{ as: w.c1, method: 'GET', url: '/api/check-ins', check: (res) => expect(ids(res, 'checkIns')).toContain(w.c1CheckIn) }],
    foreign: () => [
      { as: w.c2, method: 'GET', url: '/api/check-ins', check: (res) => expect(ids(res, 'checkIns')).not.toContain(w.c1CheckIn) },
    ],
  },
  'GET /api/clients/:clientId/check-ins': {
    who: 'readRecord',
    own: () => [
      { as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/check-ins`, check: (res) => expect(ids(res, 'checkIns')).toContain(w.c1CheckIn) },
      { as: w.s1, method: 'GET', url: `/api/clients/${w.c1.id}/check-ins` },
    ],
  },
  'GET /api/clients/:clientId/episodes': {
    who: 'readRecord',
    own: () => [
      { as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/episodes`, check: (res) => expect(ids(res, 'episodes')).toEqual([w.e1]) },
      { as: w.s1, method: 'GET', url: `/api/clients/${w.c1.id}/episodes` },
    ],
    foreign: () => [
      { as: w.p1, method: 'GET', url: `/api/clients/${w.c2.id}/episodes` },
    ],
  },
  'POST /api/clients/:clientId/episodes': {
    who: 'careTeam',
    own: () => [{ as: w.p1, method: 'POST', url: `/api/clients/${w.c1Spare.id}/episodes`, payload: walkReferral(w.p1.id) }],
    foreign: () => [
      { as: w.p1, method: 'POST', url: `/api/clients/${w.c2.id}/episodes`, payload: walkReferral(w.p1.id) },
      { as: w.s1, method: 'POST', url: `/api/clients/${w.c1.id}/episodes`, payload: walkReferral(w.p1.id) },
      { as: w.pb, method: 'POST', url: `/api/clients/${w.c1.id}/episodes`, payload: walkReferral(w.pb.id) },
      { as: w.c1, method: 'POST', url: `/api/clients/${w.c1.id}/episodes`, payload: walkReferral(w.p1.id) },
    ],
  },
  'POST /api/episodes/:episodeId/status': {
    who: 'careTeam',
    own: () => [{ as: w.p1, method: 'POST', url: `/api/episodes/${w.e1}/status`, payload: { status: 'active', version: 1 } }],
    foreign: () => [
      { as: w.p1, method: 'POST', url: `/api/episodes/${w.e2}/status`, payload: { status: 'active', version: 1 } },
    ],
  },
  'POST /api/episodes/:episodeId/step': {
    who: 'careTeam',
    own: async () => [{ as: w.p1, method: 'POST', url: `/api/episodes/${w.e1}/step`, payload: { step: 'high_intensity', version: await episodeVersion(w.e1), reason: 'Route walk' } }],
    foreign: () => [
      { as: w.p1, method: 'POST', url: `/api/episodes/${w.e2}/step`, payload: { step: 'high_intensity', version: 1, reason: 'Route walk' } },
    ],
  },
  'POST /api/episodes/:episodeId/transfer': {
    who: 'careTeam',
    own: async () => [{ as: w.p1, method: 'POST', url: `/api/episodes/${await p1Episode()}/transfer`, payload: { practitionerId: w.p2.id, version: 1, reason: 'Route walk' } }],
    foreign: () => [
      { as: w.p1, method: 'POST', url: `/api/episodes/${w.e2}/transfer`, payload: { practitionerId: w.p1.id, version: 1, reason: 'Route walk' } },
      { as: w.pb, method: 'POST', url: `/api/episodes/${w.e1}/transfer`, payload: { practitionerId: w.pb.id, version: 1, reason: 'Route walk' } },
    ],
  },
  'GET /api/episodes/:episodeId/appointments': {
    who: 'readRecord',
    own: () => [{ as: w.p1, method: 'GET', url: `/api/episodes/${w.e1}/appointments`, check: (res) => expect(ids(res, 'appointments')).toContain(w.a1) }],
  },
  'POST /api/episodes/:episodeId/appointments': {
    who: 'careTeam',
    own: () => [{ as: w.p1, method: 'POST', url: `/api/episodes/${w.e1}/appointments`, payload: walkAppointment('2026-05-04T09:00:00Z') }],
    foreign: () => [
      { as: w.p1, method: 'POST', url: `/api/episodes/${w.e2}/appointments`, payload: walkAppointment('2026-05-05T09:00:00Z') },
    ],
  },
  'POST /api/appointments/:appointmentId/status': {
    who: 'careTeam',
    own: async () => [{ as: w.p1, method: 'POST', url: `/api/appointments/${w.a1}/status`, payload: { status: 'attended', version: await appointmentVersion(w.a1) } }],
  },
  'POST /api/appointments/:appointmentId/reschedule': {
    who: 'careTeam',
    own: async () => {
      const day = `2026-05-${String(11 + rescheduled++).padStart(2, '0')}`;
      const booking = walkAppointment(`${day}T09:00:00Z`);
      expect((await send({ as: w.p1, method: 'POST', url: `/api/episodes/${w.e1}/appointments`, payload: booking })).statusCode).toBe(201);
      return [{ as: w.p1, method: 'POST', url: `/api/appointments/${booking.id}/reschedule`, payload: { startsAt: `${day}T11:00:00Z`, version: 1 } }];
    },
    foreign: () => [
      { as: w.p2, method: 'POST', url: `/api/appointments/${w.a2}/reschedule`, payload: { startsAt: '2026-05-12T09:00:00Z', version: 1 } },
      { as: w.pb, method: 'POST', url: `/api/appointments/${w.a2}/reschedule`, payload: { startsAt: '2026-05-12T09:00:00Z', version: 1 } },
      { as: w.c1, method: 'POST', url: `/api/appointments/${w.a2}/reschedule`, payload: { startsAt: '2026-05-12T09:00:00Z', version: 1 } },
      { as: w.s1, method: 'POST', url: `/api/appointments/${w.a2}/reschedule`, payload: { startsAt: '2026-05-12T09:00:00Z', version: 1 } },
    ],
  },
  'GET /api/appointments/:appointmentId/history': {
    who: 'readRecord',
    own: () => [
      { as: w.p1, method: 'GET', url: `/api/appointments/${w.a2}/history` },
      { as: w.c1, method: 'GET', url: `/api/appointments/${w.a2}/history` },
    ],
  },
  'GET /api/me/calendar-feed': {
    who: 'self',
    own: () => [
      { as: w.c1, method: 'GET', url: '/api/me/calendar-feed' },
      { as: w.p1, method: 'GET', url: '/api/me/calendar-feed' },
    ],
    foreign: { none: 'answers for the caller’s own feed only; no id can be given' },
  },
  'POST /api/me/calendar-feed': {
    who: 'self',
    own: () => [{ as: w.c1, method: 'POST', url: '/api/me/calendar-feed' }],
    foreign: { none: 'makes the caller’s own feed only; the public feed is outside /api (calendar-feed.test.ts)' },
  },
  'DELETE /api/me/calendar-feed': {
    who: 'self',
    own: () => [{ as: w.c1, method: 'DELETE', url: '/api/me/calendar-feed' }],
    foreign: { none: 'revokes the caller’s own feed only' },
  },
  'POST /api/episodes/:episodeId/discharge': {
    who: 'careTeam',
    own: async () => [
      { as: w.p1, method: 'POST', url: `/api/episodes/${await p1Episode()}/discharge`, payload: { endingReason: 'completed', endedOn: '2026-03-02', version: 1, relapsePlanOffered: true } },
    ],
    foreign: () => [
      { as: w.p1, method: 'POST', url: `/api/episodes/${w.e2}/discharge`, payload: { endingReason: 'completed', endedOn: '2026-03-02', version: 1, relapsePlanOffered: true } },
      { as: w.s1, method: 'POST', url: `/api/episodes/${w.e1}/discharge`, payload: { endingReason: 'completed', endedOn: '2026-03-02', version: 1, relapsePlanOffered: true } },
      { as: w.pb, method: 'POST', url: `/api/episodes/${w.e1}/discharge`, payload: { endingReason: 'completed', endedOn: '2026-03-02', version: 1, relapsePlanOffered: true } },
      { as: w.c1, method: 'POST', url: `/api/episodes/${w.e1}/discharge`, payload: { endingReason: 'completed', endedOn: '2026-03-02', version: 1, relapsePlanOffered: true } },
    ],
  },
  'GET /api/clients/:clientId/consent': {
    who: 'readRecord',
    own: () => [
      { as: w.c1, method: 'GET', url: `/api/clients/${w.c1.id}/consent` },
      { as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/consent` },
    ],
  },
  'POST /api/clients/:clientId/consent': {
    who: 'clientOrCareTeam',
    own: () => [
      { as: w.c1, method: 'POST', url: `/api/clients/${w.c1.id}/consent`, payload: walkConsent() },
      { as: w.p1, method: 'POST', url: `/api/clients/${w.c1.id}/consent`, payload: walkConsent() },
    ],
  },
  'GET /api/sites/:siteId/duty': {
    who: 'siteStaff',
    own: () => [
      { as: w.p1, method: 'GET', url: `/api/sites/${w.a.siteId}/duty` },
      { as: w.admin, method: 'GET', url: `/api/sites/${w.a.siteId}/duty` },
    ],
  },
  'POST /api/sites/:siteId/hours': {
    who: 'siteAdmin',
    own: () => [{ as: w.admin, method: 'POST', url: `/api/sites/${w.a.siteId}/hours`, payload: walkHours(w.s1.id) }],
  },
  'POST /api/sites/:siteId/rota': {
    who: 'siteAdmin',
    own: () => [{ as: w.admin, method: 'POST', url: `/api/sites/${w.a.siteId}/rota`, payload: walkRota(w.p1.id) }],
  },
  'GET /api/me/away': {
    who: 'staffSelf',
    own: () => [{ as: w.p1, method: 'GET', url: '/api/me/away' }],
  },
  'POST /api/me/away': {
    who: 'staffSelf',
    own: () => [{ as: w.p1, method: 'POST', url: '/api/me/away', payload: { id: newId(t.clock.now()), from: '2026-06-01T08:00:00Z', until: '2026-06-05T17:00:00Z' } }],
  },
  'GET /api/supervision/episodes': {
    who: 'supervision',
    own: () => [{ as: w.s1, method: 'GET', url: '/api/supervision/episodes', check: (res) => expect(ids2(res)).toContain(w.e1) }],
    foreign: () => [
      // Only supervisees' episodes: Tom (p2) is not supervised by s1.
      { as: w.s1, method: 'GET', url: '/api/supervision/episodes', check: (res) => expect(ids2(res)).not.toContain(w.e2) },
    ],
  },
  'GET /api/staff': {
    who: 'orgRead',
    own: () => [{ as: w.p1, method: 'GET', url: '/api/staff', check: (res) => expect(ids(res, 'staff')).toContain(w.p2.id) }],
    foreign: () => [
      { as: w.p1, method: 'GET', url: '/api/staff', check: (res) => expect(ids(res, 'staff')).not.toContain(w.pb.id) },
    ],
  },
  'POST /api/staff': {
    who: 'orgAdmin',
    own: () => [{ as: w.admin, method: 'POST', url: '/api/staff', payload: walkStaff() }],
    foreign: () => [
      { as: w.adminB, method: 'POST', url: '/api/staff', payload: { id: newId(t.clock.now()), email: 'walk.b@example.test', displayName: 'W', roles: ['practitioner'], supervisorIds: [w.s1.id] } },
    ],
  },
};
