import { z } from 'zod';

/** The figures API (issue 9 item 5, decision 0028). */

const Interval = z.object({ low: z.number(), high: z.number() });
export const RateFigureSchema = z
  .object({
    suppressed: z.boolean(),
    numerator: z.number().int().nullable(),
    denominator: z.number().int().nullable(),
    rate: z.number().nullable(),
    ci: Interval.nullable(),
  })
  .meta({ id: 'RateFigure' });
/** A rate figure as it travels (see `RateFigure` in rates.ts for the stricter shape). */
export type RateFigureView = z.infer<typeof RateFigureSchema>;

export const EngagementFiguresSchema = z
  .object({
    clients: z.number().int(),
    meanActiveDays: z.number().nullable(),
    activeClients: RateFigureSchema,
    stepsCompleted: z.number().int().nullable(),
    homeworkCompletion: RateFigureSchema,
    checkInAdherence: RateFigureSchema,
  })
  .meta({ id: 'EngagementFigures' });

export const OutcomeFiguresSchema = z
  .object({
    finished: z.number().int().nullable(),
    recovery: RateFigureSchema,
    reliableImprovement: RateFigureSchema,
    reliableDeterioration: RateFigureSchema,
    reliableRecovery: RateFigureSchema,
  })
  .meta({ id: 'OutcomeFigures' });

/** Work the practitioner wrote in the week. (Messages written join this when messages exist.) */
export const WorkWrittenSchema = z.object({ feedback: z.number().int(), sessionNotes: z.number().int(), messages: z.number().int() }).meta({ id: 'WorkWritten' });

export const ActiveTimeSchema = z
  .object({
    /** Seconds of active time in clients' records, Monday to Sunday. */
    days: z.array(z.object({ date: z.iso.date(), seconds: z.number().int() })).length(7),
    totalSeconds: z.number().int(),
    /** Clients whose records had any active time this week. */
    clients: z.number().int(),
  })
  .meta({ id: 'ActiveTime' });

/** GET /api/figures/me — the signed-in practitioner's own week. */
export const OwnWeekFiguresSchema = z
  .object({
    weekStart: z.iso.date(),
    weekEnd: z.iso.date(),
    activeTime: ActiveTimeSchema,
    workWritten: WorkWrittenSchema,
    /** Their clients' engagement (open episodes assigned to them). */
    engagement: EngagementFiguresSchema,
    minCount: z.number().int(),
  })
  .meta({ id: 'OwnWeekFigures' });
export type OwnWeekFigures = z.infer<typeof OwnWeekFiguresSchema>;

const GroupFigures = z.object({
  activeSeconds: z.number().int(),
  workWritten: WorkWrittenSchema,
  engagement: EngagementFiguresSchema,
  outcomes: OutcomeFiguresSchema,
});

/** GET /api/figures/supervision — the service's figures and each supervisee's (supervisors). */
export const SupervisionFiguresSchema = z
  .object({
    weekStart: z.iso.date(),
    weekEnd: z.iso.date(),
    /** Outcomes count episodes that ended in these 12 months up to the week's end. */
    outcomesFrom: z.iso.date(),
    outcomesTo: z.iso.date(),
    minCount: z.number().int(),
    service: GroupFigures,
    supervisees: z.array(GroupFigures.extend({ practitionerId: z.uuid(), practitionerName: z.string() })),
  })
  .meta({ id: 'SupervisionFigures' });
export type SupervisionFigures = z.infer<typeof SupervisionFiguresSchema>;
