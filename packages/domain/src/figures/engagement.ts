import { minCountToShow, rateFigure, suppressedRate, type RateFigure } from './rates';

/*
 * Client engagement in one week (issue 9 item 5, decision 0028; stated in docs/figures.md, on the
 * page and in the CSV). Counted over the clients with an open episode in the week. "Active" means
 * the client did something in Tandem themselves: a mood check-in, a programme step finished, an
 * exercise entry sent (shared or private — a private entry counts, its words are never read), or
 * a questionnaire completed.
 */

/** One client's week, as dates ('YYYY-MM-DD', organisation time) and counts. */
export interface ClientWeek {
  /** Dates with any of the client's own activity (check-ins included). */
  activityDates: readonly string[];
  /** Dates with at least one mood check-in. */
  checkInDates: readonly string[];
  /** Programme steps the client finished in the week. */
  stepsCompleted: number;
  /** Each homework item due in the week (not cancelled): done by the client or not. */
  homeworkItemsDue: readonly { done: boolean }[];
}

/**
 * A week's check-ins are "adherent" on at least this many of the 7 days: more than half. After the
 * first week the mood prompt comes once a day (checkins/prompt-schedule), so the intended use is a
 * check-in a day; "most days" allows for the days people rightly skip, as adherence should be
 * defined against an intended use (BRIEF.md, "Mood monitoring and adherence"; Donkin et al. 2011,
 * J Med Internet Res 13:e52).
 */
export const checkInAdherentDays = 4;

/** Distinct dates of `dates` that fall in `week` (its seven dates). */
export function activeDaysIn(dates: readonly string[], week: readonly string[]): number {
  const inWeek = new Set(week);
  return new Set(dates.filter((d) => inWeek.has(d))).size;
}

export interface EngagementFigures {
  /** Clients with an open episode in the week (the denominator of every figure below). */
  clients: number;
  /** Mean active days per client (0–7); null when suppressed or no clients. */
  meanActiveDays: number | null;
  /** Clients active on at least one day. */
  activeClients: RateFigure;
  /** Programme steps finished by these clients in the week (a count; null when suppressed). */
  stepsCompleted: number | null;
  /** Homework items due in the week that were done ÷ homework items due in the week. */
  homeworkCompletion: RateFigure;
  /** Clients who checked in on `checkInAdherentDays` or more days ÷ clients. */
  checkInAdherence: RateFigure;
}

/**
 * The week's engagement figures for a group of clients. Nothing is shown for fewer than
 * `minCountToShow` clients: the figures of two or three clients describe those clients.
 * Homework completion counts items, and items of one client are not independent, so its
 * interval is narrower than it should be — said with the figure (docs/figures.md).
 */
export function engagementFigures(clients: readonly ClientWeek[], week: readonly string[], min = minCountToShow): EngagementFigures {
  const n = clients.length;
  const days = clients.map((c) => activeDaysIn(c.activityDates, week));
  const small = n > 0 && n < min;
  const items = clients.flatMap((c) => c.homeworkItemsDue);
  return {
    clients: n,
    meanActiveDays: small || n === 0 ? null : days.reduce((a, b) => a + b, 0) / n,
    activeClients: rateFigure(days.filter((d) => d > 0).length, n, min),
    stepsCompleted: small ? null : clients.reduce((a, c) => a + c.stepsCompleted, 0),
    homeworkCompletion: small ? suppressedRate : rateFigure(items.filter((i) => i.done).length, items.length, min),
    checkInAdherence: rateFigure(clients.filter((c) => activeDaysIn(c.checkInDates, week) >= checkInAdherentDays).length, n, min),
  };
}
