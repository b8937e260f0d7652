import { formatNhsNumber, type CareSettingsState, type ReviewReason, type SupervisionEpisode } from '@tandem/domain';
import { formatDate } from '../../shared/dates';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { useApiGet } from '../../shared/use-api-get';
import { staffPaths } from '../routes';
import { StaffFrame, type StaffContext } from '../StaffFrame';
import { FidelitySection } from './FidelitySection';

interface SupervisionList {
  episodes: SupervisionEpisode[];
  needingReview: number;
}

/** Those needing review first, the most reasons first; then by client name, as the API gives. */
function byReviewNeed(a: SupervisionEpisode, b: SupervisionEpisode): number {
  return b.reviewReasons.length - a.reviewReasons.length;
}

/**
 * Supervision (supervisors): the open episodes of the people they supervise, those needing review
 * first with the reasons in words (session limit reached; no reliable improvement by session N).
 * Each row says who the client is and links to their page.
 */
export function SupervisionPage({ staff }: { staff: StaffContext }) {
  const t = useT<PractitionerKey>();
  const { resource, reload } = useApiGet<SupervisionList>('/api/supervision/episodes');
  // Only to name session N in words; without it the reason is given without the number.
  const care = useApiGet<CareSettingsState>('/api/organisation/care-settings');
  const bySession = care.resource.status === 'ok' ? care.resource.data.settings.noImprovementBySession : null;
  const episodes = resource.status === 'ok' ? [...resource.data.episodes].sort(byReviewNeed) : [];
  const reasonText = (reason: ReviewReason) =>
    reason === 'no_improvement' && bySession !== null ? t('service.supervision.reason.no_improvement_by', { session: bySession }) : t(`service.supervision.reason.${reason}`);
  return (
    <StaffFrame staff={staff} title={t('service.supervision.title')} page="supervision">
      <h1>{t('service.supervision.heading')}</h1>
      <p>{t('service.supervision.intro')}</p>
      <p>
        <Link href={staffPaths.figures}>{t('practitioner.figures.supervisionLink')}</Link>
      </p>
      <LoadState resource={resource} onRetry={reload} />
      {resource.status === 'ok' ? <p className="alert-count">{t('service.supervision.count', { count: resource.data.needingReview, total: episodes.length })}</p> : null}
      {resource.status === 'ok' && !episodes.length ? <p>{t('service.supervision.none')}</p> : null}
      {episodes.length ? (
        <table className="table">
          <caption className="visually-hidden">{t('service.supervision.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('service.supervision.client')}</th>
              <th scope="col">{t('practitioner.client.dateOfBirth')}</th>
              <th scope="col">{t('practitioner.client.nhsNumber')}</th>
              <th scope="col">{t('service.supervision.practitioner')}</th>
              <th scope="col">{t('service.supervision.sessions')}</th>
              <th scope="col">{t('service.supervision.review')}</th>
            </tr>
          </thead>
          <tbody>
            {episodes.map((episode) => (
              <tr key={episode.episodeId}>
                <th scope="row">
                  <Link href={staffPaths.client(episode.clientId)} translate="no">
                    {episode.clientName}
                  </Link>
                </th>
                <td className="nowrap" translate="no">
                  {formatDate(episode.dateOfBirth, t)}
                </td>
                {episode.nhsNumber ? (
                  <td className="nowrap" translate="no">
                    {formatNhsNumber(episode.nhsNumber)}
                  </td>
                ) : (
                  <td>{t('practitioner.client.nhsNumberNone')}</td>
                )}
                <td translate="no">{episode.practitionerName}</td>
                <td>
                  {t('service.supervision.sessionCount', { attended: episode.attendedTreatmentSessions, limit: episode.sessionLimit })}
                  <br />
                  <span className="hint-inline">{t(`practitioner.step.${episode.step}`)}</span>
                </td>
                <td>
                  {episode.reviewReasons.length ? (
                    <ul className="plain-list review-reasons">
                      {episode.reviewReasons.map((reason) => (
                        <li key={reason}>{reasonText(reason)}</li>
                      ))}
                    </ul>
                  ) : (
                    t('service.supervision.noReview')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {resource.status === 'ok' ? <FidelitySection episodes={resource.data.episodes} /> : null}
    </StaffFrame>
  );
}
