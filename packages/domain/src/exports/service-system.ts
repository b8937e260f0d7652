import type { CsvCell } from '../figures/csv';
import type { AppointmentStatus } from '../episodes/appointment';
import type { appointmentPurposes, contactMethods } from '../episodes/appointment';
import { episodeOutcome, type EpisodeOutcome } from '../measures/outcomes';
import { gad7Codes, phq9Codes } from '../measures/codes';
import { appointmentTypeCodes, attendanceCodes, contactMechanismCodes } from './codes';
import { measurePair, type DatedScore } from './pairs';

/*
 * The service-system export (issue 12 item 3, decision 0043): a referral's contacts and paired
 * measures as CSV in the layout of the NHS Talking Therapies Data Set, so a service's patient
 * record system can import them instead of staff typing scores twice. Column names follow the
 * data set's (IDS101 referral, IDS201 care contact, IDS606 coded scored assessment); columns
 * starting "Tandem" carry Tandem's own value beside each code, so nothing that did not map is
 * lost. Every column is described in docs/data-dictionaries/service-system-export.md.
 */

export interface ServiceContact {
  id: string;
  episodeId: string;
  clientId: string;
  nhsNumber: string | null;
  practitionerId: string;
  /** Organisation date and time 'YYYY-MM-DD', 'HH:MM:SS'. */
  date: string;
  time: string;
  purpose: (typeof appointmentPurposes)[number];
  contactMethod: (typeof contactMethods)[number];
  status: AppointmentStatus;
  durationMinutes: number;
}

export interface ServiceReferral {
  id: string;
  clientId: string;
  nhsNumber: string | null;
  referralDate: string;
  endedOn: string | null;
  step: string;
  status: string;
  endingReason: string | null;
  /** Treatment appointments attended on time or late in the whole referral. */
  attendedTreatment: number;
  /** Completed totals in the whole referral, oldest first. */
  scores: { phq9: readonly DatedScore[]; gad7: readonly DatedScore[] };
}

export const serviceContactColumns = [
  'CareContactId',
  'ServiceRequestId',
  'LocalPatientId',
  'NHSNumber',
  'CareProfLocalId',
  'CareContDate',
  'CareContTime',
  'AppType',
  'ConsMechanism',
  'AttendOrDNACode',
  'ClinContDurOfCareCont',
  'TandemPurpose',
  'TandemContactMethod',
  'TandemStatus',
] as const;

export const serviceReferralColumns = [
  'ServiceRequestId',
  'LocalPatientId',
  'NHSNumber',
  'ReferralRequestReceivedDate',
  'ServDischDate',
  'TandemStep',
  'TandemStatus',
  'TandemEndingReason',
  'AttendedTreatmentContacts',
  'FinishedTreatment',
  'AtCasenessAtStart',
  'Recovered',
  'ReliablyImproved',
  'ReliablyDeteriorated',
  'ReliablyRecovered',
] as const;

export const serviceMeasureColumns = [
  'ServiceRequestId',
  'LocalPatientId',
  'NHSNumber',
  'CodedAssToolType',
  'TandemMeasure',
  'ScoreCount',
  'FirstScore',
  'FirstScoreDate',
  'LastScore',
  'LastScoreDate',
  'Paired',
] as const;

/** Y, N, or empty when it cannot be set. */
export function yesNo(value: boolean | null): 'Y' | 'N' | null {
  return value === null ? null : value ? 'Y' : 'N';
}

const attended: readonly AppointmentStatus[] = ['attended', 'attended_late'];

/** contacts.csv: one row per appointment, header first. */
export function serviceContactRows(contacts: readonly ServiceContact[]): CsvCell[][] {
  return [
    [...serviceContactColumns],
    ...contacts.map((c) => [
      c.id,
      c.episodeId,
      c.clientId,
      c.nhsNumber,
      c.practitionerId,
      c.date,
      c.time,
      appointmentTypeCodes[c.purpose],
      contactMechanismCodes[c.contactMethod],
      attendanceCodes[c.status],
      // The booked length, given only for a contact that took place (the data set's duration is of a contact held).
      attended.includes(c.status) ? c.durationMinutes : null,
      c.purpose,
      c.contactMethod,
      c.status,
    ]),
  ];
}

/** A referral's outcome as Tandem counts it everywhere: `episodeOutcome` (measures/outcomes.ts) on the pairs `measurePair` finds. */
export function referralOutcome(r: Pick<ServiceReferral, 'status' | 'attendedTreatment' | 'scores'>): EpisodeOutcome {
  const pairOf = (scores: readonly DatedScore[]) => {
    const pair = measurePair(scores);
    return pair.paired ? { first: pair.first!.total, last: pair.last!.total } : null;
  };
  return episodeOutcome({ ended: r.status === 'ended', attendedTreatmentAppointments: r.attendedTreatment, scores: { phq9: pairOf(r.scores.phq9), gad7: pairOf(r.scores.gad7) } });
}

/** The outcome as six Y/N/empty cells: finished, at caseness at start, recovered, reliably improved, deteriorated, recovered reliably. */
export function outcomeFlags(outcome: EpisodeOutcome): ('Y' | 'N' | null)[] {
  return [outcome.finishedTreatment, outcome.atCasenessAtStart, outcome.recovered, outcome.reliablyImproved, outcome.reliablyDeteriorated, outcome.reliablyRecovered].map(yesNo);
}

/** referrals.csv: one row per referral with Tandem's outcome (`referralOutcome`). */
export function serviceReferralRows(referrals: readonly ServiceReferral[]): CsvCell[][] {
  return [
    [...serviceReferralColumns],
    ...referrals.map((r) => {
      const outcome = referralOutcome(r);
      return [
        r.id,
        r.clientId,
        r.nhsNumber,
        r.referralDate,
        r.endedOn,
        r.step,
        r.status,
        r.endingReason,
        r.attendedTreatment,
        ...outcomeFlags(outcome),
      ];
    }),
  ];
}

/** The measures in measures.csv, with their SNOMED CT score concepts (measures/codes.ts). WSAS has no verified code and is left out. */
export const exportedMeasures = [
  { id: 'phq9', label: 'PHQ-9', snomed: phq9Codes.totalSnomed.code },
  { id: 'gad7', label: 'GAD-7', snomed: gad7Codes.totalSnomed.code },
] as const;

/** measures.csv: per referral and measure with at least one score, the first and last scores and whether they are a pair. */
export function serviceMeasureRows(referrals: readonly ServiceReferral[]): CsvCell[][] {
  const rows: CsvCell[][] = [[...serviceMeasureColumns]];
  for (const r of referrals) {
    for (const measure of exportedMeasures) {
      const pair = measurePair(r.scores[measure.id]);
      if (pair.count === 0) continue;
      rows.push([r.id, r.clientId, r.nhsNumber, measure.snomed, measure.label, pair.count, pair.first!.total, pair.first!.date, pair.last?.total ?? null, pair.last?.date ?? null, yesNo(pair.paired)]);
    }
  }
  return rows;
}
