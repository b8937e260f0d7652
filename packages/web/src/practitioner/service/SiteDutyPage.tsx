import type { DutyOverview } from '@tandem/domain';
import { useState } from 'react';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { useApiGet } from '../../shared/use-api-get';
import { FocusNotice } from '../FocusNotice';
import { StaffFrame, type StaffContext } from '../StaffFrame';
import { AddPeriodForm, CoverNow, RotaProblems, RotaTable } from './RotaSection';
import { BackToService } from './SettingsPage';
import { SiteHoursForm } from './SiteHoursForm';
import { staffNamer, useStaffList } from './StaffSelect';

/**
 * A site's service hours and duty (admins): who covers a risk alert raised now, the opening hours,
 * closure days and site lead, and the duty rota with the problems the server finds in it over the
 * next four weeks (overlaps are refused when added; gaps are reported, never silently accepted).
 */
export function SiteDutyPage({ staff, siteId }: { staff: StaffContext; siteId: string }) {
  const t = useT<PractitionerKey>();
  const duty = useApiGet<DutyOverview>(`/api/sites/${encodeURIComponent(siteId)}/duty`);
  const people = useStaffList();
  const [notice, setNotice] = useState<{ version: number; kind: 'hours' | 'rota' | null }>({ version: 0, kind: null });
  const overview = duty.resource.status === 'ok' ? duty.resource.data : null;
  const list = people.resource.status === 'ok' ? people.resource.data.staff : null;
  const nameOf = staffNamer(list ?? [], t('service.staff.unknown'));
  const saved = (kind: 'hours' | 'rota') => (next: DutyOverview) => {
    duty.replace(next);
    setNotice((n) => ({ version: n.version + 1, kind }));
  };

  return (
    <StaffFrame staff={staff} title={overview ? t('service.duty.title', { site: overview.site.name }) : t('service.duty.titleLoading')} page="site-duty">
      <BackToService />
      <h1>
        {t('service.duty.heading')}
        {overview ? (
          <>
            {': '}
            <span translate="no">{overview.site.name}</span>
          </>
        ) : null}
      </h1>
      <LoadState resource={duty.resource} onRetry={duty.reload} />
      <LoadState resource={people.resource} onRetry={people.reload} />
      <FocusNotice version={notice.version}>{notice.kind ? <p>{t(`service.duty.saved.${notice.kind}`)}</p> : null}</FocusNotice>
      {overview && list ? (
        <>
          <h2>{t('service.cover.heading')}</h2>
          <CoverNow overview={overview} nameOf={nameOf} />
          <dl className="summary-list">
            <div>
              <dt>{t('service.duty.timeZone')}</dt>
              <dd translate="no">{overview.site.timeZone}</dd>
            </div>
          </dl>

          <div className="service-columns">
            <section aria-labelledby="hours-heading">
              <h2 id="hours-heading">{t('service.hours.heading')}</h2>
              <SiteHoursForm overview={overview} staff={list} onSaved={saved('hours')} />
            </section>
            <section aria-labelledby="rota-heading">
              <h2 id="rota-heading">{t('service.rota.heading')}</h2>
              <RotaProblems overview={overview} />
              <RotaTable overview={overview} nameOf={nameOf} />
              <h3>{t('service.rota.addHeading')}</h3>
              <AddPeriodForm overview={overview} staff={list} nameOf={nameOf} onSaved={saved('rota')} />
            </section>
          </div>
        </>
      ) : null}
    </StaffFrame>
  );
}
