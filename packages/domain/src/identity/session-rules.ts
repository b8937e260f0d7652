import type { ActorType } from './actor';

/**
 * How long a signed-in session lasts. OWASP ASVS 4.0.3 V3.3.2 (level 2): re-authenticate after
 * 30 minutes of inactivity or 12 hours, whichever comes first — applied to staff, who work on
 * shared NHS workstations. Clients use their own phones and are often tired: by default their
 * session ends when the browser session does (a cookie without expiry) or after 12 hours idle on
 * the server; "remember this device" is an explicit choice that keeps them signed in for up to
 * 30 days (issue "Foundation 2/3").
 */
export const sessionRules = {
  staff: { idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000 },
  client: { idleMs: 12 * 3600_000, absoluteMs: 12 * 3600_000 },
  clientRemembered: { idleMs: 30 * 24 * 3600_000, absoluteMs: 30 * 24 * 3600_000 },
} as const;

/** Activity refreshes the idle deadline at most this often, to spare a write per request. */
export const sessionTouchIntervalMs = 60_000;

export interface SessionTimes {
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

export function sessionRulesFor(actorType: ActorType, remember: boolean) {
  if (actorType === 'client') return remember ? sessionRules.clientRemembered : sessionRules.client;
  return sessionRules.staff;
}

/** Deadlines of a new session started at `now`. */
export function newSessionTimes(actorType: ActorType, remember: boolean, now: Date): SessionTimes {
  const rules = sessionRulesFor(actorType, remember);
  return {
    idleExpiresAt: new Date(now.getTime() + rules.idleMs),
    absoluteExpiresAt: new Date(now.getTime() + rules.absoluteMs),
  };
}

/** Whether a session is still valid at `now` (both deadlines are exclusive). */
export function sessionIsLive(times: SessionTimes, now: Date): boolean {
  return now < times.idleExpiresAt && now < times.absoluteExpiresAt;
}

/** The idle deadline after activity at `now`, never beyond the absolute deadline. */
export function touchedIdleExpiry(actorType: ActorType, remember: boolean, absoluteExpiresAt: Date, now: Date): Date {
  const next = now.getTime() + sessionRulesFor(actorType, remember).idleMs;
  return new Date(Math.min(next, absoluteExpiresAt.getTime()));
}
