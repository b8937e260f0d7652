import { canManageAccounts, DomainError, type CreateFeedbackTemplateRequestSchema, type ExerciseFeedback, type GiveFeedbackRequestSchema } from '@tandem/domain';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import { notifyClientChanged } from '../worklist/worklist.notify';
import type { ServiceContext } from '../../context';
import { requireClientAccess } from '../clients/clients.policy';
import { feedbackFor, findEntry, findFeedback, findTemplate, insertFeedback, insertTemplate, latestSubmission, listTemplates } from './exercises.repo';

type GiveFeedback = z.output<typeof GiveFeedbackRequestSchema>;
type CreateTemplate = z.output<typeof CreateFeedbackTemplateRequestSchema>;

function requireStaff(ctx: ServiceContext) {
  if (ctx.actor.type !== 'staff') throw new DomainError('auth.forbidden', 'Only staff give feedback on exercises.');
  return ctx.actor;
}

/**
 * A practitioner's short written feedback on a submitted, shared entry — about the submission on
 * their screen (a newer one is refused as stale, so feedback never answers words it did not see).
 * It never blocks the client: they can go on, edit or submit again. Idempotent by id.
 */
export async function giveFeedback(ctx: ServiceContext, entryId: string, input: GiveFeedback): Promise<ExerciseFeedback> {
  const actor = requireStaff(ctx);
  const notFound = { code: 'exercise.not_found' as const, message: 'There is no exercise entry here that you can open.' };
  const entry = await findEntry(ctx.db, entryId);
  if (!entry) throw new DomainError(notFound.code, notFound.message);
  // The care team only: supervision, break-glass and an alert's recipient read the record but do
  // not write to the client (decisions 0010, 0027; HAZ-093).
  await requireClientAccess(ctx, entry.client_id, 'exercise_feedback.give', (a) => a.basis === 'care_team', notFound);
  if (!entry.shared) throw new DomainError('exercise.private', 'The client has kept this entry private, so it cannot be read or answered.');
  const latest = await latestSubmission(ctx.db, entryId);
  if (!latest) throw new DomainError(notFound.code, 'This entry has not been sent yet.');
  if (latest.revision !== input.revision) throw new DomainError('write.stale_version', 'The client has sent a newer version of this entry. Read it, then give your feedback.');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (await insertFeedback(trx, { id: input.id, entry_id: entryId, revision: input.revision, staff_id: actor.staffId, text: input.text, created_at: now })) {
      await writeAudit(trx, ctx, { action: 'exercise_feedback.give', entityType: 'exercise_entry', entityId: entryId, clientId: entry.client_id });
      await notifyClientChanged(trx, entry.client_id);
    }
  });
  const stored = (await findFeedback(ctx.db, input.id))!;
  if (stored.entry_id !== entryId || stored.staff_id !== actor.staffId || stored.text !== input.text) {
    throw new DomainError('write.id_conflict', 'Different feedback was already saved with this id.');
  }
  const shown = (await feedbackFor(ctx.db, [entryId])).find((f) => f.id === input.id)!;
  return { id: shown.id, revision: shown.revision, text: shown.text, staffName: shown.display_name, createdAt: shown.created_at.toISOString() };
}

/** Feedback wording the practitioner may reuse: the organisation's and their own. */
export async function listFeedbackTemplates(ctx: ServiceContext) {
  const actor = requireStaff(ctx);
  const rows = await listTemplates(ctx.db, actor.organisationId, actor.staffId);
  return { templates: rows.map((r) => ({ id: r.id, title: r.title, text: r.text, shared: r.owner_staff_id === null, ownerStaffId: r.owner_staff_id })) };
}

/** Saves reusable wording: for the author, or (admins) for the whole organisation. Idempotent by id. */
export async function createFeedbackTemplate(ctx: ServiceContext, input: CreateTemplate) {
  const actor = requireStaff(ctx);
  if (input.shared && !canManageAccounts(actor)) throw new DomainError('auth.forbidden', 'Only admins can add wording for the whole organisation.');
  const owner = input.shared ? null : actor.staffId;
  await ctx.db.transaction().execute(async (trx) => {
    if (await insertTemplate(trx, { id: input.id, organisation_id: actor.organisationId, owner_staff_id: owner, title: input.title, text: input.text, created_at: ctx.clock.now() })) {
      await writeAudit(trx, ctx, { action: 'feedback_template.create', entityType: 'feedback_template', entityId: input.id });
    }
  });
  const stored = (await findTemplate(ctx.db, input.id))!;
  if (stored.organisation_id !== actor.organisationId || stored.owner_staff_id !== owner || stored.title !== input.title || stored.text !== input.text) {
    throw new DomainError('write.id_conflict', 'Different wording was already saved with this id.');
  }
  return { id: stored.id, title: stored.title, text: stored.text, shared: stored.owner_staff_id === null, ownerStaffId: stored.owner_staff_id };
}
