import { defaultCareSettings, defaultRiskPolicy, newId } from '@tandem/domain';
import { expect } from 'vitest';
import type { RouteCase } from './world';
import { moodScheduleVersion, c1HelpRequest, c1OtherVersionUrl, settingVersion, entrySave, episodeWithoutPlan, ids, inSession, moodSchedule, planEdit, send, t, w, walkNote, walkPlanTemplate } from './world';

/** Measures, questionnaires, risk, organisation settings, exercises, plans, session notes, figures. */
export const clinicalCases: Record<string, RouteCase> = {
  'GET /api/episodes/:episodeId/measures': {
    who: 'readRecord',
    own: () => [{ as: w.p1, method: 'GET', url: `/api/episodes/${w.e1}/measures` }],
    foreign: () => [
      { as: w.p1, method: 'GET', url: `/api/episodes/${w.e2}/measures` },
    ],
  },
  'GET /api/me/mood-schedule': {
    who: 'clientSelf',
    own: () => [{ as: w.c1, method: 'GET', url: '/api/me/mood-schedule' }],
  },
  'PUT /api/me/mood-schedule': {
    who: 'clientSelf',
    own: () => [{ as: w.c2, method: 'PUT', url: '/api/me/mood-schedule', payload: { schedule: moodSchedule(), version: 0 } }],
  },
  'GET /api/clients/:clientId/mood-schedule': {
    who: 'readRecord',
    own: () => [{ as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/mood-schedule` }],
  },
  'PUT /api/clients/:clientId/mood-schedule': {
    who: 'careTeam',
    own: async () => [{ as: w.p1, method: 'PUT', url: `/api/clients/${w.c1.id}/mood-schedule`, payload: { schedule: moodSchedule(), version: await moodScheduleVersion(w.c1.id) } }],
  },
  'GET /api/questionnaires/due': {
    who: 'clientSelf',
    own: () => [{ as: w.c1, method: 'GET', url: '/api/questionnaires/due', check: (res) => expect(res.json().due.map((d: { appointmentId: string }) => d.appointmentId)).toContain(w.a2) }],
    foreign: () => [
      { as: w.c2, method: 'GET', url: '/api/questionnaires/due', check: (res) => expect(JSON.stringify(res.json())).not.toContain(w.a2) },
    ],
  },
  'PUT /api/questionnaire-responses/:responseId/answers/:linkId': {
    who: 'ownRecord',
    // Another client writing under c1's response id is refused as a different write (409): nothing of it is shown or changed.
    own: () => [
      { as: w.c1, method: 'PUT', url: `/api/questionnaire-responses/${w.c1Response}/answers/phq9-2`, payload: { instrumentId: 'phq9', appointmentId: w.a2, value: 2, recordedAt: t.clock.now().toISOString() }, refusedWith: [409] },
    ],
    foreign: () => [
      { as: w.c2, method: 'PUT', url: `/api/questionnaire-responses/${w.c1Response}/answers/phq9-2`, payload: { instrumentId: 'phq9', appointmentId: w.a2, value: 0, recordedAt: t.clock.now().toISOString() }, refusedWith: [409] },
    ],
  },
  'POST /api/questionnaire-responses/:responseId/complete': {
    // For c1's appointment: another client is told it is not due for them (409).
    who: 'ownRecord',
    own: () => [
      {
        as: w.c1,
        method: 'POST',
        url: `/api/questionnaire-responses/${newId(t.clock.now())}/complete`,
        payload: { instrumentId: 'gad7', appointmentId: w.a2, answers: Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`gad7-${i + 1}`, 1])), authoredAt: t.clock.now().toISOString() },
        refusedWith: [409],
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
    who: 'clientSelf',
    own: () => [{ as: w.c1, method: 'GET', url: '/api/questionnaire-responses' }],
    foreign: () => [
      { as: w.c2, method: 'GET', url: '/api/questionnaire-responses', check: (res) => expect(JSON.stringify(res.json())).not.toContain(w.c1.id) },
    ],
  },
  'GET /api/clients/:clientId/questionnaire-responses': {
    who: 'readRecord',
    own: () => [{ as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/questionnaire-responses` }],
  },
  'POST /api/clients/:clientId/questionnaire-responses': {
    who: 'careTeam',
    own: () => [{ as: w.p1, method: 'POST', url: `/api/clients/${w.c1.id}/questionnaire-responses`, payload: inSession() }],
  },
  'POST /api/help-requests': {
    who: 'clientSelf',
    own: () => [{ as: w.c1, method: 'POST', url: '/api/help-requests', payload: { id: newId(t.clock.now()), recordedAt: t.clock.now().toISOString() } }],
    foreign: () => [
      { as: w.c2, method: 'POST', url: '/api/help-requests', payload: { id: w.c1Alert, recordedAt: t.clock.now().toISOString() }, refusedWith: [409] },
    ],
  },
  'GET /api/risk-alerts': {
    who: 'alerts',
    own: () => [{ as: w.p1, method: 'GET', url: '/api/risk-alerts', check: (res) => expect(ids(res, 'alerts')).toContain(w.c1Alert) }],
    foreign: () => [
      { as: w.p2, method: 'GET', url: '/api/risk-alerts?status=all', check: (res) => expect(ids(res, 'alerts')).not.toContain(w.c1Alert) },
      { as: w.pb, method: 'GET', url: '/api/risk-alerts?status=all', check: (res) => expect(ids(res, 'alerts')).not.toContain(w.c1Alert) },
    ],
  },
  'GET /api/clients/:clientId/risk-alerts': {
    who: 'readCase',
    own: () => [{ as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/risk-alerts`, check: (res) => expect(ids(res, 'alerts')).toContain(w.c1Alert) }],
  },
  'POST /api/risk-alerts/:alertId/acknowledge': {
    who: 'actOnAlert',
    // A new press of c1's help button each time: each caller acts on a real open alert.
    own: async () => [{ as: w.p1, method: 'POST', url: `/api/risk-alerts/${await c1HelpRequest()}/acknowledge`, payload: { note: 'Phoned the client.', version: 1 } }],
    foreign: () => [
      { as: w.p2, method: 'POST', url: `/api/risk-alerts/${w.c1Alert}/acknowledge`, payload: { note: 'x', version: 1 } },
      { as: w.s1, method: 'POST', url: `/api/risk-alerts/${w.c1Alert}/acknowledge`, payload: { note: 'x', version: 1 } },
      { as: w.pb, method: 'POST', url: `/api/risk-alerts/${w.c1Alert}/acknowledge`, payload: { note: 'x', version: 1 } },
      { as: w.c1, method: 'POST', url: `/api/risk-alerts/${w.c1Alert}/acknowledge`, payload: { note: 'x', version: 1 } },
    ],
  },
  'GET /api/follow-up-tasks': {
    who: 'staffSelf',
    own: () => [{ as: w.p1, method: 'GET', url: '/api/follow-up-tasks', check: (res) => expect(ids(res, 'tasks')).toContain(w.p1Task) }],
    foreign: () => [
      { as: w.p2, method: 'GET', url: '/api/follow-up-tasks', check: (res) => expect(ids(res, 'tasks')).not.toContain(w.p1Task) },
    ],
  },
  'POST /api/follow-up-tasks/:taskId/done': {
    who: 'ownRecord',
    own: () => [{ as: w.p1, method: 'POST', url: `/api/follow-up-tasks/${w.p1Task}/done`, payload: { note: 'Phoned; rebooked.' } }],
  },
  'GET /api/organisation/risk-policy': {
    who: 'orgRead',
    own: () => [{ as: w.p1, method: 'GET', url: '/api/organisation/risk-policy' }],
  },
  'PUT /api/organisation/risk-policy': {
    who: 'orgAdmin',
    own: async (by) => [{ as: w.admin, method: 'PUT', url: '/api/organisation/risk-policy', payload: { policy: defaultRiskPolicy, version: await settingVersion('risk_policy', by) } }],
    foreign: () => [
      // Another organisation's admin cannot name staff of this one.
      { as: w.adminB, method: 'PUT', url: '/api/organisation/risk-policy', payload: { policy: { ...defaultRiskPolicy, escalationStaffId: w.s1.id }, version: 0 } },
    ],
  },
  'GET /api/organisation/care-settings': {
    who: 'orgRead',
    own: () => [{ as: w.p1, method: 'GET', url: '/api/organisation/care-settings' }],
  },
  'PUT /api/organisation/care-settings': {
    who: 'orgAdmin',
    own: async (by) => [{ as: w.admin, method: 'PUT', url: '/api/organisation/care-settings', payload: { settings: defaultCareSettings, version: await settingVersion('care_settings', by) } }],
  },
  'GET /api/sites': {
    who: 'orgRead',
    own: () => [
      {
        as: w.p1,
        method: 'GET',
        url: '/api/sites',
        // Another organisation's sites never appear.
        check: (res) => expect(res.json().sites.map((s: { id: string }) => s.id)).toEqual([w.a.siteId]),
      },
    ],
  },
  'PUT /api/exercise-entries/:entryId': {
    who: 'ownRecord',
    // Another client saving under c1's entry id is refused as a different write (409).
    own: () => [{ as: w.c1, method: 'PUT', url: `/api/exercise-entries/${w.c1Entry}`, payload: entrySave('draft', '2026-03-02T08:40:00Z'), refusedWith: [409] }],
    foreign: () => [
      { as: w.c2, method: 'PUT', url: `/api/exercise-entries/${w.c1Entry}`, payload: entrySave('draft', '2026-03-02T08:50:00Z'), refusedWith: [409] },
    ],
  },
  'POST /api/exercise-entries/:entryId/other-versions/:versionId/resolve': {
    who: 'ownRecord',
    own: async () => [{ as: w.c1, method: 'POST', url: await c1OtherVersionUrl(), payload: {} }],
  },
  'GET /api/exercise-entries': {
    who: 'clientSelf',
    own: () => [{ as: w.c1, method: 'GET', url: '/api/exercise-entries', check: (res) => expect(res.json().entries.map((e: { id: string }) => e.id)).toEqual([w.c1Entry]) }],
    foreign: () => [
      { as: w.c2, method: 'GET', url: '/api/exercise-entries', check: (res) => expect(res.json().entries).toEqual([]) },
    ],
  },
  'GET /api/clients/:clientId/exercise-entries': {
    who: 'readRecord',
    own: () => [{ as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/exercise-entries` }],
  },
  'POST /api/exercise-entries/:entryId/feedback': {
    who: 'careTeam',
    own: () => [{ as: w.p1, method: 'POST', url: `/api/exercise-entries/${w.c1Entry}/feedback`, payload: { id: newId(t.clock.now()), revision: 1, text: 'Good start.' } }],
  },
  'GET /api/feedback-templates': {
    who: 'staffSelf',
    own: () => [{ as: w.p1, method: 'GET', url: '/api/feedback-templates' }],
  },
  'POST /api/feedback-templates': {
    who: 'staffSelf',
    own: () => [{ as: w.p1, method: 'POST', url: '/api/feedback-templates', payload: { id: newId(t.clock.now()), title: 'Thanks', text: 'Thank you for this.', shared: false } }],
    foreign: () => [
      { as: w.p1, method: 'POST', url: '/api/feedback-templates', payload: { id: newId(t.clock.now()), title: 'Thanks', text: 'Thank you for this.', shared: true } },
    ],
  },
  'GET /api/plan-templates': {
    who: 'orgRead',
    own: () => [{ as: w.p1, method: 'GET', url: '/api/plan-templates', check: (res) => expect(ids(res, 'templates')).toContain('england-step-2') }],
  },
  'POST /api/plan-templates': {
    who: 'orgAdmin',
    own: () => [{ as: w.admin, method: 'POST', url: '/api/plan-templates', payload: walkPlanTemplate(newId(t.clock.now())) }],
    foreign: async () => {
      // Organisation A's real template: another organisation's admin cannot overwrite or read it by its id.
      const taken = newId(t.clock.now());
      expect((await send({ as: w.admin, method: 'POST', url: '/api/plan-templates', payload: walkPlanTemplate(taken) })).statusCode).toBe(201);
      return [
        { as: w.adminB, method: 'POST', url: '/api/plan-templates', payload: walkPlanTemplate(taken), refusedWith: [409] },
      ];
    },
  },
  'PUT /api/plan-templates/defaults': {
    who: 'orgAdmin',
    own: async (by) => [
      { as: w.admin, method: 'PUT', url: '/api/plan-templates/defaults', payload: { defaults: { low_intensity: 'england-step-2', high_intensity: 'england-step-3' }, version: await settingVersion('organisation_plan_defaults', by) } },
    ],
    foreign: async () => {
      // Organisation A's real template cannot become another organisation's default.
      const theirs = newId(t.clock.now());
      expect((await send({ as: w.admin, method: 'POST', url: '/api/plan-templates', payload: walkPlanTemplate(theirs) })).statusCode).toBe(201);
      return [
        { as: w.adminB, method: 'PUT', url: '/api/plan-templates/defaults', payload: { defaults: { low_intensity: theirs, high_intensity: 'england-step-3' }, version: 0 } },
      ];
    },
  },
  'GET /api/episodes/:episodeId/plan': {
    who: 'readCase',
    own: () => [
      { as: w.p1, method: 'GET', url: `/api/episodes/${w.e1}/plan`, check: (res) => expect(res.json().episodeId).toBe(w.e1) },
      { as: w.s1, method: 'GET', url: `/api/episodes/${w.e1}/plan` },
    ],
    foreign: () => [
      { as: w.p1, method: 'GET', url: `/api/episodes/${w.e2}/plan` },
    ],
  },
  'POST /api/episodes/:episodeId/plan': {
    who: 'careTeam',
    own: async () => [{ as: w.p1, method: 'POST', url: `/api/episodes/${await episodeWithoutPlan()}/plan`, payload: { id: newId(t.clock.now()), templateId: 'england-step-2' } }],
    foreign: () => [
      { as: w.p1, method: 'POST', url: `/api/episodes/${w.e2}/plan`, payload: { id: newId(t.clock.now()), templateId: 'england-step-2' } },
      { as: w.s1, method: 'POST', url: `/api/episodes/${w.e1}/plan`, payload: { id: newId(t.clock.now()), templateId: 'england-step-2' } },
      { as: w.pb, method: 'POST', url: `/api/episodes/${w.e1}/plan`, payload: { id: newId(t.clock.now()), templateId: 'england-step-2' } },
      { as: w.c1, method: 'POST', url: `/api/episodes/${w.e1}/plan`, payload: { id: newId(t.clock.now()), templateId: 'england-step-2' } },
    ],
  },
  'PUT /api/episodes/:episodeId/plan': {
    who: 'careTeam',
    own: async () => [{ as: w.p1, method: 'PUT', url: `/api/episodes/${w.e1}/plan`, payload: await planEdit(w.e1) }],
    foreign: async () => [
      { as: w.p1, method: 'PUT', url: `/api/episodes/${w.e2}/plan`, payload: await planEdit(w.e2) },
    ],
  },
  'GET /api/episodes/:episodeId/plan/history': {
    who: 'readCase',
    own: () => [
      { as: w.p1, method: 'GET', url: `/api/episodes/${w.e1}/plan/history` },
      { as: w.s1, method: 'GET', url: `/api/episodes/${w.e1}/plan/history` },
    ],
  },
  'GET /api/me/plan': {
    who: 'clientSelf',
    own: () => [{ as: w.c1, method: 'GET', url: '/api/me/plan', check: (res) => expect(res.json().plan.steps.length).toBeGreaterThan(0) }],
    foreign: async () => {
      const c1Step = (await planEdit(w.e1)).steps[0]!.id;
      return [
        // Another client sees their own plan, never c1's steps.
        { as: w.c2, method: 'GET', url: '/api/me/plan', check: (res) => expect(JSON.stringify(res.json())).not.toContain(c1Step) },
      ];
    },
  },
  'PUT /api/appointments/:appointmentId/session-note': {
    who: 'careTeam',
    own: () => [{ as: w.p1, method: 'PUT', url: `/api/appointments/${w.a2}/session-note`, payload: walkNote() }],
  },
  'GET /api/appointments/:appointmentId/session-note': {
    who: 'readCase',
    own: () => [
      { as: w.p1, method: 'GET', url: `/api/appointments/${w.a2}/session-note` },
      { as: w.s1, method: 'GET', url: `/api/appointments/${w.a2}/session-note` },
    ],
  },
  'GET /api/episodes/:episodeId/protocol-map': {
    who: 'readCase',
    own: () => [
      { as: w.p1, method: 'GET', url: `/api/episodes/${w.e1}/protocol-map`, check: (res) => expect(res.json().episodeId).toBe(w.e1) },
      { as: w.s1, method: 'GET', url: `/api/episodes/${w.e1}/protocol-map` },
    ],
    foreign: () => [
      { as: w.p1, method: 'GET', url: `/api/episodes/${w.e2}/protocol-map` },
    ],
  },
  'GET /api/me/plan/progress': {
    who: 'clientSelf',
    own: () => [{ as: w.c1, method: 'GET', url: '/api/me/plan/progress', check: (res) => expect(res.json().progress.steps.length).toBeGreaterThan(0) }],
    foreign: async () => {
      const c1Step = (await planEdit(w.e1)).steps[0]!.id;
      return [
        { as: w.c2, method: 'GET', url: '/api/me/plan/progress', check: (res) => expect(JSON.stringify(res.json())).not.toContain(c1Step) },
      ];
    },
  },
  'GET /api/supervision/fidelity': {
    who: 'supervision',
    own: () => [
      { as: w.s1, method: 'GET', url: '/api/supervision/fidelity', check: (res) => expect(res.json().supervisees.map((s: { practitionerId: string }) => s.practitionerId)).toContain(w.p1.id) },
    ],
    foreign: () => [
      // Only supervisees: Tom (p2) is not supervised by s1.
      { as: w.s1, method: 'GET', url: '/api/supervision/fidelity', check: (res) => expect(JSON.stringify(res.json())).not.toContain(w.p2.id) },
    ],
  },
  'POST /api/activity/beats': {
    who: 'readCase',
    own: () => [{ as: w.p1, method: 'POST', url: '/api/activity/beats', payload: { beatId: newId(t.clock.now()), clientId: w.c1.id, seconds: 20 } }],
  },
  'GET /api/figures/me': {
    who: 'staffSelf',
    own: () => [{ as: w.p1, method: 'GET', url: '/api/figures/me', check: (res) => expect(res.json().engagement.clients).toBeGreaterThanOrEqual(1) }],
    foreign: () => [
      // Only the person's own week: Priya's time in c1's record is not in Tom's (p2's) week.
      { as: w.p2, method: 'GET', url: '/api/figures/me', check: (res) => expect(res.json().activeTime.totalSeconds).toBe(0) },
    ],
  },
  'GET /api/figures/supervision': {
    who: 'supervision',
    own: () => [{ as: w.s1, method: 'GET', url: '/api/figures/supervision', check: (res) => expect(res.json().supervisees.map((s: { practitionerId: string }) => s.practitionerId)).toEqual([w.p1.id]) }],
    foreign: () => [
      { as: w.s1, method: 'GET', url: '/api/figures/supervision', check: (res) => expect(res.body).not.toContain(w.p2.id) },
    ],
  },
  'GET /api/figures/supervision.csv': {
    who: 'supervision',
    own: () => [{ as: w.s1, method: 'GET', url: '/api/figures/supervision.csv', check: (res) => expect(res.headers['content-type']).toBe('text/csv; charset=utf-8') }],
  },
};
