import { newId, type ExerciseEntry, type Me, type StepContent } from '@tandem/domain';
import { useEffect, useState } from 'react';
import { apiGet, type ApiError } from '../../shared/api';
import { useLocale, useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { ClientFrame } from '../ClientFrame';
import { listDrafts, type DeviceDraft } from './draft-store';
import { newestCopies } from './entry-save';
import { emptyData, exerciseNameKey } from './exercise-forms';
import { ExerciseEditor } from './ExerciseEditor';
import { NotOpen, ProgrammeBackLink } from './NotOpen';
import type { ProgrammeAddress } from './paths';
import { stepHref } from './paths';
import { stepUrl } from './programme-data';

type Opened = { start: DeviceDraft; entry: ExerciseEntry | undefined } | null;
type Loaded = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; opened: Opened };

/**
 * Opens an exercise: from a step (`…/<step>/exercise`), the client's latest entry of that exercise
 * in that module — several steps open the same thought record — or a new one; from the list of
 * entries (`/programme/exercises/<id>`), that entry. Whichever copy is newer wins: the device's
 * (typed but not yet sent) or the server's.
 */
export function ExercisePage({ me, address, onSessionEnded }: { me: Me; address: Extract<ProgrammeAddress, { page: 'exercise' | 'entry' }>; onSessionEnded(): void }) {
  const t = useT<ClientKey>();
  const { locale } = useLocale();
  const ownerId = me.actor.clientId ?? '';
  const inCare = me.care?.status !== 'ended';
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const entryId = address.page === 'entry' ? address.entryId : null;
  const moduleId = address.page === 'exercise' ? address.moduleId : '';
  const stepId = address.page === 'exercise' ? address.stepId : '';

  useEffect(() => {
    let live = true;
    const step = entryId ? null : apiGet<StepContent>(stepUrl(moduleId, stepId, locale));
    void Promise.all([apiGet<{ entries: ExerciseEntry[] }>('/api/exercise-entries'), listDrafts(ownerId).catch((): DeviceDraft[] => []), step]).then(([entries, device, stepResult]) => {
      if (!live) return;
      if (!entries.ok) return setLoaded({ status: 'error', error: entries.error });
      if (stepResult && !stepResult.ok) return setLoaded({ status: 'error', error: stepResult.error });
      const copies = newestCopies(entries.data.entries, device, ownerId);
      const serverEntry = (id: string) => entries.data.entries.find((e) => e.id === id);
      if (entryId) {
        const start = copies.find((c) => c.entryId === entryId);
        return setLoaded({ status: 'ready', opened: start ? { start, entry: serverEntry(start.entryId) } : null });
      }
      const content = stepResult!.data;
      if (!content.exercise || !inCare) return setLoaded({ status: 'ready', opened: null });
      const found = copies.find((c) => c.exercise === content.exercise && c.moduleId === moduleId);
      const start: DeviceDraft = found
        ? { ...found, stepId, contentVersion: content.version }
        : { entryId: newId(new Date()), ownerId, exercise: content.exercise, moduleId, stepId, contentVersion: content.version, status: 'draft', shared: true, data: emptyData(content.exercise), recordedAt: new Date(0).toISOString(), baseRevision: 0 };
      setLoaded({ status: 'ready', opened: { start, entry: serverEntry(start.entryId) } });
    });
    return () => {
      live = false;
    };
  }, [entryId, moduleId, stepId, locale, ownerId, inCare, attempt]);

  if (loaded.status !== 'ready') {
    return (
      <ClientFrame page="exercise-loading">
        <LoadState resource={loaded.status === 'error' ? loaded : { status: 'loading' }} onRetry={() => setAttempt((n) => n + 1)} />
      </ClientFrame>
    );
  }
  if (!loaded.opened) return <NotOpen />;
  const { start, entry } = loaded.opened;
  const name = t(exerciseNameKey(start.exercise));
  return (
    <ClientFrame title={t('client.title.programmePart', { title: name })} page="exercise">
      {address.page === 'exercise' ? <ProgrammeBackLink href={stepHref(address.moduleId, address.stepId)} label={t('client.exercise.backToStep')} /> : <ProgrammeBackLink />}
      <h1>{name}</h1>
      <ExerciseEditor key={start.entryId} start={start} feedback={entry?.feedback ?? []} otherVersions={entry?.otherVersions ?? []} readOnly={!inCare} timeZone={me.actor.timeZone} onSessionEnded={onSessionEnded} />
    </ClientFrame>
  );
}
