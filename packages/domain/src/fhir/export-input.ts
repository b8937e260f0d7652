import type { ConsentChoices } from '../consent/consent';
import type { AppointmentStatus, appointmentPurposes, contactMethods } from '../episodes/appointment';
import type { EpisodeStatus, Step } from '../episodes/episode';
import type { HomeworkItem } from '../homework/homework';
import type { InstrumentId } from '../measures/instruments';
import type { PlanStep } from '../plans/plan';

/**
 * One client's records, as the FHIR export reads them (decision 0038). Plain values only: the
 * server's repository fills it, the pure mapping in this folder turns it into a Bundle. Ids are
 * the records' own UUIDs; times are instants, dates are `YYYY-MM-DD`.
 */
export interface FhirExportInput {
  /** Where the bundle's resources are named: `<origin>/fhir`, so `fullUrl` is `<base>/<Type>/<id>`. */
  baseUrl: string;
  /** The bundle's own id and when it was made. */
  bundleId: string;
  generatedAt: Date;
  organisation: { id: string; name: string };
  client: ExportClient;
  /** Every staff member an exported record names (care team, authors, practitioners of appointments …). */
  staff: ExportStaff[];
  careTeam: string[];
  episodes: ExportEpisode[];
  plans: ExportPlan[];
  homework: ExportHomework[];
  /** Completed questionnaires only: an unfinished one is no finding yet. */
  responses: ExportResponse[];
  checkIns: ExportCheckIn[];
  appointments: ExportAppointment[];
  messages: ExportMessage[];
  /** Open risk alerts only. */
  openAlerts: ExportAlert[];
  /** Oldest first: the last is the one in force. */
  consents: ExportConsent[];
}

export interface ExportClient {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  nhsNumber: string | null;
  email: string;
  phone: string | null;
  preferredLanguage: string;
  emergencyContact: { name: string; phone: string; relationship?: string | undefined } | null;
}

export interface ExportStaff {
  id: string;
  displayName: string;
}

export interface ExportEpisode {
  id: string;
  referralDate: string;
  step: Step;
  status: EpisodeStatus;
  endedOn: string | null;
  assignedPractitionerId: string;
}

export interface ExportPlan {
  id: string;
  episodeId: string;
  templateName: string;
  steps: PlanStep[];
  createdBy: string | null;
  createdAt: Date;
}

export interface ExportHomework {
  id: string;
  episodeId: string;
  items: HomeworkItem[];
  dueOn: string;
  status: 'active' | 'cancelled';
  setBy: string | null;
  setAt: Date;
  cancelReason: string | null;
}

export interface ExportResponse {
  id: string;
  instrument: InstrumentId;
  authorStaffId: string | null;
  total: number | null;
  authoredAt: Date;
  completedReceivedAt: Date | null;
  appointmentId: string | null;
  /** linkId → the answer's score, or null for "not applicable". */
  answers: { linkId: string; value: number | null }[];
}

export interface ExportCheckIn {
  id: string;
  mood: number;
  recordedAt: Date;
}

export interface ExportAppointment {
  id: string;
  episodeId: string;
  practitionerId: string;
  startsAt: Date;
  durationMinutes: number;
  purpose: (typeof appointmentPurposes)[number];
  contactMethod: (typeof contactMethods)[number];
  status: AppointmentStatus;
}

export interface ExportMessage {
  id: string;
  episodeId: string;
  authorType: 'client' | 'staff';
  authorStaffId: string | null;
  routedToStaffId: string | null;
  text: string;
  recordedAt: Date;
  receivedAt: Date;
}

export interface ExportAlert {
  id: string;
  trigger: 'phq9_item9' | 'help_button';
  raisedAt: Date;
}

export interface ExportConsent {
  id: string;
  wordingVersion: string;
  choices: ConsentChoices;
  recordedAt: Date;
  recordedByType: 'client' | 'staff';
  recordedById: string;
}
