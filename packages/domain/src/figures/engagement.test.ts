import { describe, expect, it } from 'vitest';
import { activeDaysIn, checkInAdherentDays, engagementFigures, type ClientWeek } from './engagement';
import { weekDates } from './week';

const week = weekDates('2026-03-02');
const client = (over: Partial<ClientWeek> = {}): ClientWeek => ({ activityDates: [], checkInDates: [], stepsCompleted: 0, homeworkItemsDue: [], ...over });

describe('activeDaysIn', () => {
  it.each([
    [[], 0],
    [['2026-03-02', '2026-03-02'], 1],
    [['2026-03-01', '2026-03-02', '2026-03-08', '2026-03-09'], 2],
    [week, 7],
  ])('%j → %i', (dates, n) => expect(activeDaysIn(dates, week)).toBe(n));
});

describe('engagementFigures', () => {
  it('needs check-ins on 4 of the 7 days for adherence', () => expect(checkInAdherentDays).toBe(4));

  it('counts five clients', () => {
    const f = engagementFigures(
      [
        client({ activityDates: week.slice(0, 4), checkInDates: week.slice(0, 4), stepsCompleted: 2, homeworkItemsDue: [{ done: true }, { done: false }] }),
        client({ activityDates: week.slice(0, 3), checkInDates: week.slice(0, 3), stepsCompleted: 1, homeworkItemsDue: [{ done: true }] }),
        client({ activityDates: ['2026-03-01'] }), // the Sunday before: not this week
        client({ activityDates: week, checkInDates: week, homeworkItemsDue: [{ done: true }, { done: true }] }),
        client({ activityDates: week.slice(6), stepsCompleted: 3 }),
      ],
      week,
    );
    expect(f).toMatchObject({
      clients: 5,
      meanActiveDays: (4 + 3 + 0 + 7 + 1) / 5,
      activeClients: { numerator: 4, denominator: 5 },
      stepsCompleted: 6,
      homeworkCompletion: { numerator: 4, denominator: 5 },
      checkInAdherence: { numerator: 2, denominator: 5 },
    });
  });

  it('shows nothing for fewer than five clients', () => {
    const f = engagementFigures([client({ stepsCompleted: 3, homeworkItemsDue: Array(9).fill({ done: true }) })], week);
    expect(f).toMatchObject({ clients: 1, meanActiveDays: null, stepsCompleted: null });
    expect([f.activeClients, f.homeworkCompletion, f.checkInAdherence].every((r) => r.suppressed)).toBe(true);
  });

  it('shows no rates, and no suppression, for no clients', () => {
    const f = engagementFigures([], week);
    expect(f).toMatchObject({ clients: 0, meanActiveDays: null, stepsCompleted: 0, activeClients: { suppressed: false, rate: null } });
  });
});
