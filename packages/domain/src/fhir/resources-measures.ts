import { notApplicableCoding, toFhirQuestionnaire } from '../measures/fhir-questionnaire';
import { instruments, type Instrument, type InstrumentId, type InstrumentItem } from '../measures/instruments';
import { moodRatingCoding, scoreQuantity, surveyCategory } from './codes';
import type { ExportCheckIn, ExportResponse } from './export-input';
import { instant, ref, type FhirResource } from './resource';

/** The instruments the client answered, as Questionnaires (the same resources GET /fhir/Questionnaire serves). */
export function questionnairesUsed(responses: ExportResponse[]): FhirResource[] {
  const used = new Set<InstrumentId>(responses.map((r) => r.instrument));
  return [...used].sort().map((id) => toFhirQuestionnaire(instruments[id]) as FhirResource);
}

/** The answer as the Questionnaire offers it: the option's Coding, or "not applicable" for null. */
function answerCoding(instrument: Instrument, item: InstrumentItem, value: number | null) {
  if (value === null) return { ...notApplicableCoding, display: item.notApplicableText ?? notApplicableCoding.display };
  const option = item.answerOptions.find((o) => o.value === value);
  return option?.coding ? { ...option.coding } : { system: `${instrument.url}/answer`, code: String(value), display: option?.label ?? String(value) };
}

/**
 * A completed questionnaire, answered against our Questionnaire by its canonical URL and version.
 * Answers keep the form's order; the client is the source, and the author is the client or the
 * practitioner who entered it with them.
 */
export function toQuestionnaireResponse(response: ExportResponse, clientId: string, encounterId: string | null): FhirResource {
  const instrument = instruments[response.instrument];
  const byLinkId = new Map(response.answers.map((a) => [a.linkId, a.value]));
  const items = instrument.items.filter((item) => byLinkId.has(item.linkId));
  return {
    resourceType: 'QuestionnaireResponse',
    id: response.id,
    questionnaire: `${instrument.url}|${instrument.version}`,
    status: 'completed',
    subject: ref('Patient', clientId),
    ...(encounterId ? { encounter: ref('Encounter', encounterId) } : {}),
    authored: instant(response.authoredAt),
    author: response.authorStaffId ? ref('Practitioner', response.authorStaffId) : ref('Patient', clientId),
    source: ref('Patient', clientId),
    item: items.map((item) => ({ linkId: item.linkId, answer: [{ valueCoding: answerCoding(instrument, item, byLinkId.get(item.linkId) ?? null) }] })),
  };
}

/**
 * A questionnaire's total score as an Observation: LOINC and SNOMED CT codes where verified
 * (measures/codes.ts — PHQ-9 44261-6 + 720433000, GAD-7 70274-6 + 445455005), the WSAS by text
 * only (no code could be verified). The value is the score with UCUM `{score}`; no band or
 * interpretation goes with it — a score is not a diagnosis (BRIEF.md, "Safety principles").
 */
export function toTotalObservation(response: ExportResponse, clientId: string, encounterId: string | null): FhirResource | null {
  if (response.total === null) return null;
  const instrument = instruments[response.instrument];
  return {
    resourceType: 'Observation',
    id: response.id,
    status: 'final',
    category: [{ coding: [{ ...surveyCategory }] }],
    code: {
      ...(instrument.codes.total.length ? { coding: instrument.codes.total.map((c) => ({ ...c })) } : {}),
      text: `${instrument.title} total score`,
    },
    subject: ref('Patient', clientId),
    ...(encounterId ? { encounter: ref('Encounter', encounterId) } : {}),
    effectiveDateTime: instant(response.authoredAt),
    ...(response.completedReceivedAt ? { issued: instant(response.completedReceivedAt) } : {}),
    performer: [ref('Patient', clientId)],
    valueQuantity: { value: response.total, ...scoreQuantity },
    derivedFrom: [ref('QuestionnaireResponse', response.id)],
  };
}

/** A mood check-in: the 1–10 rating under Tandem's local code (codes.ts, decision 0038). */
export function toMoodObservation(checkIn: ExportCheckIn, clientId: string): FhirResource {
  return {
    resourceType: 'Observation',
    id: checkIn.id,
    status: 'final',
    category: [{ coding: [{ ...surveyCategory }] }],
    code: { coding: [{ ...moodRatingCoding }], text: 'Mood rating (1 to 10)' },
    subject: ref('Patient', clientId),
    effectiveDateTime: instant(checkIn.recordedAt),
    performer: [ref('Patient', clientId)],
    valueInteger: checkIn.mood,
  };
}
