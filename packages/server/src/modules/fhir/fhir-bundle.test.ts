import { buildClientBundle, consentWordingVersion, unresolvedReferences, type FhirExportInput } from '@tandem/domain';
import { describe, expect, it } from 'vitest';
import { fhirErrors, validateFhir } from './fhir-validator';

/**
 * The pure mapping against the real FHIR R4 validator, on a record with one of every kind: every
 * appointment status, a cancelled homework, a WSAS with "not applicable", messages both ways,
 * open alerts of both kinds, two consent records. The demo export (fhir.test.ts) adds real data.
 */
const at = (iso: string) => new Date(iso);
const ids = {
  org: '01900000-0000-7000-8000-000000000001',
  client: '01900000-0000-7000-8000-000000000002',
  prac: '01900000-0000-7000-8000-000000000003',
  cover: '01900000-0000-7000-8000-000000000004',
  episode: '01900000-0000-7000-8000-000000000005',
  ended: '01900000-0000-7000-8000-000000000006',
  plan: '01900000-0000-7000-8000-000000000007',
};
const seq = (n: number) => `01900000-0000-7000-8000-${String(100 + n).padStart(12, '0')}`;
const statuses = ['booked', 'attended', 'attended_late', 'did_not_attend', 'cancelled_by_client', 'cancelled_by_service'] as const;
const methods = ['face_to_face', 'phone', 'video', 'supported_digital'] as const;

export function fullRecord(): FhirExportInput {
  return {
    baseUrl: 'https://tandem.test/api/fhir',
    bundleId: seq(0),
    generatedAt: at('2026-03-02T09:00:00Z'),
    organisation: { id: ids.org, name: 'Riverside Talking Therapies' },
    client: {
      id: ids.client,
      givenName: 'Alex',
      familyName: 'Morgan',
      dateOfBirth: '1990-04-01',
      nhsNumber: '9434765919',
      email: 'alex@example.test',
      phone: '+447700900123',
      preferredLanguage: 'en-GB',
      emergencyContact: { name: 'Sam Morgan', phone: '+447700900456', relationship: 'Sister' },
    },
    staff: [
      { id: ids.prac, displayName: 'Priya Shah' },
      { id: ids.cover, displayName: 'Tom Reed' },
    ],
    careTeam: [ids.prac],
    episodes: [
      { id: ids.episode, referralDate: '2026-01-05', step: 'low_intensity', status: 'active', endedOn: null, assignedPractitionerId: ids.prac },
      { id: ids.ended, referralDate: '2025-01-05', step: 'high_intensity', status: 'ended', endedOn: '2025-06-01', assignedPractitionerId: ids.prac },
    ],
    plans: [
      {
        id: ids.plan,
        episodeId: ids.episode,
        templateName: 'England step 2',
        createdBy: ids.prac,
        createdAt: at('2026-01-12T10:00:00Z'),
        steps: [
          { id: seq(1), mode: 'face_to_face', component: 'psychoeducation', moduleId: null, purpose: 'Understand low mood', plannedWeek: 1 },
          { id: seq(2), mode: 'online', component: 'behavioural_activation', moduleId: 'getting-active', purpose: 'Plan activities', plannedWeek: null },
        ],
      },
    ],
    homework: [
      { id: seq(3), episodeId: ids.episode, items: [{ kind: 'step', moduleId: 'getting-active', stepId: 'why' }], dueOn: '2026-02-01', status: 'active', setBy: ids.prac, setAt: at('2026-01-20T10:00:00Z'), cancelReason: null },
      {
        id: seq(4),
        episodeId: ids.ended,
        items: [{ kind: 'exercise', exerciseId: 'activity-diary', moduleId: 'getting-active' }],
        dueOn: '2025-03-01',
        status: 'cancelled',
        setBy: null,
        setAt: at('2025-02-20T10:00:00Z'),
        cancelReason: 'Session moved',
      },
    ],
    responses: [
      { id: seq(5), instrument: 'phq9', authorStaffId: null, total: 12, authoredAt: at('2026-01-19T09:00:00Z'), completedReceivedAt: at('2026-01-19T09:01:00Z'), appointmentId: seq(21), answers: Array.from({ length: 9 }, (_, i) => ({ linkId: `phq9-${i + 1}`, value: i === 8 ? 1 : 1 + (i % 2) })) },
      { id: seq(6), instrument: 'gad7', authorStaffId: ids.prac, total: 7, authoredAt: at('2026-01-19T09:05:00Z'), completedReceivedAt: null, appointmentId: seq(20), answers: Array.from({ length: 7 }, (_, i) => ({ linkId: `gad7-${i + 1}`, value: i % 2 })) },
      { id: seq(7), instrument: 'wsas', authorStaffId: null, total: 20, authoredAt: at('2026-01-19T09:10:00Z'), completedReceivedAt: at('2026-01-19T09:10:00Z'), appointmentId: null, answers: [{ linkId: 'wsas-1', value: null }, ...[2, 3, 4, 5].map((i) => ({ linkId: `wsas-${i}`, value: 5 }))] },
    ],
    checkIns: [1, 5, 10].map((mood, i) => ({ id: seq(10 + i), mood, recordedAt: at(`2026-02-0${i + 1}T08:00:00Z`) })),
    appointments: statuses.map((status, i) => ({
      id: seq(20 + i),
      episodeId: ids.episode,
      practitionerId: ids.prac,
      startsAt: at(`2026-01-${String(12 + i).padStart(2, '0')}T10:00:00Z`),
      durationMinutes: 30,
      purpose: (['assessment', 'treatment', 'review'] as const)[i % 3]!,
      contactMethod: methods[i % 4]!,
      status,
    })),
    messages: [
      { id: seq(30), episodeId: ids.episode, authorType: 'client', authorStaffId: null, routedToStaffId: ids.cover, text: 'Can we move Tuesday?', recordedAt: at('2026-01-21T10:00:00Z'), receivedAt: at('2026-01-21T10:00:01Z') },
      { id: seq(31), episodeId: ids.episode, authorType: 'client', authorStaffId: null, routedToStaffId: null, text: 'Thanks', recordedAt: at('2026-01-22T10:00:00Z'), receivedAt: at('2026-01-22T10:00:01Z') },
      { id: seq(32), episodeId: ids.episode, authorType: 'staff', authorStaffId: ids.prac, routedToStaffId: null, text: 'Yes, Wednesday at 10?', recordedAt: at('2026-01-22T11:00:00Z'), receivedAt: at('2026-01-22T11:00:00Z') },
    ],
    openAlerts: [
      { id: seq(40), trigger: 'phq9_item9', raisedAt: at('2026-01-19T09:01:00Z') },
      { id: seq(41), trigger: 'help_button', raisedAt: at('2026-02-01T09:01:00Z') },
    ],
    consents: [
      { id: seq(50), wordingVersion: consentWordingVersion, choices: { blendedTreatment: true, messagingUnderstood: true, channels: { email: true, sms: false, push: true }, research: false }, recordedAt: at('2026-01-05T10:00:00Z'), recordedByType: 'staff', recordedById: ids.prac },
      { id: seq(51), wordingVersion: consentWordingVersion, choices: { blendedTreatment: true, messagingUnderstood: true, channels: { email: false, sms: false, push: false }, research: true }, recordedAt: at('2026-01-06T10:00:00Z'), recordedByType: 'client', recordedById: ids.client },
    ],
  };
}

describe('the FHIR R4 validator used by the tests', () => {
  it('is a real validator: it reports a missing required element, a wrong type, an unknown element and a broken invariant', () => {
    const valid = { resourceType: 'Observation', status: 'final', code: { text: 'Mood' }, valueInteger: 5 };
    expect(fhirErrors(valid)).toEqual([]);
    const { status: _status, ...noStatus } = valid;
    expect(fhirErrors(noStatus)).toEqual([expect.stringContaining('Observation.status')]);
    expect(fhirErrors({ ...valid, code: { coding: [{ system: 'http://loinc.org', code: 44261 }] } })).toEqual([expect.stringContaining('Observation.code.coding[0].code')]);
    expect(fhirErrors({ ...valid, score: 5 }).join()).toContain('score');
    expect(fhirErrors({ ...valid, effectiveDateTime: '2026-13-45' }).join()).toContain('Invalid dateTime');
    // obs-6: dataAbsentReason only when there is no value.
    expect(fhirErrors({ ...valid, dataAbsentReason: { text: 'asked' } }).join()).toMatch(/obs-6/);
    // ppc-1: a Consent needs a policy or a policy rule.
    const consent = buildClientBundle(fullRecord()).entry.find((e) => e.resource.resourceType === 'Consent')!.resource;
    expect(fhirErrors(consent)).toEqual([]);
    const { policy: _policy, ...noPolicy } = consent;
    expect(fhirErrors(noPolicy).join()).toMatch(/ppc-1/);
  });

  it('reports its findings with a severity', () => {
    expect(validateFhir({ resourceType: 'Patient', birthDate: 'yesterday' })).toEqual([expect.objectContaining({ severity: 'error', expression: expect.stringContaining('birthDate') })]);
  });
});

describe('a record with one of every kind, as a FHIR R4 bundle', () => {
  const bundle = buildClientBundle(fullRecord());

  it('validates with zero errors, resource by resource and as a whole', () => {
    const errors = bundle.entry.flatMap((e) => fhirErrors(e.resource).map((m) => `${e.resource.resourceType}/${e.resource.id} ${m}`));
    expect(errors).toEqual([]);
    expect(fhirErrors(bundle)).toEqual([]);
    // The bundle's own validation reaches into its entries.
    const broken = structuredClone(bundle);
    delete broken.entry.find((e) => e.resource.resourceType === 'Observation')!.resource.status;
    expect(fhirErrors(broken).join()).toContain('status');
  });

  it('resolves every reference inside the bundle, and the checker catches one that does not', () => {
    expect(unresolvedReferences(bundle)).toEqual([]);
    const broken = structuredClone(bundle);
    broken.entry.find((e) => e.resource.resourceType === 'Task')!.resource.for = { reference: `Patient/${seq(99)}` };
    expect(unresolvedReferences(broken)).toEqual([expect.objectContaining({ path: 'for.reference', reference: `Patient/${seq(99)}` })]);
  });

  it('carries each kind of resource, with the ids of the records', () => {
    const count = (type: string) => bundle.entry.filter((e) => e.resource.resourceType === type).length;
    expect(
      Object.fromEntries(
        ['Patient', 'Organization', 'Practitioner', 'CareTeam', 'EpisodeOfCare', 'CarePlan', 'Task', 'Questionnaire', 'QuestionnaireResponse', 'Observation', 'Appointment', 'Encounter', 'Communication', 'Flag', 'Consent'].map((t) => [t, count(t)]),
      ),
    ).toEqual({ Patient: 1, Organization: 1, Practitioner: 2, CareTeam: 1, EpisodeOfCare: 2, CarePlan: 1, Task: 2, Questionnaire: 3, QuestionnaireResponse: 3, Observation: 6, Appointment: 6, Encounter: 2, Communication: 3, Flag: 2, Consent: 2 });
    expect(bundle.entry.find((e) => e.resource.resourceType === 'Patient')!.fullUrl).toBe(`https://tandem.test/api/fhir/Patient/${ids.client}`);
  });
});
