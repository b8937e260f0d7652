import { newId } from '@tandem/domain';
import { expect } from 'vitest';
import { questionnaireResponseFor } from '../../modules/fhir-import/fhir-import.fixtures';
import type { RouteCase } from './world';
import { t, w } from './world';

/** A PHQ-9 for a client, with a new id unless one is given; item 9 "Not at all", so no alert to route. */
const phq9 = (clientId: string, id = newId(t.clock.now()), authored = t.clock.now().toISOString()) =>
  questionnaireResponseFor(clientId, 'phq9', [0, 0, 0, 0, 0, 0, 0, 0, 0], { id, authored });

const url = '/api/fhir/QuestionnaireResponse';
const repeatedId = '0190f5a0-0000-7000-8000-00000000f1f1';

/** FHIR import of measures (decision 0039). */
export const fhirImportCases: Record<string, RouteCase> = {
  'POST /api/fhir/QuestionnaireResponse': {
    // The client's care team imports; everyone else is told there is no such client (404).
    who: 'careTeam',
    own: () => {
      const first = phq9(w.c1.id);
      return [
        { as: w.p1, method: 'POST', url, payload: first, check: (res) => expect(res.json()).toMatchObject({ resourceType: 'QuestionnaireResponse', id: first.id }) },
        // One resource sent each time the case is made: stored once (201), then the stored one (200).
        { as: w.p1, method: 'POST', url, payload: phq9(w.c1.id, repeatedId, '2026-01-05T10:00:00Z'), check: (res) => expect([200, 201]).toContain(res.statusCode) },
      ];
    },
    foreign: () => [
      // The care team's own practitioner, for clients not theirs: another of the organisation's, another organisation's.
      { as: w.p1, method: 'POST', url, payload: phq9(w.c2.id) },
      { as: w.p1, method: 'POST', url, payload: phq9(w.cb.id) },
      // Another organisation's practitioner, for c1.
      { as: w.pb, method: 'POST', url, payload: phq9(w.c1.id) },
      // c1's own answers from the app, reached by their id: a conflict, nothing changed.
      { as: w.p1, method: 'POST', url, payload: phq9(w.c1.id, w.c1Response), refusedWith: [409] },
    ],
  },
};
