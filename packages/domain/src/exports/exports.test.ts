import { describe, expect, it } from 'vitest';
import { appointmentStatuses, appointmentPurposes, contactMethods } from '../episodes/appointment';
import { exportRangeProblem, ExportRangeQuerySchema } from '../api/exports';
import { appointmentTypeCodes, attendanceCodes, contactMechanismCodes } from './codes';
import { measurePair } from './pairs';
import { ageBand, dateShiftDays, shiftDate } from './research';
import { serviceContactRows, serviceMeasureRows, serviceReferralRows, type ServiceContact, type ServiceReferral } from './service-system';

// HAZ-109: every Tandem value has a code of the same meaning or an empty cell, never the nearest code.
describe('data set codes', () => {
  it.each([
    ['attended', '5'],
    ['attended_late', '6'],
    ['did_not_attend', '3'],
    ['cancelled_by_client', '2'],
    ['cancelled_by_service', '4'],
    ['booked', null],
  ] as const)('attendance %s → %s', (status, code) => expect(attendanceCodes[status]).toBe(code));

  it.each([
    ['assessment', '01'],
    ['treatment', '02'],
    ['review', null],
  ] as const)('appointment type %s → %s', (purpose, code) => expect(appointmentTypeCodes[purpose]).toBe(code));

  it.each([
    ['face_to_face', '01'],
    ['phone', '02'],
    ['video', '11'],
    ['supported_digital', null],
  ] as const)('consultation mechanism %s → %s', (method, code) => expect(contactMechanismCodes[method]).toBe(code));

  it('has a decision (a code or a documented gap) for every Tandem value', () => {
    expect(Object.keys(attendanceCodes).sort()).toEqual([...appointmentStatuses].sort());
    expect(Object.keys(appointmentTypeCodes).sort()).toEqual([...appointmentPurposes].sort());
    expect(Object.keys(contactMechanismCodes).sort()).toEqual([...contactMethods].sort());
  });
});

describe('measurePair: first, last and pair', () => {
  const s = (total: number, date: string) => ({ total, date });
  it.each([
    { name: 'no scores', scores: [], expected: { count: 0, first: null, last: null, paired: false } },
    { name: 'one score: a first, no last', scores: [s(14, '2026-01-05')], expected: { count: 1, first: s(14, '2026-01-05'), last: null, paired: false } },
    { name: 'two scores: a pair', scores: [s(14, '2026-01-05'), s(9, '2026-02-02')], expected: { count: 2, first: s(14, '2026-01-05'), last: s(9, '2026-02-02'), paired: true } },
    {
      name: 'three scores: first and latest, the middle ignored',
      scores: [s(14, '2026-01-05'), s(20, '2026-01-19'), s(9, '2026-02-02')],
      expected: { count: 3, first: s(14, '2026-01-05'), last: s(9, '2026-02-02'), paired: true },
    },
    { name: 'two equal scores on one day still pair', scores: [s(0, '2026-01-05'), s(0, '2026-01-05')], expected: { count: 2, first: s(0, '2026-01-05'), last: s(0, '2026-01-05'), paired: true } },
  ])('$name', ({ scores, expected }) => expect(measurePair(scores)).toEqual(expected));
});

describe('research helpers', () => {
  it.each([
    ['1990-04-12', '2026-04-11', '35-44'],
    ['1990-04-12', '2026-04-12', '35-44'],
    ['2008-03-02', '2026-03-01', 'under 18'],
    ['2008-03-02', '2026-03-02', '18-24'],
    ['2001-03-03', '2026-03-02', '18-24'],
    ['2001-03-02', '2026-03-02', '25-34'],
    ['1991-03-03', '2026-03-02', '25-34'],
    ['1991-03-02', '2026-03-02', '35-44'],
    ['1961-03-03', '2026-03-02', '55-64'],
    ['1961-03-02', '2026-03-02', '65+'],
  ])('born %s, on %s: %s', (born, on, band) => expect(ageBand(born, on)).toBe(band));

  it.each([
    [2, 1, 14],
    [2, -1, -14],
    [13, 1, 91],
    [13, -1, -91],
  ] as const)('a shift of %i weeks, direction %i, is %i days', (weeks, direction, days) => expect(dateShiftDays(weeks, direction)).toBe(days));

  it.each([0, 1, 14, 2.5])('refuses a shift of %s weeks', (weeks) => expect(() => dateShiftDays(weeks, 1)).toThrow(RangeError));

  it('shifts across month and year ends and keeps intervals', () => {
    expect(shiftDate('2026-12-25', 14)).toBe('2027-01-08');
    expect(shiftDate('2026-03-01', -14)).toBe('2026-02-15');
  });
});

describe('export range', () => {
  it.each([
    ['2026-01-01', '2026-01-01', null],
    ['2026-01-02', '2026-01-01', 'order'],
    ['2025-01-01', '2025-12-31', null],
    ['2024-01-01', '2024-12-31', null],
    ['2025-01-01', '2026-01-01', null],
    ['2025-01-01', '2026-01-02', 'too_long'],
    ['2024-01-01', '2025-01-01', 'too_long'],
  ] as const)('%s to %s: %s', (from, to, problem) => expect(exportRangeProblem({ from, to })).toBe(problem));

  it('the schema refuses a reversed range, a long range, an impossible date and extra fields', () => {
    expect(ExportRangeQuerySchema.safeParse({ from: '2026-01-01', to: '2026-01-31' }).success).toBe(true);
    expect(ExportRangeQuerySchema.safeParse({ from: '2026-02-01', to: '2026-01-31' }).success).toBe(false);
    expect(ExportRangeQuerySchema.safeParse({ from: '2024-01-01', to: '2025-06-01' }).success).toBe(false);
    expect(ExportRangeQuerySchema.safeParse({ from: '2026-02-30', to: '2026-03-01' }).success).toBe(false);
    expect(ExportRangeQuerySchema.safeParse({ from: '2026-01-01', to: '2026-01-02', clientId: 'x' }).success).toBe(false);
  });
});

describe('service-system rows', () => {
  const contact: ServiceContact = {
    id: 'a1',
    episodeId: 'e1',
    clientId: 'c1',
    nhsNumber: '9434765919',
    practitionerId: 'p1',
    date: '2026-01-19',
    time: '09:00:00',
    purpose: 'treatment',
    contactMethod: 'video',
    status: 'attended_late',
    durationMinutes: 35,
  };
  it('codes a contact and keeps Tandem’s values beside the codes', () => {
    const [header, row] = serviceContactRows([contact]);
    const cell = (name: string) => row![header!.indexOf(name)];
    expect([cell('AppType'), cell('ConsMechanism'), cell('AttendOrDNACode'), cell('ClinContDurOfCareCont')]).toEqual(['02', '11', '6', 35]);
    expect([cell('TandemPurpose'), cell('TandemContactMethod'), cell('TandemStatus')]).toEqual(['treatment', 'video', 'attended_late']);
  });
  it.each([
    ['attended', 35],
    ['attended_late', 35],
    ['did_not_attend', null],
    ['cancelled_by_client', null],
    ['booked', null],
  ] as const)('a contact %s has duration %s', (status, minutes) => {
    const [header, row] = serviceContactRows([{ ...contact, status }]);
    expect(row![header!.indexOf('ClinContDurOfCareCont')]).toBe(minutes);
  });

  const referral = (over: Partial<ServiceReferral>): ServiceReferral => ({
    id: 'e1',
    clientId: 'c1',
    nhsNumber: null,
    referralDate: '2026-01-05',
    endedOn: '2026-02-20',
    step: 'low_intensity',
    status: 'ended',
    endingReason: 'completed',
    attendedTreatment: 2,
    scores: { phq9: [{ total: 15, date: '2026-01-19' }, { total: 6, date: '2026-02-16' }], gad7: [{ total: 10, date: '2026-01-19' }, { total: 5, date: '2026-02-16' }] },
    ...over,
  });
  const flags = (r: ServiceReferral) => {
    const [header, row] = serviceReferralRows([r]);
    return Object.fromEntries(['FinishedTreatment', 'AtCasenessAtStart', 'Recovered', 'ReliablyImproved', 'ReliablyDeteriorated', 'ReliablyRecovered'].map((k) => [k, row![header!.indexOf(k)]]));
  };
  it.each([
    { name: 'finished, recovered and reliably improved', r: referral({}), expected: ['Y', 'Y', 'Y', 'Y', 'N', 'Y'] },
    { name: 'one attended treatment appointment: not finished', r: referral({ attendedTreatment: 1 }), expected: ['N', null, null, null, null, null] },
    { name: 'still open: not finished', r: referral({ status: 'active', endedOn: null }), expected: ['N', null, null, null, null, null] },
    { name: 'one GAD-7 score only: finished, no outcome', r: referral({ scores: { phq9: [{ total: 15, date: '2026-01-19' }, { total: 6, date: '2026-02-16' }], gad7: [{ total: 10, date: '2026-01-19' }] } }), expected: ['Y', 'Y', null, null, null, null] },
  ])('$name', ({ r, expected }) => expect(Object.values(flags(r))).toEqual(expected));

  it('gives a measure row only where there are scores, with the SNOMED CT code and the pair', () => {
    const rows = serviceMeasureRows([referral({ scores: { phq9: [{ total: 15, date: '2026-01-19' }], gad7: [] } })]);
    expect(rows).toHaveLength(2);
    const [header, row] = rows;
    const cell = (name: string) => row![header!.indexOf(name)];
    expect([cell('CodedAssToolType'), cell('ScoreCount'), cell('FirstScore'), cell('LastScore'), cell('Paired')]).toEqual(['720433000', 1, 15, null, 'N']);
    const paired = serviceMeasureRows([referral({})]);
    expect(paired.slice(1).map((r) => [r[3], r[6], r[8], r[10]])).toEqual([
      ['720433000', 15, 6, 'Y'],
      ['445455005', 10, 5, 'Y'],
    ]);
  });
});
