import { appointmentStatuses, type Appointment } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { apiPost } from '../shared/api';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { useActionForm } from './episode-form';
import { SelectField } from './EpisodeFields';

const outcomes = appointmentStatuses.filter((s) => s !== 'booked');

/**
 * What happened at a booked appointment: attended (on time or late) or did not attend — the
 * server refuses these before the appointment starts, and says so here — or cancelled by the
 * client or the service.
 */
export function AppointmentOutcomeForm({ appointment, when, onChanged, onStale }: { appointment: Appointment; when: string; onChanged(a: Appointment): void; onStale(): void }) {
  const t = useT<PractitionerKey>();
  const id = useId();
  const [status, setStatus] = useState<(typeof outcomes)[number] | ''>('');
  const form = useActionForm({ status: `${id}-status` }, onStale);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors = status ? {} : { status: t('practitioner.appointment.outcomeMissing') };
    const changed = await form.run(errors, () => apiPost<Appointment>(`/api/appointments/${encodeURIComponent(appointment.id)}/status`, { status, version: appointment.version }));
    if (changed) onChanged(changed);
  }

  const formProblem = form.problems.find((p) => !p.fieldId);
  return (
    <form className="outcome-form" noValidate onSubmit={submit} aria-busy={form.busy}>
      {formProblem ? (
        <p role="alert" className="error-text">
          {formProblem.message}
        </p>
      ) : null}
      <SelectField
        id={`${id}-status`}
        label={t('practitioner.appointment.outcome', { when })}
        placeholder={t('practitioner.appointment.outcomeChoose')}
        options={outcomes.map((value) => ({ value, label: t(`practitioner.appointmentStatus.${value}`) }))}
        value={status}
        onChange={setStatus}
        error={form.errors.status}
      />
      <button type="submit" className="button button-secondary">
        {t('practitioner.appointment.outcomeSubmit')}
      </button>
    </form>
  );
}
