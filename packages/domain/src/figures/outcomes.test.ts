import { describe, expect, it } from 'vitest';
import { episodeOutcome } from '../measures/outcomes';
import { outcomeFigures } from './outcomes';

const finished = (phq9: [number, number], gad7: [number, number]) =>
  episodeOutcome({ ended: true, attendedTreatmentAppointments: 2, scores: { phq9: { first: phq9[0], last: phq9[1] }, gad7: { first: gad7[0], last: gad7[1] } } });
const notFinished = episodeOutcome({ ended: true, attendedTreatmentAppointments: 1, scores: { phq9: { first: 15, last: 3 }, gad7: { first: 10, last: 2 } } });

describe('outcomeFigures', () => {
  it('uses the NHS Talking Therapies denominators: recovery over finished and at caseness, improvement over finished', () => {
    const f = outcomeFigures([
      finished([18, 6], [12, 5]), // recovered, reliably improved
      finished([12, 9], [9, 7]), // recovered, no reliable change
      finished([16, 14], [11, 10]),
      finished([14, 21], [10, 12]), // deteriorated
      finished([15, 8], [10, 6]), // recovered, reliably improved
      finished([8, 2], [6, 1]), // not at caseness, reliably improved
      finished([5, 6], [4, 4]), // not at caseness
      notFinished,
    ]);
    expect(f.finished).toBe(7);
    expect(f.recovery).toMatchObject({ numerator: 3, denominator: 5 });
    expect(f.reliableImprovement).toMatchObject({ numerator: 3, denominator: 7 });
    expect(f.reliableDeterioration).toMatchObject({ numerator: 1, denominator: 7 });
    expect(f.reliableRecovery).toMatchObject({ numerator: 2, denominator: 5 });
  });

  it('hides every rate when fewer than five finished, even a rate of 0 of 0', () => {
    const f = outcomeFigures([finished([8, 2], [6, 1]), finished([5, 6], [4, 4])]);
    expect(f.finished).toBeNull();
    expect([f.recovery, f.reliableImprovement, f.reliableDeterioration, f.reliableRecovery].every((r) => r.suppressed)).toBe(true);
  });

  it('suppresses recovery alone when five finished but fewer than five were at caseness', () => {
    const f = outcomeFigures([finished([18, 6], [12, 5]), finished([15, 8], [10, 6]), finished([8, 2], [6, 1]), finished([5, 6], [4, 4]), finished([4, 4], [3, 3])]);
    expect(f.finished).toBe(5);
    expect(f.recovery.suppressed).toBe(true);
    expect(f.reliableImprovement).toMatchObject({ suppressed: false, numerator: 3, denominator: 5 });
  });

  it('shows no rates, unsuppressed, when nothing finished', () => {
    expect(outcomeFigures([notFinished])).toMatchObject({ finished: 0, recovery: { suppressed: false, rate: null } });
  });
});
