import {
  DomainError,
  maxDeviceClockAheadMs,
  type CaseloadUnread,
  type Conversation,
  type Message,
  type SendClientMessageRequestSchema,
  type SendStaffMessageRequestSchema,
  type UnreadCount,
} from '@tandem/domain';
import type { z } from 'zod';
import { writeAudit } from '../../audit/audit';
import type { ServiceContext } from '../../context';
import { loadCareSettings } from '../organisation/organisation.repo';
import { enqueueMessageEmail } from './messages.jobs';
import { requireAnswering, requireClient, requireConversationAccess, requireStaff } from './messages.policy';
import { countUnreadForClient, findClientName, findConversationEpisode, findMessage, findQuickReply, insertMessage, listMessages, markRead, unreadForStaff, type MessageRow } from './messages.repo';
import { notifyStaff } from '../notifications/notifications.service';
import { routeClientMessage } from './messages.routing';

type SendClient = z.output<typeof SendClientMessageRequestSchema>;
type SendStaff = z.output<typeof SendStaffMessageRequestSchema>;
type Episode = NonNullable<Awaited<ReturnType<typeof findConversationEpisode>>>;

export function presentMessage(row: MessageRow & { author_name?: string | null }): Message {
  return {
    id: row.id,
    from: row.author_type,
    authorName: row.author_type === 'staff' ? (row.author_name ?? null) : null,
    text: row.text,
    recordedAt: row.recorded_at.toISOString(),
    receivedAt: row.received_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
    route: row.route,
  };
}

const closedMessage = 'This conversation has closed because your care with the service has ended, so a message here would not be read. If you need help now, see “Get help now”.';
const closedForStaff = 'This client’s episode has ended: the conversation can be read but not written to.';

/** The conversation as its reader sees it (messages, reply time, away cover now). */
async function conversationOf(ctx: ServiceContext, organisationId: string, clientId: string, episode: Episode | undefined, unread: number): Promise<Conversation> {
  const { settings } = await loadCareSettings(ctx.db, organisationId);
  const clientName = await findClientName(ctx.db, clientId);
  if (!episode) return { episodeId: null, clientName, open: false, replyWithinWorkingDays: settings.messageReplyWorkingDays, away: null, unread, messages: [] };
  const open = episode.status !== 'ended';
  const rows = await listMessages(ctx.db, episode.id);
  let away: Conversation['away'] = null;
  if (open) {
    const route = await routeClientMessage(ctx.db, { organisationId, clientId: episode.client_id, assignedPractitionerId: episode.assigned_practitioner_id, at: ctx.clock.now() });
    if (route.route !== 'assigned_practitioner') away = { readBy: route.route };
  }
  return { episodeId: episode.id, clientName, open, replyWithinWorkingDays: settings.messageReplyWorkingDays, away, unread, messages: rows.map(presentMessage) };
}

/** A resend of a stored message returns it; the same id with other words (or someone else's) is refused. */
function checkSame(row: MessageRow, expected: { clientId: string; text: string; authorStaffId: string | null }): void {
  if (row.client_id !== expected.clientId || row.text !== expected.text || row.author_staff_id !== expected.authorStaffId) {
    throw new DomainError('write.id_conflict', 'A different message was already sent with this id.');
  }
}

/** The client's own conversation, read (audited; the words are never in the audit log). */
export async function getOwnConversation(ctx: ServiceContext): Promise<Conversation> {
  const actor = requireClient(ctx);
  const episode = await findConversationEpisode(ctx.db, actor.clientId);
  const conversation = await conversationOf(ctx, actor.organisationId, actor.clientId, episode, await countUnreadForClient(ctx.db, episode?.id));
  await writeAudit(ctx.db, ctx, { action: 'message.list_own', entityType: 'message', clientId: actor.clientId, subjectIds: conversation.messages.map((m) => m.id) });
  return conversation;
}

/** How many care-team messages the client has not read (home and menu). */
export async function getOwnUnread(ctx: ServiceContext): Promise<UnreadCount> {
  const actor = requireClient(ctx);
  const episode = await findConversationEpisode(ctx.db, actor.clientId);
  return { unread: await countUnreadForClient(ctx.db, episode?.id) };
}

/**
 * The client sends a message, through the phone's outbox: idempotent by id (a resend gets the
 * stored message, 200), the phone's time kept beside the server's. It goes to whoever reads it now
 * (`routeClientMessage`). Refused, with where to get help, when the episode has ended or there is
 * none: nobody would read it (HAZ-068). Staff are not emailed per message (issue 9 item 4: a digest).
 */
export async function sendClientMessage(ctx: ServiceContext, input: SendClient): Promise<{ message: Message; created: boolean }> {
  const actor = requireClient(ctx);
  const now = ctx.clock.now();
  const recordedAt = new Date(input.recordedAt);
  const stored = await findMessage(ctx.db, input.id);
  if (stored) {
    checkSame(stored, { clientId: actor.clientId, text: input.text, authorStaffId: null });
    return { message: presentMessage(stored), created: false };
  }
  if (recordedAt.getTime() > now.getTime() + maxDeviceClockAheadMs) {
    throw new DomainError('request.invalid', 'The time of this message is in the future. Check the clock on your phone.', [{ path: 'body/recordedAt', message: 'is in the future' }]);
  }
  const episode = await findConversationEpisode(ctx.db, actor.clientId);
  if (!episode) throw new DomainError('message.no_conversation', 'You are not in care with the service just now, so a message here would not be read. If you need help now, see “Get help now”.');
  if (episode.status === 'ended') throw new DomainError('episode.closed', closedMessage);
  const route = await routeClientMessage(ctx.db, { organisationId: actor.organisationId, clientId: actor.clientId, assignedPractitionerId: episode.assigned_practitioner_id, at: now });
  const row: MessageRow = {
    id: input.id,
    organisation_id: actor.organisationId,
    client_id: actor.clientId,
    episode_id: episode.id,
    author_type: 'client',
    author_staff_id: null,
    text: input.text,
    recorded_at: recordedAt,
    received_at: now,
    routed_to_staff_id: route.staffId,
    route: route.route,
    quick_reply_id: null,
    read_at: null,
    read_by_staff_id: null,
  };
  const created = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertMessage(trx, row);
    if (inserted) await writeAudit(trx, ctx, { action: 'message.send', entityType: 'message', entityId: input.id, clientId: actor.clientId, details: { route: route.route, routedTo: route.staffId } });
    // The reader hears of it in their notification centre and daily summary, never by a message-by-message email (decision 0029).
    if (inserted && route.staffId) {
      await notifyStaff(trx, ctx.clock, { organisationId: actor.organisationId, staffId: route.staffId, kind: 'message', clientId: actor.clientId, link: `/staff/messages/${actor.clientId}`, sourceId: input.id });
    }
    return inserted;
  });
  const saved = (await findMessage(ctx.db, input.id))!;
  checkSame(saved, { clientId: actor.clientId, text: input.text, authorStaffId: null });
  return { message: presentMessage(saved), created };
}

/** The client has seen the care team's messages: all are marked read (audited with their ids). */
export async function markOwnRead(ctx: ServiceContext): Promise<UnreadCount> {
  const actor = requireClient(ctx);
  const episode = await findConversationEpisode(ctx.db, actor.clientId);
  if (episode) {
    await ctx.db.transaction().execute(async (trx) => {
      const ids = await markRead(trx, episode.id, 'staff', { at: ctx.clock.now(), byStaffId: null });
      if (ids.length) await writeAudit(trx, ctx, { action: 'message.read_own', entityType: 'message', clientId: actor.clientId, subjectIds: ids });
    });
  }
  return { unread: await countUnreadForClient(ctx.db, episode?.id) };
}

/** A client's conversation for the care team (or cover). Audited. */
export async function getClientConversation(ctx: ServiceContext, clientId: string): Promise<Conversation> {
  const staff = requireStaff(ctx);
  const episode = await findConversationEpisode(ctx.db, clientId);
  await requireConversationAccess(ctx, clientId, episode?.id ?? null, 'message.list');
  const unread = episode ? (await listMessages(ctx.db, episode.id)).filter((m) => m.author_type === 'client' && !m.read_at).length : 0;
  const conversation = await conversationOf(ctx, staff.organisationId, clientId, episode, unread);
  await writeAudit(ctx.db, ctx, { action: 'message.list', entityType: 'message', clientId, subjectIds: conversation.messages.map((m) => m.id) });
  return conversation;
}

/**
 * The care team (or cover) writes to a client: idempotent by id; refused on a closed episode, or
 * with a quick reply deleted meanwhile (nothing sent). Queues the client's "new message" email in
 * the same transaction (at most one an hour per conversation; decision 0027).
 */
export async function sendStaffMessage(ctx: ServiceContext, clientId: string, input: SendStaff): Promise<{ message: Message; created: boolean }> {
  const staff = requireStaff(ctx);
  const episode = await findConversationEpisode(ctx.db, clientId);
  const access = await requireConversationAccess(ctx, clientId, episode?.id ?? null, 'message.send');
  requireAnswering(access);
  const stored = await findMessage(ctx.db, input.id);
  if (stored) {
    checkSame(stored, { clientId, text: input.text, authorStaffId: staff.staffId });
    return { message: presentMessage(stored), created: false };
  }
  if (!episode) throw new DomainError('message.no_conversation', 'This client has no episode of care, so there is no conversation to write to.');
  if (episode.status === 'ended') throw new DomainError('episode.closed', closedForStaff);
  if (input.quickReplyId) {
    const reply = await findQuickReply(ctx.db, input.quickReplyId);
    if (!reply || reply.staff_id !== staff.staffId || reply.deleted_at) {
      throw new DomainError('quick_reply.not_found', 'That quick reply has been deleted. Your message was not sent: check the words and send it again.', [{ path: 'body/quickReplyId', message: 'is not one of your quick replies' }]);
    }
  }
  const now = ctx.clock.now();
  const created = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertMessage(trx, {
      id: input.id,
      organisation_id: staff.organisationId,
      client_id: clientId,
      episode_id: episode.id,
      author_type: 'staff',
      author_staff_id: staff.staffId,
      text: input.text,
      recorded_at: now,
      received_at: now,
      routed_to_staff_id: null,
      route: null,
      quick_reply_id: input.quickReplyId ?? null,
      read_at: null,
      read_by_staff_id: null,
    });
    if (inserted) {
      await writeAudit(trx, ctx, { action: 'message.send', entityType: 'message', entityId: input.id, clientId, details: input.quickReplyId ? { quickReplyId: input.quickReplyId } : undefined });
      await enqueueMessageEmail(trx, ctx.clock, episode.id);
    }
    return inserted;
  });
  const saved = (await findMessage(ctx.db, input.id))!;
  checkSame(saved, { clientId, text: input.text, authorStaffId: staff.staffId });
  return { message: presentMessage(saved), created };
}

/** The care team (or cover) has read the client's messages: marked read, audited. Others' looks change nothing. */
export async function markClientMessagesRead(ctx: ServiceContext, clientId: string): Promise<UnreadCount> {
  const staff = requireStaff(ctx);
  const episode = await findConversationEpisode(ctx.db, clientId);
  const access = await requireConversationAccess(ctx, clientId, episode?.id ?? null, 'message.read');
  if (episode && access.answers) {
    await ctx.db.transaction().execute(async (trx) => {
      const ids = await markRead(trx, episode.id, 'client', { at: ctx.clock.now(), byStaffId: staff.staffId });
      if (ids.length) await writeAudit(trx, ctx, { action: 'message.read', entityType: 'message', clientId, subjectIds: ids });
    });
  }
  const left = episode ? (await listMessages(ctx.db, episode.id)).filter((m) => m.author_type === 'client' && !m.read_at).length : 0;
  return { unread: left };
}

/** Unread client messages across the staff member's caseload and what is routed to them (audited: which clients). */
export async function getCaseloadUnread(ctx: ServiceContext): Promise<CaseloadUnread> {
  const staff = requireStaff(ctx);
  const rows = await unreadForStaff(ctx.db, staff.organisationId, staff.staffId);
  const clients = rows.map((r) => ({ clientId: r.client_id, name: `${r.given_name} ${r.family_name}`, unread: Number(r.n) }));
  if (clients.length) await writeAudit(ctx.db, ctx, { action: 'message.unread_counts', entityType: 'client', subjectIds: clients.map((c) => c.clientId) });
  return { unread: clients.reduce((sum, c) => sum + c.unread, 0), clients };
}
