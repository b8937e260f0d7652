import { describe, expect, it } from 'vitest';
import { buildWorklist, defaultNoActivityDays, worklistReasons, type WorklistClientFacts, type WorklistReason, type WorklistSettings } from './worklist';

const now = new Date('2026-03-10T12:00:00Z');
const settings: WorklistSettings = { now, timeZone: 'Europe/London', noActivityDays: 7 };
const hour = 3600_000;
const day = 24 * hour;
const at = (iso: string) => new Date(iso);
const ago = (ms: number) => new Date(now.getTime() - ms);

function facts(over: Partial<WorklistClientFacts> = {}): WorklistClientFacts {
  return {
    clientId: over.clientId ?? '00000000-0000-4000-8000-000000000001',
    givenName: 'Ana',
    familyName: 'Ash',
    timeZone: 'Europe/London',
    inActiveCare: true,
    openAlerts: [],
    openMissedAfterAlert: [],
    scores: { phq9: [], gad7: [] },
    lastActivityAt: ago(hour),
    activeSince: ago(30 * day),
    openHomework: [],
    awaitingFeedback: [],
    bookedAppointments: [],
    ...over,
  };
}
const kinds = (reasons: WorklistReason[]) => reasons.map((r) => r.kind);

describe('risk alerts: by tier and deadline; overdue at the deadline itself', () => {
  it.each([
    ['deadline one minute ahead: not overdue', ago(-60_000), false],
    ['deadline exactly now: overdue', now, true],
    ['deadline one minute ago: overdue', ago(60_000), true],
    ['no deadline (recorded tier): never overdue', null, false],
  ])('%s', (_name, dueAt, overdue) => {
    const [reason] = worklistReasons(facts({ openAlerts: [{ tier: 'immediate', dueAt, raisedAt: ago(hour) }] }), settings);
    expect(reason).toMatchObject({ kind: 'risk_alert', overdue, count: 1 });
  });

  it('summarises several alerts: the most urgent tier, the earliest deadline, the count', () => {
    const [reason] = worklistReasons(
      facts({
        openAlerts: [
          { tier: 'recorded', dueAt: null, raisedAt: ago(hour) },
          { tier: 'before_next_contact', dueAt: at('2026-03-12T09:00:00Z'), raisedAt: ago(hour) },
          { tier: 'before_next_contact', dueAt: at('2026-03-11T09:00:00Z'), raisedAt: ago(hour) },
        ],
      }),
      settings,
    );
    expect(reason).toEqual({ kind: 'risk_alert', count: 3, tier: 'before_next_contact', dueAt: '2026-03-11T09:00:00.000Z', overdue: false });
  });
});

describe('missed appointment after a risk alert (open follow-up task)', () => {
  it.each([
    ['due later today', ago(-hour), false],
    ['due exactly now', now, true],
  ])('%s', (_name, dueAt, overdue) => {
    expect(worklistReasons(facts({ openMissedAfterAlert: [{ dueAt }] }), settings)).toEqual([{ kind: 'missed_after_alert', dueAt: dueAt.toISOString(), overdue }]);
  });
});

describe('reliable deterioration: PHQ-9 rise ≥ 6 or GAD-7 rise ≥ 4 (measures/scoring.ts), first vs last', () => {
  it.each([
    ['PHQ-9 up 5: no', [8, 13], [], false],
    ['PHQ-9 up 6: yes', [8, 14], [], true],
    ['GAD-7 up 3: no', [], [5, 8], false],
    ['GAD-7 up 4: yes', [], [5, 9], true],
    ['one score only: no pair, no reason', [20], [20], false],
    ['first and last count, not the middle', [8, 20, 10], [], false],
    ['mixed (PHQ-9 down 6, GAD-7 up 4) counts as deterioration (decision 0017)', [16, 10], [5, 9], true],
  ])('%s', (_name, phq9, gad7, listed) => {
    const reasons = worklistReasons(facts({ scores: { phq9, gad7 } }), settings);
    expect(kinds(reasons).includes('reliable_deterioration')).toBe(listed);
  });

  it('names the measures that deteriorated', () => {
    expect(worklistReasons(facts({ scores: { phq9: [8, 14], gad7: [5, 6] } }), settings)).toEqual([
      { kind: 'reliable_deterioration', measures: [{ instrument: 'phq9', first: 8, last: 14 }] },
    ]);
  });
});

describe('no activity for N days: from exactly N × 24 hours', () => {
  it.each([
    ['one second short of 7 days', { lastActivityAt: ago(7 * day - 1000) }, null],
    ['exactly 7 days', { lastActivityAt: ago(7 * day) }, 7],
    ['9 and a half days', { lastActivityAt: ago(9.5 * day) }, 9],
    ['never active: counts from the account becoming active', { lastActivityAt: null, activeSince: ago(8 * day) }, 8],
    ['never active, account not active yet: not listed', { lastActivityAt: null, activeSince: null }, null],
    ['not in active care (waiting, on hold, ended): not listed', { lastActivityAt: ago(20 * day), inActiveCare: false }, null],
  ] as const)('%s', (_name, over, days) => {
    const reason = worklistReasons(facts(over), settings).find((r) => r.kind === 'no_activity');
    expect(reason?.kind === 'no_activity' ? reason.days : null).toBe(days);
  });

  it('follows the setting', () => {
    expect(kinds(worklistReasons(facts({ lastActivityAt: ago(3 * day) }), { ...settings, noActivityDays: 3 }))).toEqual(['no_activity']);
    expect(defaultNoActivityDays).toBe(7);
  });
});

describe('homework overdue: from midnight after the due date, in the client’s time zone', () => {
  it.each([
    ['due today (London): not yet', '2026-03-10', 'Europe/London', now, false],
    ['due yesterday: overdue', '2026-03-09', 'Europe/London', now, true],
    ['due yesterday, one minute before midnight London', '2026-03-09', 'Europe/London', at('2026-03-09T23:59:00Z'), false],
    ['due yesterday, at midnight London', '2026-03-09', 'Europe/London', at('2026-03-10T00:00:00Z'), true],
    ['midnight in summer time (23:00 UTC)', '2026-06-09', 'Europe/London', at('2026-06-09T23:00:00Z'), true],
    ['New York is still on the due date at 03:00 UTC', '2026-03-09', 'America/New_York', at('2026-03-10T03:00:00Z'), false],
  ])('%s', (_name, dueOn, timeZone, when, overdue) => {
    const reasons = worklistReasons(facts({ timeZone, openHomework: [{ dueOn }], lastActivityAt: when }), { ...settings, now: when });
    expect(reasons).toEqual(overdue ? [{ kind: 'homework_overdue', dueOn }] : []);
  });

  it('not for a client who is not in active care', () => {
    expect(worklistReasons(facts({ inActiveCare: false, openHomework: [{ dueOn: '2026-03-01' }] }), settings)).toEqual([]);
  });
});

describe('feedback waiting', () => {
  it('counts entries and gives the oldest', () => {
    expect(worklistReasons(facts({ awaitingFeedback: [ago(hour), ago(2 * day)] }), settings)).toEqual([
      { kind: 'feedback_waiting', count: 2, since: ago(2 * day).toISOString() },
    ]);
  });
});

describe('sessions today and tomorrow, midnight to midnight in the practitioner’s time zone', () => {
  const id = '00000000-0000-4000-8000-0000000000aa';
  it.each([
    ['00:00 today London', '2026-03-10T00:00:00Z', 'Europe/London', 'session_today'],
    ['23:59 today London', '2026-03-10T23:59:00Z', 'Europe/London', 'session_today'],
    ['00:00 tomorrow London', '2026-03-11T00:00:00Z', 'Europe/London', 'session_tomorrow'],
    ['23:59 tomorrow London', '2026-03-11T23:59:00Z', 'Europe/London', 'session_tomorrow'],
    ['00:00 the day after tomorrow: not listed', '2026-03-12T00:00:00Z', 'Europe/London', null],
    ['23:59 yesterday: not listed', '2026-03-09T23:59:00Z', 'Europe/London', null],
    ['03:00 UTC on the 11th is still the 10th in New York', '2026-03-11T03:00:00Z', 'America/New_York', 'session_today'],
  ])('%s', (_name, startsAt, timeZone, kind) => {
    const reasons = worklistReasons(facts({ bookedAppointments: [{ id, startsAt: at(startsAt) }] }), { ...settings, timeZone });
    expect(kinds(reasons)).toEqual(kind ? [kind] : []);
  });

  it('the earliest booked one each day', () => {
    const reasons = worklistReasons(
      facts({ bookedAppointments: [{ id, startsAt: at('2026-03-10T15:00:00Z') }, { id, startsAt: at('2026-03-10T09:00:00Z') }] }),
      settings,
    );
    expect(reasons).toEqual([{ kind: 'session_today', startsAt: '2026-03-10T09:00:00.000Z', appointmentId: id }]);
  });
});

describe('buildWorklist: the caseload ordered by need', () => {
  const client = (n: number, familyName: string, over: Partial<WorklistClientFacts> = {}) =>
    facts({ clientId: `00000000-0000-4000-8000-00000000000${n}`, familyName, ...over });
  const order = (clients: WorklistClientFacts[], s: WorklistSettings = settings) =>
    buildWorklist(clients, s).map((line) => clients.find((c) => c.clientId === line.clientId)!.familyName);

  it('orders by the most pressing reason, clients with none last (by name)', () => {
    const clients = [
      client(1, 'Quiet'),
      client(2, 'Tomorrow', { bookedAppointments: [{ id: '00000000-0000-4000-8000-0000000000aa', startsAt: at('2026-03-11T10:00:00Z') }] }),
      client(3, 'Feedback', { awaitingFeedback: [ago(hour)] }),
      client(4, 'Silent', { lastActivityAt: ago(10 * day) }),
      client(5, 'Homework', { openHomework: [{ dueOn: '2026-03-08' }] }),
      client(6, 'Today', { bookedAppointments: [{ id: '00000000-0000-4000-8000-0000000000aa', startsAt: at('2026-03-10T16:00:00Z') }] }),
      client(7, 'Worse', { scores: { phq9: [5, 12], gad7: [] } }),
      client(8, 'Missed', { openMissedAfterAlert: [{ dueAt: ago(-hour) }] }),
      client(9, 'Alert', { openAlerts: [{ tier: 'recorded', dueAt: null, raisedAt: ago(hour) }] }),
      client(0, 'Another quiet'),
    ];
    expect(order(clients)).toEqual(['Alert', 'Missed', 'Worse', 'Today', 'Homework', 'Silent', 'Feedback', 'Tomorrow', 'Another quiet', 'Quiet']);
  });

  it('alerts: overdue first, then tier, then the earlier deadline', () => {
    const alert = (tier: 'immediate' | 'before_next_contact', dueAt: Date) => ({ openAlerts: [{ tier, dueAt, raisedAt: ago(day) }] });
    const clients = [
      client(1, 'Later', alert('immediate', ago(-2 * hour))),
      client(2, 'Sooner', alert('immediate', ago(-hour))),
      client(3, 'Lower tier, overdue', alert('before_next_contact', ago(1000))),
      client(4, 'Lower tier', alert('before_next_contact', ago(-1000))),
    ];
    expect(order(clients)).toEqual(['Lower tier, overdue', 'Sooner', 'Later', 'Lower tier']);
  });

  it('a tie on the first reason goes to the next reasons, then to more reasons', () => {
    const session = { bookedAppointments: [{ id: '00000000-0000-4000-8000-0000000000aa', startsAt: at('2026-03-10T16:00:00Z') }] };
    const clients = [
      client(1, 'Only today', session),
      client(2, 'Today and feedback', { ...session, awaitingFeedback: [ago(hour)] }),
      client(3, 'Today and homework', { ...session, openHomework: [{ dueOn: '2026-03-01' }] }),
    ];
    expect(order(clients)).toEqual(['Today and homework', 'Today and feedback', 'Only today']);
  });

  it('lists every client exactly once', () => {
    const clients = [client(1, 'A'), client(2, 'B', { awaitingFeedback: [ago(hour)] })];
    expect(buildWorklist(clients, settings).map((l) => l.clientId).sort()).toEqual(clients.map((c) => c.clientId).sort());
  });
});
