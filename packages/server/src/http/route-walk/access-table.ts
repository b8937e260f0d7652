/**
 * Who may do what: the expected answer of every route to every kind of caller, written down from
 * the access policy (decision 0010, `clientAccess` in packages/domain/src/access, duty cover in
 * decision 0015) — never from what the routes answer. The route walk sends each route's request,
 * on the owner's real records, as every caller below and checks the answer's class against this
 * table.
 *
 * The people, all real accounts (route-walk/world.ts): the owner client c1 of Organisation A, on
 * practitioner p1's caseload; p1's supervisor s1; and around them one of each other kind.
 */
export const callers = [
  'anonymous',
  /** c1: the client whose records the requests are about (or, for the client app, who makes them). */
  'owner',
  /** c2: another client of the same organisation (on another caseload). */
  'sameOrgClient',
  /** cb: a client of Organisation B. */
  'otherOrgClient',
  /** p1: the practitioner on c1's care team (the assigned practitioner). */
  'assigned',
  /** p2: a practitioner of the same organisation, not on c1's care team. */
  'colleague',
  /** pb: a practitioner of Organisation B. */
  'otherOrgPractitioner',
  /** s1: supervises p1. */
  'supervisor',
  /** s2: a supervisor of the same organisation who supervises p2, not p1. */
  'otherSupervisor',
  /** An admin of Organisation A with no grant. */
  'admin',
  /** A second admin of Organisation A holding a live break-glass grant for c1 (and c1Spare). */
  'breakGlassAdmin',
  /** An admin of Organisation B. */
  'otherOrgAdmin',
  /** d1: a practitioner of the same organisation, not on c1's care team, to whom an open risk alert for c1 is routed (duty cover). */
  'duty',
  /** m1: a practitioner of the same organisation, not on c1's care team, to whom one of c1's messages was routed (away cover, decision 0027). */
  'messageCover',
] as const;
export type Caller = (typeof callers)[number];

/**
 * - allowed: 2xx (the request does what it asks, for this caller);
 * - refused: 401 without a session, else 403/404 (or the case's documented refusal statuses), and
 *   nothing of the owner's record in the answer;
 * - ownOnly: 2xx, but the answer is about the caller's own data (their list, their settings, their
 *   organisation): it must not contain any of the owner's records.
 */
export type Outcome = 'allowed' | 'refused' | 'ownOnly';

const clients = ['owner', 'sameOrgClient', 'otherOrgClient'] as const;
const orgAStaff = ['assigned', 'colleague', 'supervisor', 'otherSupervisor', 'admin', 'breakGlassAdmin', 'duty', 'messageCover'] as const;
const orgBStaff = ['otherOrgPractitioner', 'otherOrgAdmin'] as const;
const staff = [...orgAStaff, ...orgBStaff] as const;
const practitioners = ['assigned', 'colleague', 'otherOrgPractitioner', 'duty', 'messageCover'] as const;

interface Rule {
  /** Callers whose request succeeds on the owner's data. */
  allowed: readonly Caller[];
  /** Callers answered 2xx about their own data only (everyone else is refused). */
  ownOnly?: readonly Caller[];
}

export const accessTable = {
  /** Published, the same for everyone: no client data (public-routes.ts). */
  public: { allowed: callers },
  /** Anyone signed in, about themselves only: their session, their feed, their devices. */
  self: { allowed: [], ownOnly: [...clients, ...staff] },
  /** The client app: a client's own data, by no id or by a new id of their own. */
  clientSelf: { allowed: ['owner'], ownOnly: ['sameOrgClient', 'otherOrgClient'] },
  /** One of the owner's own records by its id (an entry, an agenda item, a quick reply, a device): its owner only. */
  ownRecord: { allowed: [] },
  /** A staff member's own things (notifications, settings, pulse, away, tasks, quick replies, feedback wording, the worklist stream): any staff, about themselves. */
  staffSelf: { allowed: [], ownOnly: staff },
  /** Reading the client's record, including by the client themselves. */
  readRecord: { allowed: ['owner', 'assigned', 'supervisor', 'breakGlassAdmin', 'duty'] },
  /** Reading the client's clinical record (notes, plans, alerts, messages): the care team, their supervisor, a break-glass admin, the person an open alert is routed to. Their looks change nothing (decision 0027). */
  readCase: { allowed: ['assigned', 'supervisor', 'breakGlassAdmin', 'duty'] },
  /** Working with the client (episodes, appointments, plans, homework, notes, feedback on entries, the session view): the care team only (HAZ-093). */
  careTeam: { allowed: ['assigned'] },
  /** Either the client or their care team (consent). */
  clientOrCareTeam: { allowed: ['owner', 'assigned'] },
  /** Who is on the care team: the care team, their supervisor, a break-glass admin (`manageCareTeam`). */
  manageCareTeam: { allowed: ['assigned', 'supervisor', 'breakGlassAdmin'] },
  /** Acting on a risk alert: the care team and whoever an open alert for the client is routed to. */
  actOnAlert: { allowed: ['assigned', 'duty'] },
  /** The alerts list: the care team and the person an alert is routed to see it; other staff their own. */
  alerts: { allowed: ['assigned', 'duty'], ownOnly: ['colleague', 'supervisor', 'otherSupervisor', 'otherOrgPractitioner', 'admin', 'breakGlassAdmin', 'otherOrgAdmin', 'messageCover'] },
  /** A caseload list (clients, the worklist): staff, each their own; the owner's records only to those whose caseload it is on. */
  caseload: { allowed: ['assigned', 'supervisor'], ownOnly: ['colleague', 'otherSupervisor', 'otherOrgPractitioner', 'duty', 'admin', 'breakGlassAdmin', 'otherOrgAdmin', 'messageCover'] },
  /** The unread messages of the staff member's caseload and of what was routed to them. */
  unreadMessages: { allowed: ['assigned', 'supervisor', 'messageCover'], ownOnly: ['colleague', 'otherSupervisor', 'otherOrgPractitioner', 'duty', 'admin', 'breakGlassAdmin', 'otherOrgAdmin'] },
  /** Reading the client's conversation: whoever reads the clinical record, and the colleague a message was routed to (decision 0027). */
  readConversation: { allowed: ['assigned', 'supervisor', 'breakGlassAdmin', 'duty', 'messageCover'] },
  /** Writing to the client: the care team and the colleague covering (decision 0027). */
  answerClient: { allowed: ['assigned', 'messageCover'] },
  /** Registering a client: practitioners, into their own organisation. */
  registerClients: { allowed: practitioners },
  /** Supervision views: supervisors, of their own supervisees. */
  supervision: { allowed: ['supervisor'], ownOnly: ['otherSupervisor'] },
  /** The service's aggregate figures (the monthly pulse): supervisors and admins, of their own organisation. */
  serviceFigures: { allowed: ['supervisor', 'otherSupervisor', 'admin', 'breakGlassAdmin'], ownOnly: ['otherOrgAdmin'] },
  /** Break-glass: an admin of the client's organisation. */
  breakGlass: { allowed: ['admin', 'breakGlassAdmin'] },
  /** Organisation settings read by its staff. */
  orgRead: { allowed: orgAStaff, ownOnly: orgBStaff },
  /** Organisation settings changed by its admins (another organisation's admin changes only theirs). */
  orgAdmin: { allowed: ['admin', 'breakGlassAdmin'], ownOnly: ['otherOrgAdmin'] },
  /** One of the organisation's sites, by its id, for its staff. */
  siteStaff: { allowed: orgAStaff },
  /** One of the organisation's sites, by its id, changed by its admins. */
  siteAdmin: { allowed: ['admin', 'breakGlassAdmin'] },
  /** Another member of the organisation's staff, by their id, managed by its admins (a reset of two-step sign-in; decision 0035). */
  staffAdmin: { allowed: ['admin', 'breakGlassAdmin'] },
  /** An integration of the organisation (a service account) and its API tokens, by id: its admins (decision 0041). */
  integrationAdmin: { allowed: ['admin', 'breakGlassAdmin'] },
  /** A removal request (restrict, lift, erase; finding the client by email or NHS number): admins of the client's organisation and no one else (decision 0042). */
  dataRightsAdmin: { allowed: ['admin', 'breakGlassAdmin'] },
  /** Whether a client's processing is restricted: the organisation's admins (who handle it) and staff who read the record (the banner; decision 0042). */
  dataRightsRead: { allowed: ['assigned', 'supervisor', 'admin', 'breakGlassAdmin', 'duty'] },
  /** A client's own remembered phone (its app PIN): clients, each for their own session; staff have none (decision 0035). */
  clientDevice: { allowed: ['owner'], ownOnly: ['sameOrgClient', 'otherOrgClient'] },
} satisfies Record<string, Rule>;
export type AccessRule = keyof typeof accessTable;

/**
 * The table's answer for one caller under one rule, when `owner` makes the request of the case.
 * The owner's own request is theirs to make: under `self`, `staffSelf` and the like the other
 * callers answer for their own data, and under `ownRecord` they are refused.
 */
export function expected(rule: AccessRule, caller: Caller, owner: Caller): Outcome {
  const row: Rule = accessTable[rule];
  if (caller === owner && (rule === 'ownRecord' || row.ownOnly?.includes(caller))) return 'allowed';
  if (row.allowed.includes(caller)) return 'allowed';
  if (row.ownOnly?.includes(caller)) return 'ownOnly';
  return 'refused';
}
