import {
  decideEntrySave,
  DomainError,
  exerciseForms,
  maxDeviceClockAheadMs,
  maxExerciseBytes,
  newId,
  sameJson,
  utf8Length,
  type ExerciseEntry,
  type ExerciseFeedback,
  type SaveExerciseEntryRequestSchema,
  type SharedExerciseEntry,
} from '@tandem/domain';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Schema } from '../../db/schema';
import { writeAudit } from '../../audit/audit';
import { notifyClientChanged } from '../worklist/worklist.notify';
import { notifyAssignedPractitioner } from '../notifications/notifications.service';
import type { ServiceContext } from '../../context';
import { requireClientAccess } from '../clients/clients.policy';
import { clientCare } from '../episodes/care-status';
import {
  feedbackFor,
  findEntry,
  findEntryForUpdate,
  findOtherVersionForUpdate,
  insertEntry,
  insertOtherVersion,
  insertSubmission,
  listOwnEntries,
  listSubmittedEntries,
  markOtherVersionResolved,
  otherVersionsAt,
  unresolvedOtherVersions,
  updateEntry,
  type ExerciseEntryRow,
} from './exercises.repo';

type SaveEntry = z.output<typeof SaveExerciseEntryRequestSchema>;

type FeedbackRow = Awaited<ReturnType<typeof feedbackFor>>[number];
const presentFeedback = (f: FeedbackRow): ExerciseFeedback => ({ id: f.id, revision: f.revision, text: f.text, staffName: f.display_name, createdAt: f.created_at.toISOString() });

type OtherRow = Awaited<ReturnType<typeof unresolvedOtherVersions>>[number];
const presentOther = (o: OtherRow) => ({ id: o.id, data: o.data, shared: o.shared, status: o.status, recordedAt: o.recorded_at.toISOString() });

function presentOwn(row: ExerciseEntryRow, feedback: FeedbackRow[], others: OtherRow[]): ExerciseEntry {
  return {
    id: row.id,
    exercise: row.exercise,
    moduleId: row.module_id,
    stepId: row.step_id,
    contentVersion: row.content_version,
    status: row.status,
    shared: row.shared,
    data: row.data,
    revision: row.revision,
    submissions: row.submissions,
    recordedAt: row.recorded_at.toISOString(),
    receivedAt: row.received_at.toISOString(),
    firstSubmittedAt: row.first_submitted_at?.toISOString() ?? null,
    feedback: feedback.filter((f) => f.entry_id === row.id).map(presentFeedback),
    otherVersions: others.filter((o) => o.entry_id === row.id).map(presentOther),
  };
}

/** The client's own entry as they read it, with feedback and the versions not chosen between yet. */
async function presentOne(ctx: ServiceContext, entryId: string): Promise<ExerciseEntry> {
  const row = (await findEntry(ctx.db, entryId))!;
  return presentOwn(row, await feedbackFor(ctx.db, [entryId]), await unresolvedOtherVersions(ctx.db, [entryId]));
}

type KeptVersion = { data: Record<string, unknown>; shared: boolean; status: 'draft' | 'submitted'; recordedAt: Date };

/**
 * Keeps a version that is not the current entry (decision 0033), once: a retried send of the same
 * save finds it already kept — even after the client chose between them — and keeps nothing more.
 */
async function keepOtherVersion(trx: Transaction<Schema>, ctx: ServiceContext, clientId: string, entryId: string, kept: KeptVersion): Promise<void> {
  const already = await otherVersionsAt(trx, entryId, kept.recordedAt);
  if (already.some((o) => o.shared === kept.shared && sameJson(o.data, kept.data))) return;
  const id = newId(ctx.clock.now());
  await insertOtherVersion(trx, { id, entry_id: entryId, data: JSON.stringify(kept.data), shared: kept.shared, status: kept.status, recorded_at: kept.recordedAt, received_at: ctx.clock.now() });
  await writeAudit(trx, ctx, { action: 'exercise_entry.keep_other_version', entityType: 'exercise_entry', entityId: entryId, clientId, details: { otherVersionId: id } });
}

function requireClient(ctx: ServiceContext) {
  if (ctx.actor.type !== 'client') throw new DomainError('auth.forbidden', 'Only a client keeps exercise entries, for themself.');
  return ctx.actor;
}

/** Checks `data` against the exercise's draft or submitted form; refusals point into the data. */
function checkData(input: SaveEntry): Record<string, unknown> {
  if (utf8Length(JSON.stringify(input.data)) > maxExerciseBytes) {
    throw new DomainError('request.invalid', 'This entry is too long to save. Shorten it a little.', [{ path: 'body/data', message: `must be at most ${maxExerciseBytes / 1024} KB` }]);
  }
  const form = exerciseForms[input.exercise][input.status === 'submitted' ? 'submitted' : 'draft'];
  const parsed = form.safeParse(input.data);
  if (!parsed.success) {
    throw new DomainError(
      'exercise.invalid_entry',
      input.status === 'submitted' ? 'Some parts need filling in before you send this.' : 'Part of this draft could not be saved.',
      parsed.error.issues.map((i) => ({ path: ['body', 'data', ...i.path.map(String)].join('/'), message: i.message })),
    );
  }
  return parsed.data as Record<string, unknown>;
}

/**
 * Saves a draft or a submission of the client's own entry. The id made on the phone makes it
 * idempotent; saves apply in the order the phone made them (`recordedAt`), so a replayed older
 * draft never overwrites a newer one (it returns the stored entry with `applied: false`). Each
 * submission is kept as history; reopening a submitted entry (saving it as a draft) leaves the last
 * submission for the care team to read. A save made after care ended is refused (it would reach
 * nobody); one made before, sent late, is kept.
 */
export async function saveEntry(ctx: ServiceContext, entryId: string, input: SaveEntry): Promise<{ entry: ExerciseEntry; applied: boolean }> {
  const actor = requireClient(ctx);
  const now = ctx.clock.now();
  const recordedAt = new Date(input.recordedAt);
  if (recordedAt.getTime() > now.getTime() + maxDeviceClockAheadMs) {
    throw new DomainError('request.invalid', 'The time of this entry is in the future. Check the clock on your phone.', [{ path: 'body/recordedAt', message: 'is in the future' }]);
  }
  const data = checkData(input);
  const care = await clientCare(ctx.db, actor.clientId);
  if (care.endedAt && recordedAt > care.endedAt) {
    throw new DomainError('episode.closed', 'Your care with the service has ended, so entries are no longer sent to anyone. Your past entries are still here. If you need help now, see “Get help now”.');
  }
  const json = JSON.stringify(data);
  const submitted = input.status === 'submitted';
  const applied = await ctx.db.transaction().execute(async (trx) => {
    const existing = await findEntryForUpdate(trx, entryId);
    if (existing && (existing.client_id !== actor.clientId || existing.exercise !== input.exercise)) {
      throw new DomainError('write.id_conflict', 'A different entry was already saved with this id.');
    }
    // Two devices' edits (decision 0033): whichever is not kept as the current entry is kept aside.
    const decision = existing
      ? decideEntrySave(
          { revision: existing.revision, recordedAt: existing.recorded_at, deviceId: existing.device_id, data: existing.data, shared: existing.shared },
          { baseRevision: input.baseRevision, recordedAt, deviceId: input.deviceId, data, shared: input.shared },
        )
      : 'apply';
    if (decision === 'ignore') return false;
    if (decision === 'keep-incoming') {
      await keepOtherVersion(trx, ctx, actor.clientId, entryId, { data, shared: input.shared, status: input.status, recordedAt });
      return false;
    }
    if (existing && decision === 'apply-keep-stored') {
      await keepOtherVersion(trx, ctx, actor.clientId, entryId, { data: existing.data, shared: existing.shared, status: existing.status, recordedAt: existing.recorded_at });
    }
    const revision = (existing?.revision ?? 0) + 1;
    const change = {
      status: input.status,
      shared: input.shared,
      content_version: input.contentVersion,
      revision,
      submissions: (existing?.submissions ?? 0) + (submitted ? 1 : 0),
      recorded_at: recordedAt,
      received_at: now,
      first_submitted_at: existing?.first_submitted_at ?? (submitted ? now : null),
      device_id: input.deviceId ?? null,
      data: json,
    };
    if (existing) await updateEntry(trx, entryId, change);
    else {
      await insertEntry(trx, {
        id: entryId,
        organisation_id: actor.organisationId,
        client_id: actor.clientId,
        exercise: input.exercise,
        module_id: input.moduleId,
        step_id: input.stepId,
        created_at: now,
        ...change,
      });
    }
    if (submitted) await insertSubmission(trx, { entry_id: entryId, revision, data: json, content_version: input.contentVersion, recorded_at: recordedAt, received_at: now });
    // A sent entry is activity, may be homework done, and (shared) waits for feedback; drafts change none of these.
    if (submitted || existing?.shared !== input.shared) await notifyClientChanged(trx, actor.clientId);
    // The practitioner hears of shared work in their daily summary (once per entry), never at once.
    if (submitted && input.shared) await notifyAssignedPractitioner(trx, ctx.clock, { clientId: actor.clientId, kind: 'entry-shared', link: `/staff/clients/${actor.clientId}`, sourceId: entryId });
    await writeAudit(trx, ctx, {
      action: submitted ? 'exercise_entry.submit' : 'exercise_entry.save_draft',
      entityType: 'exercise_entry',
      entityId: entryId,
      clientId: actor.clientId,
      details: { exercise: input.exercise, shared: input.shared, revision },
    });
    return true;
  });
  return { entry: await presentOne(ctx, entryId), applied };
}

/**
 * The client has chosen between two versions of their entry ("Use this version instead" saves it
 * first, through the normal save; "Keep the one shown" saves nothing): the other version is no
 * longer offered. It is kept, resolved, in the record. Idempotent; the client's own entry only.
 */
export async function resolveOtherVersion(ctx: ServiceContext, entryId: string, versionId: string): Promise<ExerciseEntry> {
  const actor = requireClient(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const entry = await findEntryForUpdate(trx, entryId);
    const version = entry?.client_id === actor.clientId ? await findOtherVersionForUpdate(trx, entryId, versionId) : undefined;
    if (!entry || !version) throw new DomainError('exercise.not_found', 'This version of the entry was not found.');
    if (version.resolved_at) return;
    await markOtherVersionResolved(trx, versionId, ctx.clock.now());
    await writeAudit(trx, ctx, { action: 'exercise_entry.resolve_other_version', entityType: 'exercise_entry', entityId: entryId, clientId: actor.clientId, details: { otherVersionId: versionId } });
  });
  return presentOne(ctx, entryId);
}

/** The client's own entries, drafts included, newest first, with feedback. Audited. */
export async function listOwn(ctx: ServiceContext): Promise<ExerciseEntry[]> {
  const actor = requireClient(ctx);
  const rows = await listOwnEntries(ctx.db, actor.clientId);
  await writeAudit(ctx.db, ctx, { action: 'exercise_entry.list_own', entityType: 'exercise_entry', clientId: actor.clientId, subjectIds: rows.map((r) => r.id) });
  const ids = rows.map((r) => r.id);
  const feedback = await feedbackFor(ctx.db, ids);
  const others = await unresolvedOtherVersions(ctx.db, ids);
  return rows.map((r) => presentOwn(r, feedback, others));
}

/**
 * A client's submitted entries for their care team: the last submission's text when shared; for a
 * private one, only that it exists (what it is and when). Drafts are the client's own. Audited.
 */
export async function listForCareTeam(ctx: ServiceContext, clientId: string): Promise<SharedExerciseEntry[]> {
  await requireClientAccess(ctx, clientId, 'exercise_entry.list');
  const rows = await listSubmittedEntries(ctx.db, clientId);
  const feedback = await feedbackFor(ctx.db, rows.filter((r) => r.shared).map((r) => r.id));
  await writeAudit(ctx.db, ctx, { action: 'exercise_entry.list', entityType: 'exercise_entry', clientId, subjectIds: rows.filter((r) => r.shared).map((r) => r.id) });
  return rows.map((r) => ({
    id: r.id,
    exercise: r.exercise,
    moduleId: r.module_id,
    contentVersion: r.content_version,
    private: !r.shared,
    data: r.shared ? r.data : null,
    revision: r.revision,
    submittedAt: r.recorded_at.toISOString(),
    feedback: r.shared ? feedback.filter((f) => f.entry_id === r.id).map(presentFeedback) : [],
  }));
}

