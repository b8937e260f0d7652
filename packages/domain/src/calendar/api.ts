import { z } from 'zod';
import { appointmentDuration } from '../episodes/appointment';

/** POST /api/appointments/:appointmentId/reschedule — a booked appointment moved to a new time. */
export const RescheduleAppointmentRequestSchema = z
  .strictObject({
    startsAt: z.iso.datetime({ offset: true, message: 'must be a date and time' }),
    /** Unchanged when left out. */
    durationMinutes: z.number().int().min(appointmentDuration.min).max(appointmentDuration.max).optional(),
    version: z.number().int().min(1),
    /** Why it moved, in a few words (kept in the history; seen by the client too). */
    reason: z.string().trim().min(1).max(200).optional(),
  })
  .meta({ id: 'RescheduleAppointmentRequest' });

/** One move of an appointment: who, when, from and to, and why. */
export const AppointmentChangeSchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  byStaffId: z.uuid().nullable(),
  fromStartsAt: z.iso.datetime(),
  fromDurationMinutes: z.number().int(),
  toStartsAt: z.iso.datetime(),
  toDurationMinutes: z.number().int(),
  reason: z.string().nullable(),
});

/** GET /api/appointments/:appointmentId/history — every move, oldest first. */
export const AppointmentHistorySchema = z
  .object({ appointmentId: z.uuid(), changes: z.array(AppointmentChangeSchema) })
  .meta({ id: 'AppointmentHistory' });
export type AppointmentHistory = z.infer<typeof AppointmentHistorySchema>;

/**
 * GET/DELETE /api/me/calendar-feed — whether the caller has a live feed. The secret address is
 * never shown again after it was made: only that it exists, since when, and when it was last read
 * (so someone can tell if a leaked address is being used).
 */
export const CalendarFeedStateSchema = z
  .object({ active: z.boolean(), createdAt: z.iso.datetime().nullable(), lastReadAt: z.iso.datetime().nullable() })
  .meta({ id: 'CalendarFeedState' });
export type CalendarFeedState = z.infer<typeof CalendarFeedStateSchema>;

/** POST /api/me/calendar-feed — a new secret address (any earlier one stops working at once). */
export const CalendarFeedCreatedSchema = z
  .object({ url: z.url(), createdAt: z.iso.datetime() })
  .meta({ id: 'CalendarFeedCreated' });
