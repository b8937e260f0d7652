import { z } from 'zod';
import { appointmentPurposes, BookAppointmentRequestSchema, AppointmentSchema } from '../episodes/appointment';
import { exerciseIds } from '../content/module';
import { IdSchema } from '../ids';
import { instrumentIds } from '../measures/instruments';
import { severityBandIds } from '../measures/scoring';
import { planComponents, type PlanStep } from '../plans/plan';
import { AgendaItemSchema } from '../agenda/agenda';
import { HomeworkAssignmentSchema, HomeworkInputSchema } from './homework';

/**
 * Session mode, the "together" view (issue 8 item 6; decision 0023): what the practitioner and
 * the client look at together in the session, on one screen (BRIEF.md B1: nothing in a session
 * requires juggling screens). Only this client's data: no caseload, no other names, no
 * notifications, no internal or colleagues' notes, and no private entry's words.
 */

/** Check-ins since the last session, summarised (BRIEF.md B2: summaries, not raw data). */
export interface CheckInSummary {
  count: number;
  mean: number | null;
  lowest: number | null;
}

/** Count, mean (one decimal) and lowest of mood ratings; null mean and lowest with none. */
export function summariseCheckIns(moods: readonly number[]): CheckInSummary {
  if (!moods.length) return { count: 0, mean: null, lowest: null };
  const mean = Math.round((moods.reduce((a, b) => a + b, 0) / moods.length) * 10) / 10;
  return { count: moods.length, mean, lowest: Math.min(...moods) };
}

/**
 * The plan's step for a session: the face-to-face steps in order, the next one after those already
 * delivered. Until sessions record which step they delivered, "delivered" is the number of sessions
 * of the episode attended before this one; null past the plan's end or without face-to-face steps.
 */
export function planStepForSession(steps: readonly PlanStep[], sessionsAttendedBefore: number): PlanStep | null {
  return steps.filter((s) => s.mode === 'face_to_face')[sessionsAttendedBefore] ?? null;
}

const EntrySeenSchema = z.object({ id: z.uuid(), exercise: z.enum(exerciseIds), title: z.string(), submittedAt: z.iso.datetime() });

/** GET /api/appointments/:appointmentId/together */
export const TogetherViewSchema = z
  .object({
    appointment: z.object({ id: z.uuid(), startsAt: z.iso.datetime(), durationMinutes: z.number().int(), purpose: z.enum(appointmentPurposes), status: z.string(), version: z.number().int() }),
    /** The given name only: the screen is shared with the client. */
    client: z.object({ givenName: z.string() }),
    sinceLastSession: z.object({
      /** The start of the last attended session of this episode, else the episode's opening. */
      from: z.iso.datetime(),
      checkIns: z.object({ count: z.number().int(), mean: z.number().nullable(), lowest: z.number().int().nullable() }),
      stepsDone: z.array(z.object({ moduleId: z.string(), stepId: z.string(), title: z.string() })),
      /** Shared entries sent since then; private ones are only counted. */
      entries: z.array(EntrySeenSchema),
      privateEntries: z.number().int(),
      questionnaires: z.array(z.object({ instrument: z.enum(instrumentIds), total: z.number().int(), band: z.enum(severityBandIds), authoredAt: z.iso.datetime() })),
    }),
    /** The homework due before this session, to go through together; null if none was set. */
    homeworkToReview: HomeworkAssignmentSchema.nullable(),
    /** The client's open "things I want to talk about". */
    agenda: z.array(AgendaItemSchema),
    /** The questionnaires of this session: done (with the score) or still to do. */
    measuresToday: z.array(z.object({ instrument: z.enum(instrumentIds), status: z.enum(['due', 'done']), total: z.number().int().nullable(), band: z.enum(severityBandIds).nullable() })),
    planStepForToday: z.object({ id: z.uuid(), component: z.enum(planComponents), purpose: z.string(), plannedWeek: z.number().int().nullable() }).nullable(),
  })
  .meta({ id: 'TogetherView' });
export type TogetherView = z.infer<typeof TogetherViewSchema>;

/**
 * POST /api/appointments/:appointmentId/end-session — the one-flow ending, all or nothing: this
 * appointment attended, the next booked, homework for it set, agenda items discussed. Each part
 * keeps its own id, so a retry answers the same result.
 */
export const EndSessionRequestSchema = z
  .strictObject({
    attended: z.literal(true),
    /** Attended, but late (counts as attended). */
    late: z.boolean().default(false),
    homework: HomeworkInputSchema.optional(),
    /** Booked as `POST …/appointments` books, always ahead (no recording of past times here). */
    nextAppointment: BookAppointmentRequestSchema.omit({ recordingPast: true }).optional(),
    agendaDiscussed: z.array(IdSchema).max(50).default([]),
  })
  .meta({ id: 'EndSessionRequest' });
export type EndSessionRequest = z.input<typeof EndSessionRequestSchema>;

export const EndSessionResultSchema = z
  .object({
    appointment: AppointmentSchema,
    nextAppointment: AppointmentSchema.nullable(),
    homework: HomeworkAssignmentSchema.nullable(),
    agendaDiscussed: z.array(z.uuid()),
  })
  .meta({ id: 'EndSessionResult' });
export type EndSessionResult = z.infer<typeof EndSessionResultSchema>;
