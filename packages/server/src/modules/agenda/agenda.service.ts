import { DomainError, maxDeviceClockAheadMs, type AddAgendaItemRequestSchema, type AgendaItem, type MarkAgendaItemDiscussedRequestSchema } from '@tandem/domain';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import type { Schema } from '../../db/schema';
import { findAppointment } from '../episodes/appointments.repo';
import { clientCare } from '../episodes/care-status';
import { agendaNotFound, requireAgendaManage, requireAgendaRead, requireClient } from './agenda.policy';
import { findAgendaItem, findAgendaItems, insertAgendaItem, listOpenAgendaItems, markDiscussed, markRemoved, type AgendaItemRow } from './agenda.repo';

type AddItem = z.output<typeof AddAgendaItemRequestSchema>;
type MarkDiscussed = z.output<typeof MarkAgendaItemDiscussedRequestSchema>;

export function presentAgendaItem(row: AgendaItemRow): AgendaItem {
  return {
    id: row.id,
    text: row.text,
    status: row.status,
    recordedAt: row.recorded_at.toISOString(),
    receivedAt: row.received_at.toISOString(),
    discussedAt: row.discussed_at?.toISOString() ?? null,
    discussedAppointmentId: row.discussed_appointment_id,
  };
}

/**
 * The client notes something to talk about. Sent through the phone's outbox: the id makes it
 * idempotent (a retry returns the stored item; the same id with other words is refused), and the
 * phone's time is kept beside the server's. Like every client write, one made after care ended is
 * refused (nobody would read it: HAZ-016); one made before and sent late is kept.
 */
export async function addAgendaItem(ctx: ServiceContext, input: AddItem): Promise<{ item: AgendaItem; created: boolean }> {
  const actor = requireClient(ctx);
  const now = ctx.clock.now();
  const recordedAt = new Date(input.recordedAt);
  if (recordedAt.getTime() > now.getTime() + maxDeviceClockAheadMs) {
    throw new DomainError('request.invalid', 'The time of this note is in the future. Check the clock on your phone.', [{ path: 'body/recordedAt', message: 'is in the future' }]);
  }
  const care = await clientCare(ctx.db, actor.clientId);
  if (care.endedAt && recordedAt > care.endedAt) {
    throw new DomainError('episode.closed', 'Your care with the service has ended, so this will not reach anyone. If you need help now, see “Get help now”.');
  }
  const created = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertAgendaItem(trx, {
      id: input.id,
      organisation_id: actor.organisationId,
      client_id: actor.clientId,
      text: input.text,
      status: 'open',
      recorded_at: recordedAt,
      received_at: now,
      discussed_at: null,
      discussed_by: null,
      discussed_appointment_id: null,
      removed_at: null,
    });
    // Never the words in the audit log: codes and counts only.
    if (inserted) await writeAudit(trx, ctx, { action: 'agenda_item.add', entityType: 'agenda_item', entityId: input.id, clientId: actor.clientId });
    return inserted;
  });
  const row = await findAgendaItem(ctx.db, input.id);
  if (!row || row.client_id !== actor.clientId || row.text !== input.text || row.recorded_at.getTime() !== recordedAt.getTime()) {
    throw new DomainError('write.id_conflict', 'A different note was already saved with this id.');
  }
  return { item: presentAgendaItem(row), created };
}

/** The client's own items still to talk about. Audited. */
export async function listOwnAgendaItems(ctx: ServiceContext): Promise<AgendaItem[]> {
  const actor = requireClient(ctx);
  const rows = await listOpenAgendaItems(ctx.db, actor.clientId);
  await writeAudit(ctx.db, ctx, { action: 'agenda_item.list_own', entityType: 'agenda_item', clientId: actor.clientId, subjectIds: rows.map((r) => r.id) });
  return rows.map(presentAgendaItem);
}

/** The client takes an item off their list (idempotent; one already discussed stays as it is). */
export async function removeOwnAgendaItem(ctx: ServiceContext, itemId: string): Promise<AgendaItem> {
  const actor = requireClient(ctx);
  const row = await findAgendaItem(ctx.db, itemId);
  if (!row || row.client_id !== actor.clientId) throw new DomainError(agendaNotFound.code, agendaNotFound.message);
  if (row.status === 'open') {
    await ctx.db.transaction().execute(async (trx) => {
      await markRemoved(trx, itemId, ctx.clock.now());
      await writeAudit(trx, ctx, { action: 'agenda_item.remove', entityType: 'agenda_item', entityId: itemId, clientId: actor.clientId });
    });
  }
  return presentAgendaItem((await findAgendaItem(ctx.db, itemId))!);
}

/** A client's open items, for the brief and the session agenda (staff who may read the record). Audited. */
export async function listClientAgendaItems(ctx: ServiceContext, clientId: string): Promise<AgendaItem[]> {
  await requireAgendaRead(ctx, clientId);
  const rows = await listOpenAgendaItems(ctx.db, clientId);
  await writeAudit(ctx.db, ctx, { action: 'agenda_item.list', entityType: 'agenda_item', clientId, subjectIds: rows.map((r) => r.id) });
  return rows.map(presentAgendaItem);
}

/**
 * Checks agenda items can be marked discussed at this appointment of the same client: each is the
 * client's and open, or already discussed (a retry). `at` is the request path for refusals.
 */
export async function checkDiscussable(ctx: ServiceContext, clientId: string, itemIds: readonly string[], at: (i: number) => string): Promise<void> {
  const rows = await findAgendaItems(ctx.db, itemIds);
  itemIds.forEach((id, i) => {
    const row = rows.find((r) => r.id === id);
    if (!row || row.client_id !== clientId || row.status === 'removed') {
      throw new DomainError(agendaNotFound.code, 'This item is not on the client’s list (they may have taken it off).', [{ path: at(i), message: 'is not an open item of this client' }]);
    }
  });
}

/** Marks items discussed in the caller's transaction; audited with their ids. */
export async function markDiscussedInTransaction(trx: Transaction<Schema>, ctx: ServiceContext, clientId: string, itemIds: readonly string[], appointmentId: string): Promise<void> {
  if (!itemIds.length) return;
  const by = ctx.actor.type === 'staff' ? ctx.actor.staffId : null;
  for (const id of itemIds) await markDiscussed(trx, id, { at: ctx.clock.now(), by, appointmentId });
  await writeAudit(trx, ctx, { action: 'agenda_item.discussed', entityType: 'agenda_item', clientId, subjectIds: [...itemIds], details: { appointmentId } });
}

/** The care team marks one item discussed at an appointment of the same client (idempotent). */
export async function markAgendaItemDiscussed(ctx: ServiceContext, itemId: string, input: MarkDiscussed): Promise<AgendaItem> {
  const row = await findAgendaItem(ctx.db, itemId);
  if (!row || row.organisation_id !== ctx.actor.organisationId) throw new DomainError(agendaNotFound.code, agendaNotFound.message);
  await requireAgendaManage(ctx, row.client_id);
  const appointment = await findAppointment(ctx.db, input.appointmentId);
  if (!appointment || appointment.client_id !== row.client_id) {
    throw new DomainError('appointment.not_found', 'There is no appointment of this client with that id.', [{ path: 'body/appointmentId', message: 'is not an appointment of this client' }]);
  }
  await checkDiscussable(ctx, row.client_id, [itemId], () => 'params/agendaItemId');
  if (row.status === 'open') await ctx.db.transaction().execute((trx) => markDiscussedInTransaction(trx, ctx, row.client_id, [itemId], input.appointmentId));
  return presentAgendaItem((await findAgendaItem(ctx.db, itemId))!);
}
