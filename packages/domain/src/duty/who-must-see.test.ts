import { describe, expect, it } from 'vitest';
import { asha, awayFor, ben, benWeek, byName, carol, dev, dutyInput, expected, londonSite, showAnswer, shift } from './test-factories';
import { whoMustSee } from './who-must-see';

// Tuesday 6 January 2026 unless said otherwise; London is on GMT, so local time is UTC.
const ashaAwayAllWeek = [awayFor(asha, '2026-01-05T00:00:00Z', '2026-01-10T00:00:00Z')];

describe('whoMustSee — in opening hours', () => {
  it.each(
    byName([
      {
        name: 'practitioner available → the practitioner, now',
        input: dutyInput('2026-01-06T10:00:00Z', { rota: benWeek }),
        want: expected({ recipient: asha, reason: 'assigned_practitioner', coverageStartsAt: '2026-01-06T10:00:00Z', dueBy: '2026-01-06T11:00:00Z', outOfHours: false }),
      },
      {
        name: 'practitioner away → duty, now',
        input: dutyInput('2026-01-06T10:00:00Z', { rota: benWeek, away: ashaAwayAllWeek }),
        want: expected({ recipient: ben, reason: 'duty', coverageStartsAt: '2026-01-06T10:00:00Z', dueBy: '2026-01-06T11:00:00Z', outOfHours: false }),
      },
      {
        name: 'practitioner in session mode → duty, now',
        input: dutyInput('2026-01-06T10:00:00Z', { rota: benWeek, inSessionStaffIds: [asha] }),
        want: expected({ recipient: ben, reason: 'duty', coverageStartsAt: '2026-01-06T10:00:00Z', dueBy: '2026-01-06T11:00:00Z', outOfHours: false }),
      },
      {
        name: 'no practitioner assigned → duty, now',
        input: dutyInput('2026-01-06T10:00:00Z', { rota: benWeek, assignedPractitionerId: null }),
        want: expected({ recipient: ben, reason: 'duty', coverageStartsAt: '2026-01-06T10:00:00Z', dueBy: '2026-01-06T11:00:00Z', outOfHours: false }),
      },
      {
        name: 'practitioner away and a gap in the rota → the site lead, now',
        input: dutyInput('2026-01-06T13:00:00Z', { rota: [shift(ben, '2026-01-06T09:00:00Z', '2026-01-06T12:00:00Z')], away: ashaAwayAllWeek }),
        want: expected({ recipient: carol, reason: 'site_lead', coverageStartsAt: '2026-01-06T13:00:00Z', dueBy: '2026-01-06T14:00:00Z', outOfHours: false }),
      },
      {
        name: 'practitioner and duty both away → the site lead, now',
        input: dutyInput('2026-01-06T10:00:00Z', { rota: benWeek, away: [...ashaAwayAllWeek, awayFor(ben, '2026-01-06T00:00:00Z', '2026-01-07T00:00:00Z')] }),
        want: expected({ recipient: carol, reason: 'site_lead', coverageStartsAt: '2026-01-06T10:00:00Z', dueBy: '2026-01-06T11:00:00Z', outOfHours: false }),
      },
      {
        name: 'practitioner and duty both in session mode → the site lead, now',
        input: dutyInput('2026-01-06T10:00:00Z', { rota: benWeek, inSessionStaffIds: [asha, ben] }),
        want: expected({ recipient: carol, reason: 'site_lead', coverageStartsAt: '2026-01-06T10:00:00Z', dueBy: '2026-01-06T11:00:00Z', outOfHours: false }),
      },
      {
        name: 'two on the rota at once → the one who took over last',
        input: dutyInput('2026-01-06T13:00:00Z', { rota: [...benWeek, shift(dev, '2026-01-06T12:00:00Z', '2026-01-06T14:00:00Z')], away: ashaAwayAllWeek }),
        want: expected({ recipient: dev, reason: 'duty', coverageStartsAt: '2026-01-06T13:00:00Z', dueBy: '2026-01-06T14:00:00Z', outOfHours: false }),
      },
    ]),
  )('%s', (_name, { input, want }) => {
    expect(showAnswer(whoMustSee(input))).toEqual(want);
  });
});

describe('whoMustSee — out of hours', () => {
  it.each(
    byName([
      {
        name: 'Tuesday evening, practitioner back by morning → the practitioner at Wednesday 09:00',
        input: dutyInput('2026-01-06T19:00:00Z', { rota: benWeek, away: [awayFor(asha, '2026-01-05T09:00:00Z', '2026-01-07T08:00:00Z')] }),
        want: expected({ recipient: asha, reason: 'assigned_practitioner', coverageStartsAt: '2026-01-07T09:00:00Z', dueBy: '2026-01-07T10:00:00Z', outOfHours: true }),
      },
      {
        name: 'Tuesday evening, practitioner away until 09:30 → duty at Wednesday 09:00',
        input: dutyInput('2026-01-06T19:00:00Z', { rota: benWeek, away: [awayFor(asha, '2026-01-05T09:00:00Z', '2026-01-07T09:30:00Z')] }),
        want: expected({ recipient: ben, reason: 'duty', coverageStartsAt: '2026-01-07T09:00:00Z', dueBy: '2026-01-07T10:00:00Z', outOfHours: true }),
      },
      {
        name: 'Tuesday evening, practitioner still away and no duty in the morning → the site lead at 09:00',
        input: dutyInput('2026-01-06T19:00:00Z', { away: ashaAwayAllWeek }),
        want: expected({ recipient: carol, reason: 'site_lead', coverageStartsAt: '2026-01-07T09:00:00Z', dueBy: '2026-01-07T10:00:00Z', outOfHours: true }),
      },
      {
        name: 'in session mode now does not carry over to the next morning',
        input: dutyInput('2026-01-06T19:00:00Z', { inSessionStaffIds: [asha] }),
        want: expected({ recipient: asha, reason: 'assigned_practitioner', coverageStartsAt: '2026-01-07T09:00:00Z', dueBy: '2026-01-07T10:00:00Z', outOfHours: true }),
      },
      {
        name: 'Friday evening → Monday 09:00',
        input: dutyInput('2026-01-09T18:00:00Z'),
        want: expected({ recipient: asha, reason: 'assigned_practitioner', coverageStartsAt: '2026-01-12T09:00:00Z', dueBy: '2026-01-12T10:00:00Z', outOfHours: true }),
      },
      {
        name: 'Friday evening before the Early May bank holiday → Tuesday 09:00 BST',
        input: dutyInput('2026-05-01T17:30:00+01:00'),
        want: expected({ recipient: asha, reason: 'assigned_practitioner', coverageStartsAt: '2026-05-05T09:00:00+01:00', dueBy: '2026-05-05T10:00:00+01:00', outOfHours: true }),
      },
      {
        name: 'on the bank holiday Monday at 10:00 (a closure date) → Tuesday 09:00 BST',
        input: dutyInput('2026-05-04T10:00:00+01:00'),
        want: expected({ recipient: asha, reason: 'assigned_practitioner', coverageStartsAt: '2026-05-05T08:00:00Z', dueBy: '2026-05-05T09:00:00Z', outOfHours: true }),
      },
      {
        name: 'an on-call period covers the evening → the on-call practitioner, now',
        input: dutyInput('2026-01-06T22:00:00Z', { rota: [...benWeek, shift(dev, '2026-01-06T17:00:00Z', '2026-01-07T09:00:00Z')] }),
        want: expected({ recipient: dev, reason: 'duty', coverageStartsAt: '2026-01-06T22:00:00Z', dueBy: '2026-01-06T23:00:00Z', outOfHours: true }),
      },
      {
        name: 'Saturday, on call on Sunday only → the on-call practitioner at Sunday 10:00',
        input: dutyInput('2026-01-10T12:00:00Z', { rota: [shift(dev, '2026-01-11T10:00:00Z', '2026-01-11T16:00:00Z')] }),
        want: expected({ recipient: dev, reason: 'duty', coverageStartsAt: '2026-01-11T10:00:00Z', dueBy: '2026-01-11T11:00:00Z', outOfHours: true }),
      },
      {
        name: 'on-call period starting before the next opening → its start',
        input: dutyInput('2026-01-06T19:00:00Z', { rota: [shift(dev, '2026-01-07T07:00:00Z', '2026-01-07T09:00:00Z')] }),
        want: expected({ recipient: dev, reason: 'duty', coverageStartsAt: '2026-01-07T07:00:00Z', dueBy: '2026-01-07T08:00:00Z', outOfHours: true }),
      },
      {
        name: 'on-call practitioner away at first → when they come back during the period',
        input: dutyInput('2026-01-06T20:00:00Z', {
          rota: [shift(dev, '2026-01-06T17:00:00Z', '2026-01-07T09:00:00Z')],
          away: [awayFor(dev, '2026-01-06T12:00:00Z', '2026-01-06T23:00:00Z')],
        }),
        want: expected({ recipient: dev, reason: 'duty', coverageStartsAt: '2026-01-06T23:00:00Z', dueBy: '2026-01-07T00:00:00Z', outOfHours: true }),
      },
      {
        name: 'on-call practitioner in session mode now → they are not on hand; next opening',
        input: dutyInput('2026-01-06T20:00:00Z', { rota: [shift(dev, '2026-01-06T17:00:00Z', '2026-01-06T21:00:00Z')], inSessionStaffIds: [dev] }),
        want: expected({ recipient: asha, reason: 'assigned_practitioner', coverageStartsAt: '2026-01-07T09:00:00Z', dueBy: '2026-01-07T10:00:00Z', outOfHours: true }),
      },
      {
        name: 'a tier without minutes → no clock deadline',
        input: dutyInput('2026-01-06T19:00:00Z', { tier: { tier: 'before_next_contact' } }),
        want: expected({ recipient: asha, reason: 'assigned_practitioner', coverageStartsAt: '2026-01-07T09:00:00Z', dueBy: null, outOfHours: true }),
      },
      {
        name: 'another time zone: 18:00 in New York → 09:00 EST next day',
        input: dutyInput('2026-01-06T23:00:00Z', { siteHours: { ...londonSite, timeZone: 'America/New_York' } }),
        want: expected({ recipient: asha, reason: 'assigned_practitioner', coverageStartsAt: '2026-01-07T09:00:00-05:00', dueBy: '2026-01-07T10:00:00-05:00', outOfHours: true }),
      },
    ]),
  )('%s', (_name, { input, want }) => {
    expect(showAnswer(whoMustSee(input))).toEqual(want);
  });

  it('never changes its inputs', () => {
    const input = dutyInput('2026-01-06T19:00:00Z', { rota: benWeek, away: ashaAwayAllWeek });
    const before = JSON.stringify(input);
    whoMustSee(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});
