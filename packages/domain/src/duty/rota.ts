import { z } from 'zod';
import { IdSchema } from '../ids';

/**
 * The duty rota and practitioners' away periods (issue 5, "Service hours and duty cover"). Both are
 * instants, not local times: a shift is a fact about when a person is on hand, and storing it as an
 * instant keeps it right across a daylight-saving change. Periods are half-open: a period includes
 * its start and excludes its end, so back-to-back shifts hand over without overlapping.
 */

const InstantSchema = z.iso.datetime({ offset: true, message: 'must be a date and time' }).transform((value) => new Date(value));

/** Who is the duty practitioner from `startsAt` until `endsAt`. Out-of-hours (on-call) periods are allowed. */
export const RotaPeriodSchema = z
  .strictObject({ staffId: IdSchema, startsAt: InstantSchema, endsAt: InstantSchema })
  .refine((p) => p.endsAt > p.startsAt, { message: 'must end after it starts', path: ['endsAt'] })
  .meta({ id: 'RotaPeriod' });
export type RotaPeriod = z.output<typeof RotaPeriodSchema>;

/** A practitioner marked away (leave, sickness, training) from `from` until `until`. */
export const AwayPeriodSchema = z
  .strictObject({ staffId: IdSchema, from: InstantSchema, until: InstantSchema })
  .refine((p) => p.until > p.from, { message: 'must end after it starts', path: ['until'] })
  .meta({ id: 'AwayPeriod' });
export type AwayPeriod = z.output<typeof AwayPeriodSchema>;

/**
 * How fast an alert must be seen. The clinical lead sets the tiers and their minutes (issue 6,
 * "Risk pathway"; BRIEF.md: how fast each case is handled is the service's decision, not the
 * software's). A tier without minutes has no clock deadline: 'before_next_contact' is due by the
 * next appointment, which the caller knows; 'recorded' was already seen in a session.
 */
export const responseTiers = ['immediate', 'before_next_contact', 'recorded'] as const;
export type ResponseTierName = (typeof responseTiers)[number];

export const ResponseTierSchema = z
  .strictObject({
    tier: z.enum(responseTiers),
    // Up to 30 days: a longer deadline is not a response time.
    responseMinutes: z.number().int('must be a whole number').min(1).max(30 * 24 * 60).optional(),
  })
  .meta({ id: 'ResponseTier' });
export type ResponseTier = z.infer<typeof ResponseTierSchema>;

/** Whether `staffId` is marked away at `at` (from inclusive, until exclusive). */
export function isAwayAt(staffId: string, at: Date, away: readonly AwayPeriod[]): boolean {
  return away.some((p) => p.staffId === staffId && p.from <= at && at < p.until);
}

/**
 * The rota periods covering `at`, most recently started first. Two at once is a rota error that
 * `checkRota` reports; until it is fixed, the person who took over last is asked first, because at
 * a handover the outgoing person is finishing, and ties fall to staff id so the answer is stable.
 */
export function rotaPeriodsAt(rota: readonly RotaPeriod[], at: Date): RotaPeriod[] {
  return rota
    .filter((p) => p.startsAt <= at && at < p.endsAt)
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || a.staffId.localeCompare(b.staffId));
}
