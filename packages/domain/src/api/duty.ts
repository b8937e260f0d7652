import { z } from 'zod';
import { dutyReasons } from '../duty/who-must-see';
import { WeeklyHoursSchema } from '../duty/service-hours';
import { IdSchema } from '../ids';
import { IsoDateSchema, TimeZoneSchema } from './fields';

const InstantSchema = z.iso.datetime({ offset: true, message: 'must be a date and time' });

export const SiteIdParamsSchema = z.strictObject({ siteId: IdSchema });

/** POST /api/sites/:siteId/hours — opening hours, closure days and the site lead (admins). */
export const SetSiteHoursRequestSchema = z
  .strictObject({
    weekly: WeeklyHoursSchema,
    closureDates: z.array(IsoDateSchema).max(1000).default([]),
    siteLeadStaffId: IdSchema,
    /** The site's time zone, when it changes (hours are wall-clock times there). */
    timeZone: TimeZoneSchema.optional(),
  })
  .meta({ id: 'SetSiteHoursRequest' });

/** POST /api/sites — add a site to the organisation (admins); idempotent by id. */
export const CreateSiteRequestSchema = z
  .strictObject({
    id: IdSchema,
    name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
    timeZone: TimeZoneSchema,
  })
  .meta({ id: 'CreateSiteRequest' });

/** POST /api/sites/:siteId/rota — duty periods to add (admins). */
export const AddRotaPeriodsRequestSchema = z
  .strictObject({
    periods: z
      .array(z.strictObject({ id: IdSchema, staffId: IdSchema, startsAt: InstantSchema, endsAt: InstantSchema }))
      .min(1)
      .max(500),
  })
  .meta({ id: 'AddRotaPeriodsRequest' });

/** POST /api/me/away — a practitioner marks themself away; their alerts go to duty meanwhile. */
export const MarkAwayRequestSchema = z
  .strictObject({ id: IdSchema, from: InstantSchema, until: InstantSchema })
  .meta({ id: 'MarkAwayRequest' });

const ProblemSchema = z.object({ kind: z.enum(['overlap', 'gap', 'empty_period']), startsAt: z.iso.datetime(), endsAt: z.iso.datetime() });

/** GET /api/sites/:siteId/duty — hours, rota, the problems found in it, and who covers now. */
export const DutyOverviewSchema = z
  .object({
    site: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string() }),
    hours: z.object({ weekly: WeeklyHoursSchema, closureDates: z.array(z.string()), siteLeadStaffId: z.uuid() }).nullable(),
    rota: z.array(z.object({ id: z.uuid(), staffId: z.uuid(), startsAt: z.iso.datetime(), endsAt: z.iso.datetime() })),
    /** Overlaps and gaps in opening hours over the next 28 days: reported, never silently accepted. */
    problems: z.array(ProblemSchema),
    /** Who would be asked to see an alert raised now (without an assigned practitioner). */
    coverNow: z
      .object({ recipient: z.uuid(), reason: z.enum(dutyReasons), coverageStartsAt: z.iso.datetime(), outOfHours: z.boolean(), noCoverFound: z.boolean() })
      .nullable(),
  })
  .meta({ id: 'DutyOverview' });
export type DutyOverview = z.infer<typeof DutyOverviewSchema>;

export const AwayListSchema = z
  .object({ away: z.array(z.object({ id: z.uuid(), from: z.iso.datetime(), until: z.iso.datetime() })) })
  .meta({ id: 'AwayList' });

/** GET /api/sites — the organisation's sites, for the pages that work per site. */
export const SiteSchema = z.object({ id: z.uuid(), name: z.string(), timeZone: z.string() }).meta({ id: 'Site' });
export const SiteListSchema = z.object({ sites: z.array(SiteSchema) }).meta({ id: 'SiteList' });
export type SiteList = z.infer<typeof SiteListSchema>;
