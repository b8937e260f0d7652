import type { EpisodeMeasures } from '@tandem/domain';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { LoadState } from '../shared/LoadState';
import { useApiGet } from '../shared/use-api-get';
import { FocusNotice } from './FocusNotice';

type Outcome = NonNullable<EpisodeMeasures['outcome']>;
const facts = ['finishedTreatment', 'atCasenessAtStart', 'recovered', 'reliablyImproved', 'reliablyDeteriorated', 'reliablyRecovered'] as const satisfies readonly (keyof Outcome)[];

/**
 * An ended referral's outcome as NHS Talking Therapies count it (BRIEF.md, "Measures"): finished
 * treatment, then recovery and reliable change from the first and last scores. "Cannot be said"
 * where a score is missing. `announce` counts discharges made here: the outcome then takes focus.
 */
export function EpisodeOutcome({ episodeId, announce }: { episodeId: string; announce: number }) {
  const t = useT<PractitionerKey>();
  const { resource, reload } = useApiGet<EpisodeMeasures>(`/api/episodes/${encodeURIComponent(episodeId)}/measures`);
  const outcome = resource.status === 'ok' ? resource.data.outcome : null;
  return (
    <>
      <FocusNotice version={announce}>
        <p>{t('practitioner.discharge.done')}</p>
      </FocusNotice>
      <h4 className="appointments-heading">{t('practitioner.outcome.heading')}</h4>
      <LoadState resource={resource} onRetry={reload} />
      {resource.status === 'ok' ? (
        <dl className="summary-list">
          <div>
            <dt>{t('practitioner.outcome.attendedTreatment')}</dt>
            <dd>{resource.data.attendedTreatmentAppointments}</dd>
          </div>
          {outcome
            ? facts.map((fact) => (
                <div key={fact}>
                  <dt>{t(`practitioner.outcome.${fact}`)}</dt>
                  <dd>{outcome[fact] === null ? t('practitioner.outcome.unknown') : outcome[fact] ? t('practitioner.outcome.yes') : t('practitioner.outcome.no')}</dd>
                </div>
              ))
            : null}
        </dl>
      ) : null}
    </>
  );
}
