import { z } from 'zod';
import { exerciseIds } from '../content/module';
import { responseTiers } from '../duty/rota';
import { appointmentPurposes } from '../episodes/appointment';
import { severityBandIds } from '../measures/scoring';
import { planComponents, planModes } from '../plans/plan';
import { riskAlertStatuses, riskTriggers } from '../risk/api';
import { driftFlagCodes } from '../sessions/protocol-map';

/**
 * GET /api/clients/:clientId/brief — the one-minute pre-session brief (issue 9 item 2; decision
 * 0026). Built by `buildBrief` from data already loaded; lists are capped and free text is cut to
 * a few words, with the number left out always said ("and 4 more"), so the brief stays within
 * `briefWordLimit` words whatever the client did.
 */

const Day = z.iso.date();
const Instant = z.iso.datetime();

export const briefHomeworkStatuses = ['done', 'partly', 'not_done'] as const;
export type BriefHomeworkStatus = (typeof briefHomeworkStatuses)[number];
export const moodDirections = ['higher', 'lower', 'steady', 'too_few'] as const;
export type MoodDirection = (typeof moodDirections)[number];
export const briefFocusCodes = ['risk_first', 'reliable_deterioration', 'homework_review', 'client_agenda', 'plan_step', 'drift'] as const;
export type BriefFocusCode = (typeof briefFocusCodes)[number];

const ReliableSchema = z.enum(['improved', 'deteriorated', 'none']);
const StepSchema = z.object({
  mode: z.enum(planModes),
  component: z.enum(planComponents),
  /** The step's purpose, cut to `briefCaps.purposeWords` words. */
  purpose: z.string(),
  purposeCut: z.boolean(),
  plannedWeek: z.number().int().nullable(),
});

export const BriefSchema = z
  .object({
    clientId: z.uuid(),
    episodeId: z.uuid(),
    /** When the data was read: the brief says "as of" this, so an old printout is seen as old. */
    generatedAt: Instant,
    timeZone: z.string(),
    /** The next booked appointment of the open episode; null when none is booked. */
    nextAppointment: z.object({ id: z.uuid(), startsAt: Instant, durationMinutes: z.number().int(), purpose: z.enum(appointmentPurposes) }).nullable(),
    /** From the last attended session (else the referral's opening) to now. */
    period: z.object({ since: z.enum(['last_session', 'referral_opened']), from: Instant, fromDay: Day, toDay: Day, days: z.number().int() }),
    /** The homework due at the next session (else the newest set in the period); null when none. */
    homework: z
      .object({
        id: z.uuid(),
        dueOn: Day,
        counts: z.object({ done: z.number().int(), partly: z.number().int(), notDone: z.number().int() }),
        items: z.array(
          z.object({
            kind: z.enum(['step', 'exercise']),
            moduleId: z.string(),
            stepId: z.string().nullable(),
            exerciseId: z.enum(exerciseIds).nullable(),
            title: z.string(),
            titleCut: z.boolean(),
            status: z.enum(briefHomeworkStatuses),
            /** The shared entry sent for it, to open; null for a step or a private entry. */
            entryId: z.uuid().nullable(),
          }),
        ),
        /** Items not listed (counted in `counts`). */
        more: z.number().int(),
      })
      .nullable(),
    mood: z.object({
      count: z.number().int(),
      low: z.number().int().nullable(),
      high: z.number().int().nullable(),
      mean: z.number().nullable(),
      direction: z.enum(moodDirections),
      /** Each day of the period (at most `briefCaps.moodDays`, the latest), for a sparkline. */
      days: z.array(z.object({ date: Day, mood: z.number().nullable(), count: z.number().int() })),
    }),
    measures: z.array(
      z.object({
        instrument: z.enum(['phq9', 'gad7']),
        latest: z.object({ total: z.number().int(), at: Instant, band: z.enum(severityBandIds), bandMin: z.number().int(), bandMax: z.number().int(), inPeriod: z.boolean() }).nullable(),
        sincePrevious: z.object({ change: z.number().int() }).nullable(),
        sinceFirst: z.object({ first: z.number().int(), change: z.number().int(), reliable: ReliableSchema }).nullable(),
      }),
    ),
    /** Risk alerts raised in the period or still open, and positive PHQ-9 question 9 answers in it. */
    flagged: z.object({
      items: z.array(
        z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('risk_alert'), id: z.uuid(), trigger: z.enum(riskTriggers), tier: z.enum(responseTiers), status: z.enum(riskAlertStatuses), at: Instant, answerValue: z.number().int().nullable() }),
          z.object({ kind: z.literal('item9_answer'), responseId: z.uuid(), value: z.number().int(), at: Instant }),
        ]),
      ),
      /** Flagged items not listed: never dropped without saying how many. */
      more: z.number().int(),
      openAlerts: z.number().int(),
    }),
    agenda: z.object({ items: z.array(z.object({ id: z.uuid(), text: z.string(), textCut: z.boolean() })), more: z.number().int() }),
    plan: z
      .object({
        delivered: z.number().int(),
        total: z.number().int(),
        current: StepSchema.nullable(),
        next: StepSchema.nullable(),
        drift: z.array(z.enum(driftFlagCodes)),
      })
      .nullable(),
    focus: z.array(z.object({ code: z.enum(briefFocusCodes), component: z.enum(planComponents).nullable(), drift: z.enum(driftFlagCodes).nullable() })),
  })
  .meta({ id: 'PreSessionBrief' });
export type Brief = z.infer<typeof BriefSchema>;

/** The brief, or null when the client has no open episode (nothing to prepare for). */
export const BriefResponseSchema = z.object({ brief: BriefSchema.nullable() }).meta({ id: 'PreSessionBriefResponse' });
export type BriefResponse = z.infer<typeof BriefResponseSchema>;
