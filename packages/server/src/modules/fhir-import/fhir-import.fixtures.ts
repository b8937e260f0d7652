import { instruments, type InstrumentId } from '@tandem/domain';

/**
 * Test data: a QuestionnaireResponse as another system sends it — our Questionnaire by `url|version`,
 * the client as `Patient/<id>`, each answer as the item's own Coding (LOINC for PHQ-9 and GAD-7).
 * `values` are the items' scores in form order.
 */
export function questionnaireResponseFor(clientId: string, instrumentId: InstrumentId, values: number[], options: { id: string; authored: string }) {
  const instrument = instruments[instrumentId];
  return {
    resourceType: 'QuestionnaireResponse',
    id: options.id,
    questionnaire: `${instrument.url}|${instrument.version}`,
    status: 'completed',
    subject: { reference: `Patient/${clientId}` },
    authored: options.authored,
    item: instrument.items.map((item, i) => ({ linkId: item.linkId, answer: [{ valueCoding: { ...item.answerOptions[values[i]!]!.coding! } }] })),
  };
}
