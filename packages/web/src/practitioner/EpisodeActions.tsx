import { canChangeEpisodeStatus, ChangeStepRequestSchema, episodeStatuses, steps, type Episode } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { apiPost, type ApiResult } from '../shared/api';
import { ErrorSummary } from '../shared/ErrorSummary';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import type { EpisodeContext } from './episode-context';
import { useActionForm, type FieldErrors } from './episode-form';
import { RadioField, SelectField, TextAreaField } from './EpisodeFields';
import { FocusNotice } from './FocusNotice';

/**
 * Changes within a referral, each made against the version on screen (a stale one is refused and
 * the referral reloaded): its status (waiting, in treatment, on hold — ending is discharge), a
 * step up or down, a transfer to another practitioner. Steps and transfers need a reason.
 */
export function EpisodeActions({ episode, context }: { episode: Episode; context: EpisodeContext }) {
  const t = useT<PractitionerKey>();
  const [done, setDone] = useState({ version: 0, text: '' });
  const path = (action: string) => `/api/episodes/${encodeURIComponent(episode.id)}/${action}`;
  const finish = (text: string) => (updated: Episode) => {
    context.onChanged(updated);
    setDone((d) => ({ version: d.version + 1, text }));
  };
  const statuses = episodeStatuses.filter((s) => canChangeEpisodeStatus(episode.status, s));
  const otherStep = steps.find((s) => s !== episode.step)!;
  const stepWord = otherStep === 'high_intensity' ? t('practitioner.episode.stepUp') : t('practitioner.episode.stepDown');
  const others = context.practitioners.filter((p) => p.id !== episode.assignedPractitionerId);
  return (
    <div className="episode-actions">
      <FocusNotice version={done.version}>
        <p>{done.text}</p>
      </FocusNotice>
      {statuses.length ? (
        <EpisodeChange
          summary={t('practitioner.episode.changeStatus')}
          submitLabel={t('practitioner.episode.changeStatusSubmit')}
          field="status"
          choice={{ label: t('practitioner.episode.newStatus'), options: statuses.map((value) => ({ value, label: t(`practitioner.episodeStatus.${value}`) })) }}
          reasonRequired={false}
          send={(status, reason) => apiPost<Episode>(path('status'), { status, version: episode.version, ...(reason ? { reason } : {}) })}
          onDone={finish(t('practitioner.episode.statusChanged'))}
        />
      ) : null}
      <EpisodeChange
        summary={t('practitioner.episode.step', { step: stepWord, to: t(`practitioner.step.${otherStep}`) })}
        submitLabel={stepWord}
        field="step"
        fixed={otherStep}
        reasonRequired
        send={(step, reason) => apiPost<Episode>(path('step'), { step, version: episode.version, reason })}
        onDone={finish(t('practitioner.episode.stepChanged', { to: t(`practitioner.step.${otherStep}`) }))}
      />
      {others.length ? (
        <EpisodeChange
          summary={t('practitioner.episode.transfer')}
          submitLabel={t('practitioner.episode.transferSubmit')}
          field="practitionerId"
          choice={{ label: t('practitioner.episode.transferTo'), options: others.map((p) => ({ value: p.id, label: p.displayName, isData: true })), select: true }}
          reasonRequired
          send={(practitionerId, reason) => apiPost<Episode>(path('transfer'), { practitionerId, version: episode.version, reason })}
          onDone={(updated) => finish(t('practitioner.episode.transferred', { name: context.names.get(updated.assignedPractitionerId) ?? '' }))(updated)}
        />
      ) : null}
    </div>
  );
}

interface EpisodeChangeProps {
  summary: string;
  submitLabel: string;
  /** The body field the choice is sent as (server errors about it show at the choice). */
  field: 'status' | 'step' | 'practitionerId';
  choice?: { label: string; options: { value: string; label: string }[]; select?: boolean };
  /** The one value when there is nothing to choose (a step up or down). */
  fixed?: string;
  reasonRequired: boolean;
  send(value: string, reason: string): Promise<ApiResult<Episode>>;
  onDone(episode: Episode): void;
}

/** One change behind a disclosure: a choice (or a fixed value), a reason, one button. */
function EpisodeChange({ summary, submitLabel, field, choice, fixed, reasonRequired, send, onDone }: EpisodeChangeProps) {
  const t = useT<PractitionerKey>();
  const id = useId();
  const [value, setValue] = useState(fixed ?? '');
  const [reason, setReason] = useState('');
  const form = useActionForm({ [field]: `${id}-choice`, reason: `${id}-reason` } as Record<string, string>);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors: FieldErrors<string> = {};
    if (!value) errors[field] = t('practitioner.episode.choiceMissing');
    const trimmed = reason.trim();
    if ((reasonRequired || trimmed) && !ChangeStepRequestSchema.shape.reason.safeParse(trimmed).success) errors.reason = t('practitioner.episode.reasonMissing');
    const updated = await form.run(errors, () => send(value, trimmed));
    if (updated) {
      setReason('');
      if (!fixed) setValue('');
      onDone(updated);
    }
  }

  const options = choice?.options ?? [];
  return (
    <details className="disclosure">
      <summary>{summary}</summary>
      <form className="episode-form" noValidate onSubmit={submit} aria-busy={form.busy}>
        <ErrorSummary problems={form.problems} attempt={form.attempt} />
        {choice && !choice.select ? (
          <RadioField id={`${id}-choice`} label={choice.label} options={options} value={value} onChange={setValue} error={form.errors[field]} inline />
        ) : null}
        {choice?.select ? (
          <SelectField id={`${id}-choice`} label={choice.label} placeholder={t('practitioner.episode.choosePractitioner')} options={options} value={value} onChange={setValue} error={form.errors[field]} />
        ) : null}
        <TextAreaField
          id={`${id}-reason`}
          label={reasonRequired ? t('practitioner.episode.reason') : t('practitioner.episode.reasonOptional')}
          hint={t('practitioner.episode.reasonHint')}
          value={reason}
          onChange={setReason}
          error={form.errors.reason}
        />
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </form>
    </details>
  );
}
