import { CreateEpisodeRequestSchema, newId, referralSources, steps, type Episode } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { apiPost } from '../shared/api';
import { emptyDate, type DateParts } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { DateField, TextField } from '../shared/FormFields';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import type { EpisodeContext } from './episode-context';
import { calendarDate, useActionForm, type FieldErrors } from './episode-form';
import { RadioField, SelectField } from './EpisodeFields';

type Field = 'referralDate' | 'referralSource' | 'problemDescriptor' | 'step' | 'assignedPractitionerId';

/** "Open a referral": a referral starts an episode, waiting, with its practitioner on the care team. */
export function EpisodeOpenForm({ context, onOpened }: { context: EpisodeContext; onOpened(episode: Episode): void }) {
  const t = useT<PractitionerKey>();
  const id = useId();
  const fieldIds: Record<Field, string> = {
    referralDate: `${id}-date-day`,
    referralSource: `${id}-source`,
    problemDescriptor: `${id}-problem`,
    step: `${id}-step`,
    assignedPractitionerId: `${id}-practitioner`,
  };
  // One id per filled-in form: a retried submit opens the same referral, never a second one.
  const [episodeId] = useState(() => newId(new Date()));
  const [date, setDate] = useState<DateParts>(emptyDate);
  const [source, setSource] = useState<(typeof referralSources)[number] | ''>('');
  const [problem, setProblem] = useState('');
  const [step, setStep] = useState<(typeof steps)[number] | ''>('');
  const [practitioner, setPractitioner] = useState('');
  const form = useActionForm(fieldIds);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const referralDate = calendarDate(date);
    const errors: FieldErrors<Field> = {};
    if (!referralDate) errors.referralDate = t('practitioner.episode.dateInvalid');
    if (!source) errors.referralSource = t('practitioner.episode.sourceMissing');
    if (!step) errors.step = t('practitioner.episode.stepMissing');
    if (!practitioner) errors.assignedPractitionerId = t('practitioner.episode.practitionerMissing');
    const body = { id: episodeId, referralDate, referralSource: source, problemDescriptor: problem, step, assignedPractitionerId: practitioner };
    if (!CreateEpisodeRequestSchema.shape.problemDescriptor.safeParse(problem).success) errors.problemDescriptor = t('practitioner.episode.problemInvalid');
    const created = await form.run(errors, () => apiPost<Episode>(`/api/clients/${encodeURIComponent(context.clientId)}/episodes`, body));
    if (created) onOpened(created);
  }

  return (
    <details className="disclosure">
      <summary>{t('practitioner.episode.open')}</summary>
      <form className="episode-form" noValidate onSubmit={submit} aria-busy={form.busy}>
        <ErrorSummary problems={form.problems} attempt={form.attempt} />
        <DateField id={`${id}-date`} label={t('practitioner.episode.referralDate')} hint={t('practitioner.episode.dateHint')} value={date} onChange={setDate} error={form.errors.referralDate} />
        <RadioField
          id={fieldIds.referralSource}
          label={t('practitioner.episode.source')}
          options={referralSources.map((value) => ({ value, label: t(`practitioner.referralSource.${value}`) }))}
          value={source}
          onChange={setSource}
          error={form.errors.referralSource}
        />
        <TextField
          id={fieldIds.problemDescriptor}
          label={t('practitioner.episode.problem')}
          hint={t('practitioner.episode.problemHint')}
          value={problem}
          onChange={setProblem}
          error={form.errors.problemDescriptor}
        />
        <RadioField
          id={fieldIds.step}
          label={t('practitioner.episodes.step')}
          options={steps.map((value) => ({ value, label: t(`practitioner.step.${value}`) }))}
          value={step}
          onChange={setStep}
          error={form.errors.step}
        />
        <SelectField
          id={fieldIds.assignedPractitionerId}
          label={t('practitioner.episodes.practitioner')}
          placeholder={t('practitioner.episode.choosePractitioner')}
          options={context.practitioners.map((p) => ({ value: p.id, label: p.displayName, isData: true }))}
          value={practitioner}
          onChange={setPractitioner}
          error={form.errors.assignedPractitionerId}
        />
        <button type="submit" className="button">
          {t('practitioner.episode.openSubmit')}
        </button>
      </form>
    </details>
  );
}
