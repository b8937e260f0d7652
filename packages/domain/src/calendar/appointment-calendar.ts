import type { AppointmentStatus } from '../episodes/appointment';
import { cancelledStatuses } from '../episodes/appointment';
import type { IcalCalendar, IcalEvent } from './ical';

/**
 * What leaves Tandem about an appointment — in a subscribed calendar or a reminder email — is the
 * time and nothing clinical (issue 8: "no clinical detail in event text"). Calendars sync to
 * phones, watches and shared family or work calendars, and email is not a secure channel, so:
 * no purpose, no contact method, no problem, no practitioner's notes, and no client name in a
 * practitioner's feed — only a short opaque reference to find the appointment in Tandem
 * (decision 0021; HAZ-042).
 */
export const appointmentEventSummary = 'Tandem appointment';

/** A feed shows the last 30 days and everything ahead. */
export const calendarFeedPastDays = 30;

/** Subscribers are asked to fetch the feed again at most hourly (keeps load and rate limits low). */
export const calendarFeedRefreshMinutes = 60;

/** The reminder email goes 24 hours before the appointment. */
export const appointmentReminderLeadMs = 24 * 3600_000;

/**
 * A short, opaque reference for an appointment: the last six hex digits of its id (the random
 * part of a UUID v7), e.g. "3F9C2D". Unique enough within one practitioner's diary to find the
 * appointment in Tandem; says nothing about who or why.
 */
export function appointmentReference(appointmentId: string): string {
  return appointmentId.replace(/-/g, '').slice(-6).toUpperCase();
}

/** What the feed needs of one appointment: times and status only. */
export interface FeedAppointment {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  status: AppointmentStatus;
  /** Starts at 1; every change raises it. */
  version: number;
  updatedAt: Date;
}

export type CalendarAudience = 'client' | 'practitioner';

/** One appointment as a calendar event, with no clinical detail and no names. */
export function appointmentEvent(appointment: FeedAppointment, audience: CalendarAudience, appUrl: string): IcalEvent {
  const reference = appointmentReference(appointment.id);
  return {
    uid: `${appointment.id}@tandem`,
    sequence: appointment.version - 1,
    stamp: appointment.updatedAt,
    start: appointment.startsAt,
    end: new Date(appointment.startsAt.getTime() + appointment.durationMinutes * 60_000),
    summary: audience === 'client' ? appointmentEventSummary : `${appointmentEventSummary} (ref ${reference})`,
    description: audience === 'client' ? `Details are in Tandem: ${appUrl}` : `Reference ${reference}. Details are in Tandem: ${appUrl}`,
    status: cancelledStatuses.includes(appointment.status) ? 'CANCELLED' : 'CONFIRMED',
  };
}

/** A person's appointment feed: a client's own appointments, or a practitioner's diary. */
export function appointmentCalendar(appointments: FeedAppointment[], audience: CalendarAudience, appUrl: string): IcalCalendar {
  return {
    productId: '-//Tandem//Appointments//EN',
    name: 'Tandem appointments',
    refreshMinutes: calendarFeedRefreshMinutes,
    events: appointments.map((a) => appointmentEvent(a, audience, appUrl)),
  };
}

/** When the reminder for an appointment is due, or null when that time has already passed. */
export function appointmentReminderDueAt(startsAt: Date, now: Date): Date | null {
  const due = new Date(startsAt.getTime() - appointmentReminderLeadMs);
  return due > now ? due : null;
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An appointment's time as a person reads it in their own time zone, e.g.
 * "Tuesday 3 December at 14:00" (24-hour clock, NHS content style).
 */
export function formatAppointmentTime(startsAt: Date, timeZone: string): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    dayFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(startsAt);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')} at ${get('hour')}:${get('minute')}`;
}

/** The reminder email: the time only, in the client's time zone; no clinical detail, no names. */
export function appointmentReminderEmail(startsAt: Date, timeZone: string, appUrl: string): { subject: string; text: string } {
  return {
    subject: 'Your Tandem appointment',
    text:
      `You have an appointment with Tandem on ${formatAppointmentTime(startsAt, timeZone)}.\n\n` +
      `If you cannot come, please let your practitioner know.\n\n` +
      `Open Tandem: ${appUrl}\n\n` +
      `You get this email because you agreed to hear from Tandem by email. You can change that in Tandem under "Your choices".`,
  };
}
