import { localDate } from '../checkins/mood';
import { zonedDateTimeToInstant } from '../time/zoned';

/**
 * A missed appointment after a risk alert raises a same-day follow-up task (issue 5,
 * "Appointments"). "After a risk alert" means: an alert for the client that is still open when the
 * appointment is marked "did not attend", or one raised in the `followUpLookbackDays` before the
 * appointment even if it was acknowledged — a warning sign followed by a missed session is the
 * case the task exists for, and acknowledging the alert does not end that concern. 28 days is
 * this project's choice (about four weekly sessions), to be confirmed by the service's clinical
 * lead (docs/decisions/0018).
 */
export const followUpLookbackDays = 28;

export function missedAppointmentNeedsFollowUp(appointmentStartsAt: Date, alerts: readonly { raisedAt: Date; status: 'open' | 'acknowledged' }[]): boolean {
  const from = appointmentStartsAt.getTime() - followUpLookbackDays * 24 * 3600_000;
  return alerts.some((a) => a.status === 'open' || (a.raisedAt.getTime() >= from && a.raisedAt.getTime() <= appointmentStartsAt.getTime()));
}

/** Same day: the end of the local day on which the missed appointment was recorded. */
export function sameDayDeadline(recordedAt: Date, timeZone: string): Date {
  const today = localDate(recordedAt, timeZone);
  const next = new Date(`${today}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return zonedDateTimeToInstant(next.toISOString().slice(0, 10), '00:00', timeZone);
}
