import type { Appointment, Episode } from '@tandem/domain';
import { formatDate, formatDateTime } from '../shared/dates';
import { errorText } from '../shared/error-text';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { useApiGet } from '../shared/use-api-get';

/**
 * The client's referrals (episodes), newest first, each with its appointments: read-only for now;
 * booking and recording come with the episode screens.
 */
export function ClientEpisodes({ clientId, timeZone, names }: { clientId: string; timeZone: string; names: Map<string, string> }) {
  const t = useT<PractitionerKey>();
  const { resource } = useApiGet<{ episodes: Episode[] }>(`/api/clients/${encodeURIComponent(clientId)}/episodes`);
  return (
    <>
      <h2>{t('practitioner.episodes.heading')}</h2>
      {resource.status === 'loading' ? <p role="status">{t('common.loading')}</p> : null}
      {resource.status === 'error' ? <p role="alert">{errorText(resource.error, t)}</p> : null}
      {resource.status === 'ok' && !resource.data.episodes.length ? <p>{t('practitioner.episodes.none')}</p> : null}
      {resource.status === 'ok'
        ? resource.data.episodes.map((episode) => (
            <section key={episode.id} className="episode" aria-label={t('practitioner.episodes.label', { date: formatDate(episode.referralDate, t) })}>
              <h3 className="episode-heading">
                {t('practitioner.episodes.referred', { date: formatDate(episode.referralDate, t) })}
              </h3>
              <dl className="summary-list">
                <div>
                  <dt>{t('practitioner.episodes.status')}</dt>
                  <dd>{t(`practitioner.episodeStatus.${episode.status}`)}</dd>
                </div>
                <div>
                  <dt>{t('practitioner.episodes.step')}</dt>
                  <dd>{t(`practitioner.step.${episode.step}`)}</dd>
                </div>
                <div>
                  <dt>{t('practitioner.episodes.practitioner')}</dt>
                  <dd translate="no">{names.get(episode.assignedPractitionerId) ?? t('practitioner.episodes.unknownPractitioner')}</dd>
                </div>
              </dl>
              <EpisodeAppointments episodeId={episode.id} timeZone={timeZone} />
            </section>
          ))
        : null}
    </>
  );
}

function EpisodeAppointments({ episodeId, timeZone }: { episodeId: string; timeZone: string }) {
  const t = useT<PractitionerKey>();
  const { resource } = useApiGet<{ appointments: Appointment[] }>(`/api/episodes/${encodeURIComponent(episodeId)}/appointments`);
  if (resource.status !== 'ok') return null;
  if (!resource.data.appointments.length) return <p>{t('practitioner.appointments.none')}</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">{t('practitioner.appointments.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('practitioner.appointments.when')}</th>
          <th scope="col">{t('practitioner.appointments.purpose')}</th>
          <th scope="col">{t('practitioner.appointments.method')}</th>
          <th scope="col">{t('practitioner.appointments.status')}</th>
        </tr>
      </thead>
      <tbody>
        {resource.data.appointments.map((a) => (
          <tr key={a.id}>
            <td className="nowrap" translate="no">
              {formatDateTime(a.startsAt, timeZone, t)}
            </td>
            <td>{t(`practitioner.purpose.${a.purpose}`)}</td>
            <td>{t(`practitioner.method.${a.contactMethod}`)}</td>
            <td>{t(`practitioner.appointmentStatus.${a.status}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
