import { formatNhsNumber, type Worklist as WorklistData, type WorklistLineView } from '@tandem/domain';
import { useCallback, useState } from 'react';
import { apiGet } from '../../shared/api';
import { formatDate, formatDateTime } from '../../shared/dates';
import { LoadState } from '../../shared/LoadState';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { Link } from '../../shared/navigation';
import { ScrollTable } from '../../shared/ScrollTable';
import { useApiGet } from '../../shared/use-api-get';
import { MoodTrend } from '../MoodTrend';
import { staffPaths } from '../routes';
import { isUrgent, reasonWords } from './reason-words';
import { useWorklistEvents } from './use-worklist-events';

/**
 * The worklist: the caseload ordered by need, one row per client with the reasons it needs the
 * practitioner and one link to the pre-session brief. It follows changes live (server-sent
 * events) and says so politely, without moving focus or interrupting a screen reader.
 */
export function Worklist({ timeZone, empty }: { timeZone: string; empty: string }) {
  const t = useT<PractitionerKey>();
  const { resource, reload, replace } = useApiGet<WorklistData>('/api/worklist');
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);
  const refetch = useCallback(() => {
    void apiGet<WorklistData>('/api/worklist').then((result) => {
      if (!result.ok) return;
      replace(result.data);
      setUpdatedAt(result.data.at);
    });
  }, [replace]);
  useWorklistEvents(refetch);

  return (
    <>
      <LoadState resource={resource} onRetry={reload} />
      <p className="hint" aria-live="polite">
        {updatedAt ? t('practitioner.worklist.updated', { time: formatDateTime(updatedAt, timeZone, t) }) : ''}
      </p>
      {resource.status === 'ok' && resource.data.lines.length === 0 ? <p>{empty}</p> : null}
      {resource.status === 'ok' && resource.data.lines.length > 0 ? (
        <>
          <p>{t('practitioner.worklist.intro', { days: String(resource.data.noActivityDays) })}</p>
          <WorklistTable lines={resource.data.lines} timeZone={timeZone} />
        </>
      ) : null}
    </>
  );
}

function WorklistTable({ lines, timeZone }: { lines: WorklistLineView[]; timeZone: string }) {
  const t = useT<PractitionerKey>();
  const columns = [
    t('practitioner.caseload.name'),
    t('practitioner.worklist.reasons'),
    t('practitioner.worklist.brief'),
    t('practitioner.client.dateOfBirth'),
    t('practitioner.client.nhsNumber'),
    t('practitioner.caseload.lastCheckIn'),
    t('practitioner.caseload.trend'),
    t('practitioner.caseload.account'),
  ];
  return (
    <ScrollTable caption={t('practitioner.worklist.caption')} columns={columns}>
      {lines.map(({ client, reasons }) => {
        const name = `${client.givenName} ${client.familyName}`;
        return (
          <tr key={client.id}>
            <th scope="row">
              <Link href={staffPaths.client(client.id)} translate="no">
                {name}
              </Link>
            </th>
            <td>
              {reasons.length === 0 ? (
                t('practitioner.worklist.none')
              ) : (
                <ul>
                  {reasons.map((reason, i) => {
                    const words = reasonWords(reason, timeZone, t).map((part, j) => <span key={j}>{j > 0 ? ` ${part}` : part}</span>);
                    return <li key={i}>{isUrgent(reason) ? <strong>{words}</strong> : words}</li>;
                  })}
                </ul>
              )}
            </td>
            <td>
              {/* Its purpose comes from its row (WCAG 2.4.4): naming the client again would repeat the row header. */}
              <Link href={staffPaths.brief(client.id)}>
                {t('practitioner.worklist.briefLink')}
              </Link>
            </td>
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
        );
      })}
    </ScrollTable>
  );
}
