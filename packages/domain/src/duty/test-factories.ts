/**
 * Typed factories for the duty tests (not exported from the package). Staff ids are readable
 * names rather than UUIDs, because the functions take any string and the tables read better.
 */
import type { AwayPeriod, ResponseTier, RotaPeriod } from './rota';
import type { SiteHours } from './service-hours';
import type { DutyAnswer, WhoMustSeeInput } from './who-must-see';

/** The client's assigned practitioner. */
export const asha = 'asha';
/** The in-hours duty practitioner. */
export const ben = 'ben';
/** The site's named clinical lead. */
export const carol = 'carol';
/** An on-call practitioner. */
export const dev = 'dev';

const nineToFive = [{ opens: '09:00', closes: '17:00' }];

/** A London site open 09:00–17:00 Monday to Friday, closed on the Early May bank holiday 2026. */
export const londonSite: SiteHours = {
  timeZone: 'Europe/London',
  weekly: { monday: nineToFive, tuesday: nineToFive, wednesday: nineToFive, thursday: nineToFive, friday: nineToFive },
  closureDates: ['2026-05-04'],
  siteLeadStaffId: carol,
};

export const at = (iso: string) => new Date(iso);
export const shift = (staffId: string, startsAt: string, endsAt: string): RotaPeriod => ({ staffId, startsAt: at(startsAt), endsAt: at(endsAt) });
export const awayFor = (staffId: string, from: string, until: string): AwayPeriod => ({ staffId, from: at(from), until: at(until) });

/** Ben on duty 09:00–17:00 each weekday of 5–9 January 2026 (GMT, so local time is UTC). */
export const benWeek: RotaPeriod[] = ['05', '06', '07', '08', '09'].map((d) => shift(ben, `2026-01-${d}T09:00:00Z`, `2026-01-${d}T17:00:00Z`));

export const immediate: ResponseTier = { tier: 'immediate', responseMinutes: 60 };

/** A whoMustSee input: Asha assigned, the London site, nobody away or in session, no rota. */
export function dutyInput(raisedAt: string, overrides: Partial<Omit<WhoMustSeeInput, 'raisedAt'>> = {}): WhoMustSeeInput {
  return {
    raisedAt: at(raisedAt),
    assignedPractitionerId: asha,
    siteHours: londonSite,
    rota: [],
    away: [],
    inSessionStaffIds: [],
    tier: immediate,
    ...overrides,
  };
}

/** An answer with instants as ISO strings, for readable comparison. */
export function showAnswer(answer: DutyAnswer) {
  return {
    ...answer,
    coverageStartsAt: answer.coverageStartsAt.toISOString(),
    dueBy: answer.dueBy?.toISOString() ?? null,
  };
}

/** What a test expects, with instants written in any ISO form (offsets make local time readable). */
export function expected(e: { recipient: string; reason: DutyAnswer['reason']; coverageStartsAt: string; dueBy: string | null; outOfHours: boolean; noCoverFound?: boolean }) {
  return {
    recipient: e.recipient,
    reason: e.reason,
    coverageStartsAt: at(e.coverageStartsAt).toISOString(),
    dueBy: e.dueBy === null ? null : at(e.dueBy).toISOString(),
    outOfHours: e.outOfHours,
    noCoverFound: e.noCoverFound ?? false,
  };
}

/** Table rows keyed by their name, so test titles show the whole name (`$name` is cut at 40 characters). */
export function byName<T extends { name: string }>(rows: T[]): [string, T][] {
  return rows.map((row) => [row.name, row]);
}
