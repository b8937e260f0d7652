import { z } from 'zod';
import { ClientSummarySchema } from '../api/clients';
import { responseTiers } from '../duty/rota';

/** One reason on a worklist line (worklist.ts derives them; the web words them). */
export const WorklistReasonSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('risk_alert'), count: z.number().int(), tier: z.enum(responseTiers), dueAt: z.iso.datetime().nullable(), overdue: z.boolean() }),
    z.object({ kind: z.literal('missed_after_alert'), dueAt: z.iso.datetime(), overdue: z.boolean() }),
    z.object({
      kind: z.literal('reliable_deterioration'),
      measures: z.array(z.object({ instrument: z.enum(['phq9', 'gad7']), first: z.number().int(), last: z.number().int() })),
    }),
    z.object({ kind: z.literal('session_today'), startsAt: z.iso.datetime(), appointmentId: z.uuid() }),
    z.object({ kind: z.literal('homework_overdue'), dueOn: z.string() }),
    z.object({ kind: z.literal('no_activity'), days: z.number().int(), lastActivityAt: z.iso.datetime().nullable() }),
    z.object({ kind: z.literal('feedback_waiting'), count: z.number().int(), since: z.iso.datetime() }),
    z.object({ kind: z.literal('session_tomorrow'), startsAt: z.iso.datetime(), appointmentId: z.uuid() }),
  ])
  .meta({ id: 'WorklistReason' });

/** GET /api/worklist: the caller's caseload ordered by need, each client with its reasons. */
export const WorklistSchema = z
  .object({
    /** When it was worked out (the server's clock). */
    at: z.iso.datetime(),
    /** The "no activity" setting in force (days). */
    noActivityDays: z.number().int(),
    lines: z.array(z.object({ client: ClientSummarySchema, reasons: z.array(WorklistReasonSchema) })),
  })
  .meta({ id: 'Worklist' });
export type Worklist = z.infer<typeof WorklistSchema>;
export type WorklistLineView = Worklist['lines'][number];
