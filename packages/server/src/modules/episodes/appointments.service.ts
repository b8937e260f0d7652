import {
  appointmentDuration,
  appointmentReference,
  appointmentsOverlap,
  DomainError,
  missedAppointmentNeedsFollowUp,
  newId,
  outcomeStatuses,
  sameDayDeadline,
  type Appointment,
  type BookAppointmentRequestSchema,
  type ChangeAppointmentStatusRequestSchema,
} from '@tandem/domain';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Schema } from '../../db/schema';
import { writeAudit } from '../../audit/audit';
import { notifyClientChanged } from '../worklist/worklist.notify';
import type { ServiceContext } from '../../context';
import { findStaffInOrganisation } from '../clients/clients.repo';
import { enqueueAppointmentReminder } from '../calendar/reminders.jobs';
import { assertEpisodeOpen, requireEpisodeAccess } from './episodes.policy';
import type { EpisodeRow } from './episodes.repo';
import {
  findAppointment,
  insertAppointment,
  insertAppointmentEvent,
  listAppointmentEvents,
  listAppointmentsOfEpisode,
  lockPractitioner,
  practitionerAppointmentsBetween,
  updateAppointmentStatusAtVersion,
  type AppointmentRow,
} from './appointments.repo';

type Book = z.output<typeof BookAppointmentRequestSchema>;
type ChangeStatus = z.output<typeof ChangeAppointmentStatusRequestSchema>;

const staffIdOf = (ctx: ServiceContext) => (ctx.actor.type === 'staff' ? ctx.actor.staffId : null);

/** Appointments as the API shows them, each with its status history. */
export async function presentAppointments(ctx: ServiceContext, rows: AppointmentRow[]): Promise<Appointment[]> {
  const events = await listAppointmentEvents(ctx.db, rows.map((r) => r.id));
  return rows.map((row) => ({
    id: row.id,
    reference: appointmentReference(row.id),
    episodeId: row.episode_id,
    clientId: row.client_id,
    practitionerId: row.practitioner_id,
    startsAt: row.starts_at.toISOString(),
    durationMinutes: row.duration_minutes,
    purpose: row.purpose,
    contactMethod: row.contact_method,
    status: row.status,
    version: row.version,
    history: events
      .filter((e) => e.appointment_id === row.id)
      .map((e) => ({ at: e.at.toISOString(), byStaffId: e.by_staff_id, from: e.from_status, to: e.to_status })),
  }));
}

function sameBooking(row: AppointmentRow, episodeId: string, input: Book, practitionerId: string): boolean {
  return (
    row.episode_id === episodeId &&
    row.practitioner_id === practitionerId &&
    row.starts_at.getTime() === new Date(input.startsAt).getTime() &&
    row.duration_minutes === input.durationMinutes &&
    row.purpose === input.purpose &&
    row.contact_method === input.contactMethod
  );
}

/**
 * Books (or records) an appointment on an open episode. The practitioner defaults to the
 * episode's; a time in the past must be asked for explicitly (`recordingPast`); a clash with the
 * practitioner's other appointments is refused. Idempotent by id.
 */
export async function bookAppointment(ctx: ServiceContext, episodeId: string, input: Book): Promise<Appointment> {
  const prepared = await prepareBooking(ctx, episodeId, input);
  if ('existing' in prepared) return (await presentAppointments(ctx, [prepared.existing]))[0]!;
  await ctx.db.transaction().execute((trx) => insertBooking(trx, ctx, prepared.booking));
  return (await presentAppointments(ctx, [(await findAppointment(ctx.db, input.id))!]))[0]!;
}

/** A booking checked outside the transaction (access, practitioner, time), ready to insert. */
export interface PreparedBooking {
  input: Book;
  episode: EpisodeRow;
  practitionerId: string;
  startsAt: Date;
}

/**
 * The checks of a booking that need no lock: access, an open episode, the practitioner, a time
 * ahead. The stored appointment when this id was already booked the same way (a retry).
 */
export async function prepareBooking(ctx: ServiceContext, episodeId: string, input: Book): Promise<{ existing: AppointmentRow } | { booking: PreparedBooking }> {
  const { episode } = await requireEpisodeAccess(ctx, episodeId, 'appointment.book', (a) => a.allowed.manageEpisodes);
  assertEpisodeOpen(episode);
  const practitionerId = input.practitionerId ?? episode.assigned_practitioner_id;
  const existing = await findAppointment(ctx.db, input.id);
  if (existing) {
    if (!sameBooking(existing, episodeId, input, practitionerId)) throw new DomainError('write.id_conflict', 'A different appointment was already saved with this id.');
    return { existing };
  }
  const staff = await findStaffInOrganisation(ctx.db, practitionerId, episode.organisation_id);
  if (!staff || !staff.roles.includes('practitioner')) {
    throw new DomainError('staff.not_found', 'There is no practitioner with that id in your organisation.', [{ path: 'body/practitionerId', message: 'unknown practitioner' }]);
  }
  const startsAt = new Date(input.startsAt);
  if (startsAt < ctx.clock.now() && !input.recordingPast) {
    throw new DomainError('appointment.in_past', 'This time has passed. To record an appointment that already happened, say so.', [{ path: 'body/startsAt', message: 'is in the past' }]);
  }
  return { booking: { input, episode, practitionerId, startsAt } };
}

/** Inserts a prepared booking in the caller's transaction: clash check, history, reminder, audit. */
export async function insertBooking(trx: Transaction<Schema>, ctx: ServiceContext, booking: PreparedBooking): Promise<void> {
  const { input, episode, practitionerId, startsAt } = booking;
  const now = ctx.clock.now();
  await assertPractitionerFree(trx, practitionerId, { startsAt, durationMinutes: input.durationMinutes });
  await notifyClientChanged(trx, episode.client_id);
  await insertAppointment(trx, {
    id: input.id,
    organisation_id: episode.organisation_id,
    episode_id: episode.id,
    client_id: episode.client_id,
    practitioner_id: practitionerId,
    starts_at: startsAt,
    duration_minutes: input.durationMinutes,
    purpose: input.purpose,
    contact_method: input.contactMethod,
    status: 'booked',
    created_at: now,
    updated_at: now,
  });
  await insertAppointmentEvent(trx, { id: newId(now), appointmentId: input.id, at: now, byStaffId: staffIdOf(ctx), from: null, to: 'booked' });
  await enqueueAppointmentReminder(trx, ctx.clock, { id: input.id, startsAt });
  await writeAudit(trx, ctx, { action: 'appointment.book', entityType: 'appointment', entityId: input.id, clientId: episode.client_id });
}

/**
 * Refuses a time that clashes with the practitioner's other appointments (cancelled ones free
 * their time). Locks the practitioner first, so two bookings or moves for the same practitioner
 * are checked one after the other. `ignoreId`: the appointment being moved, which may overlap
 * its own old slot.
 */
export async function assertPractitionerFree(
  trx: Transaction<Schema>,
  practitionerId: string,
  slot: { startsAt: Date; durationMinutes: number },
  ignoreId?: string,
): Promise<void> {
  await lockPractitioner(trx, practitionerId);
  const windowMs = appointmentDuration.max * 60_000;
  const nearby = await practitionerAppointmentsBetween(trx, practitionerId, new Date(slot.startsAt.getTime() - windowMs), new Date(slot.startsAt.getTime() + windowMs));
  const clash = nearby.find((a) => a.id !== ignoreId && appointmentsOverlap({ startsAt: a.starts_at, durationMinutes: a.duration_minutes }, slot));
  if (clash) {
    throw new DomainError('appointment.overlap', 'The practitioner already has an appointment at this time.', [{ path: 'body/startsAt', message: 'clashes with another appointment' }]);
  }
}

/**
 * Records what happened: attended (on time or late) or did not attend — only once the appointment
 * has started — or cancelled by the client or the service. A stale version is refused.
 */
export async function changeAppointmentStatus(ctx: ServiceContext, appointmentId: string, input: ChangeStatus): Promise<Appointment> {
  const appointment = await findAppointment(ctx.db, appointmentId);
  if (!appointment || appointment.organisation_id !== ctx.actor.organisationId) {
    throw new DomainError('appointment.not_found', 'There is no appointment here that you can open.');
  }
  const { episode } = await requireEpisodeAccess(ctx, appointment.episode_id, 'appointment.status', (a) => a.allowed.manageEpisodes);
  assertEpisodeOpen(episode);
  const now = ctx.clock.now();
  if (outcomeStatuses.includes(input.status) && appointment.starts_at > now) {
    throw new DomainError('appointment.outcome_too_early', 'This appointment has not started yet, so attendance cannot be recorded.', [{ path: 'body/status', message: 'is in the future' }]);
  }
  await ctx.db.transaction().execute((trx) => recordAppointmentStatus(trx, ctx, appointment, episode, input));
  return (await presentAppointments(ctx, [(await findAppointment(ctx.db, appointmentId))!]))[0]!;
}

/**
 * Writes a status change already checked (access, open episode, started) in the caller's
 * transaction, at the version given: history, follow-up after a missed session, audit.
 */
export async function recordAppointmentStatus(trx: Transaction<Schema>, ctx: ServiceContext, appointment: AppointmentRow, episode: EpisodeRow, input: ChangeStatus): Promise<void> {
  const now = ctx.clock.now();
  const appointmentId = appointment.id;
  if (!(await updateAppointmentStatusAtVersion(trx, appointmentId, input.version, input.status, now))) {
    throw new DomainError('write.stale_version', 'Someone changed this appointment since you opened it. Reload it and try again.');
  }
  await insertAppointmentEvent(trx, { id: newId(now), appointmentId, at: now, byStaffId: staffIdOf(ctx), from: appointment.status, to: input.status });
  if (input.status === 'did_not_attend') await raiseFollowUpIfNeeded(trx, appointment, episode.assigned_practitioner_id ?? appointment.practitioner_id, now);
  await notifyClientChanged(trx, appointment.client_id);
  await writeAudit(trx, ctx, {
    action: 'appointment.status',
    entityType: 'appointment',
    entityId: appointmentId,
    clientId: appointment.client_id,
    details: { from: appointment.status, to: input.status },
  });
}

/** An episode's appointments, in time order, with their histories. Audited. */
export async function listAppointments(ctx: ServiceContext, episodeId: string): Promise<Appointment[]> {
  const { episode } = await requireEpisodeAccess(ctx, episodeId, 'appointment.list');
  const rows = await listAppointmentsOfEpisode(ctx.db, episodeId);
  await writeAudit(ctx.db, ctx, { action: 'appointment.list', entityType: 'appointment', clientId: episode.client_id, subjectIds: rows.map((r) => r.id) });
  return presentAppointments(ctx, rows);
}

/**
 * A missed appointment after a risk alert raises a same-day follow-up task for the episode's
 * practitioner (`missedAppointmentNeedsFollowUp`), once per appointment. Part of the change that
 * records the non-attendance, in its transaction.
 */
async function raiseFollowUpIfNeeded(trx: Transaction<Schema>, appointment: AppointmentRow, assignedStaffId: string, now: Date) {
  const alerts = await trx.selectFrom('risk_alert').select(['id', 'raised_at', 'status']).where('client_id', '=', appointment.client_id).orderBy('raised_at', 'desc').execute();
  if (!missedAppointmentNeedsFollowUp(appointment.starts_at, alerts.map((a) => ({ raisedAt: a.raised_at, status: a.status })))) return;
  const org = await trx.selectFrom('organisation').select('time_zone').where('id', '=', appointment.organisation_id).executeTakeFirstOrThrow();
  await trx
    .insertInto('follow_up_task')
    .values({
      id: newId(now),
      organisation_id: appointment.organisation_id,
      client_id: appointment.client_id,
      episode_id: appointment.episode_id,
      kind: 'missed_appointment_after_alert',
      appointment_id: appointment.id,
      alert_id: alerts[0]!.id,
      assigned_staff_id: assignedStaffId,
      due_at: sameDayDeadline(now, org.time_zone),
      status: 'open',
      done_at: null,
      done_by: null,
      note: null,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['kind', 'appointment_id']).doNothing())
    .execute();
}
