import { attendedStatuses, DomainError, isDomainError, type EndSessionRequestSchema, type EndSessionResult, type ProgrammeModule } from '@tandem/domain';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { checkDiscussable, markDiscussedInTransaction } from '../agenda/agenda.service';
import { findAppointment } from '../episodes/appointments.repo';
import { insertBooking, prepareBooking, presentAppointments, recordAppointmentStatus } from '../episodes/appointments.service';
import { assertEpisodeOpen } from '../episodes/episodes.policy';
import { insertPreparedHomework, prepareHomework, presentHomework } from './homework.service';
import { requireSessionAppointment } from './together.service';

type EndSession = z.output<typeof EndSessionRequestSchema>;

/**
 * Runs one part of the ending, so that a refusal names the part that failed: a reused service's
 * paths ("body/startsAt") are moved under the part ("body/nextAppointment/startsAt"), and a refusal
 * without paths points at the part itself.
 */
async function part<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const details = error.details?.length
      ? error.details.map((d) => ({ ...d, path: d.path.startsWith(`body/${name}`) ? d.path : d.path.replace(/^body/, `body/${name}`) }))
      : [{ path: `body/${name}`, message: error.message }];
    throw new DomainError(error.code, error.message, details);
  }
}

/**
 * Ends a session in one flow and one transaction (issue 8 item 6; decision 0023): marks this
 * appointment attended (the status service's own write), books the next one (the booking's own
 * checks: practitioner, time ahead, clash under the practitioner's lock, reminder), sets homework
 * tied to it (due the day before it by default, with its reminders) and marks agenda items
 * discussed. Any refusal leaves everything as it was, and names the part (`body/nextAppointment/…`,
 * `body/homework/…`, `body/agendaDiscussed/…`, `body/attended`). Each part has its own id, so a
 * retry after success changes nothing and answers the same.
 */
export async function endSession(ctx: ServiceContext, programme: readonly ProgrammeModule[], appointmentId: string, input: EndSession): Promise<EndSessionResult> {
  const { appointment, episode } = await requireSessionAppointment(ctx, appointmentId, 'appointment.end_session');
  await part('attended', async () => {
    assertEpisodeOpen(episode);
    if (appointment.starts_at > ctx.clock.now()) throw new DomainError('appointment.outcome_too_early', 'This appointment has not started yet, so attendance cannot be recorded.');
    if (appointment.status !== 'booked' && !attendedStatuses.includes(appointment.status)) {
      throw new DomainError('appointment.not_booked', 'This appointment was already recorded as missed or cancelled.');
    }
  });
  const next = input.nextAppointment;
  const booking = next ? await part('nextAppointment', () => prepareBooking(ctx, episode.id, { ...next, recordingPast: false })) : null;
  const homework = input.homework
    ? await part('homework', () =>
        prepareHomework(ctx, programme, episode, input.homework!, { at: 'body/homework', ...(next ? { next: { id: next.id, startsAt: new Date(next.startsAt) } } : {}) }),
      )
    : null;
  await part('agendaDiscussed', () => checkDiscussable(ctx, appointment.client_id, input.agendaDiscussed, (i) => `body/agendaDiscussed/${i}`));

  await ctx.db.transaction().execute(async (trx) => {
    if (appointment.status === 'booked') {
      await part('attended', () => recordAppointmentStatus(trx, ctx, appointment, episode, { status: input.late ? 'attended_late' : 'attended', version: appointment.version }));
    }
    if (booking && 'booking' in booking) await part('nextAppointment', () => insertBooking(trx, ctx, booking.booking));
    if (homework && 'prepared' in homework) await part('homework', () => insertPreparedHomework(trx, ctx, homework.prepared));
    await markDiscussedInTransaction(trx, ctx, appointment.client_id, input.agendaDiscussed, appointment.id);
    await writeAudit(trx, ctx, {
      action: 'appointment.end_session',
      entityType: 'appointment',
      entityId: appointment.id,
      clientId: appointment.client_id,
      details: { nextAppointmentId: next?.id ?? null, homeworkId: input.homework?.id ?? null, agendaDiscussed: input.agendaDiscussed.length },
    });
  });

  const [current] = await presentAppointments(ctx, [(await findAppointment(ctx.db, appointment.id))!]);
  const nextRow = next ? await findAppointment(ctx.db, next.id) : undefined;
  return {
    appointment: current!,
    nextAppointment: nextRow ? (await presentAppointments(ctx, [nextRow]))[0]! : null,
    homework: input.homework ? await presentHomework(ctx, programme, input.homework.id) : null,
    agendaDiscussed: input.agendaDiscussed,
  };
}
