import { describe, expect, it } from 'vitest';
import {
  appointmentCalendar,
  appointmentEvent,
  appointmentReference,
  appointmentReminderDueAt,
  appointmentReminderEmail,
  formatAppointmentTime,
  type FeedAppointment,
} from './appointment-calendar';

const appointment: FeedAppointment = {
  id: '019cad1e-8000-7000-8000-00000a3f9c2d',
  startsAt: new Date('2026-12-01T14:00:00Z'),
  durationMinutes: 45,
  status: 'booked',
  version: 3,
  updatedAt: new Date('2026-11-20T10:00:00Z'),
};

describe('appointmentReference', () => {
  it('is the last six hex digits of the id, upper case', () => {
    expect(appointmentReference(appointment.id)).toBe('3F9C2D');
  });
});

describe('appointmentEvent', () => {
  it('gives a client the time only', () => {
    const event = appointmentEvent(appointment, 'client', 'https://tandem.example/');
    expect(event).toEqual({
      uid: '019cad1e-8000-7000-8000-00000a3f9c2d@tandem',
      sequence: 2,
      stamp: appointment.updatedAt,
      start: appointment.startsAt,
      end: new Date('2026-12-01T14:45:00Z'),
      summary: 'Tandem appointment',
      description: 'Details are in Tandem: https://tandem.example/',
      status: 'CONFIRMED',
    });
  });

  it('gives a practitioner an opaque reference, never a name or purpose', () => {
    const event = appointmentEvent(appointment, 'practitioner', 'https://tandem.example/staff/');
    expect(event.summary).toBe('Tandem appointment (ref 3F9C2D)');
    expect(event.description).toBe('Reference 3F9C2D. Details are in Tandem: https://tandem.example/staff/');
  });

  it.each([
    ['booked', 'CONFIRMED'],
    ['attended', 'CONFIRMED'],
    ['attended_late', 'CONFIRMED'],
    ['did_not_attend', 'CONFIRMED'],
    ['cancelled_by_client', 'CANCELLED'],
    ['cancelled_by_service', 'CANCELLED'],
  ] as const)('status %s → %s', (status, expected) => {
    expect(appointmentEvent({ ...appointment, status }, 'client', 'x').status).toBe(expected);
  });

  it('a calendar names itself and asks to be refreshed hourly', () => {
    expect(appointmentCalendar([appointment], 'client', 'x')).toMatchObject({ name: 'Tandem appointments', refreshMinutes: 60, events: [{ summary: 'Tandem appointment' }] });
  });
});

describe('appointmentReminderDueAt', () => {
  const startsAt = new Date('2026-12-03T14:00:00Z');
  it.each([
    ['two days ahead: 24 hours before', '2026-12-01T14:00:00Z', '2026-12-02T14:00:00Z'],
    ['24 hours and a minute ahead', '2026-12-02T13:59:00Z', '2026-12-02T14:00:00Z'],
    ['exactly 24 hours ahead: already due, so none', '2026-12-02T14:00:00Z', null],
    ['an hour ahead: none', '2026-12-03T13:00:00Z', null],
    ['in the past: none', '2026-12-04T13:00:00Z', null],
  ])('%s', (_name, now, expected) => {
    expect(appointmentReminderDueAt(startsAt, new Date(now))?.toISOString() ?? null).toBe(expected === null ? null : new Date(expected).toISOString());
  });
});

describe('formatAppointmentTime', () => {
  it.each([
    ['London in winter (GMT)', '2026-12-01T14:00:00Z', 'Europe/London', 'Tuesday 1 December at 14:00'],
    ['London in summer (BST)', '2026-06-02T13:00:00Z', 'Europe/London', 'Tuesday 2 June at 14:00'],
    ['after midnight UTC is still the evening before in New York', '2026-12-02T01:30:00Z', 'America/New_York', 'Tuesday 1 December at 20:30'],
    ['midnight is 00:00, not 24:00', '2026-12-02T00:00:00Z', 'UTC', 'Wednesday 2 December at 00:00'],
  ])('%s', (_name, instant, zone, expected) => {
    expect(formatAppointmentTime(new Date(instant), zone)).toBe(expected);
  });
});

describe('appointmentReminderEmail', () => {
  it('says when, in the client’s time, and nothing clinical', () => {
    const email = appointmentReminderEmail(new Date('2026-12-03T14:00:00Z'), 'Europe/London', 'https://tandem.example/');
    expect(email.subject).toBe('Your Tandem appointment');
    expect(email.text).toContain('You have an appointment with Tandem on Thursday 3 December at 14:00.');
    expect(email.text).toContain('https://tandem.example/');
    expect(email.text).not.toMatch(/assessment|treatment|review|depress|phone|video|face/i);
  });
});
