import { describe, expect, it } from 'vitest';
import common from '../../shared/i18n/locales/en/common.json';
import practitioner from '../../shared/i18n/locales/en/practitioner.json';
import worklist from '../../shared/i18n/locales/en/practitioner-worklist.json';
import { createTranslate } from '../../shared/i18n/i18n';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { isUrgent, reasonWords } from './reason-words';

const t = createTranslate<PractitionerKey>('en', { ...common, ...practitioner, ...worklist } as Record<PractitionerKey, string>);
const id = '00000000-0000-4000-8000-000000000001';

describe('a worklist reason in words (times in the practitioner’s time zone)', () => {
  it.each([
    [{ kind: 'risk_alert', count: 1, tier: 'immediate', dueAt: '2026-03-02T10:00:00.000Z', overdue: false }, ['Risk alert open (Immediate)', 'Respond by 2 Mar 2026, 10:00.']],
    [{ kind: 'risk_alert', count: 2, tier: 'before_next_contact', dueAt: '2026-07-02T10:00:00.000Z', overdue: true }, ['2 risk alerts open (most urgent: Before the next contact)', 'Overdue: it was due by 2 Jul 2026, 11:00.']],
    [{ kind: 'risk_alert', count: 1, tier: 'recorded', dueAt: null, overdue: false }, ['Risk alert open (Recorded (seen in a session))']],
    [{ kind: 'missed_after_alert', dueAt: '2026-03-03T00:00:00.000Z', overdue: true }, ['Missed an appointment after a risk alert: follow up', 'Overdue: it was due by 3 Mar 2026, 00:00.']],
    [{ kind: 'reliable_deterioration', measures: [{ instrument: 'phq9', first: 8, last: 15 }, { instrument: 'gad7', first: 5, last: 9 }] }, ['Reliable deterioration: PHQ-9 8 to 15, GAD-7 5 to 9']],
    [{ kind: 'session_today', startsAt: '2026-03-02T14:30:00.000Z', appointmentId: id }, ['Session today, 2 Mar 2026, 14:30']],
    [{ kind: 'session_tomorrow', startsAt: '2026-03-03T09:00:00.000Z', appointmentId: id }, ['Session tomorrow, 3 Mar 2026, 09:00']],
    [{ kind: 'homework_overdue', dueOn: '2026-02-28' }, ['Homework not done, due 28 Feb 2026']],
    [{ kind: 'no_activity', days: 10, lastActivityAt: null }, ['No online activity for 10 days']],
    [{ kind: 'feedback_waiting', count: 1, since: '2026-03-02T07:00:00.000Z' }, ['A shared entry is waiting for your feedback']],
    [{ kind: 'feedback_waiting', count: 3, since: '2026-03-02T07:00:00.000Z' }, ['3 shared entries are waiting for your feedback']],
  ] as const)('%j', (reason, words) => {
    expect(reasonWords(reason as never, 'Europe/London', t)).toEqual(words);
  });

  it('marks risk and a missed session after risk as urgent, nothing else', () => {
    expect(isUrgent({ kind: 'missed_after_alert', dueAt: '2026-03-03T00:00:00.000Z', overdue: false })).toBe(true);
    expect(isUrgent({ kind: 'no_activity', days: 9, lastActivityAt: null })).toBe(false);
  });
});
