import { DomainError, maxDeviceClockAheadMs, type SaveSessionNoteRequestSchema, type SaveSessionNoteResult, type SessionNote, type SessionNoteState } from '@tandem/domain';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { findPlanOfEpisode } from '../plans/plans.repo';
import { planContent } from '../plans/plans.service';
import { assertNoteAllowed, requireNoteAccess } from './sessions.policy';
import { findNote, insertNote, lockAppointment, updateNote, type SessionNoteRow } from './sessions.repo';

type SaveNote = z.output<typeof SaveSessionNoteRequestSchema>;

function presentNote(row: SessionNoteRow): SessionNote {
  return {
    appointmentId: row.appointment_id,
    episodeId: row.episode_id,
    clientId: row.client_id,
    planStepId: row.plan_step_id,
    componentDelivered: row.component_delivered,
    agenda: row.agenda,
    reviewed: row.reviewed,
    homeworkReviewed: row.homework_reviewed,
    homeworkSet: row.homework_set,
    riskReviewed: row.risk_reviewed,
    nextSteps: row.next_steps,
    savedAt: row.saved_at.toISOString(),
    revision: row.revision,
    visibility: 'care_team',
    createdAt: row.created_at.toISOString(),
    createdByStaffId: row.created_by,
    updatedAt: row.updated_at.toISOString(),
    updatedByStaffId: row.updated_by,
  };
}

/** A named plan step must be a face-to-face step of the episode's plan: online steps are the client's, delivered by finishing the module. */
async function checkPlanStep(ctx: ServiceContext, episodeId: string, planStepId: string | null): Promise<void> {
  if (planStepId === null) return;
  const plan = await findPlanOfEpisode(ctx.db, episodeId);
  const step = plan ? planContent(plan).steps.find((s) => s.id === planStepId) : undefined;
  if (!step || step.mode !== 'face_to_face') {
    throw new DomainError('request.invalid', 'Choose a face-to-face step of this episode’s plan.', [{ path: 'body/planStepId', message: 'is not a face-to-face step of the plan' }]);
  }
}

/**
 * Saves the session note as it stands (autosave). Saves apply in the order the device made them
 * (`savedAt`): one that arrives after a newer one changes nothing and says so (`applied: false`),
 * so a retried save never overwrites newer words; the same save sent twice applies once. Each
 * applied save raises the revision. Saves of one note are serialised by locking the appointment,
 * which is also re-checked under the lock (cancelled meanwhile → refused). Audited without the
 * note's words.
 */
export async function saveSessionNote(ctx: ServiceContext, appointmentId: string, input: SaveNote): Promise<SaveSessionNoteResult> {
  const { appointment, episode } = await requireNoteAccess(ctx, appointmentId, 'session_note.save', 'write');
  const now = ctx.clock.now();
  const savedAt = new Date(input.savedAt);
  if (savedAt.getTime() > now.getTime() + maxDeviceClockAheadMs) {
    throw new DomainError('request.invalid', 'The time of this save is in the future. Check the clock on this device.', [{ path: 'body/savedAt', message: 'is in the future' }]);
  }
  await checkPlanStep(ctx, episode.id, input.planStepId);
  const staffId = ctx.actor.type === 'staff' ? ctx.actor.staffId : null;
  const applied = await ctx.db.transaction().execute(async (trx) => {
    assertNoteAllowed((await lockAppointment(trx, appointmentId)).status);
    const existing = await findNote(trx, appointmentId);
    if (existing && existing.saved_at >= savedAt) return false;
    const revision = (existing?.revision ?? 0) + 1;
    const change = {
      plan_step_id: input.planStepId,
      component_delivered: input.componentDelivered,
      agenda: input.agenda,
      reviewed: input.reviewed,
      homework_reviewed: input.homeworkReviewed,
      homework_set: input.homeworkSet,
      risk_reviewed: input.riskReviewed,
      next_steps: input.nextSteps,
      saved_at: savedAt,
      revision,
      updated_at: now,
      updated_by: staffId,
    };
    if (existing) await updateNote(trx, appointmentId, change);
    else {
      await insertNote(trx, {
        appointment_id: appointmentId,
        organisation_id: appointment.organisation_id,
        episode_id: appointment.episode_id,
        client_id: appointment.client_id,
        created_at: now,
        created_by: staffId,
        ...change,
      });
    }
    await writeAudit(trx, ctx, {
      action: 'session_note.save',
      entityType: 'session_note',
      entityId: appointmentId,
      clientId: appointment.client_id,
      details: { revision, componentDelivered: input.componentDelivered, planStep: input.planStepId !== null },
    });
    return true;
  });
  return { note: presentNote((await findNote(ctx.db, appointmentId))!), applied };
}

/** The appointment's session note, or null before one is written: for staff who may read the episode, never the client. Audited. */
export async function getSessionNote(ctx: ServiceContext, appointmentId: string): Promise<SessionNoteState> {
  const { appointment } = await requireNoteAccess(ctx, appointmentId, 'session_note.read', 'read');
  const row = await findNote(ctx.db, appointmentId);
  await writeAudit(ctx.db, ctx, { action: 'session_note.read', entityType: 'session_note', entityId: appointmentId, clientId: appointment.client_id });
  return { note: row ? presentNote(row) : null };
}
