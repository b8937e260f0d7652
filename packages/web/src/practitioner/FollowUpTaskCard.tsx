import type { FollowUpTask } from '@tandem/domain';
import { useId } from 'react';
import { apiPost } from '../shared/api';
import { formatDateTime } from '../shared/dates';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { AlertClient } from './AlertCard';
import type { LoadedClient } from './client-records';
import { NoteForm } from './NoteForm';

/**
 * One open follow-up task — a missed appointment after a risk alert, to follow up the same day —
 * with who the client is, when it is due and a "Done" form with a note of what was done.
 */
export function FollowUpTaskCard({ task, client, timeZone, now, onDone }: {
  task: FollowUpTask;
  client: LoadedClient | 'loading';
  timeZone: string;
  now: Date;
  onDone(task: FollowUpTask): void;
}) {
  const t = useT<PractitionerKey>();
  const id = useId();
  const overdue = Date.parse(task.dueAt) < now.getTime();

  async function done(note: string) {
    const result = await apiPost<FollowUpTask>(`/api/follow-up-tasks/${encodeURIComponent(task.id)}/done`, { note });
    if (!result.ok) return result.error;
    onDone(result.data);
    return null;
  }

  return (
    <section className="alert-card alert-card-task" aria-labelledby={`${id}-heading ${id}-what`}>
      <AlertClient client={client} headingId={`${id}-heading`} Heading="h3" />
      <p id={`${id}-what`} className="alert-what">
        {t(`practitioner.tasks.kind.${task.kind}`)}
      </p>
      <dl className="summary-list alert-facts">
        <div>
          <dt>{t('practitioner.alerts.dueBy')}</dt>
          <dd>
            <span className="nowrap" translate="no">
              {formatDateTime(task.dueAt, timeZone, t)}
            </span>
            {overdue ? ' ' : null}
            {overdue ? <strong className="tag tag-overdue">{t('practitioner.alerts.overdue')}</strong> : null}
          </dd>
        </div>
      </dl>
      <NoteForm
        label={t('practitioner.tasks.noteLabel')}
        hint={t('practitioner.tasks.noteHint')}
        missing={t('practitioner.tasks.noteMissing')}
        submitLabel={t('practitioner.tasks.done')}
        onSubmit={done}
      />
    </section>
  );
}
