import { describe, expect, it } from 'vitest';
import { defaultStaffNotificationSettings, isUrgentNotification, nextDigestAt, staffDigestEmail, StaffNotificationSettingsSchema, staffNotificationKinds } from './staff-notifications';

const london = 'Europe/London';

describe('nextDigestAt', () => {
  it.each([
    // [now (UTC), digest time, quiet hours, expected (UTC)]
    ['2026-11-26T07:59:00Z', '08:00', null, '2026-11-26T08:00:00.000Z'], // a minute before: today
    ['2026-11-26T08:00:00Z', '08:00', null, '2026-11-27T08:00:00.000Z'], // exactly at it: strictly after, so tomorrow
    ['2026-11-26T08:01:00Z', '08:00', null, '2026-11-27T08:00:00.000Z'],
    ['2026-06-26T06:59:00Z', '08:00', null, '2026-06-26T07:00:00.000Z'], // summer time: 08:00 BST is 07:00 UTC
    ['2026-03-28T12:00:00Z', '08:00', null, '2026-03-29T07:00:00.000Z'], // across the spring change
    ['2026-10-24T12:00:00Z', '08:00', null, '2026-10-25T08:00:00.000Z'], // across the autumn change
    ['2026-11-26T05:00:00Z', '08:00', { start: '07:00', end: '09:30' }, '2026-11-26T09:30:00.000Z'], // in quiet hours: their end
    ['2026-11-26T05:00:00Z', '08:00', { start: '08:00', end: '09:00' }, '2026-11-26T09:00:00.000Z'], // quiet starts at the time: included
    ['2026-11-26T05:00:00Z', '08:00', { start: '07:00', end: '08:00' }, '2026-11-26T08:00:00.000Z'], // quiet ends at the time: excluded
    ['2026-11-26T12:00:00Z', '23:00', { start: '22:00', end: '07:00' }, '2026-11-27T07:00:00.000Z'], // quiet past midnight: next morning
    ['2026-11-26T06:00:00Z', '23:00', { start: '22:00', end: '07:00' }, '2026-11-26T07:00:00.000Z'], // already in that night: this morning
  ])('at %s with the summary at %s and quiet hours %j: %s', (now, digestTime, quietHours, expected) => {
    expect(nextDigestAt(new Date(now), london, { digestTime, quietHours }).toISOString()).toBe(expected);
  });

  it('uses the person’s own time zone', () => {
    expect(nextDigestAt(new Date('2026-11-26T12:00:00Z'), 'Asia/Riyadh', { digestTime: '08:00', quietHours: null }).toISOString()).toBe('2026-11-27T05:00:00.000Z');
  });
});

describe('staff notification settings', () => {
  it.each([
    ['the defaults', defaultStaffNotificationSettings, true],
    ['a summary at midnight', { digestEmail: false, digestTime: '00:00', quietHours: null }, true],
    ['quiet hours past midnight', { digestEmail: true, digestTime: '08:00', quietHours: { start: '21:00', end: '07:30' } }, true],
    ['24:00', { digestEmail: true, digestTime: '24:00', quietHours: null }, false],
    ['a time without minutes', { digestEmail: true, digestTime: '8', quietHours: null }, false],
    ['an unknown field', { digestEmail: true, digestTime: '08:00', quietHours: null, sms: true }, false],
  ])('%s: valid is %s', (_, settings, valid) => {
    expect(StaffNotificationSettingsSchema.safeParse(settings).success).toBe(valid);
  });

  it('only a risk alert is urgent', () => {
    expect(staffNotificationKinds.filter(isUrgentNotification)).toEqual(['risk-alert']);
  });
});

describe('the daily summary email', () => {
  it('counts each kind in words, with the link, and names nothing clinical', () => {
    const email = staffDigestEmail({ message: 2, 'entry-shared': 1, 'questionnaire-completed': 0 }, 'https://tandem.example/staff/notifications');
    expect(email.subject).toBe('Tandem: your daily summary');
    expect(email.text).toContain('You have 3 updates waiting in Tandem:');
    expect(email.text).toContain('- 2 new messages\n- 1 piece of work shared with you\n');
    expect(email.text).not.toContain('questionnaire');
    expect(email.text).toContain('https://tandem.example/staff/notifications');
  });

  it('says "update" for one', () => {
    expect(staffDigestEmail({ 'questionnaire-completed': 1 }, 'x').text).toContain('You have 1 update waiting in Tandem:\n\n- 1 questionnaire answered');
  });
});
