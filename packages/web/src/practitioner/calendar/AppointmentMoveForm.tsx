import { RescheduleAppointmentRequestSchema, zonedParts, type Appointment } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { apiPost } from '../../shared/api';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { useActionForm, type FieldErrors } from '../episode-form';
import { TextAreaField } from '../EpisodeFields';
import { checkWhen, WhenFields, whenFieldIds, type WhenField, type WhenValues } from './AppointmentWhen';

type Field = WhenField | 'reason';

function currentWhen(appointment: Appointment, timeZone: string): WhenValues {
  const p = zonedParts(new Date(appointment.startsAt), timeZone);
  return { date: { day: String(Number(p.day)), month: String(Number(p.month)), year: p.year }, time: `${p.hour}:${p.minute}`, duration: String(appointment.durationMinutes) };
}

/**
 * "Move": a booked appointment to a new date, time or length, on the client's clocks, with an
 * optional reason the client can read too (decision 0021). The server refuses a time in the past
 * or one that clashes with the practitioner's other appointments; that shows at the date.
 */
export function AppointmentMoveForm({ appointment, when, timeZone, onMoved, onStale }: {
  appointment: Appointment;
  /** The appointment's time in words, so each "Move" is named for its own appointment. */
  when: string;
  timeZone: string;
  onMoved(appointment: Appointment): void;
  onStale(): void;
}) {
  const t = useT<PractitionerKey>();
  const id = useId();
  const fieldIds: Record<Field, string> = { ...whenFieldIds(id), reason: `${id}-reason` };
  const [values, setValues] = useState<WhenValues>(() => currentWhen(appointment, timeZone));
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  const form = useActionForm(fieldIds, onStale);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkWhen(values, timeZone, t);
    const errors: FieldErrors<Field> = { ...checked.errors };
    const trimmed = reason.trim();
    if (trimmed && !RescheduleAppointmentRequestSchema.shape.reason.safeParse(trimmed).success) errors.reason = t('practitioner.move.reasonTooLong');
    const body = { startsAt: checked.startsAt, durationMinutes: checked.minutes, version: appointment.version, ...(trimmed ? { reason: trimmed } : {}) };
    const moved = await form.run(errors, () => apiPost<Appointment>(`/api/appointments/${encodeURIComponent(appointment.id)}/reschedule`, body));
    if (moved) {
      setOpen(false);
      setReason('');
      onMoved(moved);
    }
  }

  return (
    <details className="disclosure disclosure-compact" open={open} onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        {t('practitioner.move.summary')}
        <span className="visually-hidden"> {when}</span>
      </summary>
      <form className="episode-form move-form" noValidate onSubmit={submit} aria-busy={form.busy}>
        <ErrorSummary problems={form.problems} attempt={form.attempt} />
        <WhenFields id={id} values={values} timeZone={timeZone} errors={form.errors} onChange={setValues} />
        <TextAreaField id={fieldIds.reason} label={t('practitioner.move.reason')} hint={t('practitioner.move.reasonHint')} value={reason} onChange={setReason} error={form.errors.reason} />
        <button type="submit" className="button">
          {t('practitioner.move.submit')}
        </button>
      </form>
    </details>
  );
}
