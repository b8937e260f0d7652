import { notApplicableCoding, ordinalValueExtensionUrl } from '../measures/fhir-questionnaire';
import { instruments, instrumentIds, isRiskAnswer, riskItem, type Instrument, type InstrumentId, type InstrumentItem } from '../measures/instruments';
import { answerProblems } from '../measures/scoring';
import type { FhirIssue, FhirIssueType } from './operation-outcome';
import { answerValueOf } from './answer-coding';

/**
 * Reading a FHIR R4 QuestionnaireResponse sent for import (decision 0039). Two passes, as FHIR's
 * create interaction answers them: first whether it is a QuestionnaireResponse at all (a problem
 * here is 400 Bad Request), then whether Tandem can take it (422 Unprocessable Entity): one of our
 * Questionnaires by canonical URL, completed, about a client (`Patient/<id>`), authored at a full
 * date and time not in the future, and every item answered exactly once with one of the item's
 * own answer codes. Every problem is named with a FHIRPath expression.
 */

/** A completed questionnaire read from a QuestionnaireResponse, ready to be stored and scored. */
export interface ImportedMeasure {
  /** The resource's id: the idempotency key of the import. */
  id: string;
  instrumentId: InstrumentId;
  clientId: string;
  /** `authored`, as an instant (ISO 8601, UTC). */
  authoredAt: string;
  /** linkId → the answer's score (null: "not applicable", where the item allows it). */
  answers: Record<string, number | null>;
}

export interface ReadResult {
  /** True when it is not a valid QuestionnaireResponse (400); false when Tandem checked its content (422). */
  structural: boolean;
  /** The resource's id when it is a UUID (for the audit log), else null. */
  id: string | null;
  /** The client the subject names, when it names one the right way; checked for access before content problems are told. */
  clientId: string | null;
  issues: FhirIssue[];
  /** Set only when there is no error issue. */
  measure: ImportedMeasure | null;
}

/** How far in the future `authored` may be, for the sending system's clock being a little ahead of ours. */
export const authoredClockSkewMs = 5 * 60_000;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** FHIR R4 dateTime (http://hl7.org/fhir/R4/datatypes.html#dateTime): a year, month, day, or a full time with a zone. */
const fhirDateTime = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)))?)?)?$/;
const fullDateTime = /^\d{4}-\d{2}-\d{2}T/;
const responseStatuses = ['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped'];

/** The elements of R4 QuestionnaireResponse, of its items, and of an item's answers (http://hl7.org/fhir/R4/questionnaireresponse.html). */
const responseElements = new Set(['resourceType', 'id', 'meta', 'implicitRules', 'language', 'text', 'contained', 'extension', 'modifierExtension', 'identifier', 'basedOn', 'partOf', 'questionnaire', 'status', 'subject', 'encounter', 'authored', 'author', 'source', 'item']);
const itemElements = new Set(['id', 'extension', 'modifierExtension', 'linkId', 'definition', 'text', 'answer', 'item']);
const answerValues = ['valueBoolean', 'valueDecimal', 'valueInteger', 'valueDate', 'valueDateTime', 'valueTime', 'valueString', 'valueUri', 'valueAttachment', 'valueCoding', 'valueQuantity', 'valueReference'];
const answerElements = new Set(['id', 'extension', 'modifierExtension', 'item', ...answerValues]);
const codingElements = new Set(['id', 'extension', 'system', 'version', 'code', 'display', 'userSelected']);

class Issues {
  readonly list: FhirIssue[] = [];
  add(code: FhirIssueType, expression: string, diagnostics: string) {
    this.list.push({ severity: 'error', code, diagnostics, expression: [expression] });
  }
  unknownElements(value: Json, known: Set<string>, at: string) {
    for (const key of Object.keys(value)) if (!known.has(key)) this.add('structure', `${at}.${key}`, `${key} is not an element of ${at.split('.').pop()?.replace(/\[\d+\]$/, '')} in FHIR R4`);
    // A modifier extension changes the meaning of what it sits on; one we do not understand must not be ignored (FHIR R4 §2.4.3).
    if (value.modifierExtension !== undefined) this.add('extension', `${at}.modifierExtension`, 'modifier extensions are not understood here, so the resource cannot be taken');
  }
}

/** The first pass: the parts of a QuestionnaireResponse Tandem reads are there and of the right type. */
function checkStructure(body: unknown, issues: Issues): body is Json {
  const R = 'QuestionnaireResponse';
  if (!isObject(body)) {
    issues.add('structure', R, 'the body must be a FHIR resource: a JSON object');
    return false;
  }
  if (body.resourceType !== R) {
    issues.add('invalid', 'resourceType', `resourceType must be QuestionnaireResponse, not ${JSON.stringify(body.resourceType ?? null).slice(0, 60)}`);
    return false;
  }
  issues.unknownElements(body, responseElements, R);
  if (body.implicitRules !== undefined) issues.add('not-supported', `${R}.implicitRules`, 'implicit rules are not understood here');
  if (body.id === undefined) issues.add('required', `${R}.id`, 'id is required: a UUID the sending system makes once, so sending it again is safe');
  else if (typeof body.id !== 'string' || !uuid.test(body.id)) issues.add('value', `${R}.id`, 'id must be a UUID');
  for (const key of ['questionnaire', 'status', 'authored'] as const) {
    if (body[key] === undefined) issues.add('required', `${R}.${key}`, `${key} is required`);
    else if (typeof body[key] !== 'string') issues.add('value', `${R}.${key}`, `${key} must be a string`);
  }
  if (typeof body.status === 'string' && !responseStatuses.includes(body.status)) issues.add('code-invalid', `${R}.status`, `status must be one of ${responseStatuses.join(', ')}`);
  if (typeof body.authored === 'string' && !fhirDateTime.test(body.authored)) issues.add('value', `${R}.authored`, 'authored must be a FHIR dateTime, e.g. 2026-03-02T09:00:00Z');
  if (body.subject === undefined) issues.add('required', `${R}.subject`, 'subject is required: the client, as Patient/<id>');
  else if (!isObject(body.subject)) issues.add('structure', `${R}.subject`, 'subject must be a Reference');
  else if (body.subject.reference !== undefined && typeof body.subject.reference !== 'string') issues.add('value', `${R}.subject.reference`, 'reference must be a string');
  if (!Array.isArray(body.item) || body.item.length === 0) {
    issues.add('required', `${R}.item`, 'item is required: one for each question, each with its answer');
    return issues.list.length === 0;
  }
  body.item.forEach((item: unknown, i) => checkItem(item, `${R}.item[${i}]`, issues));
  return issues.list.length === 0;
}

function checkItem(item: unknown, at: string, issues: Issues) {
  if (!isObject(item)) return issues.add('structure', at, 'each item must be an object');
  issues.unknownElements(item, itemElements, at);
  if (typeof item.linkId !== 'string') issues.add('required', `${at}.linkId`, 'linkId is required');
  if (item.item !== undefined) issues.add('structure', `${at}.item`, 'these questionnaires have no nested items');
  if (item.answer === undefined) return;
  if (!Array.isArray(item.answer)) return issues.add('structure', `${at}.answer`, 'answer must be a list');
  item.answer.forEach((answer: unknown, j) => {
    const where = `${at}.answer[${j}]`;
    if (!isObject(answer)) return issues.add('structure', where, 'each answer must be an object');
    issues.unknownElements(answer, answerElements, where);
    if (answer.item !== undefined) issues.add('structure', `${where}.item`, 'these questionnaires have no nested items');
    if (answer.valueCoding === undefined) return;
    if (!isObject(answer.valueCoding)) return issues.add('structure', `${where}.valueCoding`, 'valueCoding must be a Coding');
    issues.unknownElements(answer.valueCoding, codingElements, `${where}.valueCoding`);
    for (const key of ['system', 'code'] as const) {
      if (answer.valueCoding[key] !== undefined && typeof answer.valueCoding[key] !== 'string') issues.add('value', `${where}.valueCoding.${key}`, `${key} must be a string`);
    }
  });
}

/** Our Questionnaire named by `url` or `url|version`; a problem with it is added to `issues`. */
function instrumentOf(canonical: string, issues: Issues): Instrument | null {
  const [url, version] = canonical.split('|');
  const instrument = instrumentIds.map((id) => instruments[id]).find((i) => i.url === url);
  const at = 'QuestionnaireResponse.questionnaire';
  if (!instrument) {
    issues.add('not-found', at, `${canonical.slice(0, 200)} is not a questionnaire Tandem knows; use ${instrumentIds.map((id) => instruments[id].url).join(', ')}`);
    return null;
  }
  if (version !== undefined && version !== instrument.version) {
    issues.add('not-supported', at, `version ${version.slice(0, 40)} of ${instrument.url} is not known; the current version is ${instrument.version}`);
    return null;
  }
  return instrument;
}

/** The client named by `subject`: `Patient/<client id>` (an NHS number identifier is not taken: decision 0039). */
function clientOf(subject: Json, issues: Issues): string | null {
  const match = typeof subject.reference === 'string' ? /^Patient\/([0-9a-f-]{36})$/i.exec(subject.reference) : null;
  if (match && uuid.test(match[1]!)) return match[1]!.toLowerCase();
  if (subject.reference === undefined && subject.identifier !== undefined) {
    issues.add('not-supported', 'QuestionnaireResponse.subject.identifier', 'a client is named by reference only: Patient/<id>, the id Tandem gives the client');
  } else {
    issues.add('value', 'QuestionnaireResponse.subject.reference', 'subject must reference the client as Patient/<id>, the id Tandem gives the client');
  }
  return null;
}

function checkAuthored(authored: string, now: Date, issues: Issues): string | null {
  const at = 'QuestionnaireResponse.authored';
  const time = Date.parse(authored);
  if (!fullDateTime.test(authored) || Number.isNaN(time)) {
    issues.add('value', at, 'authored must be a full date and time with a time zone, e.g. 2026-03-02T09:00:00Z');
    return null;
  }
  if (time > now.getTime() + authoredClockSkewMs) {
    issues.add('business-rule', at, 'authored is in the future: a questionnaire can only be imported once it was answered');
    return null;
  }
  return new Date(time).toISOString();
}

/** Each item's one answer, by linkId; problems with items and answers are added to `issues`. */
function answersOf(instrument: Instrument, items: Json[], issues: Issues): Record<string, number | null> {
  const answers: Record<string, number | null> = {};
  const seen = new Map<string, number>();
  const stemLinkId = `${instrument.id}-stem`;
  items.forEach((item, i) => {
    const at = `QuestionnaireResponse.item[${i}]`;
    const linkId = item.linkId as string;
    const answerList = (item.answer as Json[] | undefined) ?? [];
    if (linkId === stemLinkId) {
      if (answerList.length) issues.add('business-rule', `${at}.answer`, `${linkId} is the instructions, not a question: it takes no answer`);
      return;
    }
    const question = instrument.items.find((q) => q.linkId === linkId);
    if (!question) return issues.add('value', `${at}.linkId`, `${linkId.slice(0, 40)} is not a question of ${instrument.id.toUpperCase()}`);
    if (seen.has(linkId)) return issues.add('business-rule', `${at}.linkId`, `${linkId} is answered more than once (also item[${seen.get(linkId)}])`);
    seen.set(linkId, i);
    if (answerList.length !== 1) return issues.add(answerList.length ? 'business-rule' : 'required', `${at}.answer`, `${linkId} needs exactly one answer, not ${answerList.length}`);
    const answer = answerList[0]!;
    if (!isObject(answer.valueCoding)) {
      const other = answerValues.find((key) => answer[key] !== undefined);
      return issues.add(other ? 'not-supported' : 'required', `${at}.answer[0]${other ? `.${other}` : ''}`, `answer ${linkId} with valueCoding, one of the codes of the Questionnaire`);
    }
    const value = valueOf(instrument, question, answer.valueCoding, `${at}.answer[0].valueCoding`, issues);
    if (value !== undefined) answers[linkId] = value;
  });
  for (const question of instrument.items) {
    if (!seen.has(question.linkId)) issues.add('required', 'QuestionnaireResponse.item', `${question.linkId} is not answered: every question needs exactly one answer`);
  }
  return answers;
}

/** The score of one answer's Coding, or undefined with an issue added. */
function valueOf(instrument: Instrument, question: InstrumentItem, coding: Json, at: string, issues: Issues): number | null | undefined {
  const { system, code } = coding;
  if (system === notApplicableCoding.system && code === notApplicableCoding.code) {
    if (question.notApplicableAllowed) return null;
    issues.add('business-rule', at, `${question.linkId} cannot be answered "not applicable"`);
    return undefined;
  }
  const value = typeof system === 'string' && typeof code === 'string' ? answerValueOf(instrument, question, { system, code }) : undefined;
  if (value === undefined) {
    issues.add('code-invalid', at, `${String(code).slice(0, 40)} (${String(system).slice(0, 100)}) is not one of the answers to ${question.linkId}`);
    return undefined;
  }
  // The ordinalValue extension, when sent, must agree with the code: a mismatch means the sender scored it some other way.
  const ordinal = Array.isArray(coding.extension) ? (coding.extension as unknown[]).find((e) => isObject(e) && e.url === ordinalValueExtensionUrl) : undefined;
  if (isObject(ordinal) && ordinal.valueDecimal !== value) {
    issues.add('business-rule', at, `the ordinalValue ${JSON.stringify(ordinal.valueDecimal ?? null).slice(0, 20)} does not match the score ${value} of code ${code}`);
    return undefined;
  }
  return value;
}

/** A warning on a refused response that holds a positive item-9 answer: it was not stored, so Tandem raised no alert (HAZ-100). */
function unstoredRiskWarning(instrument: Instrument | null, answers: Record<string, number | null>): FhirIssue[] {
  const value = answers[riskItem.linkId];
  if (instrument?.id !== riskItem.instrumentId || value === undefined || !isRiskAnswer(instrument.id, riskItem.linkId, value)) return [];
  return [
    {
      severity: 'warning',
      code: 'informational',
      diagnostics:
        'This response answers PHQ-9 question 9 (thoughts of being better off dead or of self-harm) with more than "Not at all". ' +
        'It was refused, so it was not stored and Tandem raised no risk alert: correct it and send it again, and tell the client’s care team now.',
      expression: ['QuestionnaireResponse.item'],
    },
  ];
}

/**
 * Reads a QuestionnaireResponse sent for import: a measure to store, or every problem found,
 * each with its FHIRPath. `now` is the server's clock; `authored` may be at most
 * `authoredClockSkewMs` ahead of it. A refused response with a positive PHQ-9 item-9 answer also
 * gets a warning saying no alert was raised.
 */
export function readQuestionnaireResponse(body: unknown, now: Date): ReadResult {
  const issues = new Issues();
  const id = isObject(body) && typeof body.id === 'string' && uuid.test(body.id) ? body.id.toLowerCase() : null;
  if (!checkStructure(body, issues)) return { structural: true, id, clientId: null, issues: issues.list, measure: null };
  const instrument = instrumentOf(body.questionnaire as string, issues);
  if (body.status !== 'completed') issues.add('business-rule', 'QuestionnaireResponse.status', `only a completed response can be imported, not one that is ${String(body.status)}`);
  const clientId = clientOf(body.subject as Json, issues);
  const authoredAt = checkAuthored(body.authored as string, now, issues);
  const answers = instrument ? answersOf(instrument, body.item as Json[], issues) : {};
  if (instrument && issues.list.length === 0) {
    // Scoring's own check, the same one every other way in uses (it finds nothing the reading above let through).
    for (const p of answerProblems(instrument.id, answers, { complete: true })) issues.add('business-rule', 'QuestionnaireResponse.item', `${p.linkId ?? 'response'}: ${p.problem.replaceAll('_', ' ')}`);
  }
  if (issues.list.length || !instrument || !clientId || !authoredAt || !id) {
    return { structural: false, id, clientId, issues: [...issues.list, ...unstoredRiskWarning(instrument, answers)], measure: null };
  }
  return { structural: false, id, clientId, issues: [], measure: { id, instrumentId: instrument.id, clientId, authoredAt, answers } };
}
