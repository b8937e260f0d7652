import { expect } from 'vitest';
import type { RouteCase } from './world';
import { w } from './world';

/** FHIR R4: one client's record as a Bundle, and our questionnaires (decision 0038). */
export const fhirCases: Record<string, RouteCase> = {
  'GET /api/clients/:clientId/fhir': {
    // The clinical record's readers; the client themself is refused (their own data comes through the subject access download).
    who: 'readCase',
    own: () => [{ as: w.p1, method: 'GET', url: `/api/clients/${w.c1.id}/fhir`, check: (res) => expect(res.json().entry[0].resource).toMatchObject({ resourceType: 'Patient', id: w.c1.id }) }],
    foreign: () => [
      // p1's own request for another caseload's client (c2, on p2's) is refused like any outsider's.
      { as: w.p1, method: 'GET', url: `/api/clients/${w.c2.id}/fhir` },
      { as: w.p1, method: 'GET', url: `/api/clients/${w.cb.id}/fhir` },
    ],
  },
  'GET /api/fhir/Questionnaire': {
    who: 'public',
    own: () => [{ as: null, method: 'GET', url: '/api/fhir/Questionnaire' }],
    foreign: { none: 'published questionnaires, the same for everyone: no client data' },
  },
  'GET /api/fhir/Questionnaire/:id': {
    who: 'public',
    own: () => [{ as: null, method: 'GET', url: '/api/fhir/Questionnaire/phq9' }],
    foreign: { none: 'published questionnaires, the same for everyone: no client data' },
  },
};
