import type { Me } from '@tandem/domain';
import type { ReactNode } from 'react';
import type { ApiError } from '../shared/api';
import { AppFrame } from '../shared/AppFrame';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { Link, usePathname } from '../shared/navigation';
import { SignOutButton } from '../shared/SignOutButton';
import { useOpenAlertCount } from './open-alerts';
import { staffPaths } from './routes';

export interface StaffContext {
  me: Me;
  onSignOut(): Promise<ApiError | null>;
}

/**
 * The frame of every signed-in staff page: the header bar says who is signed in and for which
 * organisation (shared workstations), with links to the caseload and to the risk alerts (with the
 * number open, so a new one is seen from any page) and "Sign out".
 */
export function StaffFrame({ staff, title, page, children }: { staff: StaffContext; title?: string; page: string; children: ReactNode }) {
  const t = useT<PractitionerKey>();
  const { actor } = staff.me;
  const pathname = usePathname();
  const onCaseload = pathname === staffPaths.caseload;
  const onAlerts = pathname.replace(/\/+$/, '') === staffPaths.alerts;
  const openAlerts = useOpenAlertCount();
  return (
    <AppFrame
      title={title}
      page={page}
      wide
      header={
        <div className="staff-bar">
          <nav aria-label={t('practitioner.nav.label')}>
            <Link className="header-link" href={staffPaths.caseload} aria-current={onCaseload ? 'page' : undefined}>
              {t('practitioner.nav.caseload')}
            </Link>
            <Link className="header-link" href={staffPaths.alerts} aria-current={onAlerts ? 'page' : undefined}>
              {t('practitioner.nav.alerts')}
              {openAlerts ? ' ' : null}
              {openAlerts ? <span className="nav-count">{t('practitioner.nav.alertsOpen', { count: openAlerts })}</span> : null}
            </Link>
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
          <SignOutButton className="button button-header" onSignOut={staff.onSignOut} />
        </div>
      }
    >
      {children}
    </AppFrame>
  );
}
