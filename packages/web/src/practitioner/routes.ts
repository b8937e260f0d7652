/** The practitioner app's pages, by path (it is served under /staff/). */
export type StaffRoute =
  | { name: 'caseload' }
  | { name: 'register' }
  | { name: 'alerts' }
  | { name: 'client'; clientId: string }
  | { name: 'brief'; clientId: string }
  | { name: 'plan'; clientId: string; episodeId: string }
  | { name: 'session'; appointmentId: string }
  | { name: 'calendar' }
  | { name: 'away' }
  | { name: 'notifications' }
  | { name: 'messages' }
  | { name: 'conversation'; clientId: string }
  | { name: 'supervision' }
  | { name: 'figures' }
  | { name: 'exports' }
  | { name: 'service' }
  | { name: 'site-duty'; siteId: string }
  | { name: 'risk-policy' }
  | { name: 'care-settings' }
  | { name: 'plan-templates' }
  | { name: 'delivery-log' }
  | { name: 'data-requests' }
  | { name: 'invite' }
  | { name: 'not-found' };

export const staffPaths = {
  caseload: '/staff/',
  register: '/staff/clients/new',
  /** Risk alerts and follow-up tasks. The alert email sent to staff links here: keep the path. */
  alerts: '/staff/alerts',
  client: (clientId: string) => `/staff/clients/${encodeURIComponent(clientId)}`,
  /** The one-minute pre-session brief for the client's next appointment (printable). */
  brief: (clientId: string) => `/staff/clients/${encodeURIComponent(clientId)}/brief`,
  /** One referral's treatment plan: view, change, history. */
  plan: (clientId: string, episodeId: string) => `/staff/clients/${encodeURIComponent(clientId)}/episodes/${encodeURIComponent(episodeId)}/plan`,
  /**
   * Session mode, shown with the client in the room. The client and referral ride in the query:
   * the "together" view names neither (it is shared with the client), and the end of the session
   * needs both.
   */
  session: (appointmentId: string, clientId: string, episodeId: string) =>
    `/staff/sessions/${encodeURIComponent(appointmentId)}?client=${encodeURIComponent(clientId)}&episode=${encodeURIComponent(episodeId)}`,
  /** The person's own private calendar feed. */
  calendar: '/staff/calendar',
  away: '/staff/away',
  /** The notification centre and the daily summary settings. The summary email links here: keep the path. */
  notifications: '/staff/notifications',
  /** Unread client messages and the person's quick replies; one client's conversation. */
  messages: '/staff/messages',
  conversation: (clientId: string) => `/staff/messages/${encodeURIComponent(clientId)}`,
  supervision: '/staff/supervision',
  /** Value and burden: the person's own week, the monthly check; supervisors' and admins' figures. */
  figures: '/staff/figures',
  /** The service-system and research exports (supervisors and admins). */
  exports: '/staff/exports',
  /** Service settings (admins): the pages below it share its nav link. */
  service: '/staff/service',
  siteDuty: (siteId: string) => `/staff/service/sites/${encodeURIComponent(siteId)}`,
  riskPolicy: '/staff/service/risk-policy',
  careSettings: '/staff/service/care-settings',
  planTemplates: '/staff/service/plan-templates',
  deliveryLog: '/staff/service/delivery-log',
  /** Requests about a client's data: restriction, lifting, erasure (admins; decision 0042). */
  dataRequests: '/staff/service/data-requests',
} as const;

/** Pages whose address has no parameter, by path without a trailing slash. */
const fixed: Record<string, StaffRoute> = {
  '/staff': { name: 'caseload' },
  '/staff/invite': { name: 'invite' },
  '/staff/clients/new': { name: 'register' },
  '/staff/alerts': { name: 'alerts' },
  '/staff/away': { name: 'away' },
  '/staff/notifications': { name: 'notifications' },
  '/staff/messages': { name: 'messages' },
  '/staff/calendar': { name: 'calendar' },
  '/staff/supervision': { name: 'supervision' },
  '/staff/figures': { name: 'figures' },
  '/staff/exports': { name: 'exports' },
  '/staff/service': { name: 'service' },
  '/staff/service/risk-policy': { name: 'risk-policy' },
  '/staff/service/care-settings': { name: 'care-settings' },
  '/staff/service/plan-templates': { name: 'plan-templates' },
  '/staff/service/delivery-log': { name: 'delivery-log' },
  '/staff/service/data-requests': { name: 'data-requests' },
};

/** The id in an address, or null when it is not well formed (a bad % escape). */
function decodeId(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

export function matchStaffRoute(pathname: string): StaffRoute {
  const path = pathname.replace(/\/+$/, '');
  const known = fixed[path];
  if (known) return known;
  const client = /^\/staff\/clients\/([^/]+)$/.exec(path);
  const clientId = client ? decodeId(client[1]!) : null;
  if (clientId !== null) return { name: 'client', clientId };
  const brief = /^\/staff\/clients\/([^/]+)\/brief$/.exec(path);
  const briefClientId = brief ? decodeId(brief[1]!) : null;
  if (briefClientId !== null) return { name: 'brief', clientId: briefClientId };
  const plan = /^\/staff\/clients\/([^/]+)\/episodes\/([^/]+)\/plan$/.exec(path);
  const planIds = plan ? [decodeId(plan[1]!), decodeId(plan[2]!)] : null;
  if (planIds?.[0] && planIds[1]) return { name: 'plan', clientId: planIds[0], episodeId: planIds[1] };
  const conversation = /^\/staff\/messages\/([^/]+)$/.exec(path);
  const conversationClientId = conversation ? decodeId(conversation[1]!) : null;
  if (conversationClientId !== null) return { name: 'conversation', clientId: conversationClientId };
  const session = /^\/staff\/sessions\/([^/]+)$/.exec(path);
  const appointmentId = session ? decodeId(session[1]!) : null;
  if (appointmentId) return { name: 'session', appointmentId };
  const site = /^\/staff\/service\/sites\/([^/]+)$/.exec(path);
  const siteId = site ? decodeId(site[1]!) : null;
  if (siteId !== null) return { name: 'site-duty', siteId };
  return { name: 'not-found' };
}
