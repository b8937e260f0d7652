import type { Episode } from '@tandem/domain';
import { useState } from 'react';
import { formatDate } from '../shared/dates';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { AppointmentList } from './AppointmentList';
import { DischargeFlow } from './DischargeFlow';
import type { EpisodeContext } from './episode-context';
import { EpisodeActions } from './EpisodeActions';
import { EpisodeHistory } from './EpisodeHistory';
import { EpisodeOutcome } from './EpisodeOutcome';
import { EpisodePlan } from './plan/EpisodePlan';
import { EpisodeWork } from './session/EpisodeWork';

/** One referral: what it is and where it stands, its history, changes, appointments and discharge. */
export function EpisodeCard({ episode, context }: { episode: Episode; context: EpisodeContext }) {
  const t = useT<PractitionerKey>();
  const [discharged, setDischarged] = useState(0);
  const referred = formatDate(episode.referralDate, t);
  const open = episode.status !== 'ended';
  const editable = open && context.canManage;
  return (
    <section className="episode" aria-label={t('practitioner.episodes.label', { date: referred })}>
      <h3 className="episode-heading">{t('practitioner.episodes.referred', { date: referred })}</h3>
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
          <dd translate="no">{context.names.get(episode.assignedPractitionerId) ?? t('practitioner.episodes.unknownPractitioner')}</dd>
        </div>
        <div>
          <dt>{t('practitioner.episode.source')}</dt>
          <dd>{t(`practitioner.referralSource.${episode.referralSource}`)}</dd>
        </div>
        <div>
          <dt>{t('practitioner.episode.problem')}</dt>
          <dd translate="no" dir="auto">
            {episode.problemDescriptor}
          </dd>
        </div>
        {episode.endingReason && episode.endedOn ? (
          <div>
            <dt>{t('practitioner.episode.ended')}</dt>
            <dd>{t('practitioner.episode.endedOn', { date: formatDate(episode.endedOn, t), reason: t(`practitioner.endingReason.${episode.endingReason}`) })}</dd>
          </div>
        ) : null}
      </dl>
      {open ? null : <EpisodeOutcome episodeId={episode.id} announce={discharged} />}
      <EpisodeHistory episode={episode} context={context} />
      {editable ? <EpisodeActions episode={episode} context={context} /> : null}
      <EpisodePlan episode={episode} clientId={context.clientId} />
      {open ? <EpisodeWork episode={episode} context={context} /> : null}
      <AppointmentList episode={episode} context={context} />
      {editable ? (
        <DischargeFlow
          episode={episode}
          context={context}
          onDischarged={(ended) => {
            setDischarged((n) => n + 1);
            context.onChanged(ended);
          }}
        />
      ) : null}
    </section>
  );
}
