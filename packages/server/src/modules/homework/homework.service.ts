import {
  defaultDueDate,
  DomainError,
  homeworkItemIssues,
  localDate,
  type ClientHomework,
  type ErrorDetail,
  type HomeworkAssignment,
  type HomeworkInputSchema,
  type ProgrammeModule,
  type CancelHomeworkRequestSchema,
  type SetHomeworkRequestSchema,
} from '@tandem/domain';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import { notifyClientChanged } from '../worklist/worklist.notify';
import type { ServiceContext } from '../../context';
import type { Schema } from '../../db/schema';
import { findAppointment } from '../episodes/appointments.repo';
import type { EpisodeRow } from '../episodes/episodes.repo';
import { enqueueHomeworkReminders } from './homework.jobs';
import { itemsOf, presentAssignment, presentOwnItems } from './homework.present';
import { requireClient, requireHomeworkChange, requireHomeworkRead, requireHomeworkSet } from './homework.policy';
import {
  cancelHomeworkRow,
  clientTimeFacts,
  doneFacts,
  findCurrentHomework,
  findHomework,
  insertHomework,
  listHomeworkOfEpisode,
  nextBookedAppointment,
  type HomeworkRow,
} from './homework.repo';

type Programme = readonly ProgrammeModule[];
type SetHomework = z.output<typeof SetHomeworkRequestSchema>;
type HomeworkInput = z.output<typeof HomeworkInputSchema>;
type Cancel = z.output<typeof CancelHomeworkRequestSchema>;

/** Homework checked outside the transaction, ready to insert with its reminders. */
export interface PreparedHomework {
  row: HomeworkRow;
  timeZone: string;
  schedule: unknown;
}

const sameItems = (row: HomeworkRow, input: HomeworkInput) => JSON.stringify(itemsOf(row)) === JSON.stringify(input.items);

/**
 * Checks a homework request against the programme and the calendar, before any transaction. The
 * appointment it leads to is the one named, else `next` (a session ending books it in the same
 * request), else the episode's next booked one. The due date defaults to the day before that
 * appointment in the client's time zone (never before today); one given must not be in the past
 * or after the appointment. Paths in refusals start at `at` ("body" or "body/homework").
 * Returns the stored row for a retry with the same id and items.
 */
export async function prepareHomework(
  ctx: ServiceContext,
  programme: Programme,
  episode: EpisodeRow,
  input: HomeworkInput & { appointmentId?: string },
  options: { at: string; next?: { id: string; startsAt: Date } },
): Promise<{ existing: HomeworkRow } | { prepared: PreparedHomework }> {
  const { at } = options;
  const existing = await findHomework(ctx.db, input.id);
  if (existing) {
    const same = existing.episode_id === episode.id && sameItems(existing, input) && (input.dueOn === undefined || input.dueOn === existing.due_on);
    if (!same) throw new DomainError('write.id_conflict', 'Different homework was already saved with this id.', [{ path: `${at}/id`, message: 'is taken' }]);
    return { existing };
  }
  const issues = homeworkItemIssues(input.items, programme.map((m) => m.meta));
  if (issues.length) {
    const details: ErrorDetail[] = issues.map((i) => ({ path: [`${at}/items`, ...i.path].join('/'), message: i.message }));
    throw new DomainError('request.invalid', 'Some of this homework is not in the programme.', details);
  }
  const now = ctx.clock.now();
  let appointment = options.next ?? null;
  if (input.appointmentId) {
    const named = await findAppointment(ctx.db, input.appointmentId);
    if (!named || named.episode_id !== episode.id) throw new DomainError('appointment.not_found', 'There is no appointment here that you can open.', [{ path: `${at}/appointmentId`, message: 'is not an appointment of this episode' }]);
    if (named.status !== 'booked' || named.starts_at <= now) throw new DomainError('appointment.not_booked', 'Homework leads to a booked appointment ahead.', [{ path: `${at}/appointmentId`, message: 'is not booked ahead' }]);
    appointment = { id: named.id, startsAt: named.starts_at };
  } else if (!appointment) {
    const next = await nextBookedAppointment(ctx.db, episode.id, now);
    appointment = next ? { id: next.id, startsAt: next.starts_at } : null;
  }
  const { timeZone, schedule } = await clientTimeFacts(ctx.db, episode.client_id);
  const today = localDate(now, timeZone);
  let dueOn = input.dueOn;
  if (!dueOn) {
    if (!appointment) throw new DomainError('homework.no_next_appointment', 'There is no appointment booked ahead, so say when this is due.', [{ path: `${at}/dueOn`, message: 'is needed without a next appointment' }]);
    // A session later today or tomorrow: due today rather than a day already gone.
    const byDefault = defaultDueDate(appointment.startsAt, timeZone);
    dueOn = byDefault < today ? today : byDefault;
  }
  if (dueOn < today) throw new DomainError('homework.due_in_past', 'This due date has passed. Choose today or a later day.', [{ path: `${at}/dueOn`, message: 'is in the past' }]);
  if (appointment && dueOn > localDate(appointment.startsAt, timeZone)) {
    throw new DomainError('homework.due_after_appointment', 'Homework for the next session must be due by that session.', [{ path: `${at}/dueOn`, message: 'is after the next appointment' }]);
  }
  const row: HomeworkRow = {
    id: input.id,
    organisation_id: episode.organisation_id,
    client_id: episode.client_id,
    episode_id: episode.id,
    appointment_id: appointment?.id ?? null,
    items: input.items,
    due_on: dueOn,
    status: 'active',
    set_by: ctx.actor.type === 'staff' ? ctx.actor.staffId : null,
    set_at: now,
    cancelled_at: null,
    cancelled_by: null,
    cancel_reason: null,
  };
  return { prepared: { row, timeZone, schedule } };
}

/** Inserts prepared homework in the caller's transaction, with its reminders; audited. */
export async function insertPreparedHomework(trx: Transaction<Schema>, ctx: ServiceContext, prepared: PreparedHomework): Promise<void> {
  const { row } = prepared;
  await insertHomework(trx, { ...row, items: JSON.stringify(row.items) });
  const reminders = await enqueueHomeworkReminders(trx, ctx.clock, { id: row.id, dueOn: row.due_on, timeZone: prepared.timeZone, schedule: prepared.schedule });
  await notifyClientChanged(trx, row.client_id);
  await writeAudit(trx, ctx, {
    action: 'homework.set',
    entityType: 'homework',
    entityId: row.id,
    clientId: row.client_id,
    details: { items: itemsOf(row).length, dueOn: row.due_on, appointmentId: row.appointment_id, reminders },
  });
}

/** One homework row as the care team sees it, read back after a write. */
export async function presentHomework(ctx: ServiceContext, programme: Programme, homeworkId: string): Promise<HomeworkAssignment> {
  const row = (await findHomework(ctx.db, homeworkId))!;
  return presentAssignment(row, await doneFacts(ctx.db, row.client_id), programme);
}

/** Sets homework for the episode's next session (the care team). Idempotent by id: 201, then 200. */
export async function setHomework(ctx: ServiceContext, programme: Programme, episodeId: string, input: SetHomework): Promise<{ assignment: HomeworkAssignment; created: boolean }> {
  const { episode } = await requireHomeworkSet(ctx, episodeId, 'homework.set');
  const result = await prepareHomework(ctx, programme, episode, input, { at: 'body' });
  if ('prepared' in result) await ctx.db.transaction().execute((trx) => insertPreparedHomework(trx, ctx, result.prepared));
  return { assignment: await presentHomework(ctx, programme, input.id), created: 'prepared' in result };
}

/** The episode's homework, newest first, each item with its done state (staff who may read the episode). Audited. */
export async function listHomework(ctx: ServiceContext, programme: Programme, episodeId: string): Promise<HomeworkAssignment[]> {
  const { episode } = await requireHomeworkRead(ctx, episodeId, 'homework.list');
  const rows = await listHomeworkOfEpisode(ctx.db, episodeId);
  const facts = await doneFacts(ctx.db, episode.client_id);
  await writeAudit(ctx.db, ctx, { action: 'homework.list', entityType: 'homework', clientId: episode.client_id, subjectIds: rows.map((r) => r.id) });
  return rows.map((r) => presentAssignment(r, facts, programme));
}

/** Cancels homework (the care team), with a reason kept on the record; its reminders then send nothing. */
export async function cancelHomework(ctx: ServiceContext, programme: Programme, homeworkId: string, input: Cancel): Promise<HomeworkAssignment> {
  const { row, episode } = await requireHomeworkChange(ctx, homeworkId, 'homework.cancel');
  if (row.status === 'active') {
    if (episode.status === 'ended') throw new DomainError('episode.closed', 'This episode has ended; its record can no longer be changed.');
    await ctx.db.transaction().execute(async (trx) => {
      await cancelHomeworkRow(trx, homeworkId, { cancelled_at: ctx.clock.now(), cancelled_by: ctx.actor.type === 'staff' ? ctx.actor.staffId : null, cancel_reason: input.reason });
      await writeAudit(trx, ctx, { action: 'homework.cancel', entityType: 'homework', entityId: homeworkId, clientId: row.client_id });
      await notifyClientChanged(trx, row.client_id);
    });
  }
  return presentHomework(ctx, programme, homeworkId);
}

/** The client's homework for their next session (or none). Audited. */
export async function getOwnHomework(ctx: ServiceContext, programme: Programme, locale?: string): Promise<ClientHomework> {
  const actor = requireClient(ctx);
  const { timeZone } = await clientTimeFacts(ctx.db, actor.clientId);
  const row = await findCurrentHomework(ctx.db, actor.clientId, localDate(ctx.clock.now(), timeZone));
  await writeAudit(ctx.db, ctx, { action: 'homework.read_own', entityType: 'homework', entityId: row?.id ?? null, clientId: actor.clientId });
  if (!row) return { current: null };
  const appointment = row.appointment_id ? await findAppointment(ctx.db, row.appointment_id) : undefined;
  return {
    current: {
      id: row.id,
      dueOn: row.due_on,
      appointment: appointment?.status === 'booked' ? { startsAt: appointment.starts_at.toISOString(), timeZone } : null,
      items: presentOwnItems(row, await doneFacts(ctx.db, actor.clientId), programme, locale),
    },
  };
}
