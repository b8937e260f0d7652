import type { SupervisionFigures } from '@tandem/domain';
import { formatDate } from '../../shared/dates';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { useApiGet } from '../../shared/use-api-get';
import { FigureTable } from './FigureTable';
import { engagementRows, outcomeRows, workRows } from './figure-rows';

type Group = SupervisionFigures['service'];

/** A supervisor's figures for the week: the whole service, then each supervisee, and the CSV. */
export function SupervisionFiguresView({ week }: { week: string }) {
  const t = useT<PractitionerKey>();
  const query = `?week=${encodeURIComponent(week)}`;
  const { resource, reload } = useApiGet<SupervisionFigures>(`/api/figures/supervision${query}`);
  const f = resource.status === 'ok' ? resource.data : null;
  return (
    <section aria-labelledby="supervision-figures-heading">
      <h2 id="supervision-figures-heading">{t('practitioner.figures.supervision.heading')}</h2>
      <p>{t('practitioner.figures.supervision.intro')}</p>
      <LoadState resource={resource} onRetry={reload} />
      {f ? (
        <>
          <p>
            <a href={`/api/figures/supervision.csv${query}`} download>
              {t('practitioner.figures.supervision.download')}
            </a>
          </p>
          <p>
            {t('practitioner.figures.outcomes.period', { from: formatDate(f.outcomesFrom, t), to: formatDate(f.outcomesTo, t) })} {t('practitioner.figures.outcomes.source')}
          </p>
          <GroupFigures id="service" name={t('practitioner.figures.supervision.service')} group={f.service} min={f.minCount} />
          {f.supervisees.length ? (
            f.supervisees.map((s) => <GroupFigures key={s.practitionerId} id={s.practitionerId} name={s.practitionerName} group={s} min={f.minCount} isName />)
          ) : (
            <p>{t('practitioner.figures.supervision.none')}</p>
          )}
        </>
      ) : null}
    </section>
  );
}

function GroupFigures({ id, name, group, min, isName }: { id: string; name: string; group: Group; min: number; isName?: boolean }) {
  const t = useT<PractitionerKey>();
  const headingId = `figures-group-${id}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} translate={isName ? 'no' : undefined}>
        {name}
      </h3>
      <FigureTable caption={t('practitioner.figures.groupCaption', { name, what: t('practitioner.figures.outcomes.heading') })} rows={outcomeRows(group.outcomes, min, t)} />
      <FigureTable caption={t('practitioner.figures.groupCaption', { name, what: t('practitioner.figures.engagement.clientsHeading') })} rows={engagementRows(group.engagement, min, t)} />
      <FigureTable caption={t('practitioner.figures.groupCaption', { name, what: t('practitioner.figures.written.heading') })} rows={workRows(group, t)} />
    </section>
  );
}
