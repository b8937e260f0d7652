import type { ClientRecord, RiskAlert } from '@tandem/domain';
import { useMemo, useState } from 'react';
import { apiGet } from '../shared/api';
import { LoadState } from '../shared/LoadState';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { useApiGet } from '../shared/use-api-get';
import { AcknowledgedAlerts } from './AcknowledgedAlerts';
import { AlertCard } from './AlertCard';
import { FocusNotice } from './FocusNotice';
import { announceAlertsChanged, byAcknowledgedNewest, byUrgency } from './open-alerts';
import type { StaffContext } from './StaffFrame';
import { useNow } from './use-now';

/**
 * The client's risk alerts on their record: open ones first and prominent, each with its
 * acknowledge form; those already acknowledged behind a disclosure, with who, when and what was done.
 */
export function ClientRiskAlerts({ client, staff }: { client: ClientRecord; staff: StaffContext }) {
  const t = useT<PractitionerKey>();
  const { actor } = staff.me;
  const now = useNow();
  const path = `/api/clients/${encodeURIComponent(client.id)}/risk-alerts`;
  const { resource, replace, reload } = useApiGet<{ alerts: RiskAlert[] }>(path);
  const [notice, setNotice] = useState<{ version: number; kind: 'acknowledged' | 'changed' }>({ version: 0, kind: 'acknowledged' });
  const names = useMemo(() => {
    const map = new Map(client.careTeam.map((m) => [m.staffId, m.displayName] as const));
    if (actor.staffId) map.set(actor.staffId, actor.displayName);
    return map;
  }, [client.careTeam, actor.staffId, actor.displayName]);

  // Alerts acknowledged here, over the loaded list (a functional update: answers arriving close
  // together cannot undo each other).
  const [acknowledgedHere, setAcknowledgedHere] = useState<ReadonlyMap<string, RiskAlert>>(() => new Map());
  // By version: an alert re-opened since (a higher answer) is newer than its acknowledgement here.
  const alerts =
    resource.status === 'ok'
      ? resource.data.alerts.map((a) => {
          const mine = acknowledgedHere.get(a.id);
          return mine && mine.version >= a.version ? mine : a;
        })
      : [];
  const open = alerts.filter((a) => a.status === 'open').sort(byUrgency);
  const done = alerts.filter((a) => a.status === 'acknowledged').sort(byAcknowledgedNewest);

  return (
    <section className={open.length ? 'client-risk client-risk-open' : 'client-risk'} aria-labelledby="client-risk-heading">
      <h2 id="client-risk-heading">{t('practitioner.clientAlerts.heading')}</h2>
      <LoadState resource={resource} onRetry={reload} />
      <FocusNotice version={notice.version} tone={notice.kind === 'changed' ? 'warning' : 'success'}>
        <p className="notice-heading">{t(notice.kind === 'changed' ? 'practitioner.alerts.changed.title' : 'practitioner.alerts.done.title')}</p>
        <p>{t(notice.kind === 'changed' ? 'practitioner.alerts.changed.text' : 'practitioner.clientAlerts.doneText')}</p>
      </FocusNotice>
      {resource.status === 'ok' && !open.length ? <p>{t('practitioner.clientAlerts.noneOpen')}</p> : null}
      {open.length ? <p className="alert-count">{t('practitioner.clientAlerts.openCount', { count: open.length })}</p> : null}
      {open.map((alert) => (
        <AlertCard
          key={alert.id}
          alert={alert}
          staffId={actor.staffId}
          timeZone={actor.timeZone}
          now={now}
          names={names}
          headingLevel={3}
          canAcknowledge={client.access === 'care_team' || alert.recipientStaffId === actor.staffId}
          onAcknowledged={(updated) => {
            setAcknowledgedHere((previous) => new Map(previous).set(updated.id, updated));
            announceAlertsChanged();
            setNotice((n) => ({ version: n.version + 1, kind: 'acknowledged' }));
          }}
          onChangedElsewhere={async () => {
            // In place, so the other open cards keep any note being typed.
            const next = await apiGet<{ alerts: RiskAlert[] }>(path);
            if (next.ok) replace(next.data);
            else reload();
            announceAlertsChanged();
            setNotice((n) => ({ version: n.version + 1, kind: 'changed' }));
          }}
        />
      ))}
      {done.length ? (
        <details className="disclosure">
          <summary>{t('practitioner.clientAlerts.acknowledgedSummary', { count: done.length })}</summary>
          <AcknowledgedAlerts alerts={done} caption={t('practitioner.clientAlerts.acknowledgedCaption')} staffId={actor.staffId} timeZone={actor.timeZone} names={names} />
        </details>
      ) : null}
    </section>
  );
}
