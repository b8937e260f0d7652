import { staffNotificationKinds, type StaffNotification, type StaffNotificationList, type StaffNotificationSettingsState } from '@tandem/domain';
import { useState } from 'react';
import { apiPost } from '../../shared/api';
import { formatDateTime } from '../../shared/dates';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { useApiGet } from '../../shared/use-api-get';
import { FocusNotice } from '../FocusNotice';
import { StaffFrame, type StaffContext } from '../StaffFrame';
import { SignOutEverywhere } from '../../shared/SignOutButton';
import { DigestSettings } from './DigestSettings';
import { TwoStepSettings } from './TwoStepSettings';
import { announceNotificationsChanged } from './unread-notifications';

/**
 * The notification centre (decision 0029): what happened for the person's caseload in the last 30
 * days, newest first, the unread ones summed up by kind at the top (the in-app summary), and the
 * person's choices for the daily summary email. Risk alerts also appear here, but their own pathway
 * (email at once, the alerts page) is what makes sure they are seen.
 */
export function NotificationsPage({ staff }: { staff: StaffContext }) {
  const t = useT<PractitionerKey>();
  const list = useApiGet<StaffNotificationList>('/api/notifications');
  const settings = useApiGet<StaffNotificationSettingsState>('/api/me/notification-settings');
  const [marked, setMarked] = useState(0);
  const [shown, setShown] = useState<StaffNotificationList | null>(null);
  const loaded = list.resource.status === 'ok' ? list.resource.data : null;
  if (loaded && loaded !== shown) setShown(loaded);
  const data = loaded ?? shown;
  const timeZone = staff.me.actor.timeZone;

  async function markAll() {
    const result = await apiPost<{ marked: number }>('/api/notifications/read-all');
    if (result.ok) {
      setMarked((n) => n + 1);
      list.reload();
      announceNotificationsChanged();
    }
  }

  function opened(item: StaffNotification) {
    if (item.readAt) return;
    void apiPost('/api/notifications/read', { ids: [item.id] }).then(() => announceNotificationsChanged());
  }

  return (
    <StaffFrame staff={staff} title={t('practitioner.notifications.title')} page="notifications">
      <h1>{t('practitioner.notifications.heading')}</h1>
      <p>{t('practitioner.notifications.intro')}</p>
      {data ? null : <LoadState resource={list.resource} onRetry={list.reload} />}
      <FocusNotice version={marked}>
        <p>{t('practitioner.notifications.allRead')}</p>
      </FocusNotice>
      {data ? (
        <>
          <section aria-labelledby="notifications-unread-heading">
            <h2 id="notifications-unread-heading">{t('practitioner.notifications.unreadHeading')}</h2>
            {data.unread === 0 ? (
              <p>{t('practitioner.notifications.noneUnread')}</p>
            ) : (
              <>
                <ul className="notification-summary">
                  {staffNotificationKinds
                    .filter((kind) => (data.unreadByKind[kind] ?? 0) > 0)
                    .map((kind) => (
                      <li key={kind}>{t(`practitioner.notifications.count.${kind}`, { count: data.unreadByKind[kind] ?? 0 })}</li>
                    ))}
                </ul>
                <button type="button" className="button button-secondary" onClick={() => void markAll()}>
                  {t('practitioner.notifications.markAll')}
                </button>
              </>
            )}
          </section>
          <section aria-labelledby="notifications-list-heading">
            <h2 id="notifications-list-heading">{t('practitioner.notifications.listHeading')}</h2>
            {data.items.length === 0 ? (
              <p>{t('practitioner.notifications.empty')}</p>
            ) : (
              <ul className="notification-list">
                {data.items.map((item) => (
                  <li key={item.id} className={item.readAt ? 'notification' : 'notification notification-unread'}>
                    {item.readAt ? null : <span className="tag tag-new">{t('practitioner.notifications.new')}</span>}{' '}
                    <Link href={item.link} onClick={() => opened(item)}>
                      {t(`practitioner.notifications.kind.${item.kind}`)}
                    </Link>
                    {item.clientName ? (
                      <>
                        {' '}
                        <span translate="no">{item.clientName}</span>
                      </>
                    ) : null}{' '}
                    <span className="hint" translate="no">
                      {formatDateTime(item.createdAt, timeZone, t)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
      <DigestSettings resource={settings.resource} onRetry={settings.reload} onSaved={settings.replace} timeZone={timeZone} />
      <TwoStepSettings timeZone={timeZone} />
      <SignOutEverywhere onSignOut={() => staff.onSignOut(true)} />
    </StaffFrame>
  );
}
