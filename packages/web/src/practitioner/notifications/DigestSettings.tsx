import type { StaffNotificationSettingsState } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { apiPut } from '../../shared/api';
import { formatDateTime } from '../../shared/dates';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { CheckboxField, TextField } from '../../shared/FormFields';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import type { Resource } from '../../shared/use-api-get';
import { clockTime, useActionForm, type FieldErrors } from '../episode-form';
import { FocusNotice } from '../FocusNotice';

type Field = 'digestTime' | 'quietHours';

/** The person's daily summary email: on or off, its time, and their quiet hours. */
export function DigestSettings({
  resource,
  onRetry,
  onSaved,
  timeZone,
}: {
  resource: Resource<StaffNotificationSettingsState>;
  onRetry(): void;
  onSaved(state: StaffNotificationSettingsState): void;
  timeZone: string;
}) {
  const t = useT<PractitionerKey>();
  const [notice, setNotice] = useState({ version: 0, stale: false });
  const state = resource.status === 'ok' ? resource.data : null;
  return (
    <section aria-labelledby="digest-settings-heading">
      <h2 id="digest-settings-heading">{t('practitioner.notifications.settingsHeading')}</h2>
      <p>{t('practitioner.notifications.riskNote')}</p>
      <LoadState resource={resource} onRetry={onRetry} />
      <FocusNotice version={notice.version} tone={notice.stale ? 'warning' : 'success'}>
        <p>{t(notice.stale ? 'practitioner.notifications.stale' : 'practitioner.notifications.saved')}</p>
      </FocusNotice>
      {state ? (
        <>
          <p>
            {state.settings.digestEmail
              ? t('practitioner.notifications.nextDigest', { at: formatDateTime(state.nextDigestAt, timeZone, t), zone: state.timeZone })
              : t('practitioner.notifications.digestOff')}
          </p>
          <SettingsForm
            key={`${notice.version} ${state.version}`}
            state={state}
            onStale={() => {
              onRetry();
              setNotice((n) => ({ version: n.version + 1, stale: true }));
            }}
            onSaved={(next) => {
              onSaved(next);
              setNotice((n) => ({ version: n.version + 1, stale: false }));
            }}
          />
        </>
      ) : null}
    </section>
  );
}

function SettingsForm({ state, onSaved, onStale }: { state: StaffNotificationSettingsState; onSaved(state: StaffNotificationSettingsState): void; onStale(): void }) {
  const t = useT<PractitionerKey>();
  const id = useId();
  const fieldIds: Record<Field, string> = { digestTime: `${id}-time`, quietHours: `${id}-quiet-start` };
  const { settings } = state;
  const [digestEmail, setDigestEmail] = useState(settings.digestEmail);
  const [digestTime, setDigestTime] = useState(settings.digestTime);
  const [quietStart, setQuietStart] = useState(settings.quietHours?.start ?? '');
  const [quietEnd, setQuietEnd] = useState(settings.quietHours?.end ?? '');
  const form = useActionForm(fieldIds, onStale);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const time = clockTime(digestTime);
    const start = clockTime(quietStart);
    const end = clockTime(quietEnd);
    const noQuiet = !quietStart.trim() && !quietEnd.trim();
    const errors: FieldErrors<Field> = {};
    if (!time) errors.digestTime = t('practitioner.notifications.invalidTime');
    if (!noQuiet && !(start && end && start !== end)) errors.quietHours = t('practitioner.notifications.invalidQuiet');
    const body = { settings: { digestEmail, digestTime: time ?? '', quietHours: start && end ? { start, end } : null }, version: state.version };
    const saved = await form.run(errors, () => apiPut<StaffNotificationSettingsState>('/api/me/notification-settings', body));
    if (saved) onSaved(saved);
  }

  return (
    <form className="episode-form" noValidate onSubmit={submit} aria-busy={form.busy}>
      <ErrorSummary problems={form.problems} attempt={form.attempt} />
      <CheckboxField id={`${id}-email`} label={t('practitioner.notifications.emailLabel')} hint={t('practitioner.notifications.emailHint')} checked={digestEmail} onChange={setDigestEmail} />
      <TextField id={fieldIds.digestTime} label={t('practitioner.notifications.timeLabel')} hint={t('practitioner.notifications.timeHint')} width="short" value={digestTime} onChange={setDigestTime} error={form.errors.digestTime} autoComplete="off" />
      <TextField id={fieldIds.quietHours} label={t('practitioner.notifications.quietStart')} hint={t('practitioner.notifications.quietHint')} width="short" value={quietStart} onChange={setQuietStart} error={form.errors.quietHours} autoComplete="off" />
      <TextField id={`${id}-quiet-end`} label={t('practitioner.notifications.quietEnd')} width="short" value={quietEnd} onChange={setQuietEnd} autoComplete="off" />
      <button type="submit" className="button">
        {t('practitioner.notifications.save')}
      </button>
    </form>
  );
}
