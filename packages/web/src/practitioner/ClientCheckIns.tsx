import type { CheckIn } from '@tandem/domain';
import { formatDateTime } from '../shared/dates';
import { errorText } from '../shared/error-text';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { useApiGet } from '../shared/use-api-get';

/** The client's check-ins of the last 14 days, newest first, times in the practitioner's zone. */
export function ClientCheckIns({ clientId, timeZone }: { clientId: string; timeZone: string }) {
  const t = useT<PractitionerKey>();
  const { resource } = useApiGet<{ checkIns: CheckIn[] }>(`/api/clients/${encodeURIComponent(clientId)}/check-ins?days=14`);
  return (
    <>
      <h2>{t('practitioner.checkIns.heading')}</h2>
      {resource.status === 'loading' ? <p role="status">{t('common.loading')}</p> : null}
      {resource.status === 'error' ? <p role="alert">{errorText(resource.error, t)}</p> : null}
      {resource.status === 'ok' && !resource.data.checkIns.length ? <p>{t('practitioner.checkIns.none')}</p> : null}
      {resource.status === 'ok' && resource.data.checkIns.length ? (
        <table className="table">
          <caption className="visually-hidden">{t('practitioner.checkIns.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('practitioner.checkIns.when')}</th>
              <th scope="col">{t('practitioner.checkIns.mood')}</th>
              <th scope="col">{t('practitioner.checkIns.note')}</th>
            </tr>
          </thead>
          <tbody>
            {resource.data.checkIns.map((c) => (
              <tr key={c.id}>
                <td className="nowrap" translate="no">
                  {formatDateTime(c.recordedAt, timeZone, t)}
                </td>
                <td>{t('practitioner.checkIns.moodOutOf', { mood: c.mood })}</td>
                <td translate="no">{c.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
