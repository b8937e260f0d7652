import { appointmentDuration, appointmentPurposes, contactMethods, newId, zonedDateTimeToInstant, type Appointment } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { apiPost } from '../shared/api';
import { emptyDate, type DateParts } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { CheckboxField, DateField, TextField } from '../shared/FormFields';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { calendarDate, clockTime, useActionForm, type FieldErrors } from './episode-form';
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
  const fieldIds: Record<Field, string> = {
    startsAt: `${id}-date-day`,
    time: `${id}-time`,
    durationMinutes: `${id}-duration`,
    purpose: `${id}-purpose`,
    contactMethod: `${id}-method`,
  };
  const [appointmentId] = useState(() => newId(new Date()));
  const [date, setDate] = useState<DateParts>(emptyDate);
  const [time, setTime] = useState('');
  const [duration, setDuration] = useState('45');
  const [purpose, setPurpose] = useState<(typeof appointmentPurposes)[number] | ''>('');
  const [method, setMethod] = useState<(typeof contactMethods)[number] | ''>('');
  const [recordingPast, setRecordingPast] = useState(false);
  const form = useActionForm(fieldIds);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const day = calendarDate(date);
    const at = clockTime(time);
    const minutes = Number(duration);
    const errors: FieldErrors<Field> = {};
    if (!day) errors.startsAt = t('practitioner.appointment.dateInvalid');
    if (!at) errors.time = t('practitioner.appointment.timeInvalid');
    if (!Number.isInteger(minutes) || minutes < appointmentDuration.min || minutes > appointmentDuration.max) {
      errors.durationMinutes = t('practitioner.appointment.durationInvalid', appointmentDuration);
    }
    if (!purpose) errors.purpose = t('practitioner.appointment.purposeMissing');
    if (!method) errors.contactMethod = t('practitioner.appointment.methodMissing');
    const startsAt = day && at ? zonedDateTimeToInstant(day, at, timeZone).toISOString() : '';
    const body = { id: appointmentId, startsAt, durationMinutes: minutes, purpose, contactMethod: method, recordingPast };
    const booked = await form.run(errors, () => apiPost<Appointment>(`/api/episodes/${encodeURIComponent(episodeId)}/appointments`, body));
    if (booked) onBooked(booked);
  }

  return (
    <details className="disclosure">
      <summary>{t('practitioner.appointment.book')}</summary>
      <form className="episode-form" noValidate onSubmit={submit} aria-busy={form.busy}>
        <ErrorSummary problems={form.problems} attempt={form.attempt} />
        <DateField id={`${id}-date`} label={t('practitioner.appointment.date')} hint={t('practitioner.episode.dateHint')} value={date} onChange={setDate} error={form.errors.startsAt} />
        <TextField
          id={fieldIds.time}
          label={t('practitioner.appointment.time')}
          hint={t('practitioner.appointment.timeHint', { zone: timeZone })}
          width="short"
          inputMode="numeric"
          autoComplete="off"
          value={time}
          onChange={setTime}
          error={form.errors.time}
        />
        <TextField
          id={fieldIds.durationMinutes}
          label={t('practitioner.appointment.duration')}
          width="short"
          inputMode="numeric"
          autoComplete="off"
          value={duration}
          onChange={setDuration}
          error={form.errors.durationMinutes}
        />
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
