import { isAwayAt, rotaPeriodsAt, type AwayPeriod, type ResponseTier, type RotaPeriod } from './rota';
import { isSiteOpenAt, nextOpeningAfter, type SiteHours } from './service-hours';

/** Why the recipient was chosen. */
export const dutyReasons = ['assigned_practitioner', 'duty', 'site_lead'] as const;
export type DutyReason = (typeof dutyReasons)[number];

/** How far ahead to look for the next moment someone is on hand before giving up on the rota. */
export const coverSearchDays = 30;

export interface WhoMustSeeInput {
  /** When the alert was raised (the saved answer or the help button; issue 6). */
  raisedAt: Date;
  /** The episode's assigned practitioner, or null when there is none. */
  assignedPractitionerId: string | null;
  siteHours: SiteHours;
  rota: readonly RotaPeriod[];
  away: readonly AwayPeriod[];
  /** Staff in session mode at `raisedAt`: with a client, not to be interrupted. */
  inSessionStaffIds: readonly string[];
  tier: ResponseTier;
}

export interface DutyAnswer {
  /** Staff id of the person who must see the alert. Never empty: the site lead is the last resort. */
  recipient: string;
  reason: DutyReason;
  /** When a person is first expected to be on hand: `raisedAt` if someone covers now. */
  coverageStartsAt: Date;
  /** `coverageStartsAt` plus the tier's minutes; null when the tier sets no minutes. */
  dueBy: Date | null;
  /** The site was closed when the alert was raised (even if someone was on call). */
  outOfHours: boolean;
  /** Nobody was on hand within `coverSearchDays`: the site lead is named from `raisedAt`. */
  noCoverFound: boolean;
}

const dayMs = 24 * 3600_000;

/**
 * Who must see an alert raised now, and by when (issue 5, "Service hours and duty cover"; used by
 * issue 6's risk pathway to route the alert and to tell the client honestly when a person will see
 * it; controls HAZ-015 "Alert raised when nobody is on duty").
 *
 * "Available" means not marked away and not in session mode. The rules, at a moment t:
 * - Site open: the assigned practitioner if available; else (practitioner away, in session mode, or
 *   none assigned) the available person on the duty rota; else — a rota gap, or duty unavailable —
 *   the site's named lead, who is never skipped because someone must always be named.
 * - Site closed (a closed weekday, a closure date, or outside the day's intervals): the available
 *   person on an on-call rota period; else nobody is on hand at t.
 * When nobody is on hand at `raisedAt`, the same rules are applied forward at each moment cover can
 * begin (an opening, a rota period starting, someone coming back from being away) up to
 * `coverSearchDays`; the first that names someone gives the recipient and `coverageStartsAt`. Session
 * mode is known only for now, so it counts at `raisedAt` only. If no moment qualifies, the site lead
 * is named from `raisedAt` with `noCoverFound`, so the alert is never left with nobody.
 *
 * All stretches include their start and exclude their end: an alert at exactly 17:00 when the site
 * closes at 17:00 is out of hours; one at exactly the start of a rota period is that person's.
 * Opening hours are local times turned into instants day by day (DST-safe).
 */
export function whoMustSee(input: WhoMustSeeInput): DutyAnswer {
  const { raisedAt, siteHours, tier } = input;
  const due = (from: Date) => (tier.responseMinutes === undefined ? null : new Date(from.getTime() + tier.responseMinutes * 60_000));

  const outOfHours = !isSiteOpenAt(siteHours, raisedAt);
  const now = responsibleAt(input, raisedAt, !outOfHours, new Set(input.inSessionStaffIds));
  if (now) return { ...now, coverageStartsAt: raisedAt, dueBy: due(raisedAt), outOfHours, noCoverFound: false };

  // Closed, and nobody on call now. Until the next opening the site stays closed, so only on-call
  // can cover: it begins when a rota period starts or an on-call person comes back from being away.
  const horizon = new Date(raisedAt.getTime() + coverSearchDays * dayMs);
  const nextOpening = nextOpeningAfter(siteHours, raisedAt, horizon);
  const moments = [...input.rota.map((p) => p.startsAt), ...input.away.map((p) => p.until)]
    .filter((t) => t > raisedAt && (nextOpening ? t < nextOpening : t <= horizon))
    .sort((a, b) => a.getTime() - b.getTime());
  for (const t of moments) {
    const onCall = responsibleAt(input, t, false, noOne);
    if (onCall) return { ...onCall, coverageStartsAt: t, dueBy: due(t), outOfHours, noCoverFound: false };
  }
  if (nextOpening) {
    // Open, so someone is always named (the site lead at worst); the null branch cannot happen.
    const atOpening = responsibleAt(input, nextOpening, true, noOne) ?? siteLead(input);
    return { ...atOpening, coverageStartsAt: nextOpening, dueBy: due(nextOpening), outOfHours, noCoverFound: false };
  }
  return { ...siteLead(input), coverageStartsAt: raisedAt, dueBy: due(raisedAt), outOfHours, noCoverFound: true };
}

/** Session mode is known only for now: nobody is assumed to be in session at a later moment. */
const noOne: ReadonlySet<string> = new Set();

function siteLead(input: WhoMustSeeInput): { recipient: string; reason: DutyReason } {
  return { recipient: input.siteHours.siteLeadStaffId, reason: 'site_lead' };
}

/** The rules above at one moment; null when the site is closed and nobody is on call. */
function responsibleAt(
  input: WhoMustSeeInput,
  at: Date,
  open: boolean,
  inSession: ReadonlySet<string>,
): { recipient: string; reason: DutyReason } | null {
  const available = (staffId: string) => !inSession.has(staffId) && !isAwayAt(staffId, at, input.away);
  const practitioner = input.assignedPractitionerId;
  if (open && practitioner !== null && available(practitioner)) return { recipient: practitioner, reason: 'assigned_practitioner' };
  const duty = rotaPeriodsAt(input.rota, at).find((p) => available(p.staffId));
  if (duty) return { recipient: duty.staffId, reason: 'duty' };
  if (open) return siteLead(input);
  return null;
}
