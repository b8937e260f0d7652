import { describe, expect, it } from 'vitest';
import { gad7Codes, phq9Codes } from './codes';
import { notApplicableCoding, ordinalValueExtensionUrl, stemLinkId, toFhirQuestionnaire } from './fhir-questionnaire';
import { findItem, instrumentIds, instruments, isRiskAnswer, riskItem, wsasItemText, type InstrumentId } from './instruments';

interface FhirItem {
  linkId: string;
  type: string;
  text: string;
  code?: { system: string; code: string }[];
  answerOption?: { valueCoding: { system: string; code: string; display: string }; extension?: { url: string; valueDecimal: number }[] }[];
}

const shape: Record<InstrumentId, { items: number; values: number[]; range: [number, number] }> = {
  phq9: { items: 9, values: [0, 1, 2, 3], range: [0, 27] },
  gad7: { items: 7, values: [0, 1, 2, 3], range: [0, 21] },
  wsas: { items: 5, values: [0, 1, 2, 3, 4, 5, 6, 7, 8], range: [0, 40] },
};

describe('instruments', () => {
  it.each(instrumentIds)('%s has its items, linkIds, answer values and range', (id) => {
    const instrument = instruments[id];
    const want = shape[id];
    expect(instrument.id).toBe(id);
    expect(instrument.items.map((item) => item.linkId)).toEqual(Array.from({ length: want.items }, (_, i) => `${id}-${i + 1}`));
    for (const item of instrument.items) expect(item.answerOptions.map((o) => o.value)).toEqual(want.values);
    expect([instrument.range.min, instrument.range.max]).toEqual(want.range);
    // The range is what the items can add up to.
    expect(instrument.items.length * Math.max(...want.values)).toBe(instrument.range.max);
  });

  it('uses the published answer labels and LOINC answer codes for PHQ-9 and GAD-7', () => {
    for (const id of ['phq9', 'gad7'] as const) {
      for (const item of instruments[id].items) {
        expect(item.answerOptions.map((o) => [o.value, o.label, o.coding?.code])).toEqual([
          [0, 'Not at all', 'LA6568-5'],
          [1, 'Several days', 'LA6569-3'],
          [2, 'More than half the days', 'LA6570-1'],
          [3, 'Nearly every day', 'LA6571-9'],
        ]);
      }
    }
  });

  it('labels the WSAS anchors 0, 2, 4, 6, 8', () => {
    const labels = instruments.wsas.items[0]!.answerOptions.map((o) => o.label);
    expect(labels).toEqual(['Not at all', '1', 'Slightly', '3', 'Definitely', '5', 'Markedly', '7', 'Very severely']);
  });

  it('carries the verified codes: PHQ-9 item 9 is LOINC 44260-8; totals in LOINC and SNOMED CT', () => {
    expect(findItem('phq9', 'phq9-9')?.coding?.code).toBe('44260-8');
    expect(instruments.phq9.items.map((i) => i.coding?.code)).toEqual(phq9Codes.items.map((c) => c.code));
    expect(instruments.gad7.items.map((i) => i.coding?.code)).toEqual(gad7Codes.items.map((c) => c.code));
    expect(instruments.phq9.codes.panel.map((c) => c.code)).toEqual(['44249-1']);
    expect(instruments.phq9.codes.total.map((c) => c.code)).toEqual(['44261-6', '720433000']);
    expect(instruments.gad7.codes.panel.map((c) => c.code)).toEqual(['69737-5']);
    expect(instruments.gad7.codes.total.map((c) => c.code)).toEqual(['70274-6', '445455005']);
    expect(instruments.wsas.codes).toEqual({ panel: [], total: [] });
  });

  it('allows "not applicable" on the WSAS work item only', () => {
    const allowing = instrumentIds.flatMap((id) => instruments[id].items.filter((i) => i.notApplicableAllowed).map((i) => i.linkId));
    expect(allowing).toEqual(['wsas-1']);
  });

  it('fills the WSAS [problem] placeholder', () => {
    expect(wsasItemText(instruments.wsas.items[1]!.text, 'low mood')).toMatch(/^Because of my low mood my home management/);
  });
});

describe('isRiskAnswer', () => {
  it.each([
    { name: 'PHQ-9 item 9, not at all', instrumentId: 'phq9', linkId: 'phq9-9', value: 0, want: false },
    { name: 'PHQ-9 item 9, several days', instrumentId: 'phq9', linkId: 'phq9-9', value: 1, want: true },
    { name: 'PHQ-9 item 9, more than half the days', instrumentId: 'phq9', linkId: 'phq9-9', value: 2, want: true },
    { name: 'PHQ-9 item 9, nearly every day', instrumentId: 'phq9', linkId: 'phq9-9', value: 3, want: true },
    { name: 'PHQ-9 item 9, out of range still counts (never dropped)', instrumentId: 'phq9', linkId: 'phq9-9', value: 7, want: true },
    { name: 'PHQ-9 item 9, not answered', instrumentId: 'phq9', linkId: 'phq9-9', value: null, want: false },
    { name: 'PHQ-9 item 8, nearly every day', instrumentId: 'phq9', linkId: 'phq9-8', value: 3, want: false },
    { name: 'GAD-7 item 7, nearly every day', instrumentId: 'gad7', linkId: 'gad7-7', value: 3, want: false },
    { name: 'WSAS item 5, 8', instrumentId: 'wsas', linkId: 'wsas-5', value: 8, want: false },
  ] as const)('$name → $want', ({ instrumentId, linkId, value, want }) => {
    expect(isRiskAnswer(instrumentId, linkId, value)).toBe(want);
  });

  it('names the risk item', () => {
    expect(findItem(riskItem.instrumentId, riskItem.linkId)?.text).toBe('Thoughts that you would be better off dead or of hurting yourself in some way');
  });
});

describe('toFhirQuestionnaire', () => {
  it.each(instrumentIds)('%s: a stem display item, then one choice item per instrument item, in order', (id) => {
    const q = toFhirQuestionnaire(instruments[id]);
    const items = q.item as FhirItem[];
    expect(q).toMatchObject({ resourceType: 'Questionnaire', status: 'active', url: instruments[id].url, version: '1.0.0', title: instruments[id].title });
    expect(q.copyright).toBe(instruments[id].copyright);
    expect(items).toHaveLength(instruments[id].items.length + 1);
    expect(items[0]).toEqual({ linkId: stemLinkId(instruments[id]), type: 'display', text: instruments[id].stem });
    const choices = items.slice(1);
    expect(choices.map((i) => i.linkId)).toEqual(instruments[id].items.map((i) => i.linkId));
    expect(choices.every((i) => i.type === 'choice')).toBe(true);
    for (const choice of choices) {
      for (const option of choice.answerOption ?? []) expect(option.valueCoding.code).toBeTruthy();
    }
  });

  it('PHQ-9: panel code, item codes and scored LOINC answers', () => {
    const q = toFhirQuestionnaire(instruments.phq9);
    expect(q.code).toEqual([{ system: 'http://loinc.org', code: '44249-1', display: 'PHQ-9 quick depression assessment panel [Reported.PHQ]' }]);
    const item9 = (q.item as FhirItem[]).find((i) => i.linkId === 'phq9-9')!;
    expect(item9.code?.[0]?.code).toBe('44260-8');
    expect(item9.answerOption?.map((o) => [o.valueCoding.code, o.extension?.[0]?.url, o.extension?.[0]?.valueDecimal])).toEqual([
      ['LA6568-5', ordinalValueExtensionUrl, 0],
      ['LA6569-3', ordinalValueExtensionUrl, 1],
      ['LA6570-1', ordinalValueExtensionUrl, 2],
      ['LA6571-9', ordinalValueExtensionUrl, 3],
    ]);
  });

  it('WSAS: no questionnaire code, and the work item offers "not applicable" without a score', () => {
    const q = toFhirQuestionnaire(instruments.wsas);
    expect(q.code).toBeUndefined();
    const [work, home] = (q.item as FhirItem[]).slice(1);
    expect(work?.answerOption).toHaveLength(10);
    expect(work?.answerOption?.[9]).toEqual({ valueCoding: { ...notApplicableCoding, display: instruments.wsas.items[0]!.notApplicableText } });
    expect(home?.answerOption).toHaveLength(9);
  });
});
