import { appointmentPurposes, contactMethods, newId, type Appointment } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { apiPost } from '../shared/api';
import { emptyDate } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { CheckboxField } from '../shared/FormFields';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { checkWhen, WhenFields, whenFieldIds, type WhenValues } from './calendar/AppointmentWhen';
import { useActionForm, type FieldErrors } from './episode-form';
import { RadioField } from './EpisodeFields';

type Field = 'startsAt' | 'time' | 'durationMinutes' | 'purpose' | 'contactMethod';

/**
 * Book an appointment, or record one that already happened (said explicitly: the server refuses a
 * past time otherwise). The time is on the client's clocks. A clash with the practitioner's other
 * appointments is refused by the server and shown at the date.
 */
export function AppointmentForm({ episodeId, timeZone, onBooked }: { episodeId: string; timeZone: string; onBooked(appointment: Appointment): void }) {
  const t = useT<PractitionerKey>();
  const id = useId();
  const fieldIds: Record<Field, string> = { ...whenFieldIds(id), purpose: `${id}-purpose`, contactMethod: `${id}-method` };
  const [appointmentId] = useState(() => newId(new Date()));
  const [when, setWhen] = useState<WhenValues>({ date: emptyDate, time: '', duration: '45' });
  const [purpose, setPurpose] = useState<(typeof appointmentPurposes)[number] | ''>('');
  const [method, setMethod] = useState<(typeof contactMethods)[number] | ''>('');
  const [recordingPast, setRecordingPast] = useState(false);
  const form = useActionForm(fieldIds);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkWhen(when, timeZone, t);
    const errors: FieldErrors<Field> = { ...checked.errors };
    if (!purpose) errors.purpose = t('practitioner.appointment.purposeMissing');
    if (!method) errors.contactMethod = t('practitioner.appointment.methodMissing');
    const body = { id: appointmentId, startsAt: checked.startsAt, durationMinutes: checked.minutes, purpose, contactMethod: method, recordingPast };
    const booked = await form.run(errors, () => apiPost<Appointment>(`/api/episodes/${encodeURIComponent(episodeId)}/appointments`, body));
    if (booked) onBooked(booked);
  }

  return (
    <details className="disclosure">
      <summary>{t('practitioner.appointment.book')}</summary>
      <form className="episode-form" noValidate onSubmit={submit} aria-busy={form.busy}>
        <ErrorSummary problems={form.problems} attempt={form.attempt} />
        <WhenFields id={id} values={when} timeZone={timeZone} errors={form.errors} onChange={setWhen} />
        <RadioField
          id={fieldIds.purpose}
          label={t('practitioner.appointments.purpose')}
          options={appointmentPurposes.map((value) => ({ value, label: t(`practitioner.purpose.${value}`) }))}
          value={purpose}
          onChange={setPurpose}
          error={form.errors.purpose}
          inline
        />
        <RadioField
          id={fieldIds.contactMethod}
          label={t('practitioner.appointment.method')}
          options={contactMethods.map((value) => ({ value, label: t(`practitioner.method.${value}`) }))}
          value={method}
          onChange={setMethod}
          error={form.errors.contactMethod}
          inline
        />
        <CheckboxField
          id={`${id}-past`}
          label={t('practitioner.appointment.recordingPast')}
          hint={t('practitioner.appointment.recordingPastHint')}
          checked={recordingPast}
          onChange={setRecordingPast}
        />
        <button type="submit" className="button">
          {recordingPast ? t('practitioner.appointment.recordSubmit') : t('practitioner.appointment.bookSubmit')}
        </button>
      </form>
    </details>
  );
}
