import { describe, expect, it } from 'vitest';
import { frequencyAnswerCodes } from '../measures/codes';
import { notApplicableCoding, ordinalValueExtensionUrl } from '../measures/fhir-questionnaire';
import { instruments, wsasAnswerSystem, type InstrumentId } from '../measures/instruments';
import { FhirResourceError, operationOutcomeOf } from './operation-outcome';
import { authoredClockSkewMs, readQuestionnaireResponse } from './questionnaire-response';

const now = new Date('2026-03-02T09:00:00Z');
const clientId = '0190f5a0-0000-7000-8000-000000000001';
const id = '0190f5a0-0000-7000-8000-0000000000aa';

/** A QuestionnaireResponse as another system would send it: each answer as its LOINC (or local WSAS) code. */
function resource(instrumentId: InstrumentId, values: (number | null)[], extra: Record<string, unknown> = {}) {
  const instrument = instruments[instrumentId];
  return {
    resourceType: 'QuestionnaireResponse',
    id,
    questionnaire: instrument.url,
    status: 'completed',
    subject: { reference: `Patient/${clientId}` },
    authored: '2026-03-01T18:30:00+00:00',
    item: instrument.items.map((item, i) => ({
      linkId: item.linkId,
      answer: [{ valueCoding: values[i] === null ? { ...notApplicableCoding } : { ...item.answerOptions[values[i]!]!.coding! } }],
    })),
    ...extra,
  };
}

const phq9 = (item9 = 0) => resource('phq9', [1, 1, 1, 1, 1, 1, 1, 1, item9]);

describe('reading a QuestionnaireResponse for import', () => {
  it.each([
    ['PHQ-9 by URL', phq9(2), 'phq9', { 'phq9-1': 1, 'phq9-9': 2 }],
    ['PHQ-9 by URL|version', { ...phq9(), questionnaire: `${instruments.phq9.url}|1.0.0` }, 'phq9', { 'phq9-9': 0 }],
    ['GAD-7', resource('gad7', [3, 3, 3, 3, 3, 3, 0]), 'gad7', { 'gad7-1': 3, 'gad7-7': 0 }],
    ['WSAS with the work item not applicable', resource('wsas', [null, 8, 0, 4, 2]), 'wsas', { 'wsas-1': null, 'wsas-2': 8 }],
  ] as const)('takes %s', (_name, body, instrumentId, someAnswers) => {
    const read = readQuestionnaireResponse(body, now);
    expect(read.issues).toEqual([]);
    expect(read.measure).toMatchObject({ id, clientId, instrumentId, authoredAt: '2026-03-01T18:30:00.000Z', answers: someAnswers });
  });

  it('takes the local answer code and an ordinalValue that agrees; ignores the stem and displays', () => {
    const body = phq9(3);
    body.item[0]!.answer[0]!.valueCoding = { system: `${instruments.phq9.url}/answer`, code: '2', display: 'whatever' } as never;
    (body.item[8]!.answer[0]!.valueCoding as Record<string, unknown>).extension = [{ url: ordinalValueExtensionUrl, valueDecimal: 3 }];
    body.item.unshift({ linkId: 'phq9-stem', answer: [] } as never);
    const read = readQuestionnaireResponse(body, now);
    expect(read.issues).toEqual([]);
    expect(read.measure?.answers).toMatchObject({ 'phq9-1': 2, 'phq9-9': 3 });
  });

  it('takes authored up to the clock skew ahead of the server, not beyond', () => {
    const at = (ms: number) => readQuestionnaireResponse({ ...phq9(), authored: new Date(now.getTime() + ms).toISOString() }, now);
    expect(at(authoredClockSkewMs).measure).not.toBeNull();
    expect(at(authoredClockSkewMs + 1000).issues[0]).toMatchObject({ code: 'business-rule', expression: ['QuestionnaireResponse.authored'] });
  });

  const badCoding = () => {
    const body = phq9();
    body.item[3]!.answer[0]!.valueCoding = { system: 'http://loinc.org', code: 'LA9999-9', display: 'Sometimes' };
    return body;
  };
  const missingItem = () => {
    const body = phq9();
    body.item.splice(4, 1);
    return body;
  };
  const twoAnswers = () => {
    const body = phq9();
    body.item[2]!.answer.push({ valueCoding: { ...frequencyAnswerCodes[0]! } });
    return body;
  };
  const repeated = () => {
    const body = phq9();
    body.item.push({ ...body.item[0]! });
    return body;
  };
  const ordinalMismatch = () => {
    const body = phq9();
    (body.item[1]!.answer[0]!.valueCoding as Record<string, unknown>).extension = [{ url: ordinalValueExtensionUrl, valueDecimal: 0 }];
    return body;
  };
  const integerAnswer = () => {
    const body = phq9();
    body.item[5]!.answer[0] = { valueInteger: 1 } as never;
    return body;
  };

  // [case, body, structural (400) or not (422), issue code, expression]
  it.each([
    ['not an object', [1, 2], true, 'structure', 'QuestionnaireResponse'],
    ['another resource type', { resourceType: 'Observation', id }, true, 'invalid', 'resourceType'],
    ['no id', { ...phq9(), id: undefined }, true, 'required', 'QuestionnaireResponse.id'],
    ['an id that is not a UUID', { ...phq9(), id: 'abc' }, true, 'value', 'QuestionnaireResponse.id'],
    ['an element FHIR does not have', { ...phq9(), score: 9 }, true, 'structure', 'QuestionnaireResponse.score'],
    ['a modifier extension', { ...phq9(), modifierExtension: [{ url: 'x', valueBoolean: true }] }, true, 'extension', 'QuestionnaireResponse.modifierExtension'],
    ['a status that is not a FHIR code', { ...phq9(), status: 'done' }, true, 'code-invalid', 'QuestionnaireResponse.status'],
    ['no subject', { ...phq9(), subject: undefined }, true, 'required', 'QuestionnaireResponse.subject'],
    ['authored that is not a dateTime', { ...phq9(), authored: '2026-02-30 10:00' }, true, 'value', 'QuestionnaireResponse.authored'],
    ['no items', { ...phq9(), item: [] }, true, 'required', 'QuestionnaireResponse.item'],
    ['an unknown questionnaire', { ...phq9(), questionnaire: 'http://example.org/Questionnaire/phq9' }, false, 'not-found', 'QuestionnaireResponse.questionnaire'],
    ['an unknown version', { ...phq9(), questionnaire: `${instruments.phq9.url}|9.9` }, false, 'not-supported', 'QuestionnaireResponse.questionnaire'],
    ['status in-progress', { ...phq9(), status: 'in-progress' }, false, 'business-rule', 'QuestionnaireResponse.status'],
    ['a subject that is not Patient/<id>', { ...phq9(), subject: { reference: `Group/${clientId}` } }, false, 'value', 'QuestionnaireResponse.subject.reference'],
    ['a subject by NHS number', { ...phq9(), subject: { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' } } }, false, 'not-supported', 'QuestionnaireResponse.subject.identifier'],
    ['authored as a date only', { ...phq9(), authored: '2026-03-01' }, false, 'value', 'QuestionnaireResponse.authored'],
    ['authored in the future', { ...phq9(), authored: '2026-03-03T09:00:00Z' }, false, 'business-rule', 'QuestionnaireResponse.authored'],
    ['an answer code that is not the item’s', badCoding(), false, 'code-invalid', 'QuestionnaireResponse.item[3].answer[0].valueCoding'],
    ['a missing item', missingItem(), false, 'required', 'QuestionnaireResponse.item'],
    ['two answers to one item', twoAnswers(), false, 'business-rule', 'QuestionnaireResponse.item[2].answer'],
    ['an item answered twice', repeated(), false, 'business-rule', 'QuestionnaireResponse.item[9].linkId'],
    ['an unknown linkId', { ...phq9(), item: [...phq9().item, { linkId: 'phq9-10', answer: [] }] }, false, 'value', 'QuestionnaireResponse.item[9].linkId'],
    ['an ordinalValue that disagrees with the code', ordinalMismatch(), false, 'business-rule', 'QuestionnaireResponse.item[1].answer[0].valueCoding'],
    ['an answer that is not a Coding', integerAnswer(), false, 'not-supported', 'QuestionnaireResponse.item[5].answer[0].valueInteger'],
    ['not applicable where it is not allowed', resource('phq9', [1, 1, null, 1, 1, 1, 1, 1, 0]), false, 'business-rule', 'QuestionnaireResponse.item[2].answer[0].valueCoding'],
    ['a WSAS code on a PHQ-9 item', (() => { const b = phq9(); b.item[0]!.answer[0]!.valueCoding = { system: wsasAnswerSystem, code: '1', display: '1' }; return b; })(), false, 'code-invalid', 'QuestionnaireResponse.item[0].answer[0].valueCoding'],
  ])('refuses %s', (_name, body, structural, code, expression) => {
    const read = readQuestionnaireResponse(body, now);
    expect(read.measure).toBeNull();
    expect(read.structural).toBe(structural);
    expect(read.issues).toContainEqual(expect.objectContaining({ severity: 'error', code, expression: [expression] }));
  });

  it('keeps the client of a refused response so access is checked first, and warns that a refused positive item 9 raised no alert (HAZ-100)', () => {
    const body = phq9(1);
    body.item.splice(0, 1);
    const read = readQuestionnaireResponse(body, now);
    expect(read.clientId).toBe(clientId);
    expect(read.issues.at(-1)).toMatchObject({ severity: 'warning', code: 'informational', diagnostics: expect.stringContaining('no risk alert') });
    const zero = readQuestionnaireResponse({ ...phq9(0), status: 'stopped' }, now);
    expect(zero.issues.every((i) => i.severity === 'error')).toBe(true);
  });

  it('names each problem in an OperationOutcome with Tandem’s error code', () => {
    const read = readQuestionnaireResponse(badCoding(), now);
    const error = new FhirResourceError('fhir.unprocessable_resource', 'The questionnaire response cannot be taken.', read.issues);
    expect(error.details).toEqual([{ path: 'QuestionnaireResponse.item[3].answer[0].valueCoding', message: expect.stringContaining('LA9999-9') }]);
    expect(operationOutcomeOf(error, error.issues)).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'code-invalid',
          details: { coding: [{ system: 'https://tandem.example.org/fhir/CodeSystem/error-code', code: 'fhir.unprocessable_resource' }], text: 'The questionnaire response cannot be taken.' },
          diagnostics: expect.stringContaining('is not one of the answers to phq9-4'),
          expression: ['QuestionnaireResponse.item[3].answer[0].valueCoding'],
        },
      ],
    });
    expect(operationOutcomeOf({ code: 'client.not_found', message: 'No client here.' }).issue[0]).toMatchObject({ code: 'not-found', diagnostics: 'No client here.' });
  });
});
