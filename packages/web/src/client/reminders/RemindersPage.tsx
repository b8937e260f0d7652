import type { Me } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { apiPut } from '../../shared/api';
import { formatDate } from '../../shared/dates';
import { ErrorSummary, type FormProblem } from '../../shared/ErrorSummary';
import { errorText } from '../../shared/error-text';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { useApiGet } from '../../shared/use-api-get';
import { BackHomeLink } from '../BackHomeLink';
import { ClientFrame } from '../ClientFrame';
import { QuestionFieldset } from '../QuestionFieldset';
import { checkDraft, draftFrom, firstWeekLastDay, inFirstWeek, remindersPerDayMax, scheduleFrom, type MoodScheduleState, type ReminderList, type ReminderProblem } from './reminder-times';
import { TimesFieldset } from './TimesFieldset';

type Outcome = { kind: 'saved' } | { kind: 'changed-elsewhere' } | null;

/**
 * "Reminders to check in": the times the client is asked how they feel, and their quiet hours
 * (GET/PUT /api/me/mood-schedule). Reminders come by push or email as the client chose, never in
 * quiet hours; the page links to turning on notifications on this phone. The first week's times
 * show only during the first week.
 */
export function RemindersPage({ me }: { me: Me }) {
  const t = useT<ClientKey>();
  const { resource, reload, replace } = useApiGet<MoodScheduleState>('/api/me/mood-schedule');
  const [outcome, setOutcome] = useState<Outcome>(null);
  return (
    <ClientFrame title={t('client.title.reminders')} page="reminders">
      <BackHomeLink />
      <h1>{t('client.reminders.heading')}</h1>
      {outcome ? (
        <p className={outcome.kind === 'saved' ? 'notice notice-success' : 'notice'} role="status">
          {t(outcome.kind === 'saved' ? 'client.reminders.saved' : 'client.reminders.changedElsewhere')}
        </p>
      ) : null}
      <p>{t('client.reminders.intro', { max: remindersPerDayMax })}</p>
      <p className="notice">
        {t('client.reminders.howSent')} <Link href="/choices">{t('client.reminders.choicesLink')}</Link>
      </p>
      <p>
        <Link href="/notifications">{t('client.reminders.notificationsLink')}</Link>
      </p>
      <LoadState resource={resource} onRetry={reload} />
      {resource.status === 'ok' ? (
        <ReminderForm
          key={resource.data.version}
          me={me}
          state={resource.data}
          onSaved={(state) => {
            replace(state);
            setOutcome({ kind: 'saved' });
            window.scrollTo(0, 0);
          }}
          onChangedElsewhere={() => {
            reload();
            setOutcome({ kind: 'changed-elsewhere' });
            window.scrollTo(0, 0);
          }}
        />
      ) : null}
    </ClientFrame>
  );
}

function ReminderForm({ me, state, onSaved, onChangedElsewhere }: { me: Me; state: MoodScheduleState; onSaved(state: MoodScheduleState): void; onChangedElsewhere(): void }) {
  const t = useT<ClientKey>();
  const ids = useId();
  const [draft, setDraft] = useState(() => draftFrom(state));
  const [problems, setProblems] = useState<ReminderProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const firstWeek = inFirstWeek(state.schedule.startsOn, new Date(), me.actor.timeZone);
  const lists: ReminderList[] = firstWeek ? ['weekOne', 'later'] : ['later'];
  const fieldId = (p: ReminderProblem) => ('list' in p ? `${ids}-${p.list}-${p.index}` : `${ids}-quiet-start`);
  const message = (p: ReminderProblem): string => {
    switch (p.kind) {
      case 'empty':
        return t('client.reminders.errorEmpty', { number: p.index + 1 });
      case 'twice':
        return t('client.reminders.errorTwice', { time: p.time });
      case 'quiet':
        return t('client.reminders.errorQuiet', { time: p.time });
      case 'quiet-half':
        return t('client.reminders.errorQuietHalf');
      case 'quiet-same':
        return t('client.reminders.errorQuietSame');
    }
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = checkDraft(draft, lists);
    setProblems(found);
    setFailure(null);
    setAttempt((n) => n + 1);
    if (found.length) return;
    setBusy(true);
    const result = await apiPut<MoodScheduleState>('/api/me/mood-schedule', { schedule: scheduleFrom(draft, state), version: state.version });
    setBusy(false);
    if (result.ok) return onSaved(result.data);
    if (result.error.code === 'write.stale_version') return onChangedElsewhere();
    setFailure(result.error.code === 'network' ? t('client.reminders.saveOffline') : errorText(result.error, t));
    setAttempt((n) => n + 1);
  }

  const summary: FormProblem[] = [...problems.map((p) => ({ message: message(p), fieldId: fieldId(p) })), ...(failure ? [{ message: failure }] : [])];
  const rowErrors = (list: ReminderList) => new Map(problems.flatMap((p) => ('list' in p && p.list === list ? [[p.index, message(p)] as const] : [])));
  const quietProblem = problems.find((p) => !('list' in p));
  const quietError = quietProblem ? message(quietProblem) : undefined;
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={summary} attempt={attempt} />
      {firstWeek ? (
        <TimesFieldset
          id={`${ids}-weekOne`}
          legend={t('client.reminders.weekOneLegend', { date: formatDate(firstWeekLastDay(state.schedule.startsOn), t) })}
          times={draft.weekOne}
          errors={rowErrors('weekOne')}
          onChange={(weekOne) => setDraft({ ...draft, weekOne })}
        />
      ) : null}
      <TimesFieldset
        id={`${ids}-later`}
        legend={t(firstWeek ? 'client.reminders.laterLegend' : 'client.reminders.everyDayLegend')}
        times={draft.later}
        errors={rowErrors('later')}
        onChange={(later) => setDraft({ ...draft, later })}
      />
      <QuestionFieldset id={`${ids}-quiet`} legend={t('client.reminders.quietLegend')} hint={t('client.reminders.quietHint')} error={quietError}>
        <div className="quiet-hours">
          {(['quietStart', 'quietEnd'] as const).map((end) => (
            <div key={end}>
              <label className="label" htmlFor={end === 'quietStart' ? `${ids}-quiet-start` : `${ids}-quiet-end`}>
                {t(end === 'quietStart' ? 'client.reminders.quietFrom' : 'client.reminders.quietUntil')}
              </label>
              <input
                id={end === 'quietStart' ? `${ids}-quiet-start` : `${ids}-quiet-end`}
                className="input input-time"
                type="time"
                value={draft[end]}
                onChange={(event) => setDraft({ ...draft, [end]: event.target.value })}
                aria-invalid={quietError ? true : undefined}
              />
            </div>
          ))}
        </div>
      </QuestionFieldset>
      <button type="submit" className="button" disabled={busy}>
        {t('client.reminders.save')}
      </button>
    </form>
  );
}
