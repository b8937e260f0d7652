import { describe, expect, it } from 'vitest';
import type { SiteHours } from './service-hours';
import { asha, awayFor, ben, benWeek, byName, carol, dev, dutyInput, expected, londonSite, showAnswer, shift } from './test-factories';
import { whoMustSee } from './who-must-see';

// Tuesday 6 January 2026 unless said otherwise; London is on GMT, so local time is UTC.
const ashaAway = [awayFor(asha, '2026-01-05T00:00:00Z', '2026-01-10T00:00:00Z')];

describe('whoMustSee — boundaries (a stretch includes its start, excludes its end)', () => {
  it.each(
    byName([
      {
        name: 'exactly at opening time (09:00) → in hours',
        input: dutyInput('2026-01-06T09:00:00Z'),
        want: expected({ recipient: asha, reason: 'assigned_practitioner', coverageStartsAt: '2026-01-06T09:00:00Z', dueBy: '2026-01-06T10:00:00Z', outOfHours: false }),
      },
      {
        name: 'a minute before opening (08:59) → out of hours, cover at 09:00',
        input: dutyInput('2026-01-06T08:59:00Z'),
        want: expected({ recipient: asha, reason: 'assigned_practitioner', coverageStartsAt: '2026-01-06T09:00:00Z', dueBy: '2026-01-06T10:00:00Z', outOfHours: true }),
      },
      {
        name: 'a minute before closing (16:59) → in hours',
        input: dutyInput('2026-01-06T16:59:00Z'),
        want: expected({ recipient: asha, reason: 'assigned_practitioner', coverageStartsAt: '2026-01-06T16:59:00Z', dueBy: '2026-01-06T17:59:00Z', outOfHours: false }),
      },
      {
        name: 'exactly at closing time (17:00) → out of hours, next morning',
        input: dutyInput('2026-01-06T17:00:00Z'),
        want: expected({ recipient: asha, reason: 'assigned_practitioner', coverageStartsAt: '2026-01-07T09:00:00Z', dueBy: '2026-01-07T10:00:00Z', outOfHours: true }),
      },
      {
        name: 'exactly at a rota period’s start → that duty practitioner',
        input: dutyInput('2026-01-06T12:00:00Z', { rota: [shift(ben, '2026-01-06T12:00:00Z', '2026-01-06T17:00:00Z')], away: ashaAway }),
        want: expected({ recipient: ben, reason: 'duty', coverageStartsAt: '2026-01-06T12:00:00Z', dueBy: '2026-01-06T13:00:00Z', outOfHours: false }),
      },
      {
        name: 'exactly at a rota period’s end → no longer on duty: the site lead',
        input: dutyInput('2026-01-06T12:00:00Z', { rota: [shift(ben, '2026-01-06T09:00:00Z', '2026-01-06T12:00:00Z')], away: ashaAway }),
        want: expected({ recipient: carol, reason: 'site_lead', coverageStartsAt: '2026-01-06T12:00:00Z', dueBy: '2026-01-06T13:00:00Z', outOfHours: false }),
      },
      {
        name: 'exactly when the practitioner’s away period starts → away: duty',
        input: dutyInput('2026-01-06T12:00:00Z', { rota: benWeek, away: [awayFor(asha, '2026-01-06T12:00:00Z', '2026-01-06T14:00:00Z')] }),
        want: expected({ recipient: ben, reason: 'duty', coverageStartsAt: '2026-01-06T12:00:00Z', dueBy: '2026-01-06T13:00:00Z', outOfHours: false }),
      },
      {
        name: 'exactly when the practitioner’s away period ends → back: the practitioner',
        input: dutyInput('2026-01-06T14:00:00Z', { rota: benWeek, away: [awayFor(asha, '2026-01-06T12:00:00Z', '2026-01-06T14:00:00Z')] }),
        want: expected({ recipient: asha, reason: 'assigned_practitioner', coverageStartsAt: '2026-01-06T14:00:00Z', dueBy: '2026-01-06T15:00:00Z', outOfHours: false }),
      },
      {
        name: 'exactly at an on-call period’s end → not covered: next opening',
        input: dutyInput('2026-01-06T22:00:00Z', { rota: [shift(dev, '2026-01-06T17:00:00Z', '2026-01-06T22:00:00Z')] }),
        want: expected({ recipient: asha, reason: 'assigned_practitioner', coverageStartsAt: '2026-01-07T09:00:00Z', dueBy: '2026-01-07T10:00:00Z', outOfHours: true }),
      },
    ]),
  )('%s', (_name, { input, want }) => {
    expect(showAnswer(whoMustSee(input))).toEqual(want);
  });
});

describe('whoMustSee — the clocks changing in Europe/London', () => {
  it.each(
    byName([
      {
        name: 'Saturday before the March change → Monday 09:00 BST, which is 08:00 UTC',
        input: dutyInput('2026-03-28T18:00:00Z'),
        want: expected({ recipient: asha, reason: 'assigned_practitioner', coverageStartsAt: '2026-03-30T08:00:00Z', dueBy: '2026-03-30T09:00:00Z', outOfHours: true }),
      },
      {
        name: 'Monday after the March change at 08:30 UTC (09:30 BST) → in hours',
        input: dutyInput('2026-03-30T08:30:00Z'),
        want: expected({ recipient: asha, reason: 'assigned_practitioner', coverageStartsAt: '2026-03-30T08:30:00Z', dueBy: '2026-03-30T09:30:00Z', outOfHours: false }),
      },
      {
        name: 'Monday after the March change at 16:30 UTC (17:30 BST) → out of hours',
        input: dutyInput('2026-03-30T16:30:00Z'),
        want: expected({ recipient: asha, reason: 'assigned_practitioner', coverageStartsAt: '2026-03-31T08:00:00Z', dueBy: '2026-03-31T09:00:00Z', outOfHours: true }),
      },
      {
        name: 'Friday before the October change, 18:00 BST → Monday 09:00 GMT, which is 09:00 UTC',
        input: dutyInput('2026-10-23T17:00:00Z'),
        want: expected({ recipient: asha, reason: 'assigned_practitioner', coverageStartsAt: '2026-10-26T09:00:00Z', dueBy: '2026-10-26T10:00:00Z', outOfHours: true }),
      },
      {
        name: 'Monday after the October change at 08:30 UTC (08:30 GMT) → before opening',
        input: dutyInput('2026-10-26T08:30:00Z'),
        want: expected({ recipient: asha, reason: 'assigned_practitioner', coverageStartsAt: '2026-10-26T09:00:00Z', dueBy: '2026-10-26T10:00:00Z', outOfHours: true }),
      },
      {
        name: 'on-call through the repeated hour on 25 October → covered now',
        input: dutyInput('2026-10-25T01:30:00Z', { rota: [shift(dev, '2026-10-24T23:00:00Z', '2026-10-25T08:00:00Z')] }),
        want: expected({ recipient: dev, reason: 'duty', coverageStartsAt: '2026-10-25T01:30:00Z', dueBy: '2026-10-25T02:30:00Z', outOfHours: true }),
      },
    ]),
  )('%s', (_name, { input, want }) => {
    expect(showAnswer(whoMustSee(input))).toEqual(want);
  });
});

const neverOpen: SiteHours = { ...londonSite, weekly: {} };
// Open 18:00 Monday through 02:00 Tuesday: written as two intervals that meet at midnight.
const lateClinic: SiteHours = { ...londonSite, weekly: { monday: [{ opens: '18:00', closes: '24:00' }], tuesday: [{ opens: '00:00', closes: '02:00' }] } };
const lunchBreak: SiteHours = { ...londonSite, weekly: { tuesday: [{ opens: '09:00', closes: '12:30' }, { opens: '13:30', closes: '17:00' }] } };
const closedFiveWeeks: SiteHours = {
  ...londonSite,
  closureDates: Array.from({ length: 35 }, (_, i) => new Date(Date.UTC(2026, 0, 6 + i)).toISOString().slice(0, 10)),
};

describe('whoMustSee — midnight, breaks and no cover', () => {
  it.each(
    byName([
      {
        name: 'midnight inside hours that run overnight → in hours',
        input: dutyInput('2026-01-06T00:00:00Z', { siteHours: lateClinic }),
        want: expected({ recipient: asha, reason: 'assigned_practitioner', coverageStartsAt: '2026-01-06T00:00:00Z', dueBy: '2026-01-06T01:00:00Z', outOfHours: false }),
      },
      {
        name: 'exactly at 02:00 when the overnight hours close → next Monday 18:00',
        input: dutyInput('2026-01-06T02:00:00Z', { siteHours: lateClinic }),
        want: expected({ recipient: asha, reason: 'assigned_practitioner', coverageStartsAt: '2026-01-12T18:00:00Z', dueBy: '2026-01-12T19:00:00Z', outOfHours: true }),
      },
      {
        name: 'during a lunch break between two intervals → out of hours, cover when it reopens',
        input: dutyInput('2026-01-06T12:30:00Z', { siteHours: lunchBreak }),
        want: expected({ recipient: asha, reason: 'assigned_practitioner', coverageStartsAt: '2026-01-06T13:30:00Z', dueBy: '2026-01-06T14:30:00Z', outOfHours: true }),
      },
      {
        name: 'never open and no rota → the site lead from now, flagged',
        input: dutyInput('2026-01-06T10:00:00Z', { siteHours: neverOpen }),
        want: expected({ recipient: carol, reason: 'site_lead', coverageStartsAt: '2026-01-06T10:00:00Z', dueBy: '2026-01-06T11:00:00Z', outOfHours: true, noCoverFound: true }),
      },
      {
        name: 'closed for five weeks → the site lead from now, flagged',
        input: dutyInput('2026-01-06T10:00:00Z', { siteHours: closedFiveWeeks }),
        want: expected({ recipient: carol, reason: 'site_lead', coverageStartsAt: '2026-01-06T10:00:00Z', dueBy: '2026-01-06T11:00:00Z', outOfHours: true, noCoverFound: true }),
      },
      {
        name: 'on call exactly 30 days ahead → found',
        input: dutyInput('2026-01-06T10:00:00Z', { siteHours: neverOpen, rota: [shift(dev, '2026-02-05T10:00:00Z', '2026-02-05T12:00:00Z')] }),
        want: expected({ recipient: dev, reason: 'duty', coverageStartsAt: '2026-02-05T10:00:00Z', dueBy: '2026-02-05T11:00:00Z', outOfHours: true }),
      },
      {
        name: 'on call 30 days and a minute ahead → beyond the search: the site lead, flagged',
        input: dutyInput('2026-01-06T10:00:00Z', { siteHours: neverOpen, rota: [shift(dev, '2026-02-05T10:01:00Z', '2026-02-05T12:00:00Z')] }),
        want: expected({ recipient: carol, reason: 'site_lead', coverageStartsAt: '2026-01-06T10:00:00Z', dueBy: '2026-01-06T11:00:00Z', outOfHours: true, noCoverFound: true }),
      },
    ]),
  )('%s', (_name, { input, want }) => {
    expect(showAnswer(whoMustSee(input))).toEqual(want);
  });
});
