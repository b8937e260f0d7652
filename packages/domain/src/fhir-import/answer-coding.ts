import type { Instrument, InstrumentItem } from '../measures/instruments';

/**
 * The score of an answer Coding to one question: the option whose Coding has this system and code
 * (the LOINC answer codes of PHQ-9 and GAD-7, the local WSAS codes), or the Questionnaire's local
 * answer code `<questionnaire url>/answer` with the score as its code, which
 * `toFhirQuestionnaire` gives an option without a verified Coding. Undefined when it is neither.
 * Displays are not compared: systems word them differently.
 */
export function answerValueOf(instrument: Instrument, question: InstrumentItem, coding: { system: string; code: string }): number | undefined {
  const coded = question.answerOptions.find((o) => o.coding?.system === coding.system && o.coding.code === coding.code);
  if (coded) return coded.value;
  if (coding.system !== `${instrument.url}/answer`) return undefined;
  return question.answerOptions.find((o) => String(o.value) === coding.code)?.value;
}
