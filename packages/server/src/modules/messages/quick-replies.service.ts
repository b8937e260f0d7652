import { DomainError, type AddQuickReplyRequestSchema, type QuickReply } from '@tandem/domain';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { requireStaff } from './messages.policy';
import { findQuickReply, insertQuickReply, listQuickReplies, markQuickReplyDeleted, type QuickReplyRow } from './messages.repo';

type AddQuickReply = z.output<typeof AddQuickReplyRequestSchema>;

/** A practitioner's saved replies are their own words: nobody else lists, uses or deletes them. */
const notFound = () => new DomainError('quick_reply.not_found', 'There is no quick reply here that you can use.');

function presentQuickReply(row: QuickReplyRow): QuickReply {
  return { id: row.id, text: row.text, createdAt: row.created_at.toISOString() };
}

export async function listOwnQuickReplies(ctx: ServiceContext): Promise<QuickReply[]> {
  const staff = requireStaff(ctx);
  return (await listQuickReplies(ctx.db, staff.staffId)).map(presentQuickReply);
}

/** Saves a reply (idempotent by id; the same id with other words is refused). */
export async function addQuickReply(ctx: ServiceContext, input: AddQuickReply): Promise<{ item: QuickReply; created: boolean }> {
  const staff = requireStaff(ctx);
  const created = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertQuickReply(trx, { id: input.id, organisation_id: staff.organisationId, staff_id: staff.staffId, text: input.text, created_at: ctx.clock.now(), deleted_at: null });
    if (inserted) await writeAudit(trx, ctx, { action: 'quick_reply.add', entityType: 'quick_reply', entityId: input.id });
    return inserted;
  });
  const row = await findQuickReply(ctx.db, input.id);
  if (!row || row.staff_id !== staff.staffId || row.text !== input.text) throw new DomainError('write.id_conflict', 'A different quick reply was already saved with this id.');
  if (row.deleted_at) throw notFound();
  return { item: presentQuickReply(row), created };
}

/** Deletes one of the staff member's own replies (idempotent). */
export async function deleteQuickReply(ctx: ServiceContext, id: string): Promise<void> {
  const staff = requireStaff(ctx);
  const row = await findQuickReply(ctx.db, id);
  if (!row || row.staff_id !== staff.staffId) throw notFound();
  if (row.deleted_at) return;
  await ctx.db.transaction().execute(async (trx) => {
    await markQuickReplyDeleted(trx, id, ctx.clock.now());
    await writeAudit(trx, ctx, { action: 'quick_reply.delete', entityType: 'quick_reply', entityId: id });
  });
}
