import type { Episode, ProtocolMapResponse, TreatmentPlan } from '@tandem/domain';
import { formatDate } from '../../shared/dates';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { useApiGet } from '../../shared/use-api-get';
import { staffPaths } from '../routes';
import { blendText } from './plan-words';
import { ExampleTag, MissingWarning } from './PlanSummary';
import { mapLine } from './ProtocolMap';

/**
 * The referral's treatment plan in one line on the client page (the blend, a research example's
 * label, required parts it no longer covers) and a link to the plan's own page, where it is read
 * in full, changed and its history kept: the client page stays readable.
 */
export function EpisodePlan({ episode, clientId }: { episode: Episode; clientId: string }) {
  const t = useT<PractitionerKey>();
  const { resource, reload } = useApiGet<TreatmentPlan>(`/api/episodes/${encodeURIComponent(episode.id)}/plan`);
  const map = useApiGet<ProtocolMapResponse>(`/api/episodes/${encodeURIComponent(episode.id)}/protocol-map`).resource;
  const none = resource.status === 'error' && resource.error.code === 'plan.not_found';
  const forReferral = <span className="visually-hidden"> {t('practitioner.plan.forReferral', { date: formatDate(episode.referralDate, t) })}</span>;
  return (
    <>
      <h4 className="appointments-heading">{t('practitioner.plan.heading')}</h4>
      {none ? <p>{t('practitioner.plan.noneYet')}</p> : <LoadState resource={resource} onRetry={reload} />}
      {resource.status === 'ok' ? (
        <>
          <p>
            {t('practitioner.plan.cardLine', { steps: resource.data.steps.length, blend: blendText(t, resource.data.summary) })} <ExampleTag plan={resource.data} />
          </p>
          <MissingWarning plan={resource.data} />
          {map.status === 'ok' && map.data.hasPlan ? <p className="map-line">{mapLine(t, map.data)}</p> : null}
        </>
      ) : null}
      {resource.status === 'ok' || none ? (
        <p>
          <Link href={staffPaths.plan(clientId, episode.id)}>
            {none ? t('practitioner.plan.makeLink') : t('practitioner.plan.openLink')}
            {forReferral}
          </Link>
        </p>
      ) : null}
    </>
  );
}
