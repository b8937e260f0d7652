import type { Episode, QuestionnaireResponse, StaffSummary } from '@tandem/domain';

/** What every part of a referral's screens needs from the client page. */
export interface EpisodeContext {
  clientId: string;
  /** The client's time zone: appointments are booked and shown on the client's clocks. */
  clientTimeZone: string;
  /** The reader's own time zone, for when things were recorded. */
  timeZone: string;
  /** Staff names by id (the organisation's staff list, else the care team). */
  names: ReadonlyMap<string, string>;
  /** The organisation's practitioners, who may be assigned a referral. */
  practitioners: readonly StaffSummary[];
  /** The client's questionnaire responses, to show each appointment's scores. */
  responses: readonly QuestionnaireResponse[];
  /** Whether the reader may change referrals and appointments (the care team). */
  canManage: boolean;
  /** The server's answer after a change. */
  onChanged(episode: Episode): void;
  /** Someone changed a referral first: load the list again (forms stay open). */
  onStale(): void;
  /** Answers were recorded in a session: scores and risk alerts reload. */
  onRecorded(): void;
}
