import type { DeliveryLog, DeliveryState, NotSentReason } from '@tandem/domain';
import { formatDateTime } from '../../shared/dates';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { ScrollTable } from '../../shared/ScrollTable';
import { useApiGet } from '../../shared/use-api-get';
import { StaffFrame, type StaffContext } from '../StaffFrame';

const stateKey: Record<DeliveryState, PractitionerKey> = {
  queued: 'service.delivery.state.queued',
  sent: 'service.delivery.state.sent',
  retrying: 'service.delivery.state.retrying',
  'gave-up': 'service.delivery.state.gave-up',
  'kept-for-development': 'service.delivery.state.kept-for-development',
  'not-sent': 'service.delivery.state.not-sent',
};

const reasonKey: Record<NotSentReason, PractitionerKey> = {
  'device-off': 'service.delivery.reason.device-off',
  'device-gone': 'service.delivery.reason.device-gone',
};

/**
 * The delivery log (admins; decisions 0031, 0032): the last week's emails and phone notifications,
 * newest first — each one's state, attempts, the last error and when it is tried again. Addresses
 * are masked, a phone shows as its push service, and no message is shown: enough to see that
 * reminders arrive, or why not.
 */
export function DeliveryLogPage({ staff }: { staff: StaffContext }) {
  const t = useT<PractitionerKey>();
  const { resource, reload } = useApiGet<DeliveryLog>('/api/organisation/delivery-log');
  const timeZone = staff.me.actor.timeZone;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, timeZone, t) : '—');
  return (
    <StaffFrame staff={staff} title={t('service.delivery.title')} page="delivery-log">
      <h1>{t('service.delivery.heading')}</h1>
      <p>{t('service.delivery.intro')}</p>
      <p>
        <button type="button" className="button button-secondary" onClick={reload}>
          {t('service.delivery.refresh')}
        </button>
      </p>
      <LoadState resource={resource} onRetry={reload} />
      {resource.status === 'ok' && !resource.data.items.length ? <p>{t('service.delivery.none', { days: resource.data.days })}</p> : null}
      {resource.status === 'ok' && resource.data.items.length ? (
        <ScrollTable
          caption={t('service.delivery.caption', { days: resource.data.days })}
          columns={[t('service.delivery.queued'), t('service.delivery.channel'), t('service.delivery.subject'), t('service.delivery.to'), t('service.delivery.state'), t('service.delivery.attempts'), t('service.delivery.detail')]}
        >
          {resource.data.items.map((item) => (
            <tr key={item.id} className={item.state === 'gave-up' ? 'delivery-gave-up' : undefined}>
              <td className="nowrap" translate="no">
                {when(item.queuedAt)}
              </td>
              <td>{t(item.channel === 'push' ? 'service.delivery.channel.push' : 'service.delivery.channel.email')}</td>
              <td translate="no">{item.subject}</td>
              <td translate="no">{item.to}</td>
              <td>{t(stateKey[item.state])}</td>
              {item.maxAttempts ? (
                <td>{t('service.delivery.attemptsOf', { count: item.attempts, max: item.maxAttempts })}</td>
              ) : (
                // Sent directly, not through a job (the risk pathway's own notices): no limit to show.
                <td translate="no">{item.attempts}</td>
              )}
              <td>
                {item.state === 'sent' ? t('service.delivery.sentAt', { at: when(item.sentAt) }) : null}
                {item.state === 'retrying' ? t('service.delivery.nextTry', { at: when(item.nextTryAt) }) : null}
                {item.reason ? t(reasonKey[item.reason]) : null}
                {item.lastError ? (
                  <>
                    {' '}
                    <span translate="no">{item.lastError}</span>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </ScrollTable>
      ) : null}
    </StaffFrame>
  );
}
