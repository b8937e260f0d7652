import { describe, expect, it } from 'vitest';
import { missedAppointmentNeedsFollowUp, sameDayDeadline } from './follow-up';

const start = new Date('2026-03-10T10:00:00Z');
const daysBefore = (d: number) => new Date(start.getTime() - d * 24 * 3600_000);

describe('missedAppointmentNeedsFollowUp', () => {
  it.each([
    ['no alerts', [], false],
    ['an open alert, however old', [{ raisedAt: daysBefore(90), status: 'open' as const }], true],
    ['an acknowledged alert 28 days before', [{ raisedAt: daysBefore(28), status: 'acknowledged' as const }], true],
    ['an acknowledged alert 28 days and a second before', [{ raisedAt: new Date(daysBefore(28).getTime() - 1000), status: 'acknowledged' as const }], false],
    ['an acknowledged alert raised after the appointment', [{ raisedAt: new Date(start.getTime() + 1000), status: 'acknowledged' as const }], false],
  ])('%s', (_name, alerts, expected) => {
    expect(missedAppointmentNeedsFollowUp(start, alerts)).toBe(expected);
  });
});

describe('sameDayDeadline', () => {
  it.each([
    ['a winter morning in London', '2026-01-15T09:30:00Z', 'Europe/London', '2026-01-16T00:00:00.000Z'],
    ['a summer evening in London (BST)', '2026-07-15T21:30:00Z', 'Europe/London', '2026-07-15T23:00:00.000Z'],
    ['just after local midnight in BST', '2026-07-15T23:30:00Z', 'Europe/London', '2026-07-16T23:00:00.000Z'],
    ['the day clocks go back', '2026-10-25T08:00:00Z', 'Europe/London', '2026-10-26T00:00:00.000Z'],
  ])('%s', (_name, at, zone, expected) => {
    expect(sameDayDeadline(new Date(at), zone).toISOString()).toBe(expected);
  });
});
