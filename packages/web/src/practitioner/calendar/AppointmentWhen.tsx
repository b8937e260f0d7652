import { appointmentDuration, zonedDateTimeToInstant } from '@tandem/domain';
import type { DateParts } from '../../shared/dates';
import { DateField, TextField } from '../../shared/FormFields';
import type { Translate } from '../../shared/i18n/i18n';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { calendarDate, clockTime, type FieldErrors } from '../episode-form';

/** When an appointment is: a date, a start time and a length, as typed. */
export interface WhenValues {
  date: DateParts;
  time: string;
  duration: string;
}
export type WhenField = 'startsAt' | 'time' | 'durationMinutes';

/** The field ids of the date, time and length fields made with id base `id` (errors link to them). */
export function whenFieldIds(id: string): Record<WhenField, string> {
  return { startsAt: `${id}-date-day`, time: `${id}-time`, durationMinutes: `${id}-duration` };
}

/**
 * Checks a date, time and length typed for an appointment on the clocks of `timeZone`: the
 * problems by field, and the start as an ISO instant ('' when it cannot be made).
 */
export function checkWhen(values: WhenValues, timeZone: string, t: Translate<PractitionerKey>): { errors: FieldErrors<WhenField>; startsAt: string; minutes: number } {
  const day = calendarDate(values.date);
  const at = clockTime(values.time);
  const minutes = Number(values.duration);
  const errors: FieldErrors<WhenField> = {};
  if (!day) errors.startsAt = t('practitioner.appointment.dateInvalid');
  if (!at) errors.time = t('practitioner.appointment.timeInvalid');
  if (!Number.isInteger(minutes) || minutes < appointmentDuration.min || minutes > appointmentDuration.max) {
    errors.durationMinutes = t('practitioner.appointment.durationInvalid', appointmentDuration);
  }
  return { errors, startsAt: day && at ? zonedDateTimeToInstant(day, at, timeZone).toISOString() : '', minutes };
}

/** The date (Day / Month / Year), start time and length fields of an appointment form. */
export function WhenFields({ id, values, timeZone, errors, onChange }: {
  id: string;
  values: WhenValues;
  timeZone: string;
  errors: FieldErrors<WhenField>;
  onChange(values: WhenValues): void;
}) {
  const t = useT<PractitionerKey>();
  const ids = whenFieldIds(id);
  return (
    <>
      <DateField id={`${id}-date`} label={t('practitioner.appointment.date')} hint={t('practitioner.episode.dateHint')} value={values.date} onChange={(date) => onChange({ ...values, date })} error={errors.startsAt} />
      <TextField
        id={ids.time}
        label={t('practitioner.appointment.time')}
        hint={t('practitioner.appointment.timeHint', { zone: timeZone })}
        width="short"
        inputMode="numeric"
        autoComplete="off"
        value={values.time}
        onChange={(time) => onChange({ ...values, time })}
        error={errors.time}
      />
      <TextField
        id={ids.durationMinutes}
        label={t('practitioner.appointment.duration')}
        width="short"
        inputMode="numeric"
        autoComplete="off"
        value={values.duration}
        onChange={(duration) => onChange({ ...values, duration })}
        error={errors.durationMinutes}
      />
    </>
  );
}
