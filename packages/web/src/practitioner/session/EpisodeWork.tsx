import { newId, type AgendaItem, type Appointment, type Episode, type HomeworkAssignment, type Programme, type ProgrammeProgress, type ProtocolMapResponse } from '@tandem/domain';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { apiPost } from '../../shared/api';
import { formatDate } from '../../shared/dates';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { useLocale, useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { useApiGet } from '../../shared/use-api-get';
import type { EpisodeContext } from '../episode-context';
import { useActionForm, type FieldErrors } from '../episode-form';
import { FocusNotice } from '../FocusNotice';
import { useNow } from '../use-now';
import { emptyHomework, HomeworkChooser, typedDueOn, type HomeworkValue } from './HomeworkChooser';
import { defaultDue, homeworkSuggestions, thingsText } from './session-words';

const enc = encodeURIComponent;

/**
 * On the client page, beside a referral's appointments: the client's own "things I want to talk
 * about" (their words, marked as theirs), the current homework and what is done, and setting
 * homework outside a session with the same chooser as session mode.
 */
export function EpisodeWork({ episode, context }: { episode: Episode; context: EpisodeContext }) {
  const t = useT<PractitionerKey>();
  const agenda = useApiGet<{ items: AgendaItem[] }>(`/api/clients/${enc(context.clientId)}/agenda-items`);
  const homework = useApiGet<{ assignments: HomeworkAssignment[] }>(`/api/episodes/${enc(episode.id)}/homework`);
  const [set, setSet] = useState(0);
  const current = homework.resource.status === 'ok' ? homework.resource.data.assignments.filter((a) => a.status === 'active').sort((a, b) => b.setAt.localeCompare(a.setAt))[0] : undefined;
  return (
    <>
      <h4 className="appointments-heading">{t('practitioner.work.agendaHeading')}</h4>
      <LoadState resource={agenda.resource} onRetry={agenda.reload} />
      {agenda.resource.status === 'ok' ? (
        agenda.resource.data.items.length ? (
          <ul className="client-agenda">
            {agenda.resource.data.items.map((item) => (
              <li key={item.id}>
                <span className="tag tag-client">{t('practitioner.work.fromClient')}</span>{' '}
                <q translate="no" dir="auto">
                  {item.text}
                </q>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('practitioner.work.agendaNone')}</p>
        )
      ) : null}
      <h4 className="appointments-heading">{t('practitioner.homework.currentHeading')}</h4>
      <LoadState resource={homework.resource} onRetry={homework.reload} />
      {homework.resource.status === 'ok' && !current ? <p>{t('practitioner.homework.currentNone')}</p> : null}
      {current ? (
        <>
          <p>
            {t('practitioner.homework.currentDue', { date: formatDate(current.dueOn, t), things: thingsText(t, current.items.length), done: current.items.filter((i) => i.done).length })}
          </p>
          <ul className="homework-items">
            {current.items.map((item) => (
              <li key={`${item.kind} ${item.moduleId} ${item.stepId ?? item.exerciseId}`}>
                <span translate="no">{item.title}</span> <span className={item.done ? 'tag tag-done' : 'tag tag-todo'}>{item.done ? t('practitioner.homework.done') : t('practitioner.homework.notDone')}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <FocusNotice version={set}>
        <p>{t('practitioner.homework.setNotice')}</p>
      </FocusNotice>
      {episode.status !== 'ended' && context.canManage ? (
        <SetHomework
          key={set}
          episode={episode}
          context={context}
          onSet={() => {
            homework.reload();
            setSet((n) => n + 1);
          }}
        />
      ) : null}
    </>
  );
}

/** "Set homework" outside a session: the chooser, the due date (the day before the next session), save. */
function SetHomework({ episode, context, onSet }: { episode: Episode; context: EpisodeContext; onSet(): void }) {
  const t = useT<PractitionerKey>();
  const [open, setOpen] = useState(false);
  return (
    <details className="disclosure" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('practitioner.homework.set')}</summary>
      {open ? <SetHomeworkForm episode={episode} context={context} onSet={onSet} /> : null}
    </details>
  );
}

type Field = 'items' | 'dueOn';

function SetHomeworkForm({ episode, context, onSet }: { episode: Episode; context: EpisodeContext; onSet(): void }) {
  const t = useT<PractitionerKey>();
  const { locale } = useLocale();
  const id = useId();
  const fieldIds: Record<Field, string> = { items: `${id}-hw-items`, dueOn: `${id}-hw-due-day` };
  const form = useActionForm(fieldIds);
  const [homeworkId] = useState(() => newId(new Date()));
  const [value, setValue] = useState<HomeworkValue>(emptyHomework);
  const programme = useApiGet<Programme>(`/api/programme?locale=${enc(locale)}`).resource;
  const map = useApiGet<ProtocolMapResponse>(`/api/episodes/${enc(episode.id)}/protocol-map`).resource;
  const progress = useApiGet<ProgrammeProgress>(`/api/clients/${enc(context.clientId)}/programme`).resource;
  const appointments = useApiGet<{ appointments: Appointment[] }>(`/api/episodes/${enc(episode.id)}/appointments`).resource;
  const modules = useMemo(() => (programme.status === 'ok' ? programme.data.modules : []), [programme]);
  const choices = useMemo(
    () =>
      homeworkSuggestions(t, {
        modules,
        steps: map.status === 'ok' ? map.data.steps : [],
        done: progress.status === 'ok' ? progress.data.done : [],
        openModules: progress.status === 'ok' ? progress.data.openModules : [],
      }),
    [t, modules, map, progress],
  );
  const now = useNow().getTime();
  const next = appointments.status === 'ok' ? appointments.data.appointments.filter((a) => a.status === 'booked' && Date.parse(a.startsAt) > now).sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0] : undefined;
  const due = next ? defaultDue(next.startsAt, context.clientTimeZone, new Date(now)) : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const dueOn = typedDueOn(value);
    const errors: FieldErrors<Field> = {};
    if (!value.items.length) errors.items = t('practitioner.homework.itemsMissing');
    if (dueOn === '') errors.dueOn = t('practitioner.homework.dueInvalid');
    if (!due && dueOn === undefined) errors.dueOn = t('practitioner.homework.dueNeeded');
    const saved = await form.run(errors, async () => {
      const result = await apiPost<HomeworkAssignment>(`/api/episodes/${enc(episode.id)}/homework`, { id: homeworkId, items: value.items, ...(dueOn ? { dueOn } : {}) });
      return result.ok ? result : { ...result, error: { ...result.error, details: result.error.details.map((d) => ({ ...d, path: d.path.replace(/^body\/items(\/.*)?$/, 'body/items') })) } };
    });
    if (saved) onSet();
  }

  return (
    <form className="episode-form" noValidate onSubmit={submit} aria-busy={form.busy}>
      <ErrorSummary problems={form.problems} attempt={form.attempt} />
      <HomeworkChooser id={`${id}-hw`} value={value} onChange={setValue} choices={choices} modules={modules} defaultDue={due} errors={{ items: form.errors.items, dueOn: form.errors.dueOn }} />
      <button type="submit" className="button">
        {t('practitioner.homework.setSubmit')}
      </button>
    </form>
  );
}
