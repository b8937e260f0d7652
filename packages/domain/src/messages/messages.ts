import { z } from 'zod';
import { IdSchema } from '../ids';
import { messageMaxLength } from './limits';

export { defaultReplyWorkingDays, messageMaxLength } from './limits';

/**
 * Secure messages between a client and their care team (issue 9 item 3; decision 0027). One
 * conversation per episode of care. The client writes on the phone through the outbox (decision
 * 0013): the phone makes the id, so a resend is harmless, and keeps its own time beside the
 * server's. Messages are not monitored around the clock: the app says so beside the box, with the
 * organisation's reply time and the help link (HAZ-064). Writing is refused on a closed episode.
 */

/** One message's words: trimmed, not empty, at most `messageMaxLength` characters. */
export const MessageTextSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(messageMaxLength, `must be at most ${messageMaxLength} characters`);

/** POST /api/me/messages — the client; idempotent by the phone-made id; `recordedAt` is the phone's time. */
export const SendClientMessageRequestSchema = z
  .strictObject({
    id: IdSchema,
    text: MessageTextSchema,
    recordedAt: z.iso.datetime({ offset: true, message: 'must be a date and time' }),
  })
  .meta({ id: 'SendClientMessageRequest' });
export type SendClientMessageRequest = z.input<typeof SendClientMessageRequestSchema>;

/**
 * POST /api/clients/:clientId/messages — the care team; idempotent by id. `quickReplyId` names the
 * saved reply the words came from: one deleted meanwhile is refused, and nothing is sent.
 */
export const SendStaffMessageRequestSchema = z
  .strictObject({
    id: IdSchema,
    text: MessageTextSchema,
    quickReplyId: IdSchema.optional(),
  })
  .meta({ id: 'SendStaffMessageRequest' });
export type SendStaffMessageRequest = z.input<typeof SendStaffMessageRequestSchema>;

/**
 * Who reads a client's message: the assigned practitioner; when they are away, a colleague on the
 * client's care team who is not; else whoever is on duty (the duty rota, or the site's lead), as
 * risk alerts find cover (decision 0015).
 */
export const messageRoutes = ['assigned_practitioner', 'care_team', 'duty', 'site_lead'] as const;
export type MessageRoute = (typeof messageRoutes)[number];

export const MessageSchema = z
  .object({
    id: z.uuid(),
    from: z.enum(['client', 'staff']),
    /** The staff member's name on a care-team message; null on the client's own. */
    authorName: z.string().nullable(),
    text: z.string(),
    recordedAt: z.iso.datetime(),
    receivedAt: z.iso.datetime(),
    /** When the other side read it; null while unread. */
    readAt: z.iso.datetime().nullable(),
    /** On a client's message: who it went to read, by role. Null on a care-team message. */
    route: z.enum(messageRoutes).nullable(),
  })
  .meta({ id: 'Message' });
export type Message = z.infer<typeof MessageSchema>;

/**
 * A conversation as its reader sees it. `open` is false when the episode has ended (readable,
 * not writable) or there is none. `away` is set when the assigned practitioner is away now: a new
 * message would go to the named role instead.
 */
export const ConversationSchema = z
  .object({
    episodeId: z.uuid().nullable(),
    /** The client's name, so a colleague covering knows whom they are answering. */
    clientName: z.string(),
    open: z.boolean(),
    replyWithinWorkingDays: z.number().int(),
    away: z.object({ readBy: z.enum(messageRoutes) }).nullable(),
    unread: z.number().int(),
    messages: z.array(MessageSchema),
  })
  .meta({ id: 'Conversation' });
export type Conversation = z.infer<typeof ConversationSchema>;

/** The client's unread count (their home and menu). */
export const UnreadCountSchema = z.object({ unread: z.number().int() }).meta({ id: 'UnreadCount' });
export type UnreadCount = z.infer<typeof UnreadCountSchema>;

/**
 * The practitioner's unread client messages across their caseload and what is routed to them, per
 * client with the client's name (the Messages page links to each conversation).
 */
export const CaseloadUnreadSchema = z
  .object({ unread: z.number().int(), clients: z.array(z.object({ clientId: z.uuid(), name: z.string(), unread: z.number().int() })) })
  .meta({ id: 'CaseloadUnread' });
export type CaseloadUnread = z.infer<typeof CaseloadUnreadSchema>;

export const MessageIdParamsSchema = z.strictObject({ messageId: IdSchema });

/** A practitioner's own saved reply (their words, reused; never shared with colleagues). */
export const quickReplyMaxLength = messageMaxLength;
export const AddQuickReplyRequestSchema = z.strictObject({ id: IdSchema, text: MessageTextSchema }).meta({ id: 'AddQuickReplyRequest' });
export type AddQuickReplyRequest = z.input<typeof AddQuickReplyRequestSchema>;
export const QuickReplySchema = z.object({ id: z.uuid(), text: z.string(), createdAt: z.iso.datetime() }).meta({ id: 'QuickReply' });
export type QuickReply = z.infer<typeof QuickReplySchema>;
export const QuickReplyListSchema = z.object({ items: z.array(QuickReplySchema) }).meta({ id: 'QuickReplyList' });
export const QuickReplyIdParamsSchema = z.strictObject({ quickReplyId: IdSchema });

/**
 * How often the client may be emailed about new messages in one conversation: at most once an
 * hour. A practitioner often writes two or three short messages in a row; one email covers them,
 * and an hour is short against a reply time counted in working days.
 */
export const messageEmailGapMs = 3600_000;
/** A short wait before the email, so a few messages written together make one email. */
export const messageEmailDelayMs = 2 * 60_000;

/**
 * The email telling a client a message is waiting: no content, no names, nothing clinical
 * (issue 10 item 3; HAZ-066) — a lock screen or a shared inbox shows only that Tandem wrote.
 */
export function newMessageEmail(appUrl: string): { subject: string; text: string } {
  return {
    subject: 'You have a new message in Tandem',
    text:
      `You have a new message in Tandem.\n\n` +
      `Open Tandem to read it: ${appUrl}\n\n` +
      `You get this email because you agreed to hear from Tandem by email. You can change that in Tandem under "Your choices".`,
  };
}

/**
 * When the email about a message written at `now` is due, given the emails already planned for
 * the conversation: the hour a message falls in names its email, so one hour gets one email; if
 * this hour's is taken, the next hour's (due at that hour's start) covers it.
 */
export function messageEmailSlot(now: Date, hourTaken: boolean): { hour: number; dueAt: Date } {
  const hour = Math.floor(now.getTime() / messageEmailGapMs);
  if (!hourTaken) return { hour, dueAt: new Date(now.getTime() + messageEmailDelayMs) };
  return { hour: hour + 1, dueAt: new Date((hour + 1) * messageEmailGapMs) };
}
