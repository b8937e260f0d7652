import { DomainError, newId, type Appointment, type AppointmentHistory, type RescheduleAppointmentRequestSchema } from '@tandem/domain';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import { notifyClientChanged } from '../worklist/worklist.notify';
import type { ServiceContext } from '../../context';
import { findAppointment, type AppointmentRow } from '../episodes/appointments.repo';
import { assertPractitionerFree, presentAppointments } from '../episodes/appointments.service';
import { assertEpisodeOpen, requireEpisodeAccess } from '../episodes/episodes.policy';
import { insertAppointmentChange, listAppointmentChanges, moveAppointmentAtVersion } from './calendar.repo';
import { enqueueAppointmentReminder } from './reminders.jobs';

type Reschedule = z.output<typeof RescheduleAppointmentRequestSchema>;

const notFound = () => new DomainError('appointment.not_found', 'There is no appointment here that you can open.');

async function requireAppointmentInOrganisation(ctx: ServiceContext, appointmentId: string): Promise<AppointmentRow> {
  const appointment = await findAppointment(ctx.db, appointmentId);
  if (!appointment || appointment.organisation_id !== ctx.actor.organisationId) throw notFound();
  return appointment;
}

/**
 * Moves a booked appointment to a new time (and length), keeping the old one in its history.
 * Only an appointment that is booked and has not started can move, and only to a time ahead —
 * an appointment that has begun is recorded (attended, did not attend) or cancelled instead, so
 * a missed session is never hidden by moving it (HAZ-044). The practitioner's clash rule is the
 * booking's.
 * A stale version is refused; asking again for the time it already has changes nothing.
 * The reminder for the new time is queued in the same transaction; the old one sends nothing.
 */
export async function rescheduleAppointment(ctx: ServiceContext, appointmentId: string, input: Reschedule): Promise<Appointment> {
  const appointment = await requireAppointmentInOrganisation(ctx, appointmentId);
  const { episode } = await requireEpisodeAccess(ctx, appointment.episode_id, 'appointment.reschedule', (a) => a.allowed.manageEpisodes);
  assertEpisodeOpen(episode);
  const to = { startsAt: new Date(input.startsAt), durationMinutes: input.durationMinutes ?? appointment.duration_minutes };
  if (appointment.starts_at.getTime() === to.startsAt.getTime() && appointment.duration_minutes === to.durationMinutes) {
    return (await presentAppointments(ctx, [appointment]))[0]!;
  }
  if (appointment.status !== 'booked') {
    throw new DomainError('appointment.not_booked', 'Only a booked appointment can be moved. This one was attended, missed or cancelled.');
  }
  const now = ctx.clock.now();
  if (appointment.starts_at <= now) {
    throw new DomainError('appointment.started', 'This appointment has already started. Record what happened, or cancel it and book a new one.');
  }
  if (to.startsAt < now) {
    throw new DomainError('appointment.in_past', 'This time has passed. Choose a time that is still to come.', [{ path: 'body/startsAt', message: 'is in the past' }]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    await assertPractitionerFree(trx, appointment.practitioner_id, to, appointmentId);
    if (!(await moveAppointmentAtVersion(trx, appointmentId, input.version, to, now))) {
      throw new DomainError('write.stale_version', 'Someone changed this appointment since you opened it. Reload it and try again.');
    }
    const byStaffId = ctx.actor.type === 'staff' ? ctx.actor.staffId : null;
    const from = { startsAt: appointment.starts_at, durationMinutes: appointment.duration_minutes };
    await insertAppointmentChange(trx, { id: newId(now), appointmentId, at: now, byStaffId, from, to, reason: input.reason ?? null });
    await enqueueAppointmentReminder(trx, ctx.clock, { id: appointmentId, startsAt: to.startsAt });
    await notifyClientChanged(trx, appointment.client_id);
    await writeAudit(trx, ctx, {
      action: 'appointment.reschedule',
      entityType: 'appointment',
      entityId: appointmentId,
      clientId: appointment.client_id,
      details: { reasonGiven: input.reason !== undefined },
    });
  });
  return (await presentAppointments(ctx, [(await findAppointment(ctx.db, appointmentId))!]))[0]!;
}

/** Every move of an appointment, oldest first. Anyone who may read the record may read it. Audited. */
export async function getAppointmentHistory(ctx: ServiceContext, appointmentId: string): Promise<AppointmentHistory> {
  const appointment = await requireAppointmentInOrganisation(ctx, appointmentId);
  await requireEpisodeAccess(ctx, appointment.episode_id, 'appointment.history');
  const changes = await listAppointmentChanges(ctx.db, appointmentId);
  await writeAudit(ctx.db, ctx, { action: 'appointment.history', entityType: 'appointment', entityId: appointmentId, clientId: appointment.client_id });
  return {
    appointmentId,
    changes: changes.map((c) => ({
      id: c.id,
      at: c.at.toISOString(),
      byStaffId: c.by_staff_id,
      fromStartsAt: c.from_starts_at.toISOString(),
      fromDurationMinutes: c.from_duration_minutes,
      toStartsAt: c.to_starts_at.toISOString(),
      toDurationMinutes: c.to_duration_minutes,
      reason: c.reason,
    })),
  };
}
