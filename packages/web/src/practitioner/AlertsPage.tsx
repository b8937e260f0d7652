import type { FollowUpTask, RiskAlert } from '@tandem/domain';
import { useState } from 'react';
import { apiGet } from '../shared/api';
import { LoadState } from '../shared/LoadState';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { useApiGet } from '../shared/use-api-get';
import { AcknowledgedAlerts } from './AcknowledgedAlerts';
import { AlertCard } from './AlertCard';
import { useClientRecords, useStaffNames, type LoadedClient } from './client-records';
import { FocusNotice } from './FocusNotice';
import { FollowUpTaskCard } from './FollowUpTaskCard';
import { announceAlertsChanged, byAcknowledgedNewest, byUrgency } from './open-alerts';
import { StaffFrame, type StaffContext } from './StaffFrame';
import { useNow } from './use-now';

/** How many acknowledged alerts the page lists: the recent ones, for handover, not an archive. */
const recentAcknowledged = 20;

type Notice = { kind: 'acknowledged' | 'changed' | 'taskDone'; clientId: string };

/**
 * Risk alerts (the address the alert email links to): open alerts routed to the person or for
 * clients on their caseload, most urgent first, each with an acknowledge form; their open
 * follow-up tasks; and the alerts acknowledged lately, with who did it, when and what they did.
 */
export function AlertsPage({ staff }: { staff: StaffContext }) {
  const t = useT<PractitionerKey>();
  const { actor } = staff.me;
  const now = useNow();
  const open = useApiGet<{ alerts: RiskAlert[] }>('/api/risk-alerts?status=open');
  const acknowledged = useApiGet<{ alerts: RiskAlert[] }>('/api/risk-alerts?status=acknowledged');
  const tasks = useApiGet<{ tasks: FollowUpTask[] }>('/api/follow-up-tasks');
  const [notice, setNotice] = useState<{ version: number; value: Notice | null }>({ version: 0, value: null });
  // Acknowledged here and tasks done here, merged over the loaded lists (updated with functions,
  // so two answers arriving close together cannot undo each other).
  const [acknowledgedHere, setAcknowledgedHere] = useState<ReadonlyMap<string, RiskAlert>>(() => new Map());
  const [doneHere, setDoneHere] = useState<ReadonlySet<string>>(() => new Set());

  const loadedOpen = open.resource.status === 'ok' ? open.resource.data.alerts : [];
  const loadedAcknowledged = acknowledged.resource.status === 'ok' ? acknowledged.resource.data.alerts : [];
  const openAlerts = loadedOpen.filter((a) => !supersededHere(a, acknowledgedHere)).sort(byUrgency);
  const recent =
    acknowledged.resource.status === 'ok'
      ? newestVersions([...loadedAcknowledged, ...acknowledgedHere.values()])
          .filter((a) => !loadedOpen.some((o) => o.id === a.id && o.version > a.version))
          .sort(byAcknowledgedNewest)
          .slice(0, recentAcknowledged)
      : [];
  const openTasks = tasks.resource.status === 'ok' ? tasks.resource.data.tasks.filter((task) => !doneHere.has(task.id)) : [];
  const records = useClientRecords([...openAlerts, ...recent, ...openTasks].map((item) => item.clientId));
  const names = useStaffNames(records, actor);
  const clientOf = (clientId: string): LoadedClient | 'loading' => records.get(clientId) ?? 'loading';
  const show = (value: Notice) => setNotice((n) => ({ version: n.version + 1, value }));

  function acknowledgedOne(updated: RiskAlert) {
    setAcknowledgedHere((previous) => new Map(previous).set(updated.id, updated));
    announceAlertsChanged();
    show({ kind: 'acknowledged', clientId: updated.clientId });
  }

  /**
   * Loads the lists again in place: cards still open stay on the page with any note being typed
   * in them (an alert escalated meanwhile keeps its note, to be sent again at its new version).
   * The server's lists then hold what was acknowledged here too.
   */
  async function refresh() {
    const [nextOpen, nextAcknowledged] = await Promise.all([
      apiGet<{ alerts: RiskAlert[] }>('/api/risk-alerts?status=open'),
      apiGet<{ alerts: RiskAlert[] }>('/api/risk-alerts?status=acknowledged'),
    ]);
    if (nextOpen.ok) open.replace(nextOpen.data);
    else open.reload();
    if (nextAcknowledged.ok) acknowledged.replace(nextAcknowledged.data);
    else acknowledged.reload();
  }

  async function changedElsewhere(alert: RiskAlert) {
    await refresh();
    announceAlertsChanged();
    show({ kind: 'changed', clientId: alert.clientId });
  }

  function taskDone(task: FollowUpTask) {
    setDoneHere((previous) => new Set(previous).add(task.id));
    show({ kind: 'taskDone', clientId: task.clientId });
  }

  return (
    <StaffFrame staff={staff} title={t('practitioner.title.alerts')} page="alerts">
      <h1>{t('practitioner.alerts.heading')}</h1>
      <p>{t('practitioner.alerts.intro')}</p>
      <FocusNotice version={notice.version} tone={notice.value?.kind === 'changed' ? 'warning' : 'success'}>
        {notice.value ? <NoticeText notice={notice.value} client={records.get(notice.value.clientId)} /> : null}
      </FocusNotice>

      <h2>{t('practitioner.alerts.openHeading')}</h2>
      <LoadState resource={open.resource} onRetry={open.reload} />
      {open.resource.status === 'ok' && !openAlerts.length ? <p>{t('practitioner.alerts.noneOpen')}</p> : null}
      {openAlerts.map((alert) => (
        <AlertCard
          key={alert.id}
          alert={alert}
          staffId={actor.staffId}
          timeZone={actor.timeZone}
          now={now}
          names={names}
          client={clientOf(alert.clientId)}
          headingLevel={3}
          canAcknowledge
          onAcknowledged={acknowledgedOne}
          onChangedElsewhere={changedElsewhere}
        />
      ))}

      <h2>{t('practitioner.tasks.heading')}</h2>
      <LoadState resource={tasks.resource} onRetry={tasks.reload} />
      {tasks.resource.status === 'ok' && !openTasks.length ? <p>{t('practitioner.tasks.none')}</p> : null}
      {openTasks.map((task) => (
        <FollowUpTaskCard key={task.id} task={task} client={clientOf(task.clientId)} timeZone={actor.timeZone} now={now} onDone={taskDone} />
      ))}

      <h2>{t('practitioner.alerts.acknowledgedHeading')}</h2>
      <LoadState resource={acknowledged.resource} onRetry={acknowledged.reload} />
      {acknowledged.resource.status === 'ok' && !recent.length ? <p>{t('practitioner.alerts.noneAcknowledged')}</p> : null}
      {recent.length ? (
        <>
          <p className="hint">{t('practitioner.alerts.acknowledgedIntro', { count: recentAcknowledged })}</p>
          <AcknowledgedAlerts
            alerts={recent}
            caption={t('practitioner.alerts.acknowledgedCaption')}
            staffId={actor.staffId}
            timeZone={actor.timeZone}
            names={names}
            clients={records}
          />
        </>
      ) : null}
    </StaffFrame>
  );
}

/**
 * Whether an alert loaded from the server is already acknowledged here. Compared by version: an
 * alert re-opened since (a higher answer to the same questionnaire) has a newer version and shows
 * again as open.
 */
function supersededHere(alert: RiskAlert, acknowledgedHere: ReadonlyMap<string, RiskAlert>): boolean {
  const mine = acknowledgedHere.get(alert.id);
  return mine !== undefined && mine.version >= alert.version;
}

/** One entry per alert: its newest version. */
function newestVersions(alerts: RiskAlert[]): RiskAlert[] {
  const byId = new Map<string, RiskAlert>();
  for (const alert of alerts) {
    const seen = byId.get(alert.id);
    if (!seen || alert.version > seen.version) byId.set(alert.id, alert);
  }
  return [...byId.values()];
}


function NoticeText({ notice, client }: { notice: Notice; client: LoadedClient | undefined }) {
  const t = useT<PractitionerKey>();
  const prefix = { acknowledged: 'practitioner.alerts.done', changed: 'practitioner.alerts.changed', taskDone: 'practitioner.tasks.doneNotice' } as const;
  return (
    <>
      <p className="notice-heading">{t(`${prefix[notice.kind]}.title`)}</p>
      <p>{t(`${prefix[notice.kind]}.text`)}</p>
      {client?.status === 'ok' ? (
        <p>
          {t('practitioner.alerts.noticeClient')}{' '}
          <span translate="no">{`${client.record.givenName} ${client.record.familyName}`}</span>
        </p>
      ) : null}
    </>
  );
}
