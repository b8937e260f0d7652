import type { SiteList } from '@tandem/domain';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { useApiGet } from '../../shared/use-api-get';
import { staffPaths } from '../routes';
import { StaffFrame, type StaffContext } from '../StaffFrame';
import { IntegrationsSection } from './IntegrationsSection';
import { StaffTwoStepSection } from './StaffTwoStepSection';

/**
 * Service settings (admins): each site's hours and duty, the risk policy, the care settings,
 * treatment plan templates, the delivery log, and the staff list with two-step sign-in resets.
 */
export function ServiceSettingsPage({ staff }: { staff: StaffContext }) {
  const t = useT<PractitionerKey>();
  const { resource, reload } = useApiGet<SiteList>('/api/sites');
  return (
    <StaffFrame staff={staff} title={t('service.title')} page="service">
      <h1>{t('service.heading')}</h1>
      <p>{t('service.intro')}</p>
      <h2>{t('service.sites.heading')}</h2>
      <p>{t('service.sites.intro')}</p>
      <LoadState resource={resource} onRetry={reload} />
      {resource.status === 'ok' && !resource.data.sites.length ? <p>{t('service.sites.none')}</p> : null}
      {resource.status === 'ok' && resource.data.sites.length ? (
        <ul className="plain-list">
          {resource.data.sites.map((site) => (
            <li key={site.id}>
              <Link href={staffPaths.siteDuty(site.id)}>{t('service.sites.link', { site: site.name })}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      <h2>{t('service.clinical.heading')}</h2>
      <ul className="plain-list">
        <li>
          <Link href={staffPaths.riskPolicy}>{t('service.risk.heading')}</Link>
          <p className="hint">{t('service.risk.summary')}</p>
        </li>
        <li>
          <Link href={staffPaths.careSettings}>{t('service.care.heading')}</Link>
          <p className="hint">{t('service.care.summary')}</p>
        </li>
        <li>
          <Link href={staffPaths.planTemplates}>{t('service.templates.heading')}</Link>
          <p className="hint">{t('service.templates.summary')}</p>
        </li>
      </ul>
      <h2>{t('service.delivery.sectionHeading')}</h2>
      <ul className="plain-list">
        <li>
          <Link href={staffPaths.deliveryLog}>{t('service.delivery.link')}</Link>
          <p className="hint">{t('service.delivery.summary')}</p>
        </li>
        <li>
          <Link href={staffPaths.dataRequests}>{t('dataRights.link')}</Link>
          <p className="hint">{t('dataRights.summary')}</p>
        </li>
      </ul>
      <StaffTwoStepSection ownStaffId={staff.me.actor.staffId} />
      <IntegrationsSection />
    </StaffFrame>
  );
}
