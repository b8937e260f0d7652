import type { AppointmentStatus } from '../episodes/appointment';
import type { EpisodeStatus } from '../episodes/episode';
import type { InstrumentId } from '../measures/instruments';

/**
 * When questionnaires are due (issue 6, "Session-by-session measurement"; BRIEF.md: measures are
 * taken session by session, and outcomes use the first and last scores of the referral).
 *
 * - Before each booked assessment or treatment appointment of an episode that is waiting or
 *   active, PHQ-9 and GAD-7 are due from `windowHours` before its start until it ends (so they
 *   can be done in the waiting room). WSAS is due before assessments only (impairment at the
 *   start; the discharge flow asks for it again with the final measures).
 * - A questionnaire already completed for that appointment is no longer due.
 * Reviews are not measurement points; an episode on hold or ended asks for nothing.
 */
export const defaultDueWindowHours = 72;

const instrumentsFor: Record<'assessment' | 'treatment', readonly InstrumentId[]> = {
  assessment: ['phq9', 'gad7', 'wsas'],
  treatment: ['phq9', 'gad7'],
};

export interface DueInput {
  now: Date;
  windowHours: number;
  episodes: readonly { id: string; status: EpisodeStatus }[];
  appointments: readonly {
    id: string;
    episodeId: string;
    startsAt: Date;
    durationMinutes: number;
    purpose: 'assessment' | 'treatment' | 'review';
    status: AppointmentStatus;
  }[];
  /** Completed responses, by the appointment they were for. */
  completed: readonly { appointmentId: string | null; instrumentId: InstrumentId }[];
}

export interface DueItem {
  instrumentId: InstrumentId;
  appointmentId: string;
  episodeId: string;
  /** The appointment's start. */
  dueBy: Date;
}

export function questionnairesDue(input: DueInput): DueItem[] {
  const open = new Set(input.episodes.filter((e) => e.status === 'waiting' || e.status === 'active').map((e) => e.id));
  const due: DueItem[] = [];
  const sorted = [...input.appointments].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (const appointment of sorted) {
    if (appointment.status !== 'booked' || appointment.purpose === 'review' || !open.has(appointment.episodeId)) continue;
    const from = appointment.startsAt.getTime() - input.windowHours * 3600_000;
    const until = appointment.startsAt.getTime() + appointment.durationMinutes * 60_000;
    const now = input.now.getTime();
    if (now < from || now >= until) continue;
    for (const instrumentId of instrumentsFor[appointment.purpose]) {
      if (input.completed.some((c) => c.appointmentId === appointment.id && c.instrumentId === instrumentId)) continue;
      due.push({ instrumentId, appointmentId: appointment.id, episodeId: appointment.episodeId, dueBy: appointment.startsAt });
    }
  }
  return due;
}
