import { describe, expect, it } from 'vitest';
import { appointmentStatuses, contactMethods } from '../episodes/appointment';
import { appointmentStatusCode, encounterClass, episodeStatusCode, isAttended, moodCodeSystem, moodRatingCoding } from './codes';
import { unresolvedReferences } from './references';
import { toEncounter } from './resources-care';
import { toMoodObservation, toTotalObservation } from './resources-measures';

const clientId = '01900000-0000-7000-8000-000000000002';
const at = new Date('2026-03-02T09:00:00Z');

describe('FHIR export value maps (every Tandem value, one FHIR code each)', () => {
  it.each([
    ['booked', 'booked', false],
    ['attended', 'fulfilled', true],
    ['attended_late', 'fulfilled', true],
    ['did_not_attend', 'noshow', false],
    ['cancelled_by_client', 'cancelled', false],
    ['cancelled_by_service', 'cancelled', false],
  ] as const)('appointment %s → Appointment.status %s; an Encounter: %s', (status, code, attended) => {
    expect(appointmentStatusCode[status]).toBe(code);
    expect(isAttended(status)).toBe(attended);
    const encounter = toEncounter({ id: 'a', episodeId: 'e', practitionerId: 'p', startsAt: at, durationMinutes: 45, purpose: 'treatment', contactMethod: 'video', status }, clientId);
    expect(encounter === null).toBe(!attended);
  });

  it('maps every appointment status and contact method Tandem has', () => {
    expect(Object.keys(appointmentStatusCode).sort()).toEqual([...appointmentStatuses].sort());
    expect(Object.keys(encounterClass).sort()).toEqual([...contactMethods].sort());
  });

  it.each([
    ['face_to_face', 'AMB'],
    ['phone', 'VR'],
    ['video', 'VR'],
    ['supported_digital', 'VR'],
  ] as const)('contact method %s → Encounter.class %s (v3 ActCode)', (method, code) => {
    expect(encounterClass[method]).toMatchObject({ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code });
  });

  it.each([
    ['waiting', 'waitlist'],
    ['active', 'active'],
    ['on_hold', 'onhold'],
    ['ended', 'finished'],
  ] as const)('episode %s → EpisodeOfCare.status %s', (status, code) => {
    expect(episodeStatusCode[status]).toBe(code);
  });
});

describe('questionnaire totals and mood as Observations', () => {
  it.each([
    ['phq9', 15, [['http://loinc.org', '44261-6'], ['http://snomed.info/sct', '720433000']]],
    ['gad7', 8, [['http://loinc.org', '70274-6'], ['http://snomed.info/sct', '445455005']]],
    // No code for the WSAS could be verified (measures/codes.ts): text only, never a borrowed code.
    ['wsas', 20, []],
  ] as const)('%s total %i carries its codes: %j', (instrument, total, codes) => {
    const o = toTotalObservation({ id: 'r', instrument, authorStaffId: null, total, authoredAt: at, completedReceivedAt: at, appointmentId: null, answers: [] }, clientId, null)!;
    expect(((o.code as { coding?: { system: string; code: string }[] }).coding ?? []).map((c) => [c.system, c.code])).toEqual(codes);
    expect(o.valueQuantity).toEqual({ value: total, system: 'http://unitsofmeasure.org', code: '{score}', unit: '{score}' });
    expect(o).not.toHaveProperty('interpretation');
  });

  it('has no Observation for a response without a total', () => {
    expect(toTotalObservation({ id: 'r', instrument: 'phq9', authorStaffId: null, total: null, authoredAt: at, completedReceivedAt: null, appointmentId: null, answers: [] }, clientId, null)).toBeNull();
  });

  it.each([1, 5, 10])('mood %i goes out as an integer under the local mood code', (mood) => {
    const o = toMoodObservation({ id: 'c', mood, recordedAt: at }, clientId);
    expect(o.code).toEqual({ coding: [moodRatingCoding], text: 'Mood rating (1 to 10)' });
    expect(moodRatingCoding.system).toBe(`${moodCodeSystem}`);
    expect(o.valueInteger).toBe(mood);
  });
});

describe('unresolvedReferences', () => {
  const entry = (fullUrl: string, resource: Record<string, unknown>) => ({ fullUrl, resource: { resourceType: 'X', id: 'x', ...resource } });
  it.each([
    ['a relative reference to an entry on the same base', 'Patient/p1', 0],
    ['a relative reference to nothing', 'Patient/p2', 1],
    ['an absolute reference equal to a fullUrl', 'https://t.test/api/fhir/Patient/p1', 0],
    ['an absolute reference to elsewhere', 'https://other.test/Patient/p1', 1],
    ['a urn:uuid matching no entry', 'urn:uuid:0190', 1],
  ])('%s', (_name, reference, problems) => {
    const bundle = { entry: [entry('https://t.test/api/fhir/Patient/p1', { resourceType: 'Patient', id: 'p1' }), entry('https://t.test/api/fhir/Flag/f1', { subject: { reference } })] };
    expect(unresolvedReferences(bundle)).toHaveLength(problems);
  });
});
