import { describe, expect, it } from 'vitest';
import { checkRota, type RotaProblem } from './check-rota';
import type { RotaPeriod } from './rota';
import type { SiteHours } from './service-hours';
import { at, ben, benWeek, byName, dev, londonSite, shift } from './test-factories';

/** Problems as plain text, e.g. 'gap 2026-01-06T12:00 → 13:00', so the table reads at a glance. */
function describeProblem(p: RotaProblem): string {
  const span = `${p.startsAt.toISOString().slice(0, 16)} → ${p.endsAt.toISOString().slice(0, 16)}`;
  if (p.kind === 'overlap') return `overlap ${span} ${p.periods[0].staffId}+${p.periods[1].staffId}`;
  return `${p.kind} ${span}`;
}

const week = { from: at('2026-01-05T00:00:00Z'), to: at('2026-01-12T00:00:00Z') };
const tuesday = { from: at('2026-01-06T00:00:00Z'), to: at('2026-01-07T00:00:00Z') };
const allDay = [{ opens: '00:00', closes: '24:00' }];
const openEverySunday: SiteHours = { ...londonSite, weekly: { sunday: allDay } };

describe('checkRota', () => {
  it.each(
    byName<{ name: string; rota: RotaPeriod[]; siteHours?: SiteHours; window?: { from: Date; to: Date }; want: string[] }>([
      { name: 'a full week of cover → no problems', rota: benWeek, want: [] },
      {
        name: 'back-to-back shifts → no overlap, no gap',
        rota: [shift(ben, '2026-01-06T09:00:00Z', '2026-01-06T13:00:00Z'), shift(dev, '2026-01-06T13:00:00Z', '2026-01-06T17:00:00Z')],
        window: tuesday,
        want: [],
      },
      {
        name: 'an hour uncovered at lunchtime → one gap',
        rota: [shift(ben, '2026-01-06T09:00:00Z', '2026-01-06T12:00:00Z'), shift(dev, '2026-01-06T13:00:00Z', '2026-01-06T17:00:00Z')],
        window: tuesday,
        want: ['gap 2026-01-06T12:00 → 2026-01-06T13:00'],
      },
      {
        name: 'nobody rostered on Tuesday → the whole opening day is a gap',
        rota: benWeek.filter((p) => p.startsAt.getUTCDate() !== 6),
        want: ['gap 2026-01-06T09:00 → 2026-01-06T17:00'],
      },
      {
        name: 'two people at once → an overlap for the shared hour',
        rota: [shift(ben, '2026-01-06T09:00:00Z', '2026-01-06T14:00:00Z'), shift(dev, '2026-01-06T13:00:00Z', '2026-01-06T17:00:00Z')],
        window: tuesday,
        want: ['overlap 2026-01-06T13:00 → 2026-01-06T14:00 ben+dev'],
      },
      {
        name: 'the same shift entered twice → an overlap',
        rota: [shift(ben, '2026-01-06T09:00:00Z', '2026-01-06T17:00:00Z'), shift(ben, '2026-01-06T09:00:00Z', '2026-01-06T17:00:00Z')],
        window: tuesday,
        want: ['overlap 2026-01-06T09:00 → 2026-01-06T17:00 ben+ben'],
      },
      {
        name: 'an overlap and a gap together → both, in time order',
        rota: [shift(ben, '2026-01-06T09:00:00Z', '2026-01-06T12:00:00Z'), shift(dev, '2026-01-06T11:00:00Z', '2026-01-06T15:00:00Z')],
        window: tuesday,
        want: ['overlap 2026-01-06T11:00 → 2026-01-06T12:00 ben+dev', 'gap 2026-01-06T15:00 → 2026-01-06T17:00'],
      },
      {
        name: 'no on-call at night or at the weekend → not a gap (only opening hours count)',
        rota: benWeek,
        window: { from: at('2026-01-09T00:00:00Z'), to: at('2026-01-12T09:00:00Z') },
        want: [],
      },
      {
        name: 'a closure date with no rota → not a gap',
        rota: [],
        window: { from: at('2026-05-04T00:00:00+01:00'), to: at('2026-05-05T00:00:00+01:00') },
        want: [],
      },
      {
        name: 'a gap is cut to the window asked about',
        rota: [],
        window: { from: at('2026-01-06T10:00:00Z'), to: at('2026-01-06T11:30:00Z') },
        want: ['gap 2026-01-06T10:00 → 2026-01-06T11:30'],
      },
      {
        name: 'a period that ends before it starts → reported, and covers nothing',
        rota: [shift(ben, '2026-01-06T17:00:00Z', '2026-01-06T09:00:00Z')],
        window: tuesday,
        want: ['gap 2026-01-06T09:00 → 2026-01-06T17:00', 'empty_period 2026-01-06T17:00 → 2026-01-06T09:00'],
      },
      {
        name: 'open all day on the Sunday the clocks go forward → a 23-hour gap',
        rota: [],
        siteHours: openEverySunday,
        window: { from: at('2026-03-29T00:00:00Z'), to: at('2026-03-30T00:00:00Z') },
        want: ['gap 2026-03-29T00:00 → 2026-03-29T23:00'],
      },
      {
        name: 'open all day on the Sunday the clocks go back → a 25-hour gap',
        rota: [],
        siteHours: openEverySunday,
        window: { from: at('2026-10-24T12:00:00Z'), to: at('2026-10-26T12:00:00Z') },
        want: ['gap 2026-10-24T23:00 → 2026-10-26T00:00'],
      },
    ]),
  )('%s', (_name, { rota, siteHours, window, want }) => {
    const { from, to } = window ?? week;
    expect(checkRota(rota, siteHours ?? londonSite, from, to).map(describeProblem)).toEqual(want);
  });
});
