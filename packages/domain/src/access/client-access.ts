import type { Actor } from '../identity/actor';

/**
 * Who may do what with a client's record: one pure function over facts the server loads
 * (care team, supervision, break-glass). Every client-data service method starts with it.
 *
 * - A client: their own record only.
 * - A practitioner: clients whose care team they are on.
 * - A supervisor: the caseloads of the practitioners they supervise (named people, not sites).
 * - An admin: manages accounts and configuration; reads clinical data only under an active,
 *   audited break-glass grant with a reason.
 * - Whoever an open risk alert for the client is routed to (duty, the site lead, the escalation
 *   person): reads the record, to act on the alert, until it is acknowledged (issue 6).
 * - An integration (a service account's API token, decision 0041): its organisation's clients,
 *   reading only with the `fhir:read` scope, and only on the routes that take tokens.
 * - Nobody crosses organisations.
 */
export interface ClientAccessFacts {
  clientId: string;
  organisationId: string;
  /** Staff ids on the client's care team. */
  careTeam: string[];
  /** Staff ids who supervise someone on the care team. */
  supervisorsOfCareTeam: string[];
  /** Staff ids holding an unexpired break-glass grant for this client. */
  breakGlass: string[];
  /** Staff ids an open risk alert for this client is routed to now. */
  openAlertRecipients: string[];
}

export type ClientAccessBasis = 'self' | 'care_team' | 'supervision' | 'break_glass' | 'alert_recipient' | 'integration';

export interface ClientAccess {
  /** Why the actor may see the record, or null when they may not. */
  basis: ClientAccessBasis | null;
  /** What the caller may do, returned to the UI so it hides what it cannot. */
  allowed: {
    read: boolean;
    editDetails: boolean;
    invite: boolean;
    manageCareTeam: boolean;
    /** Open referrals, book and record appointments, step, transfer and discharge. */
    manageEpisodes: boolean;
  };
}

const none: ClientAccess = {
  basis: null,
  allowed: { read: false, editDetails: false, invite: false, manageCareTeam: false, manageEpisodes: false },
};

/** Decides an actor's access to one client's record. */
export function clientAccess(actor: Actor, facts: ClientAccessFacts): ClientAccess {
  if (actor.organisationId !== facts.organisationId) return none;
  if (actor.type === 'client') {
    return actor.clientId === facts.clientId
      ? { basis: 'self', allowed: { read: true, editDetails: false, invite: false, manageCareTeam: false, manageEpisodes: false } }
      : none;
  }
  if (actor.type === 'service') {
    // An integration's API token (decision 0041): it reads every client of its organisation, and
    // only with `fhir:read`; a route takes a token only with the scope it names, and writes check
    // their own scope (an imported measure: `measures:write`).
    return actor.scopes.includes('fhir:read')
      ? { basis: 'integration', allowed: { read: true, editDetails: false, invite: false, manageCareTeam: false, manageEpisodes: false } }
      : { ...none, basis: 'integration' };
  }
  if (actor.type !== 'staff') return none;
  if (actor.roles.includes('practitioner') && facts.careTeam.includes(actor.staffId)) {
    return { basis: 'care_team', allowed: { read: true, editDetails: true, invite: true, manageCareTeam: true, manageEpisodes: true } };
  }
  if (actor.roles.includes('supervisor') && facts.supervisorsOfCareTeam.includes(actor.staffId)) {
    return { basis: 'supervision', allowed: { read: true, editDetails: false, invite: false, manageCareTeam: true, manageEpisodes: false } };
  }
  if (actor.roles.includes('admin') && facts.breakGlass.includes(actor.staffId)) {
    return { basis: 'break_glass', allowed: { read: true, editDetails: false, invite: false, manageCareTeam: true, manageEpisodes: false } };
  }
  if (facts.openAlertRecipients.includes(actor.staffId)) {
    return { basis: 'alert_recipient', allowed: { read: true, editDetails: false, invite: false, manageCareTeam: false, manageEpisodes: false } };
  }
  return none;
}

/** Whether a staff actor may manage accounts (invite staff, reset, disable) in their organisation. */
export function canManageAccounts(actor: Actor): boolean {
  return actor.type === 'staff' && actor.roles.includes('admin');
}

/** Whether an actor may register a new client (they join the client's care team). */
export function canRegisterClients(actor: Actor): boolean {
  return actor.type === 'staff' && actor.roles.includes('practitioner');
}

/** Whether an actor may ask for break-glass access to a client's record. */
export function canBreakGlass(actor: Actor): boolean {
  return actor.type === 'staff' && actor.roles.includes('admin');
}
