import type { ClientRecord, Episode, QuestionnaireResponse, StaffSummary } from '@tandem/domain';
import { useMemo, useState } from 'react';
import { apiGet } from '../shared/api';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { LoadState } from '../shared/LoadState';
import { useApiGet } from '../shared/use-api-get';
import type { EpisodeContext } from './episode-context';
import { EpisodeCard } from './EpisodeCard';
import { EpisodeOpenForm } from './EpisodeOpenForm';
import { FocusNotice } from './FocusNotice';

interface ClientEpisodesProps {
  client: ClientRecord;
  timeZone: string;
  responses: readonly QuestionnaireResponse[];
  onRecorded(): void;
}

/**
 * The client's referrals (episodes), newest first: opening one, and for each its status, step,
 * practitioner, history, appointments and discharge. Outcomes are counted per referral, so
 * stepping and transfers stay inside it (BRIEF.md, "Measures").
 */
export function ClientEpisodes({ client, timeZone, responses, onRecorded }: ClientEpisodesProps) {
  const t = useT<PractitionerKey>();
  const path = `/api/clients/${encodeURIComponent(client.id)}/episodes`;
  const { resource, reload, replace } = useApiGet<{ episodes: Episode[] }>(path);
  const staff = useApiGet<{ staff: StaffSummary[] }>('/api/staff').resource;
  const [opened, setOpened] = useState(0);
  const names = useMemo(() => {
    const map = new Map(client.careTeam.map((member) => [member.staffId, member.displayName]));
    if (staff.status === 'ok') for (const person of staff.data.staff) map.set(person.id, person.displayName);
    return map;
  }, [client.careTeam, staff]);
  const practitioners = staff.status === 'ok' ? staff.data.staff.filter((s) => s.roles.includes('practitioner') && s.accountStatus !== 'disabled') : [];
  const episodes = resource.status === 'ok' ? resource.data.episodes : [];

  const context: EpisodeContext = {
    clientId: client.id,
    clientTimeZone: client.timeZone,
    timeZone,
    names,
    practitioners,
    responses,
    canManage: client.allowed.manageEpisodes,
    onChanged: (episode) => replace({ episodes: episodes.map((e) => (e.id === episode.id ? episode : e)) }),
    // Loaded without the "loading" state in between, so open forms keep what they say.
    onStale: () => void apiGet<{ episodes: Episode[] }>(path).then((result) => result.ok && replace(result.data)),
    onRecorded,
  };

  return (
    <section aria-labelledby="client-episodes-heading">
      <h2 id="client-episodes-heading">{t('practitioner.episodes.heading')}</h2>
      <LoadState resource={resource} onRetry={reload} />
      <FocusNotice version={opened}>
        <p>{t('practitioner.episode.opened')}</p>
      </FocusNotice>
      {resource.status === 'ok' && !episodes.length ? <p>{t('practitioner.episodes.none')}</p> : null}
      {resource.status === 'ok' && context.canManage ? (
        <EpisodeOpenForm
          key={opened}
          context={context}
          onOpened={(episode) => {
            replace({ episodes: [episode, ...episodes.filter((e) => e.id !== episode.id)] });
            setOpened((n) => n + 1);
          }}
        />
      ) : null}
      {episodes.map((episode) => (
        <EpisodeCard key={episode.id} episode={episode} context={context} />
      ))}
    </section>
  );
}
