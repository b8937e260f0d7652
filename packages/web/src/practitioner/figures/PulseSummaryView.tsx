import type { PulseSummary } from '@tandem/domain';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { useApiGet } from '../../shared/use-api-get';

/** This month's checks in aggregate only (supervisors and admins): no names, nothing below the minimum. */
export function PulseSummaryView() {
  const t = useT<PractitionerKey>();
  const { resource, reload } = useApiGet<PulseSummary>('/api/pulse/summary');
  const s = resource.status === 'ok' ? resource.data : null;
  return (
    <section aria-labelledby="pulse-summary-heading">
      <h2 id="pulse-summary-heading">{t('practitioner.figures.pulseSummary.heading')}</h2>
      <LoadState resource={resource} onRetry={reload} />
      {s ? (
        <>
          <p>{t('practitioner.figures.pulseSummary.responses', { count: s.responses })}</p>
          {s.suppressed ? <p>{t('practitioner.figures.pulseSummary.suppressed', { min: s.minCount })}</p> : null}
          {s.value && s.value.mean !== null ? <p>{t('practitioner.figures.pulseSummary.value', { mean: s.value.mean.toFixed(1), count: s.value.answers })}</p> : null}
          {s.burden && s.burden.mean !== null ? <p>{t('practitioner.figures.pulseSummary.burden', { mean: s.burden.mean.toFixed(1), count: s.burden.answers })}</p> : null}
          {!s.suppressed ? (
            <>
              <h3>{t('practitioner.figures.pulseSummary.comments')}</h3>
              {s.comments.length ? (
                <ul>
                  {s.comments.map((c, i) => (
                    <li key={i} translate="no">
                      {c}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t('practitioner.figures.pulseSummary.noComments')}</p>
              )}
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
