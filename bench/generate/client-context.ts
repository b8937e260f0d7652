import type { ModuleMeta, PlanTemplate, Step } from '@tandem/domain';
import type { Calendar } from './calendar';
import type { Random } from './random';
import type { ClientRows } from './rows';

/** What every client's generator shares. */
export interface ClientContext {
  organisationId: string;
  emailDomain: string;
  passwordHash: string;
  calendar: Calendar;
  random: Random;
  /** The programme's modules, core first in programme order. */
  modules: ModuleMeta[];
  templates: Record<Step, PlanTemplate>;
  rows: ClientRows;
}

/** One client's care as it unfolds, passed between the parts that write it. */
export interface Story {
  clientId: string;
  episodeId: string;
  practitionerId: string;
  status: 'waiting' | 'active' | 'ended';
  step: Step;
  /** Day offsets (0 = today): first use of the app, and the last day with any activity. */
  firstDay: number;
  lastDay: number;
  /** Mood 1–10 expected on a day, before day-to-day noise. */
  moodOn(day: number): number;
  /** Appointments in time order, with their day. */
  appointments: { id: string; day: number; startsAt: Date; status: string; purpose: string }[];
  /** Alerts raised, for follow-up tasks after a missed appointment. */
  alerts: { id: string; raisedAt: Date }[];
}

export const minutes = 60_000;
