import { describe, expect, it } from 'vitest';
import { AwayPeriodSchema, ResponseTierSchema, RotaPeriodSchema } from './rota';
import { isSiteOpenAt, SiteHoursSchema } from './service-hours';
import { at, londonSite } from './test-factories';

const leadId = '0190a6f0-0000-7000-8000-000000000001';
const validSite = {
  timeZone: 'Europe/London',
  weekly: { monday: [{ opens: '09:00', closes: '12:30' }, { opens: '13:30', closes: '17:00' }] },
  closureDates: ['2026-12-25'],
  siteLeadStaffId: leadId,
};

describe('SiteHoursSchema', () => {
  it('accepts a site and fills in no closure dates when none are given', () => {
    const { closureDates: _, ...withoutClosures } = validSite;
    expect(SiteHoursSchema.parse(withoutClosures).closureDates).toEqual([]);
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Europe/Atlantis' }],
    ['closing before opening (overnight in one interval)', { weekly: { monday: [{ opens: '20:00', closes: '02:00' }] } }],
    ['closing as it opens', { weekly: { monday: [{ opens: '09:00', closes: '09:00' }] } }],
    ['opening at 24:00', { weekly: { monday: [{ opens: '24:00', closes: '24:00' }] } }],
    ['a time that is not HH:MM', { weekly: { monday: [{ opens: '9am', closes: '17:00' }] } }],
    ['overlapping intervals on one day', { weekly: { monday: [{ opens: '09:00', closes: '13:00' }, { opens: '12:00', closes: '17:00' }] } }],
    ['a day name that is not a day', { weekly: { funday: [] } }],
    ['a closure date that does not exist', { closureDates: ['2026-02-30'] }],
    ['a site lead who is not a staff id', { siteLeadStaffId: 'carol' }],
  ])('refuses %s', (_name, change) => {
    expect(SiteHoursSchema.safeParse({ ...validSite, ...change }).success).toBe(false);
  });

  it('accepts intervals that meet, and 24:00 as midnight', () => {
    const weekly = { friday: [{ opens: '09:00', closes: '12:00' }, { opens: '12:00', closes: '24:00' }] };
    expect(SiteHoursSchema.safeParse({ ...validSite, weekly }).success).toBe(true);
  });
});

describe('RotaPeriodSchema, AwayPeriodSchema and ResponseTierSchema', () => {
  it('reads instants with an offset into Dates', () => {
    const period = RotaPeriodSchema.parse({ staffId: leadId, startsAt: '2026-01-06T09:00:00+00:00', endsAt: '2026-01-06T17:00:00Z' });
    expect(period.startsAt).toEqual(at('2026-01-06T09:00:00Z'));
  });

  it.each([
    ['a rota period ending as it starts', () => RotaPeriodSchema.safeParse({ staffId: leadId, startsAt: '2026-01-06T09:00:00Z', endsAt: '2026-01-06T09:00:00Z' })],
    ['an away period ending before it starts', () => AwayPeriodSchema.safeParse({ staffId: leadId, from: '2026-01-06T09:00:00Z', until: '2026-01-05T09:00:00Z' })],
    ['a time without a date', () => RotaPeriodSchema.safeParse({ staffId: leadId, startsAt: '09:00', endsAt: '2026-01-06T09:00:00Z' })],
    ['a tier of zero minutes', () => ResponseTierSchema.safeParse({ tier: 'immediate', responseMinutes: 0 })],
    ['an unknown tier', () => ResponseTierSchema.safeParse({ tier: 'whenever', responseMinutes: 60 })],
  ])('refuses %s', (_name, parse) => {
    expect(parse().success).toBe(false);
  });
});

describe('isSiteOpenAt (London, 09:00–17:00 weekdays)', () => {
  it.each([
    ['Tuesday 08:59:59', '2026-01-06T08:59:59Z', false],
    ['Tuesday 09:00', '2026-01-06T09:00:00Z', true],
    ['Tuesday 16:59:59', '2026-01-06T16:59:59Z', true],
    ['Tuesday 17:00', '2026-01-06T17:00:00Z', false],
    ['Saturday 10:00', '2026-01-10T10:00:00Z', false],
    ['bank holiday Monday 10:00 BST', '2026-05-04T10:00:00+01:00', false],
    ['the Tuesday after, 09:00 BST', '2026-05-05T09:00:00+01:00', true],
    ['the Tuesday after, 08:30 UTC (09:30 BST)', '2026-05-05T08:30:00Z', true],
    ['the Tuesday after, 16:30 UTC (17:30 BST)', '2026-05-05T16:30:00Z', false],
  ])('%s (%s) → open: %s', (_name, iso, open) => {
    expect(isSiteOpenAt(londonSite, at(iso))).toBe(open);
  });
});
