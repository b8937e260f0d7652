import type { RiskAlert } from '@tandem/domain';
import { formatDate, formatDateTime } from '../shared/dates';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { Link } from '../shared/navigation';
import { useAlertWords } from './alert-words';
import type { LoadedClient } from './client-records';
import { staffPaths } from './routes';

interface AcknowledgedAlertsProps {
  alerts: RiskAlert[];
  caption: string;
  staffId: string | null;
  timeZone: string;
  names: ReadonlyMap<string, string>;
  /** Given on a list of many clients' alerts: a column says who each client is. */
  clients?: ReadonlyMap<string, LoadedClient>;
}

/** Alerts already acknowledged: what happened, and who acknowledged it, when, with what note. */
export function AcknowledgedAlerts({ alerts, caption, staffId, timeZone, names, clients }: AcknowledgedAlertsProps) {
  const t = useT<PractitionerKey>();
  const words = useAlertWords();
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {clients ? <th scope="col">{t('practitioner.alerts.client')}</th> : null}
          <th scope="col">{t('practitioner.alerts.whatHappened')}</th>
          <th scope="col">{t('practitioner.alerts.raised')}</th>
          <th scope="col">{t('practitioner.alerts.acknowledgedBy')}</th>
          <th scope="col">{t('practitioner.alerts.actionTaken')}</th>
        </tr>
      </thead>
      <tbody>
        {alerts.map((alert) => {
          const who = words.whoActed(alert.acknowledgedByStaffId, staffId, names);
          return (
            <tr key={alert.id}>
              {clients ? (
                <td>
                  <ClientCell client={clients.get(alert.clientId)} />
                </td>
              ) : null}
              <td>{words.whatHappened(alert)}</td>
              <td className="nowrap" translate="no">
                {formatDateTime(alert.raisedAt, timeZone, t)}
              </td>
              <td>
                <span translate={who.isName ? 'no' : undefined}>{who.text}</span>
                {alert.acknowledgedAt ? (
                  <>
                    <br />
                    <span className="nowrap" translate="no">
                      {formatDateTime(alert.acknowledgedAt, timeZone, t)}
                    </span>
                  </>
                ) : null}
              </td>
              <td className="note-text" translate="no">
                {alert.actionNote ?? ''}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ClientCell({ client }: { client: LoadedClient | undefined }) {
  const t = useT<PractitionerKey>();
  if (!client) return <>{t('common.loading')}</>;
  if (client.status === 'error') return <>{t('practitioner.alerts.clientNotOpen')}</>;
  const { record } = client;
  return (
    <>
      <Link href={staffPaths.client(record.id)} translate="no">
        {`${record.givenName} ${record.familyName}`}
      </Link>
      <br />
      <span className="visually-hidden">{t('practitioner.client.dateOfBirth')} </span>
      <span className="nowrap" translate="no">
        {formatDate(record.dateOfBirth, t)}
      </span>
    </>
  );
}
