import { attendedStatuses, DomainError, type AppointmentStatus } from '@tandem/domain';
import type { ServiceContext } from '../../context';
import { findAppointment, type AppointmentRow } from '../episodes/appointments.repo';
import { assertEpisodeOpen, requireEpisodeAccess } from '../episodes/episodes.policy';

/**
 * Who may do what with session notes and the protocol map (decision 0024). Both are the care
 * team's internal record: a client never reads them (their plan's progress comes through
 * /api/me/plan/progress, with no notes or flags). Reading follows the episode's record (care team,
 * a supervisor of the care team, an admin under break-glass); writing a note is the care team's,
 * while the episode is open, for an appointment that is booked or took place.
 */

const internal = () => new DomainError('auth.forbidden', 'Session notes and the plan’s drift flags are the care team’s own record.');

/** Staff only: a client has no access to the care team's internal record, even their own. */
export function requireStaffReader(ctx: ServiceContext): void {
  if (ctx.actor.type !== 'staff') throw internal();
}

/** A note can be written for a booked appointment (prepared ahead, or written in the session) or one attended. */
export function assertNoteAllowed(status: AppointmentStatus): void {
  if (status !== 'booked' && !attendedStatuses.includes(status)) {
    throw new DomainError('session_note.no_session', 'This appointment was cancelled or not attended, so there is no session to write a note for.');
  }
}

/** The appointment and its episode, for someone who may read (or, with `write`, write) its session note. */
export async function requireNoteAccess(ctx: ServiceContext, appointmentId: string, action: string, mode: 'read' | 'write'): Promise<{ appointment: AppointmentRow; episode: Awaited<ReturnType<typeof requireEpisodeAccess>>['episode'] }> {
  requireStaffReader(ctx);
  const appointment = await findAppointment(ctx.db, appointmentId);
  if (!appointment || appointment.organisation_id !== ctx.actor.organisationId) throw new DomainError('appointment.not_found', 'There is no appointment here that you can open.');
  const { episode } = await requireEpisodeAccess(ctx, appointment.episode_id, action, mode === 'write' ? (a) => a.allowed.manageEpisodes : undefined);
  if (mode === 'write') {
    assertEpisodeOpen(episode);
    assertNoteAllowed(appointment.status);
  }
  return { appointment, episode };
}
