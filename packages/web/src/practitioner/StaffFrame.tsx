import type { Me, StaffRole } from '@tandem/domain';
import type { ReactNode } from 'react';
import type { ApiError } from '../shared/api';
import { AppFrame } from '../shared/AppFrame';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { Link, usePathname } from '../shared/navigation';
import { SignOutButton } from '../shared/SignOutButton';
import { useUnreadMessages } from './messages/unread-messages';
import { useUnreadNotificationCount } from './notifications/unread-notifications';
import { usePulseOffered } from './figures/pulse-offer';
import { exportPermissions } from './exports/export-permissions';
import { useOpenAlertCount } from './open-alerts';
import { staffPaths } from './routes';

export interface StaffContext {
  me: Me;
  /** Signs out of this session, or with `everywhere` of every session of the account. */
  onSignOut(everywhere?: boolean): Promise<ApiError | null>;
}

/** Whether the signed-in person holds `role` (pages and links for one role only). */
export function hasRole(staff: StaffContext, role: StaffRole): boolean {
  return staff.me.actor.roles.includes(role);
}

/** The address without a trailing slash, so '/staff/alerts/' is the alerts page too. */
function trimmed(pathname: string): string {
  return pathname.replace(/\/+$/, '');
}

/**
 * The frame of every signed-in staff page: the header bar says who is signed in and for which
 * organisation (shared workstations), with links to the caseload, to the risk alerts (with the
 * number open, so a new one is seen from any page), to the notification centre (with the number
 * unread, quietly), to messages (with the number of unread client messages), to supervision for supervisors, to the value-and-burden figures (marked while
 * this month's check waits), to the exports for supervisors and admins, to "Away" and
 * the calendar feed for everyone and to the service settings for admins, and "Sign out".
 */
export function StaffFrame({ staff, title, page, children }: { staff: StaffContext; title?: string; page: string; children: ReactNode }) {
  const t = useT<PractitionerKey>();
  const { actor } = staff.me;
  const path = trimmed(usePathname());
  const openAlerts = useOpenAlertCount();
  const pulseWaiting = usePulseOffered(actor.staffId ?? actor.accountId);
  const unread = useUnreadNotificationCount();
  const unreadMessages = useUnreadMessages()?.unread ?? 0;
  // A section's link is marked on the pages inside it too ('true': the section, not this page).
  const current = (href: string, section = false) => (path === trimmed(href) ? 'page' : section && path.startsWith(`${href}/`) ? 'true' : undefined);
  return (
    <AppFrame
      title={title}
      page={page}
      wide
      header={
        <div className="staff-bar">
          <nav aria-label={t('practitioner.nav.label')}>
            <Link className="header-link" href={staffPaths.caseload} aria-current={current(staffPaths.caseload)}>
              {t('practitioner.nav.caseload')}
            </Link>
            <Link className="header-link" href={staffPaths.alerts} aria-current={current(staffPaths.alerts)}>
              {t('practitioner.nav.alerts')}
              {openAlerts ? ' ' : null}
              {openAlerts ? <span className="nav-count">{t('practitioner.nav.alertsOpen', { count: openAlerts })}</span> : null}
            </Link>
            {hasRole(staff, 'supervisor') ? (
              <Link className="header-link" href={staffPaths.supervision} aria-current={current(staffPaths.supervision)}>
                {t('service.nav.supervision')}
              </Link>
            ) : null}
            <Link className="header-link" href={staffPaths.messages} aria-current={current(staffPaths.messages, true)}>
              {t('practitioner.messages.nav')}
              {unreadMessages ? <span className="nav-count">{t('practitioner.messages.navUnread', { count: unreadMessages })}</span> : null}
            </Link>
            <Link className="header-link" href={staffPaths.notifications} aria-current={current(staffPaths.notifications)}>
              {t('practitioner.notifications.nav')}
              {unread ? ' ' : null}
              {unread ? <span className="nav-count">{t('practitioner.notifications.navUnread', { count: unread })}</span> : null}
            </Link>
            <Link className="header-link" href={staffPaths.figures} aria-current={current(staffPaths.figures)}>
              {t('practitioner.figures.nav')}
              {pulseWaiting ? ' ' : null}
              {pulseWaiting ? <span className="nav-count">{t('practitioner.figures.navPulse')}</span> : null}
            </Link>
            {exportPermissions(hasRole(staff, 'admin'), hasRole(staff, 'supervisor')).any ? (
              <Link className="header-link" href={staffPaths.exports} aria-current={current(staffPaths.exports)}>
                {t('practitioner.exports.nav')}
              </Link>
            ) : null}
            <Link className="header-link" href={staffPaths.away} aria-current={current(staffPaths.away)}>
              {t('service.nav.away')}
            </Link>
            <Link className="header-link" href={staffPaths.calendar} aria-current={current(staffPaths.calendar)}>
              {t('practitioner.nav.calendar')}
            </Link>
            {hasRole(staff, 'admin') ? (
              <Link className="header-link" href={staffPaths.service} aria-current={current(staffPaths.service, true)}>
                {t('service.nav.settings')}
              </Link>
            ) : null}
          </nav>
          <p className="signed-in-as">
            <span className="visually-hidden">{t('practitioner.header.signedInAs')}</span>
            <span className="signed-in-name" translate="no">
              {actor.displayName}
            </span>
            <span className="signed-in-organisation" translate="no">
              {actor.organisationName}
            </span>
          </p>
          <SignOutButton className="button button-header" onSignOut={() => staff.onSignOut()} />
        </div>
      }
    >
      {children}
    </AppFrame>
  );
}
