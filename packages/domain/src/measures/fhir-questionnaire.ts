import type { Coding } from './coding';
import type { AnswerOption, Instrument, InstrumentItem } from './instruments';

/** FHIR R4 core extension carrying an answer's score (http://hl7.org/fhir/R4/extension-ordinalvalue.html). */
export const ordinalValueExtensionUrl = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';

/** "Not applicable" as an answer: HL7 data-absent-reason code `not-applicable`. */
export const notApplicableCoding: Coding = {
  system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
  code: 'not-applicable',
  display: 'Not Applicable',
};

/** linkId of the display item that carries the stem ("Over the last 2 weeks …"). */
export function stemLinkId(instrument: Instrument): string {
  return `${instrument.id}-stem`;
}

function answerOption(option: AnswerOption, instrument: Instrument): Record<string, unknown> {
  // Every option gets a Coding: the verified one, else the instrument's value as a local code.
  const coding = option.coding ?? { system: `${instrument.url}/answer`, code: String(option.value), display: option.label };
  return {
    extension: [{ url: ordinalValueExtensionUrl, valueDecimal: option.value }],
    valueCoding: { ...coding },
  };
}

function choiceItem(item: InstrumentItem, index: number, instrument: Instrument): Record<string, unknown> {
  const options = item.answerOptions.map((option) => answerOption(option, instrument));
  if (item.notApplicableAllowed) options.push({ valueCoding: { ...notApplicableCoding, display: item.notApplicableText ?? notApplicableCoding.display } });
  return {
    linkId: item.linkId,
    ...(item.coding ? { code: [{ ...item.coding }] } : {}),
    prefix: String(index + 1),
    text: item.text,
    type: 'choice',
    required: true,
    repeats: false,
    answerOption: options,
  };
}

/**
 * The instrument as a FHIR R4 Questionnaire resource (BRIEF.md, "Standards": Questionnaire /
 * QuestionnaireResponse). The stem is a `display` item first; each scored item is a `choice`
 * item whose answers carry a Coding and their score in the `ordinalValue` extension. A
 * not-applicable answer, where allowed, is the data-absent-reason code and carries no score.
 */
export function toFhirQuestionnaire(instrument: Instrument): Record<string, unknown> {
  return {
    resourceType: 'Questionnaire',
    id: instrument.id,
    url: instrument.url,
    version: instrument.version,
    name: instrument.id.toUpperCase(),
    title: instrument.title,
    status: 'active',
    subjectType: ['Patient'],
    ...(instrument.codes.panel.length > 0 ? { code: instrument.codes.panel.map((c) => ({ ...c })) } : {}),
    copyright: instrument.copyright,
    item: [
      { linkId: stemLinkId(instrument), text: instrument.stem, type: 'display' },
      ...instrument.items.map((item, i) => choiceItem(item, i, instrument)),
    ],
  };
}
