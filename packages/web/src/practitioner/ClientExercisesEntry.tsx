import type { SharedExerciseEntry } from '@tandem/domain';
import { useId } from 'react';
import { formatDateTime } from '../shared/dates';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { ExerciseEntryView } from './ExerciseEntryView';
import { ExerciseFeedbackForm, type FeedbackHandlers } from './ExerciseFeedbackForm';
import { FocusNotice } from './FocusNotice';

interface EntryProps {
  entry: SharedExerciseEntry;
  timeZone: string;
  /** The module's title, once the programme has loaded. */
  moduleTitle: string | undefined;
  /** Counts this entry's feedback sent from this page: each time, the form starts again empty. */
  sent: number;
  /** Whether the last feedback sent from this page was on this entry: its notice shows. */
  justSent: boolean;
  /** Null when the viewer may read but not answer (a risk-alert recipient). */
  handlers: FeedbackHandlers | null;
}

/**
 * One shared entry: what it is and when it was sent, the client's last submission rendered for
 * its exercise, the feedback given so far (who, when) and a short feedback form.
 */
export function ExerciseEntryCard({ entry, timeZone, moduleTitle, sent, justSent, handlers }: EntryProps) {
  const t = useT<PractitionerKey>();
  const id = useId();
  const when = formatDateTime(entry.submittedAt, timeZone, t);
  // Which module and content version the client worked from: the words may have changed since.
  const source = [
    moduleTitle ? t('practitioner.exercises.fromModule', { module: moduleTitle }) : '',
    entry.contentVersion ? t('practitioner.exercises.contentVersion', { version: entry.contentVersion }) : '',
  ].filter(Boolean).join(' ');
  return (
    <section className="exercise-entry" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="exercise-heading">
        {t('practitioner.exercises.entryHeading', { exercise: t(`practitioner.exercises.name.${entry.exercise}`), when })}
      </h3>
      {source ? <p className="hint">{source}</p> : null}
      <ExerciseEntryView exercise={entry.exercise} data={entry.data} />
      <h4 className="exercise-subheading">{t('practitioner.exercises.feedbackHeading')}</h4>
      {entry.feedback.length ? (
        <ul className="plain-list exercise-feedback">
          {entry.feedback.map((feedback) => (
            <li key={feedback.id}>
              <span className="client-text">{feedback.text}</span>{' '}
              <span className="hint-inline">
                {t('practitioner.exercises.feedbackBy', { who: feedback.staffName, when: formatDateTime(feedback.createdAt, timeZone, t) })}
                {feedback.revision !== entry.revision ? ` ${t('practitioner.exercises.feedbackEarlier')}` : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('practitioner.exercises.noFeedback')}</p>
      )}
      <FocusNotice version={justSent ? sent : 0}>
        <p>{t('practitioner.exercises.feedback.sent')}</p>
      </FocusNotice>
      {handlers ? (
        <details className="disclosure" key={sent}>
          <summary>{t('practitioner.exercises.feedback.open')}</summary>
          <ExerciseFeedbackForm entry={entry} handlers={handlers} />
        </details>
      ) : null}
    </section>
  );
}

/** A private entry: only that it exists, its kind and date (BRIEF.md: private means nobody else reads it). */
export function PrivateEntry({ entry, timeZone }: { entry: SharedExerciseEntry; timeZone: string }) {
  const t = useT<PractitionerKey>();
  const id = useId();
  return (
    <section className="exercise-entry exercise-private" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="exercise-heading">
        {t('practitioner.exercises.privateHeading', { exercise: t(`practitioner.exercises.name.${entry.exercise}`), when: formatDateTime(entry.submittedAt, timeZone, t) })}
      </h3>
      <p>{t('practitioner.exercises.privateText')}</p>
    </section>
  );
}
