import { newId } from '@tandem/domain';
import { expect } from 'vitest';
import { sessionOf } from '../../test/sessions';
import type { TestApp } from '../../test/test-app';

/** Test helpers shared by this feature's tests: a referral and a booking through the real API. */
export async function openEpisode(t: TestApp, practitioner: { id: string; email: string }, clientId: string): Promise<string> {
  const id = newId(t.clock.now());
  const res = await (await sessionOf(t, practitioner)).post(`/api/clients/${clientId}/episodes`, {
    id,
    referralDate: '2025-12-20',
    referralSource: 'gp',
    problemDescriptor: 'Depression after bereavement',
    step: 'low_intensity',
    assignedPractitionerId: practitioner.id,
  });
  expect(res.statusCode, res.body).toBe(201);
  return id;
}

export interface Booking {
  durationMinutes?: number;
  purpose?: 'assessment' | 'treatment' | 'review';
  recordingPast?: boolean;
}

export async function bookAppointment(t: TestApp, practitioner: { email: string }, episodeId: string, startsAt: string, booking: Booking = {}) {
  const res = await (await sessionOf(t, practitioner)).post(`/api/episodes/${episodeId}/appointments`, {
    id: newId(t.clock.now()),
    startsAt,
    durationMinutes: booking.durationMinutes ?? 45,
    purpose: booking.purpose ?? 'treatment',
    contactMethod: 'video',
    recordingPast: booking.recordingPast ?? false,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; startsAt: string; reference: string };
}
