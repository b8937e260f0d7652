import { addDays, weekStartOf, type OwnWeekFigures } from '@tandem/domain';
import { useState } from 'react';
import { formatDate, localToday } from '../../shared/dates';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { ScrollTable } from '../../shared/ScrollTable';
import { useApiGet } from '../../shared/use-api-get';
import { hasRole, StaffFrame, type StaffContext } from '../StaffFrame';
import { FigureTable } from './FigureTable';
import { engagementRows } from './figure-rows';
import { durationText } from './figure-words';
import { PulseForm } from './PulseForm';
import { PulseSummaryView } from './PulseSummaryView';
import { SupervisionFiguresView } from './SupervisionFiguresView';

/**
 * Value and burden (issue 9 items 5 and 6, decision 0028): the person's own week (active time in
 * clients' records, work written, their clients' engagement), the monthly check, and for
 * supervisors the service's and their supervisees' figures with the CSV; supervisors and admins
 * see the monthly check in aggregate. Every figure is labelled "episodes in Tandem".
 */
export function FiguresPage({ staff }: { staff: StaffContext }) {
  const t = useT<PractitionerKey>();
  const thisWeek = weekStartOf(localToday(new Date()));
  const [week, setWeek] = useState(thisWeek);
  const supervisor = hasRole(staff, 'supervisor');
  return (
    <StaffFrame staff={staff} title={t('practitioner.figures.title')} page="figures">
      <h1>{t('practitioner.figures.heading')}</h1>
      <p>{t('practitioner.figures.purpose')}</p>
      <p className="notice">
        <strong>{t('practitioner.figures.label')}</strong>
      </p>
      <div className="button-group">
        <button type="button" className="button button-secondary" onClick={() => setWeek(addDays(week, -7))}>
          {t('practitioner.figures.previousWeek')}
        </button>
        {week !== thisWeek ? (
          <>
            <button type="button" className="button button-secondary" onClick={() => setWeek(addDays(week, 7))}>
              {t('practitioner.figures.nextWeek')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setWeek(thisWeek)}>
              {t('practitioner.figures.thisWeek')}
            </button>
          </>
        ) : null}
      </div>
      <p aria-live="polite">{t('practitioner.figures.week', { start: formatDate(week, t), end: formatDate(addDays(week, 6), t) })}</p>
      <OwnWeek week={week} />
      <PulseForm />
      {supervisor ? <SupervisionFiguresView week={week} /> : null}
      {supervisor || hasRole(staff, 'admin') ? <PulseSummaryView /> : null}
      <p>{t('practitioner.figures.ciNote')}</p>
    </StaffFrame>
  );
}

function OwnWeek({ week }: { week: string }) {
  const t = useT<PractitionerKey>();
  const { resource, reload } = useApiGet<OwnWeekFigures>(`/api/figures/me?week=${encodeURIComponent(week)}`);
  const f = resource.status === 'ok' ? resource.data : null;
  return (
    <section aria-labelledby="own-week-heading">
      <h2 id="own-week-heading">{t('practitioner.figures.own.heading')}</h2>
      <LoadState resource={resource} onRetry={reload} />
      {f ? (
        <>
          <h3>{t('practitioner.figures.time.heading')}</h3>
          <p>{t('practitioner.figures.time.definition')}</p>
          <ScrollTable caption={t('practitioner.figures.time.caption')} columns={[t('practitioner.figures.time.day'), t('practitioner.figures.time.time')]}>
            {f.activeTime.days.map((d) => (
              <tr key={d.date}>
                <th scope="row" translate="no">
                  {formatDate(d.date, t)}
                </th>
                <td>{durationText(d.seconds, t)}</td>
              </tr>
            ))}
          </ScrollTable>
          <p>{t('practitioner.figures.time.total', { time: durationText(f.activeTime.totalSeconds, t), count: f.activeTime.clients })}</p>
          <h3>{t('practitioner.figures.written.heading')}</h3>
          <dl className="summary-list">
            <div>
              <dt>{t('practitioner.figures.written.feedback')}</dt>
              <dd>{t('practitioner.figures.count', { count: f.workWritten.feedback })}</dd>
            </div>
            <div>
              <dt>{t('practitioner.figures.written.sessionNotes')}</dt>
              <dd>{t('practitioner.figures.count', { count: f.workWritten.sessionNotes })}</dd>
            </div>
            <div>
              <dt>{t('practitioner.figures.written.messages')}</dt>
              <dd>{t('practitioner.figures.count', { count: f.workWritten.messages })}</dd>
            </div>
          </dl>
          <h3>{t('practitioner.figures.engagement.heading')}</h3>
          <p>{t('practitioner.figures.suppressedNote', { min: f.minCount })}</p>
          <FigureTable caption={t('practitioner.figures.engagement.heading')} rows={engagementRows(f.engagement, f.minCount, t)} />
        </>
      ) : null}
    </section>
  );
}
