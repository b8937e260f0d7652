import type { Episode } from '@tandem/domain';
import type { ReactNode } from 'react';
import { formatDateTime } from '../shared/dates';
import type { Translate } from '../shared/i18n/i18n';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import type { EpisodeContext } from './episode-context';

type T = Translate<PractitionerKey>;
type EpisodeEvent = Episode['history'][number];

/** What one change to a referral was, in words: "Status: Waiting → In treatment". */
function eventWords(t: T, event: EpisodeEvent, names: ReadonlyMap<string, string>): string {
  const name = (id: string | null) => (id ? (names.get(id) ?? t('practitioner.episodes.unknownPractitioner')) : '');
  switch (event.kind) {
    case 'referred':
      return t('practitioner.history.referred', { step: event.to ? t(`practitioner.step.${event.to as Episode['step']}`) : '' });
    case 'status_changed':
      return t('practitioner.history.status', {
        from: t(`practitioner.episodeStatus.${event.from as Episode['status']}`),
        to: t(`practitioner.episodeStatus.${event.to as Episode['status']}`),
      });
    case 'stepped':
      return t('practitioner.history.stepped', { from: t(`practitioner.step.${event.from as Episode['step']}`), to: t(`practitioner.step.${event.to as Episode['step']}`) });
    case 'transferred':
      return t('practitioner.history.transferred', { from: name(event.from), to: name(event.to) });
    case 'ended':
      return t('practitioner.history.ended', { reason: t(`practitioner.endingReason.${event.to as NonNullable<Episode['endingReason']>}`) });
  }
}

/** Who changed what, when: one line each, oldest first, behind a disclosure to keep the card short. */
export function EpisodeHistory({ episode, context }: { episode: Episode; context: EpisodeContext }) {
  const t = useT<PractitionerKey>();
  return (
    <details className="disclosure">
      <summary>{t('practitioner.history.summary', { count: episode.history.length })}</summary>
      <ol className="history-list">
        {episode.history.map((event, index) => (
          <li key={index}>
            <HistoryLine at={event.at} byStaffId={event.byStaffId} context={context}>
              {eventWords(t, event, context.names)}
              {event.reason ? <span className="history-reason">{t('practitioner.history.reason', { reason: event.reason })}</span> : null}
            </HistoryLine>
          </li>
        ))}
      </ol>
    </details>
  );
}

function HistoryLine({ at, byStaffId, context, children }: { at: string; byStaffId: string | null; context: EpisodeContext; children: ReactNode }) {
  const t = useT<PractitionerKey>();
  return (
    <>
      <span className="history-when" translate="no">
        {formatDateTime(at, context.timeZone, t)}
      </span>{' '}
      <span className="history-what">{children}</span>{' '}
      <span className="history-who">
        {byStaffId ? t('practitioner.history.by', { name: context.names.get(byStaffId) ?? t('practitioner.episodes.unknownPractitioner') }) : t('practitioner.history.bySystem')}
      </span>
    </>
  );
}
