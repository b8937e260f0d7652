import { appointmentReminderDueAt, appointmentReminderEmail, type Clock } from '@tandem/domain';
import type { Transaction } from 'kysely';
import type { Schema } from '../../db/schema';
import { enqueueJob, type JobHandler } from '../../jobs/jobs';
import { sendClientNotice } from '../client-notices/client-notices.service';
import { findReminderFacts } from './calendar.repo';

/** Job kind: the email to a client 24 hours before a booked appointment. */
export const appointmentReminderJob = 'appointment.reminder';

interface ReminderPayload {
  appointmentId: string;
  /** The time the reminder is for; a moved appointment no longer matches it. */
  startsAt: string;
}

/**
 * Queues the reminder for an appointment at its (new) time, in the caller's transaction — booking
 * or moving the appointment. The delivery key names the time, so a moved appointment gets a new
 * reminder and a repeated booking does not get a second one. The reminder already queued for an
 * old time is left to run and sends nothing (the handler re-reads the appointment; HAZ-041).
 * None when 24 hours before has already passed.
 */
export async function enqueueAppointmentReminder(trx: Transaction<Schema>, clock: Clock, appointment: { id: string; startsAt: Date }): Promise<void> {
  const dueAt = appointmentReminderDueAt(appointment.startsAt, clock.now());
  if (!dueAt) return;
  const startsAt = appointment.startsAt.toISOString();
  const payload: ReminderPayload = { appointmentId: appointment.id, startsAt };
  await enqueueJob(trx, clock, { kind: appointmentReminderJob, deliveryKey: `${appointmentReminderJob}:${appointment.id}:${startsAt}`, dueAt, payload, maxAttempts: 5 });
}

/**
 * Sends one reminder — only if, now, the appointment is still booked, still at the time this
 * reminder was for, not yet started, and on an open episode — the one way the client's current
 * choices allow (a notification on their phone, else email; decision 0032), never in their quiet
 * hours. The email says when, in the client's time zone; the phone only that one is coming up.
 * Nothing clinical either way.
 */
export function createAppointmentReminderHandler(publicOrigin: string): JobHandler {
  return async (payload, ctx) => {
    const { appointmentId, startsAt } = payload as ReminderPayload;
    const facts = await findReminderFacts(ctx.db, appointmentId);
    if (!facts || facts.status !== 'booked' || facts.episode_status === 'ended') return 'not sent: the appointment is no longer booked';
    if (facts.starts_at.getTime() !== new Date(startsAt).getTime() || facts.starts_at <= ctx.clock.now()) return 'not sent: the appointment moved or has started';
    return sendClientNotice(ctx, { kind: appointmentReminderJob, payload }, {
      clientId: facts.client_id,
      push: 'appointment-reminder',
      email: appointmentReminderEmail(facts.starts_at, facts.time_zone, `${publicOrigin}/`),
      scope: `${appointmentId}:${startsAt}`,
      audit: { action: 'appointment.reminder', entityType: 'appointment', entityId: appointmentId },
    });
  };
}
