import { attendedStatuses } from '../episodes/appointment';
import type { Coding } from '../measures/coding';
import { tandemFhirBase } from '../measures/instruments';
import type { ExportAppointment, ExportEpisode } from './export-input';

/**
 * The codes and value maps of the FHIR export (decision 0038). Each FHIR code below is from the
 * R4 specification's own code system or value set, named at the constant; each Tandem value maps to
 * exactly one, and `fhir-codes.test.ts` walks every value of every map.
 */

/**
 * Tandem's local code system for the 1–10 mood rating. BRIEF.md ("Measures"): "A 1–10 mood
 * rating has no LOINC code: use a documented local code system." Documented in decision 0038;
 * one code, `mood-rating`, whose value is an integer from 1 (lowest) to 10 (best), as the client
 * rated it in a check-in.
 */
export const moodCodeSystem = `${tandemFhirBase}/CodeSystem/mood`;
export const moodRatingCoding: Coding = { system: moodCodeSystem, code: 'mood-rating', display: 'Mood rating, 1 (lowest) to 10 (best), self-reported' };

/** FHIR R4 observation-category (http://hl7.org/fhir/R4/codesystem-observation-category.html). */
export const surveyCategory: Coding = { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' };

/** UCUM annotation for a score with no unit, as US Core's PHQ-9 example uses (`{score}`). */
export const scoreQuantity = { system: 'http://unitsofmeasure.org', code: '{score}', unit: '{score}' } as const;

/** NHS number identifier system (NHS England FHIR, https://fhir.nhs.uk/Id/nhs-number). */
export const nhsNumberSystem = 'https://fhir.nhs.uk/Id/nhs-number';

/** FHIR R4 consentscope (http://hl7.org/fhir/R4/codesystem-consent-scope.html): consent to treatment. */
export const treatmentConsentScope: Coding = { system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'treatment', display: 'Treatment' };

/** Where the consent wording of one version lives: the policy a Consent points to (invariant ppc-1). */
export function consentPolicyUri(wordingVersion: string): string {
  return `${tandemFhirBase}/consent-wording/${encodeURIComponent(wordingVersion)}`;
}

/** EpisodeOfCare.status (http://hl7.org/fhir/R4/valueset-episode-of-care-status.html). */
export const episodeStatusCode: Record<ExportEpisode['status'], string> = {
  waiting: 'waitlist',
  active: 'active',
  on_hold: 'onhold',
  ended: 'finished',
};

/** Appointment.status (http://hl7.org/fhir/R4/valueset-appointmentstatus.html). */
export const appointmentStatusCode: Record<ExportAppointment['status'], string> = {
  booked: 'booked',
  attended: 'fulfilled',
  attended_late: 'fulfilled',
  did_not_attend: 'noshow',
  cancelled_by_client: 'cancelled',
  cancelled_by_service: 'cancelled',
};

/** Attended appointments (episodes/appointment.ts) become Encounters; the others did not happen. */
export function isAttended(status: ExportAppointment['status']): boolean {
  return attendedStatuses.includes(status);
}

const actCode = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
/**
 * Encounter.class (v3 ActEncounterCode, http://hl7.org/fhir/R4/v3/ActEncounterCode/vs.html): AMB
 * "ambulatory" for a face-to-face session, VR "virtual" ("the patient and the practitioner(s) are
 * not in the same physical location") for phone, video and supported digital contacts.
 */
export const encounterClass: Record<ExportAppointment['contactMethod'], Coding> = {
  face_to_face: { system: actCode, code: 'AMB', display: 'ambulatory' },
  phone: { system: actCode, code: 'VR', display: 'virtual' },
  video: { system: actCode, code: 'VR', display: 'virtual' },
  supported_digital: { system: actCode, code: 'VR', display: 'virtual' },
};

/** Plain words for Tandem's own values, used as CodeableConcept text where no code system fits. */
export const contactMethodText: Record<ExportAppointment['contactMethod'], string> = {
  face_to_face: 'Face to face',
  phone: 'Telephone',
  video: 'Video',
  supported_digital: 'Supported digital',
};
export const purposeText: Record<ExportAppointment['purpose'], string> = {
  assessment: 'Assessment',
  treatment: 'Treatment',
  review: 'Review',
};
export const stepText: Record<ExportEpisode['step'], string> = {
  low_intensity: 'Step 2: low intensity',
  high_intensity: 'Step 3: high intensity',
};

/**
 * What a Flag says about an open alert: what happened, in neutral words — never a diagnosis or a
 * judgement of risk (BRIEF.md, "Safety principles": the software never assesses risk).
 */
export const alertFlagText: Record<'phq9_item9' | 'help_button', string> = {
  phq9_item9: 'A questionnaire answer is waiting for the care team to follow it up',
  help_button: 'The client asked for help in the app; the care team is following it up',
};
