import { maxMoodPromptsPerDay, MoodPromptScheduleSchema, type MoodPromptSchedule } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { apiPut } from '../shared/api';
import { formatDate, formatDateTime, type DateParts } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { DateField, TextField } from '../shared/FormFields';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { LoadState } from '../shared/LoadState';
import { useApiGet } from '../shared/use-api-get';
import { calendarDate, clockTime, dateParts, useActionForm, type FieldErrors } from './episode-form';
import { FocusNotice } from './FocusNotice';

interface ScheduleState {
  schedule: MoodPromptSchedule;
  version: number;
  isDefault: boolean;
  timeZone: string;
  nextPromptAt: string | null;
}

type Field = 'weekOneTimes' | 'laterTimes' | 'quietHours' | 'startsOn';

/** "09:00, 14:00" → ['09:00', '14:00'], or null when one is not a time. */
function times(text: string): string[] | null {
  const list = text.split(/[,;\s]+/).filter(Boolean).map(clockTime);
  return list.every((time) => time !== null) ? (list as string[]) : null;
}

/**
 * When the client is asked to rate their mood (issue 6): three times a day in week one, then once,
 * by default; at most six a day; none in quiet hours; on the client's own clocks. The care team
 * can change it here with the client.
 */
export function ClientMoodSchedule({ clientId, timeZone, canChange }: { clientId: string; timeZone: string; canChange: boolean }) {
  const t = useT<PractitionerKey>();
  const path = `/api/clients/${encodeURIComponent(clientId)}/mood-schedule`;
  const { resource, reload, replace } = useApiGet<ScheduleState>(path);
  // One notice for both outcomes: saved, or refused because someone else changed the prompts first.
  const [notice, setNotice] = useState({ version: 0, stale: false });
  const state = resource.status === 'ok' ? resource.data : null;
  const list = (values: readonly string[]) => (values.length ? values.join(', ') : t('practitioner.mood.noPrompts'));
  return (
    <section aria-labelledby="client-mood-schedule-heading">
      <h2 id="client-mood-schedule-heading">{t('practitioner.mood.heading')}</h2>
      <LoadState resource={resource} onRetry={reload} />
      <FocusNotice version={notice.version} tone={notice.stale ? 'warning' : 'success'}>
        <p>{t(notice.stale ? 'practitioner.mood.stale' : 'practitioner.mood.saved')}</p>
      </FocusNotice>
      {state ? (
        <>
          <p className="hint">{state.isDefault ? t('practitioner.mood.default', { zone: state.timeZone }) : t('practitioner.mood.custom', { zone: state.timeZone })}</p>
          <dl className="summary-list">
            <div>
              <dt>{t('practitioner.mood.weekOne', { date: formatDate(state.schedule.startsOn, t) })}</dt>
              <dd translate="no">{list(state.schedule.weekOneTimes)}</dd>
            </div>
            <div>
              <dt>{t('practitioner.mood.later')}</dt>
              <dd translate="no">{list(state.schedule.laterTimes)}</dd>
            </div>
            <div>
              <dt>{t('practitioner.mood.quiet')}</dt>
              <dd>{state.schedule.quietHours ? t('practitioner.mood.quietRange', state.schedule.quietHours) : t('practitioner.mood.quietNone')}</dd>
            </div>
            <div>
              <dt>{t('practitioner.mood.next')}</dt>
              <dd translate="no">{state.nextPromptAt ? formatDateTime(state.nextPromptAt, timeZone, t) : t('practitioner.mood.noPrompts')}</dd>
            </div>
          </dl>
          {canChange ? (
            <ScheduleForm
              key={`${notice.version} ${state.version}`}
              path={path}
              state={state}
              onStale={() => {
                reload();
                setNotice((n) => ({ version: n.version + 1, stale: true }));
              }}
              onSaved={(next) => {
                replace(next);
                setNotice((n) => ({ version: n.version + 1, stale: false }));
              }}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function ScheduleForm({ path, state, onSaved, onStale }: { path: string; state: ScheduleState; onSaved(state: ScheduleState): void; onStale(): void }) {
  const t = useT<PractitionerKey>();
  const id = useId();
  const fieldIds: Record<Field, string> = { weekOneTimes: `${id}-week-one`, laterTimes: `${id}-later`, quietHours: `${id}-quiet-start`, startsOn: `${id}-starts-day` };
  const { schedule } = state;
  const [weekOne, setWeekOne] = useState(schedule.weekOneTimes.join(', '));
  const [later, setLater] = useState(schedule.laterTimes.join(', '));
  const [quietStart, setQuietStart] = useState(schedule.quietHours?.start ?? '');
  const [quietEnd, setQuietEnd] = useState(schedule.quietHours?.end ?? '');
  const [startsOn, setStartsOn] = useState<DateParts>(() => dateParts(schedule.startsOn));
  const form = useActionForm(fieldIds, onStale);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const start = clockTime(quietStart);
    const end = clockTime(quietEnd);
    const noQuiet = !quietStart.trim() && !quietEnd.trim();
    const next = { weekOneTimes: times(weekOne) ?? [], laterTimes: times(later) ?? [], quietHours: start && end ? { start, end } : null, startsOn: calendarDate(startsOn) ?? '' };
    const errors: FieldErrors<Field> = {};
    // Checked with the API's own schema; the words are ours, per field.
    const parsed = MoodPromptScheduleSchema.safeParse(next);
    for (const issue of parsed.success ? [] : parsed.error.issues) errors[issue.path[0] as Field] ??= t(`practitioner.mood.invalid.${issue.path[0] as Field}`, { max: maxMoodPromptsPerDay });
    if (!times(weekOne)) errors.weekOneTimes = t('practitioner.mood.invalid.weekOneTimes', { max: maxMoodPromptsPerDay });
    if (!times(later)) errors.laterTimes = t('practitioner.mood.invalid.laterTimes', { max: maxMoodPromptsPerDay });
    if (!noQuiet && !(start && end)) errors.quietHours = t('practitioner.mood.invalid.quietHours');
    const saved = await form.run(errors, () => apiPut<ScheduleState>(path, { schedule: next, version: state.version }));
    if (saved) onSaved(saved);
  }

  return (
    <details className="disclosure">
      <summary>{t('practitioner.mood.change')}</summary>
      <form className="episode-form" noValidate onSubmit={submit} aria-busy={form.busy}>
        <ErrorSummary problems={form.problems} attempt={form.attempt} />
        <TextField id={fieldIds.weekOneTimes} label={t('practitioner.mood.weekOneLabel')} hint={t('practitioner.mood.timesHint', { max: maxMoodPromptsPerDay })} value={weekOne} onChange={setWeekOne} error={form.errors.weekOneTimes} autoComplete="off" />
        <TextField id={fieldIds.laterTimes} label={t('practitioner.mood.later')} hint={t('practitioner.mood.laterHint')} value={later} onChange={setLater} error={form.errors.laterTimes} autoComplete="off" />
        <TextField id={fieldIds.quietHours} label={t('practitioner.mood.quietStart')} hint={t('practitioner.mood.quietHint')} width="short" value={quietStart} onChange={setQuietStart} error={form.errors.quietHours} autoComplete="off" />
        <TextField id={`${id}-quiet-end`} label={t('practitioner.mood.quietEnd')} width="short" value={quietEnd} onChange={setQuietEnd} autoComplete="off" />
        <DateField id={`${id}-starts`} label={t('practitioner.mood.startsOn')} value={startsOn} onChange={setStartsOn} error={form.errors.startsOn} />
        <button type="submit" className="button">
          {t('practitioner.mood.submit')}
        </button>
      </form>
    </details>
  );
}
