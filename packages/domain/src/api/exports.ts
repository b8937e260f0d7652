import { z } from 'zod';
import { IsoDateSchema } from './fields';

/** The longest range one export covers: a year (a leap year's 366 days), as a service's yearly return would. */
export const maxExportDays = 366;

/** Days from one date to another, both 'YYYY-MM-DD' (UTC calendar arithmetic). */
export function daysFromTo(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** What is wrong with an export's range, or null: `to` on or after `from`, at most `maxExportDays` days, both inclusive. */
export function exportRangeProblem(range: { from: string; to: string }): 'order' | 'too_long' | null {
  const days = daysFromTo(range.from, range.to);
  if (days < 0) return 'order';
  if (days + 1 > maxExportDays) return 'too_long';
  return null;
}

/** GET /api/exports/service-system.zip and /api/exports/research.zip: organisation dates, both inclusive. (No component id: a querystring given as a $ref breaks @fastify/swagger.) */
export const ExportRangeQuerySchema = z
  .strictObject({ from: IsoDateSchema, to: IsoDateSchema })
  .superRefine((range, ctx) => {
    const problem = exportRangeProblem(range);
    if (problem === 'order') ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be on or after from' });
    if (problem === 'too_long') ctx.addIssue({ code: 'custom', path: ['to'], message: `must be at most ${maxExportDays} days after from` });
  });
export type ExportRangeQuery = z.infer<typeof ExportRangeQuerySchema>;
