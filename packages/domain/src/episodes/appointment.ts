import { z } from 'zod';
import { IdSchema } from '../ids';

/**
 * The appointment record. Purpose and contact method are what NHS Talking Therapies need to count
 * "finished treatment": an ended referral with at least two attended *treatment* appointments,
 * attended on time or late; assessment-only and review contacts do not count (BRIEF.md,
 * "Measures"; NHS England Talking Therapies metadata).
 */
export const appointmentPurposes = ['assessment', 'treatment', 'review'] as const;
export const contactMethods = ['face_to_face', 'phone', 'video', 'supported_digital'] as const;
export const appointmentStatuses = ['booked', 'attended', 'attended_late', 'did_not_attend', 'cancelled_by_client', 'cancelled_by_service'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/** Statuses that say the appointment took place (attended on time or late). */
export const attendedStatuses: readonly AppointmentStatus[] = ['attended', 'attended_late'];
/** Statuses that free the practitioner's time (not counted as a clash). */
export const cancelledStatuses: readonly AppointmentStatus[] = ['cancelled_by_client', 'cancelled_by_service'];
/** Outcome statuses that only make sense once the appointment has started. */
export const outcomeStatuses: readonly AppointmentStatus[] = ['attended', 'attended_late', 'did_not_attend'];

/** Appointments last 5 minutes to 3 hours (NHS Talking Therapies contacts are 30–60 minutes). */
export const appointmentDuration = { min: 5, max: 180 } as const;

/** Whether two appointments [start, start + minutes) overlap. Touching end to start is no clash. */
export function appointmentsOverlap(a: { startsAt: Date; durationMinutes: number }, b: { startsAt: Date; durationMinutes: number }): boolean {
  const aEnd = a.startsAt.getTime() + a.durationMinutes * 60_000;
  const bEnd = b.startsAt.getTime() + b.durationMinutes * 60_000;
  return a.startsAt.getTime() < bEnd && b.startsAt.getTime() < aEnd;
}

/** POST /api/episodes/:episodeId/appointments */
export const BookAppointmentRequestSchema = z
  .strictObject({
    id: IdSchema,
    startsAt: z.iso.datetime({ offset: true, message: 'must be a date and time' }),
    durationMinutes: z.number().int().min(appointmentDuration.min).max(appointmentDuration.max),
    purpose: z.enum(appointmentPurposes),
    contactMethod: z.enum(contactMethods),
    /** Defaults to the episode's assigned practitioner. */
    practitionerId: IdSchema.optional(),
    /** Recording an appointment that already happened must be said explicitly. */
    recordingPast: z.boolean().default(false),
  })
  .meta({ id: 'BookAppointmentRequest' });

export const AppointmentIdParamsSchema = z.strictObject({ appointmentId: IdSchema });

export const ChangeAppointmentStatusRequestSchema = z
  .strictObject({
    status: z.enum(appointmentStatuses).exclude(['booked']),
    version: z.number().int().min(1),
  })
  .meta({ id: 'ChangeAppointmentStatusRequest' });

export const AppointmentSchema = z
  .object({
    id: z.uuid(),
    /** A short opaque reference, the same one a practitioner's calendar feed shows. */
    reference: z.string(),
    episodeId: z.uuid(),
    clientId: z.uuid(),
    practitionerId: z.uuid(),
    startsAt: z.iso.datetime(),
    durationMinutes: z.number().int(),
    purpose: z.enum(appointmentPurposes),
    contactMethod: z.enum(contactMethods),
    status: z.enum(appointmentStatuses),
    version: z.number().int(),
    history: z.array(z.object({ at: z.iso.datetime(), byStaffId: z.uuid().nullable(), from: z.string().nullable(), to: z.string() })),
  })
  .meta({ id: 'Appointment' });
export type Appointment = z.infer<typeof AppointmentSchema>;
export const AppointmentListSchema = z.object({ appointments: z.array(AppointmentSchema) }).meta({ id: 'AppointmentList' });
