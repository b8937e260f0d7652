import { minCountToShow, type PulseState } from '@tandem/domain';
import { useState } from 'react';
import { apiPost, apiPut, type ApiError } from '../../shared/api';
import { errorText } from '../../shared/error-text';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { useApiGet } from '../../shared/use-api-get';
import { RadioField, TextAreaField } from '../EpisodeFields';
import { announcePulseState } from './pulse-offer';

type Score = '1' | '2' | '3' | '4' | '5';
const scores: readonly Score[] = ['1', '2', '3', '4', '5'];

/**
 * The monthly check (decision 0028): two optional 1–5 questions and a comment, offered once per
 * calendar month, never in the way — "Not this month" puts it aside; an answer can be changed
 * until the month ends. Shown on the figures page, which the navigation marks while it waits.
 */
export function PulseForm() {
  const t = useT<PractitionerKey>();
  const { resource, reload, replace } = useApiGet<PulseState>('/api/pulse');
  return (
    <section aria-labelledby="pulse-heading" id="pulse">
      <h2 id="pulse-heading">{t('practitioner.figures.pulse.heading')}</h2>
      <LoadState resource={resource} onRetry={reload} />
      {resource.status === 'ok' ? <PulseFields key={resource.data.month} state={resource.data} onSaved={replace} /> : null}
    </section>
  );
}

function PulseFields({ state, onSaved }: { state: PulseState; onSaved(state: PulseState): void }) {
  const t = useT<PractitionerKey>();
  const [value, setValue] = useState<Score | ''>(state.answer?.value ? (String(state.answer.value) as Score) : '');
  const [burden, setBurden] = useState<Score | ''>(state.answer?.burden ? (String(state.answer.burden) as Score) : '');
  const [comment, setComment] = useState(state.answer?.comment ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const options = scores.map((s) => ({ value: s, label: t(`practitioner.figures.pulse.scale.${s}`) }));

  const done = (result: { ok: true; data: PulseState } | { ok: false; error: ApiError }) => {
    setBusy(false);
    if (result.ok) {
      setProblem(null);
      announcePulseState(result.data);
      onSaved(result.data);
    } else setProblem(errorText(result.error, t));
  };
  const send = async () => {
    if (!value && !burden) {
      setProblem(t('practitioner.figures.pulse.needOne'));
      return;
    }
    setBusy(true);
    done(await apiPut<PulseState>('/api/pulse', { value: value ? Number(value) : null, burden: burden ? Number(burden) : null, comment: comment.trim() || null }));
  };
  const dismiss = async () => {
    setBusy(true);
    done(await apiPost<PulseState>('/api/pulse/dismiss'));
  };

  return (
    <>
      <p>{t('practitioner.figures.pulse.intro', { min: minCountToShow })}</p>
      {state.answer ? (
        <p role="status" className="notice">
          {t('practitioner.figures.pulse.thanks')}
        </p>
      ) : state.dismissed ? (
        <p role="status">{t('practitioner.figures.pulse.dismissed')}</p>
      ) : null}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <RadioField id="pulse-value" label={t('practitioner.figures.pulse.value')} options={options} value={value} onChange={setValue} inline error={problem && !value && !burden ? problem : undefined} />
        <RadioField id="pulse-burden" label={t('practitioner.figures.pulse.burden')} options={options} value={burden} onChange={setBurden} inline />
        <TextAreaField id="pulse-comment" label={t('practitioner.figures.pulse.comment')} hint={t('practitioner.figures.pulse.commentHint')} value={comment} onChange={setComment} />
        {problem && (value || burden) ? (
          <p role="alert" className="error-text">
            {problem}
          </p>
        ) : null}
        <div className="button-group">
          <button type="submit" className="button" disabled={busy}>
            {state.answer ? t('practitioner.figures.pulse.change') : t('practitioner.figures.pulse.save')}
          </button>
          {state.offered ? (
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => void dismiss()}>
              {t('practitioner.figures.pulse.dismiss')}
            </button>
          ) : null}
        </div>
      </form>
    </>
  );
}
