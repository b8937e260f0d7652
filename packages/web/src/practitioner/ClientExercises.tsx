import type { ClientRecord, Programme, SharedExerciseEntry } from '@tandem/domain';
import { useState } from 'react';
import { apiGet } from '../shared/api';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { LoadState } from '../shared/LoadState';
import { useApiGet, type Resource } from '../shared/use-api-get';
import { ExerciseEntryCard, PrivateEntry } from './ClientExercisesEntry';
import type { FeedbackHandlers, FeedbackTemplate } from './ExerciseFeedbackForm';
import { FocusNotice } from './FocusNotice';

type Entries = { entries: SharedExerciseEntry[] };

/** Entries shown at once; earlier ones wait behind a disclosure (BRIEF.md, B2: not overwhelming). */
const shownAtOnce = 3;

/** Whether the practitioner has yet to answer the version on screen. */
const awaitsFeedback = (entry: SharedExerciseEntry) => !entry.private && !entry.feedback.some((f) => f.revision === entry.revision);

/**
 * The exercises the client has sent, newest first, each rendered for its exercise with the
 * feedback given so far and a short feedback form (BRIEF.md, V1: the work comes into the
 * session). Private entries show only that they exist.
 */
export function ClientExercises({ client, timeZone, programme }: { client: ClientRecord; timeZone: string; programme: Resource<Programme> }) {
  const t = useT<PractitionerKey>();
  const path = `/api/clients/${encodeURIComponent(client.id)}/exercise-entries`;
  const { resource, reload, replace } = useApiGet<Entries>(path);
  const templates = useApiGet<{ templates: FeedbackTemplate[] }>('/api/feedback-templates');
  // Feedback sent from this page, per entry, and the entry it was last sent on.
  const [sent, setSent] = useState<{ counts: Record<string, number>; last: string }>({ counts: {}, last: '' });
  const [madePrivate, setMadePrivate] = useState(0);
  const data = resource.status === 'ok' ? resource.data : null;

  // Fetched again in place, so a feedback form being written keeps its words.
  const refresh = async () => {
    const result = await apiGet<Entries>(path);
    if (result.ok) replace(result.data);
    else reload();
  };
  const loadedTemplates = templates.resource.status === 'ok' ? templates.resource.data.templates : [];
  // A risk-alert recipient may read the record but not answer the client's work.
  const handlers: FeedbackHandlers | null =
    data && client.access !== 'alert_recipient'
      ? {
          templates: loadedTemplates,
          onSent: (entryId, feedback) => {
            replace({ entries: data.entries.map((e) => (e.id === entryId ? { ...e, feedback: [...e.feedback, feedback] } : e)) });
            setSent((s) => ({ counts: { ...s.counts, [entryId]: (s.counts[entryId] ?? 0) + 1 }, last: entryId }));
          },
          onTemplateSaved: (template) => templates.replace({ templates: [...loadedTemplates.filter((x) => x.id !== template.id), template] }),
          onStale: () => void refresh(),
          onPrivate: () => {
            setMadePrivate((n) => n + 1);
            void refresh();
          },
        }
      : null;
  const moduleTitle = (moduleId: string | null) => (programme.status === 'ok' ? programme.data.modules.find((m) => m.id === moduleId)?.title : undefined);
  const card = (entry: SharedExerciseEntry) =>
    entry.private ? (
      <PrivateEntry key={entry.id} entry={entry} timeZone={timeZone} />
    ) : (
      <ExerciseEntryCard key={entry.id} entry={entry} timeZone={timeZone} moduleTitle={moduleTitle(entry.moduleId)} sent={sent.counts[entry.id] ?? 0} justSent={sent.last === entry.id} handlers={handlers} />
    );
  const entries = data?.entries ?? [];
  return (
    <section aria-labelledby="client-exercises-heading">
      <h2 id="client-exercises-heading">{t('practitioner.exercises.heading')}</h2>
      <LoadState resource={resource} onRetry={reload} />
      <FocusNotice version={madePrivate} tone="warning">
        <p>{t('practitioner.exercises.feedback.madePrivate')}</p>
      </FocusNotice>
      {data && !entries.length ? <p>{t('practitioner.exercises.none')}</p> : null}
      {entries.length ? <p>{t('practitioner.exercises.overview', { count: entries.length, waiting: entries.filter(awaitsFeedback).length })}</p> : null}
      {entries.slice(0, shownAtOnce).map(card)}
      {entries.length > shownAtOnce ? (
        <details className="disclosure">
          <summary>{t('practitioner.exercises.earlier', { count: entries.length - shownAtOnce })}</summary>
          {entries.slice(shownAtOnce).map(card)}
        </details>
      ) : null}
    </section>
  );
}
