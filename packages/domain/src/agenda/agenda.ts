import { z } from 'zod';
import { IdSchema } from '../ids';

/**
 * "Things I want to talk about" (issue 8 item 5; decision 0023): the client notes agenda items
 * between sessions; they appear in the practitioner's brief and the session agenda until marked
 * discussed. Written on the phone and sent through the outbox, like check-ins (decision 0013).
 * The app shows the not-monitored notice and the help link beside the field (BRIEF.md, safety
 * principles; HAZ-045): nobody reads an agenda item before the session.
 */
export const agendaItemMaxLength = 500;

/** POST /api/me/agenda-items — idempotent by the phone-made id; `recordedAt` is the phone's time. */
export const AddAgendaItemRequestSchema = z
  .strictObject({
    id: IdSchema,
    text: z.string().trim().min(1, 'must not be empty').max(agendaItemMaxLength, `must be at most ${agendaItemMaxLength} characters`),
    recordedAt: z.iso.datetime({ offset: true, message: 'must be a date and time' }),
  })
  .meta({ id: 'AddAgendaItemRequest' });
export type AddAgendaItemRequest = z.input<typeof AddAgendaItemRequestSchema>;

export const agendaItemStatuses = ['open', 'discussed', 'removed'] as const;

export const AgendaItemSchema = z
  .object({
    id: z.uuid(),
    text: z.string(),
    status: z.enum(agendaItemStatuses),
    recordedAt: z.iso.datetime(),
    receivedAt: z.iso.datetime(),
    /** Set once it was talked about, with the appointment it was talked about in. */
    discussedAt: z.iso.datetime().nullable(),
    discussedAppointmentId: z.uuid().nullable(),
  })
  .meta({ id: 'AgendaItem' });
export type AgendaItem = z.infer<typeof AgendaItemSchema>;
export const AgendaItemListSchema = z.object({ items: z.array(AgendaItemSchema) }).meta({ id: 'AgendaItemList' });

export const AgendaItemIdParamsSchema = z.strictObject({ agendaItemId: IdSchema });

/** POST /api/agenda-items/:agendaItemId/discussed — the care team, in (or after) a session. */
export const MarkAgendaItemDiscussedRequestSchema = z.strictObject({ appointmentId: IdSchema }).meta({ id: 'MarkAgendaItemDiscussedRequest' });
