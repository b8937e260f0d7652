/**
 * Terminology codes for the measures, each with where it was checked. A code goes in only when it
 * was seen in an authoritative or independent published source; one that could not be checked is
 * left out and said so below (BRIEF.md, "Measures": "Verify every code before use").
 *
 * Sources, as cited next to each code:
 * - [loinc-sads] loinc.org/69729-2 (LOINC 2.77): the PHQ-SADS panel lists every PHQ-9 and GAD-7
 *   item code, 70274-6 and the PHQ-9 items in order.
 * - [loinc-44261-6] loinc.org/44261-6: the term page (member of panel 44249-1).
 * - [us-core] HL7 US Core IG examples (github HL7/US-Core, input/examples/
 *   Observation-PHQ9-panel-example-44249-1.json and Observation-PHQ9-item-example-*.json): panel
 *   44249-1 with its nine item members in order, 44260-8, 44261-6, LA6568-5.
 * - [hl7-phr] HL7 Personal Health Records IG 1.0.0-ballot2, Questionnaire/phq9 and
 *   Questionnaire/gad7 (HL7 Patient Empowerment WG): item codes with LOINC displays and the
 *   LA6568-5 / LA6569-3 / LA6570-1 / LA6571-9 answer codes; 69737-5 as the GAD-7 panel.
 * - [mhsds] NHS Digital / NHS England Mental Health Services Data Set publication code, the MH_ASS
 *   assessment-tool reference table (SNOMED CT concept, preferred term, range 0–27 / 0–21).
 *
 * Not found, so not used: any LOINC or SNOMED CT code for the WSAS (panel, items or total). The
 * WSAS carries no codes until one is verified; exports use the local Questionnaire's linkIds.
 */
import type { Coding } from './coding';

export const loincSystem = 'http://loinc.org';
export const snomedSystem = 'http://snomed.info/sct';

/** LOINC answer list LL358-3 ("Not at all" … "Nearly every day"), shared by PHQ-9 and GAD-7. [hl7-phr], [us-core] */
export const frequencyAnswerCodes: readonly Coding[] = [
  { system: loincSystem, code: 'LA6568-5', display: 'Not at all' },
  { system: loincSystem, code: 'LA6569-3', display: 'Several days' },
  { system: loincSystem, code: 'LA6570-1', display: 'More than half the days' },
  { system: loincSystem, code: 'LA6571-9', display: 'Nearly every day' },
];

export const phq9Codes = {
  /** [us-core], [hl7-phr], [loinc-44261-6] ("Member of these panels"). */
  panel: { system: loincSystem, code: '44249-1', display: 'PHQ-9 quick depression assessment panel [Reported.PHQ]' },
  /** [loinc-44261-6], [us-core]. */
  total: { system: loincSystem, code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]' },
  /** [mhsds] (preferred term "Patient health questionnaire 9 score", range 0–27); also in OpenSAFELY's SNOMED usage data. */
  totalSnomed: { system: snomedSystem, code: '720433000', display: 'Patient health questionnaire 9 score' },
  /** Items 1–9 in form order: [us-core] panel hasMember order, [hl7-phr], [loinc-sads]. Item 9 is 44260-8. */
  items: [
    { system: loincSystem, code: '44250-9', display: 'Little interest or pleasure in doing things' },
    { system: loincSystem, code: '44255-8', display: 'Feeling down, depressed, or hopeless' },
    { system: loincSystem, code: '44259-0', display: 'Trouble falling or staying asleep, or sleeping too much' },
    { system: loincSystem, code: '44254-1', display: 'Feeling tired or having little energy' },
    { system: loincSystem, code: '44251-7', display: 'Poor appetite or overeating' },
    {
      system: loincSystem,
      code: '44258-2',
      display: 'Feeling bad about yourself-or that you are a failure or have let yourself or your family down',
    },
    {
      system: loincSystem,
      code: '44252-5',
      display: 'Trouble concentrating on things, such as reading the newspaper or watching television',
    },
    {
      system: loincSystem,
      code: '44253-3',
      display:
        'Moving or speaking so slowly that other people could have noticed. Or the opposite - being so fidgety or restless that you have been moving around a lot more than usual',
    },
    { system: loincSystem, code: '44260-8', display: 'Thoughts that you would be better off dead, or of hurting yourself in some way' },
  ],
} as const satisfies { panel: Coding; total: Coding; totalSnomed: Coding; items: readonly Coding[] };

export const gad7Codes = {
  /** [hl7-phr]; also the MII PRO IG GAD-7 Questionnaire. */
  panel: { system: loincSystem, code: '69737-5', display: 'Generalized anxiety disorder 7 item (GAD-7)' },
  /** [loinc-sads]. */
  total: { system: loincSystem, code: '70274-6', display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]' },
  /** [mhsds] (preferred term "Generalized anxiety disorder 7 item score", range 0–21). */
  totalSnomed: { system: snomedSystem, code: '445455005', display: 'Generalized anxiety disorder 7 item score' },
  /** Items 1–7 in form order: [loinc-sads] (displays as listed there), [hl7-phr]. */
  items: [
    { system: loincSystem, code: '69725-0', display: 'Feeling nervous, anxious or on edge' },
    { system: loincSystem, code: '68509-9', display: 'Over the past 2 weeks have you not been able to stop or control worrying' },
    { system: loincSystem, code: '69733-4', display: 'Worrying too much about different things' },
    { system: loincSystem, code: '69734-2', display: 'Trouble relaxing' },
    { system: loincSystem, code: '69735-9', display: 'Being so restless that it is hard to sit still' },
    { system: loincSystem, code: '69689-8', display: 'Becoming easily annoyed or irritable.' },
    { system: loincSystem, code: '69736-7', display: 'Feeling afraid as if something awful might happen' },
  ],
} as const satisfies { panel: Coding; total: Coding; totalSnomed: Coding; items: readonly Coding[] };
