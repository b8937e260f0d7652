import { formatNhsNumber, type ClientSummary } from '@tandem/domain';
import { formatDate, formatDateTime } from '../shared/dates';
import { LoadState } from '../shared/LoadState';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { Link } from '../shared/navigation';
import { useApiGet } from '../shared/use-api-get';
import { MoodTrend } from './MoodTrend';
import { staffPaths } from './routes';
import { StaffFrame, type StaffContext } from './StaffFrame';

/**
 * The caseload: every client the person works with, in the order the API gives (by name), with
 * their last check-in and a 14-day mood trend.
 */
export function CaseloadPage({ staff }: { staff: StaffContext }) {
  const t = useT<PractitionerKey>();
  const { resource, reload } = useApiGet<{ clients: ClientSummary[] }>('/api/clients');
  return (
    <StaffFrame staff={staff} title={t('practitioner.title.caseload')} page="caseload">
      <h1>{t('practitioner.caseload.heading')}</h1>
      {staff.me.allowed.registerClients ? (
        <p>
          <Link className="button" href={staffPaths.register}>
            {t('practitioner.caseload.register')}
          </Link>
        </p>
      ) : null}
      <LoadState resource={resource} onRetry={reload} />
      {resource.status === 'ok' && resource.data.clients.length === 0 ? <p>{t('practitioner.caseload.empty')}</p> : null}
      {resource.status === 'ok' && resource.data.clients.length > 0 ? <CaseloadTable clients={resource.data.clients} timeZone={staff.me.actor.timeZone} /> : null}
    </StaffFrame>
  );
}

function CaseloadTable({ clients, timeZone }: { clients: ClientSummary[]; timeZone: string }) {
  const t = useT<PractitionerKey>();
  return (
    <table className="table">
      <caption className="visually-hidden">{t('practitioner.caseload.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('practitioner.caseload.name')}</th>
          <th scope="col">{t('practitioner.client.dateOfBirth')}</th>
          <th scope="col">{t('practitioner.client.nhsNumber')}</th>
          <th scope="col">{t('practitioner.caseload.lastCheckIn')}</th>
          <th scope="col">{t('practitioner.caseload.trend')}</th>
          <th scope="col">{t('practitioner.caseload.account')}</th>
        </tr>
      </thead>
      <tbody>
        {clients.map((client) => (
          <tr key={client.id}>
            <th scope="row">
              <Link href={staffPaths.client(client.id)} translate="no">
                {`${client.givenName} ${client.familyName}`}
              </Link>
            </th>
            <td className="nowrap" translate="no">
              {formatDate(client.dateOfBirth, t)}
            </td>
            {client.nhsNumber ? (
              <td className="nowrap" translate="no">
                {formatNhsNumber(client.nhsNumber)}
              </td>
            ) : (
              <td>{t('practitioner.client.nhsNumberNone')}</td>
            )}
            {client.lastCheckInAt ? (
              <td className="nowrap" translate="no">
                {formatDateTime(client.lastCheckInAt, timeZone, t)}
              </td>
            ) : (
              <td>{t('practitioner.caseload.noCheckIn')}</td>
            )}
            <td>
              <MoodTrend days={client.moodTrend} />
            </td>
            <td>{t(`practitioner.accountStatus.${client.accountStatus}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
