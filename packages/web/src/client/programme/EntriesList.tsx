import type { ExerciseEntry, Me } from '@tandem/domain';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../shared/dates';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { useApiGet } from '../../shared/use-api-get';
import { listDrafts, type DeviceDraft } from './draft-store';
import { newestCopies } from './entry-save';
import { exerciseNameKey } from './exercise-forms';
import { entryHref } from './paths';

/** "Your exercises": every entry the client has started, newest first, each opening the entry. */
export function EntriesList({ me }: { me: Me }) {
  const t = useT<ClientKey>();
  const { resource, reload } = useApiGet<{ entries: ExerciseEntry[] }>('/api/exercise-entries');
  const [device, setDevice] = useState<DeviceDraft[]>([]);
  const ownerId = me.actor.clientId ?? '';
  useEffect(() => {
    void listDrafts(ownerId)
      .catch((): DeviceDraft[] => [])
      .then(setDevice);
  }, [ownerId]);
  if (resource.status !== 'ok') return <LoadState resource={resource} onRetry={reload} />;
  const feedback = new Map(resource.data.entries.map((e) => [e.id, e.feedback.length]));
  const twoVersions = new Set(resource.data.entries.filter((e) => e.otherVersions.length).map((e) => e.id));
  const lines = newestCopies(resource.data.entries, device, ownerId);
  if (!lines.length) return <p>{t('client.programme.noEntries')}</p>;
  return (
    <ul className="entry-list">
      {lines.map((line) => (
        <li key={line.entryId}>
          <Link href={entryHref(line.entryId)}>{t(exerciseNameKey(line.exercise))}</Link>
          <span className="entry-state">
            <span className="entry-part" translate="no">
              {formatDateTime(line.recordedAt, me.actor.timeZone, t)}
            </span>
            <span className="entry-part">{t(line.status === 'submitted' ? 'client.exercise.stateSent' : 'client.exercise.stateDraft')}</span>
            {line.shared ? null : <span className="entry-part">{t('client.exercise.statePrivate')}</span>}
            {feedback.get(line.entryId) ? <span className="entry-part">{t('client.exercise.stateFeedback')}</span> : null}
            {twoVersions.has(line.entryId) ? <span className="entry-part">{t('client.exercise.stateTwoVersions')}</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
