import type { Coding } from './coding';
import { frequencyAnswerCodes, gad7Codes, phq9Codes } from './codes';

export type { Coding } from './coding';

/**
 * The questionnaires Tandem scores, as data shaped like a FHIR R4 Questionnaire (BRIEF.md,
 * "Measures (NHS Talking Therapies conventions)"). Wording is the published wording; a change to
 * it is a clinical change and needs clinical review (BRIEF.md, "Safety principles").
 */
export const instrumentIds = ['phq9', 'gad7', 'wsas'] as const;
export type InstrumentId = (typeof instrumentIds)[number];

export interface AnswerOption {
  value: number;
  label: string;
  coding?: Coding;
}

export interface InstrumentItem {
  /** `phq9-1` … `phq9-9`, `gad7-1` … `gad7-7`, `wsas-1` … `wsas-5`. */
  linkId: string;
  text: string;
  coding?: Coding;
  answerOptions: AnswerOption[];
  /** The item may be answered "not applicable" (stored as null): the WSAS work item only. */
  notApplicableAllowed?: boolean;
  /** What the client is shown for "not applicable", in the instrument's own words. */
  notApplicableText?: string;
}

export interface Instrument {
  id: InstrumentId;
  title: string;
  version: string;
  url: string;
  /** The instruction shown above the items. */
  stem: string;
  copyright: string;
  /** Codes for the whole questionnaire and for its total score; empty when none could be verified. */
  codes: { panel: Coding[]; total: Coding[] };
  items: InstrumentItem[];
  /** Lowest and highest possible total. */
  range: { min: number; max: number };
}

/**
 * Canonical base for Tandem's own FHIR artefacts (Questionnaires, local code systems). A
 * placeholder under example.org until the project has a domain: change it here only.
 */
export const tandemFhirBase = 'https://tandem.example.org/fhir';

/** Local code system for WSAS answers 0–8: no LOINC answer list for the WSAS could be verified. */
export const wsasAnswerSystem = `${tandemFhirBase}/CodeSystem/wsas-answer`;

/** Version of Tandem's rendering of the instruments (not of the instruments themselves). */
const questionnaireVersion = '1.0.0';

const pfizerCopyright =
  'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. ' +
  'No permission required to reproduce, translate, display or distribute.';

function frequencyOptions(): AnswerOption[] {
  return frequencyAnswerCodes.map((coding, value) => ({ value, label: coding.display, coding: { ...coding } }));
}

/**
 * PHQ-9: Kroenke, Spitzer & Williams 2001, J Gen Intern Med 16:606–613; wording as on the Pfizer
 * form ("no permission required to reproduce"). The tenth, unscored "how difficult" question is
 * not part of the total and is not asked here.
 */
const phq9Texts = [
  'Little interest or pleasure in doing things',
  'Feeling down, depressed, or hopeless',
  'Trouble falling or staying asleep, or sleeping too much',
  'Feeling tired or having little energy',
  'Poor appetite or overeating',
  'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
  'Trouble concentrating on things, such as reading the newspaper or watching television',
  'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
  'Thoughts that you would be better off dead or of hurting yourself in some way',
] as const;

/** GAD-7: Spitzer, Kroenke, Williams & Löwe 2006, Arch Intern Med 166:1092–1097; wording as on the Pfizer form. */
const gad7Texts = [
  'Feeling nervous, anxious, or on edge',
  'Not being able to stop or control worrying',
  'Worrying too much about different things',
  'Trouble relaxing',
  'Being so restless that it is hard to sit still',
  'Becoming easily annoyed or irritable',
  'Feeling afraid as if something awful might happen',
] as const;

/**
 * The WSAS names the client's problem in each item ("Because of my [problem] …"); the practitioner
 * or the client fills it in (e.g. "low mood"). The items keep the placeholder so the published
 * wording is stored unchanged; `wsasItemText` fills it.
 */
export const wsasProblemPlaceholder = '[problem]';

/**
 * WSAS: Mundt, Marks, Shear & Greist 2002, Br J Psychiatry 180:461–464 (appendix), after Marks
 * 1986; the form used by NHS Talking Therapies.
 */
const wsasTexts = [
  "Because of my [problem] my ability to work is impaired. '0' means 'not at all impaired' and '8' means very severely impaired to the point I can't work.",
  'Because of my [problem] my home management (cleaning, tidying, shopping, cooking, looking after home or children, paying bills) is impaired.',
  'Because of my [problem] my social leisure activities (with other people e.g. parties, bars, clubs, outings, visits, dating, home entertaining) are impaired.',
  'Because of my [problem], my private leisure activities (done alone, such as reading, gardening, collecting, sewing, walking alone) are impaired.',
  'Because of my [problem], my ability to form and maintain close relationships with others, including those I live with, is impaired.',
] as const;

/** The published anchors are at 0, 2, 4, 6 and 8; 1, 3, 5 and 7 are unlabelled points between them. */
const wsasAnchors: Readonly<Record<number, string>> = { 0: 'Not at all', 2: 'Slightly', 4: 'Definitely', 6: 'Markedly', 8: 'Very severely' };

function wsasOptions(): AnswerOption[] {
  return Array.from({ length: 9 }, (_, value) => ({
    value,
    label: wsasAnchors[value] ?? String(value),
    coding: { system: wsasAnswerSystem, code: String(value), display: wsasAnchors[value] ?? String(value) },
  }));
}

/**
 * "Not applicable" on the WSAS work item. The form (Mundt et al. 2002, appendix; the NHS Talking
 * Therapies WSAS) says: "If you're retired or choose not to have a job for reasons unrelated to
 * your problem, tick here" — the work item is then not rated. Scoring rule: see `totalScore` in
 * scoring.ts (the item is left out of the total, which is the sum of the other four, 0–32).
 */
export const wsasNotApplicableText = "If you're retired or choose not to have a job for reasons unrelated to your problem, tick here";

export const instruments: Record<InstrumentId, Instrument> = {
  phq9: {
    id: 'phq9',
    title: 'Patient Health Questionnaire (PHQ-9)',
    version: questionnaireVersion,
    url: `${tandemFhirBase}/Questionnaire/phq9`,
    stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
    copyright: `PHQ-9 © Pfizer Inc. ${pfizerCopyright} Kroenke K, Spitzer RL, Williams JBW. J Gen Intern Med 2001;16:606–613.`,
    codes: { panel: [{ ...phq9Codes.panel }], total: [{ ...phq9Codes.total }, { ...phq9Codes.totalSnomed }] },
    items: phq9Texts.map((text, i) => ({
      linkId: `phq9-${i + 1}`,
      text,
      coding: { ...phq9Codes.items[i]! },
      answerOptions: frequencyOptions(),
    })),
    range: { min: 0, max: 27 },
  },
  gad7: {
    id: 'gad7',
    title: 'Generalised Anxiety Disorder Assessment (GAD-7)',
    version: questionnaireVersion,
    url: `${tandemFhirBase}/Questionnaire/gad7`,
    stem: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
    copyright: `GAD-7 © Pfizer Inc. ${pfizerCopyright} Spitzer RL, Kroenke K, Williams JBW, Löwe B. Arch Intern Med 2006;166:1092–1097.`,
    codes: { panel: [{ ...gad7Codes.panel }], total: [{ ...gad7Codes.total }, { ...gad7Codes.totalSnomed }] },
    items: gad7Texts.map((text, i) => ({
      linkId: `gad7-${i + 1}`,
      text,
      coding: { ...gad7Codes.items[i]! },
      answerOptions: frequencyOptions(),
    })),
    range: { min: 0, max: 21 },
  },
  wsas: {
    id: 'wsas',
    title: 'Work and Social Adjustment Scale (WSAS)',
    version: questionnaireVersion,
    url: `${tandemFhirBase}/Questionnaire/wsas`,
    stem:
      "People's problems sometimes affect their ability to do certain day-to-day tasks in their lives. To rate your problems look at each " +
      'section and determine on the scale provided how much your problem impairs your ability to carry out the activity.',
    copyright:
      'WSAS © Isaac M. Marks (Marks 1986; Mundt JC, Marks IM, Shear MK, Greist JH. Br J Psychiatry 2002;180:461–464). ' +
      'Used as in NHS Talking Therapies; permission for other uses has not been checked.',
    // No LOINC or SNOMED CT code for the WSAS could be verified (codes.ts).
    codes: { panel: [], total: [] },
    items: wsasTexts.map((text, i) => ({
      linkId: `wsas-${i + 1}`,
      text,
      answerOptions: wsasOptions(),
      ...(i === 0 ? { notApplicableAllowed: true, notApplicableText: wsasNotApplicableText } : {}),
    })),
    range: { min: 0, max: 40 },
  },
};

/** Fills the WSAS "[problem]" placeholder with the client's own words (or leaves other texts as they are). */
export function wsasItemText(text: string, problem: string): string {
  return text.split(wsasProblemPlaceholder).join(problem);
}

/** The item of an instrument with this linkId, or undefined. */
export function findItem(instrumentId: InstrumentId, linkId: string): InstrumentItem | undefined {
  return instruments[instrumentId].items.find((item) => item.linkId === linkId);
}

/**
 * PHQ-9 item 9 ("thoughts that you would be better off dead or of hurting yourself"): any
 * non-zero answer starts the risk pathway (BRIEF.md, "Measures"; Simon et al. 2013).
 */
export const riskItem = { instrumentId: 'phq9', linkId: 'phq9-9' } as const;

/**
 * Whether this answer must start the risk pathway: any answer to PHQ-9 item 9 other than 0
 * ("Not at all") or null. Fail-safe on purpose: a value that is out of range (or not a number)
 * still counts as positive, so a bad write can never silently drop a risk answer; validation
 * (`answerProblems`) reports it separately. The software never assesses risk.
 */
export function isRiskAnswer(instrumentId: InstrumentId, linkId: string, value: number | null): boolean {
  return instrumentId === riskItem.instrumentId && linkId === riskItem.linkId && value !== null && value !== 0;
}
