/** The practitioner app's pages, by path (it is served under /staff/). */
export type StaffRoute =
  | { name: 'caseload' }
  | { name: 'register' }
  | { name: 'alerts' }
  | { name: 'client'; clientId: string }
  | { name: 'invite' }
  | { name: 'not-found' };

export const staffPaths = {
  caseload: '/staff/',
  register: '/staff/clients/new',
  /** Risk alerts and follow-up tasks. The alert email sent to staff links here: keep the path. */
  alerts: '/staff/alerts',
  client: (clientId: string) => `/staff/clients/${encodeURIComponent(clientId)}`,
} as const;

export function matchStaffRoute(pathname: string): StaffRoute {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/staff') return { name: 'caseload' };
  if (path === '/staff/invite') return { name: 'invite' };
  if (path === '/staff/clients/new') return { name: 'register' };
  if (path === '/staff/alerts') return { name: 'alerts' };
  const client = /^\/staff\/clients\/([^/]+)$/.exec(path);
  if (client) {
    try {
      return { name: 'client', clientId: decodeURIComponent(client[1]!) };
    } catch {
      return { name: 'not-found' };
    }
  }
  return { name: 'not-found' };
}
