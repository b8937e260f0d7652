import { CreateFeedbackTemplateRequestSchema, feedbackMaxLength, GiveFeedbackRequestSchema, newId, type ExerciseFeedback, type SharedExerciseEntry } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { apiPost, type ApiError, type ApiResult } from '../shared/api';
import { errorText } from '../shared/error-text';
import { ErrorSummary } from '../shared/ErrorSummary';
import { CheckboxField, TextField } from '../shared/FormFields';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { useActionForm, type FieldErrors } from './episode-form';
import { SelectField, TextAreaField } from './EpisodeFields';

/** Reusable feedback wording: the organisation's (shared) or the practitioner's own. */
export interface FeedbackTemplate {
  id: string;
  title: string;
  text: string;
  shared: boolean;
  ownerStaffId: string | null;
}

export interface FeedbackHandlers {
  templates: readonly FeedbackTemplate[];
  onSent(entryId: string, feedback: ExerciseFeedback): void;
  onTemplateSaved(template: FeedbackTemplate): void;
  /** The client sent a newer version: the entries are fetched again in place, keeping this form. */
  onStale(): void;
  /** The client made the entry private: it can no longer be read or answered. */
  onPrivate(): void;
}

type Field = 'text' | 'title';
type Wording = { id: string; title: string; text: string; saved: boolean };

/**
 * Short written feedback on the submission on screen (BRIEF.md, B3: feedback templates): saved
 * wording fills the box and stays editable; new wording can be kept for next time, for the
 * practitioner only. Checked with the API's own schemas, in our words per field.
 */
export function ExerciseFeedbackForm({ entry, handlers }: { entry: SharedExerciseEntry; handlers: FeedbackHandlers }) {
  const t = useT<PractitionerKey>();
  const id = useId();
  const fieldIds: Record<Field, string> = { text: `${id}-text`, title: `${id}-title` };
  const [feedbackId] = useState(() => newId(new Date()));
  const [templateId, setTemplateId] = useState('');
  const [text, setText] = useState('');
  const [keep, setKeep] = useState(false);
  const [title, setTitle] = useState('');
  // The wording last sent to be kept, so a retry reuses its id (saving is idempotent by id).
  const [wording, setWording] = useState<Wording | null>(null);
  const [busy, setBusy] = useState(false);
  const [sendError, setSendError] = useState<string | undefined>();
  const form = useActionForm(fieldIds);

  function localErrors(): FieldErrors<Field> {
    const errors: FieldErrors<Field> = {};
    if (!GiveFeedbackRequestSchema.safeParse({ id: feedbackId, revision: entry.revision, text }).success) {
      errors.text = text.trim() ? t('practitioner.exercises.feedback.textTooLong', { max: feedbackMaxLength }) : t('practitioner.exercises.feedback.textMissing');
    }
    const template = CreateFeedbackTemplateRequestSchema.safeParse({ id: feedbackId, title, text, shared: false });
    if (keep && template.error?.issues.some((issue) => issue.path[0] === 'title')) {
      errors.title = title.trim() ? t('practitioner.exercises.feedback.titleTooLong') : t('practitioner.exercises.feedback.titleMissing');
    }
    return errors;
  }

  /** Keeps the wording first (when asked), so feedback is never sent twice by a retry. */
  async function send(): Promise<ApiResult<ExerciseFeedback>> {
    if (keep) {
      const same = wording && wording.title === title.trim() && wording.text === text.trim();
      const next = same ? wording : { id: newId(new Date()), title: title.trim(), text: text.trim(), saved: false };
      setWording(next);
      if (!next.saved) {
        const saved = await apiPost<FeedbackTemplate>('/api/feedback-templates', { id: next.id, title: next.title, text: next.text, shared: false });
        if (!saved.ok) return saved;
        setWording({ ...next, saved: true });
        handlers.onTemplateSaved(saved.data);
      }
    }
    return apiPost<ExerciseFeedback>(`/api/exercise-entries/${encodeURIComponent(entry.id)}/feedback`, { id: feedbackId, revision: entry.revision, text });
  }

  function refuse(error: ApiError) {
    if (error.code === 'exercise.private') return handlers.onPrivate();
    // Our words: what was typed is still here, to check against the newer version now shown.
    if (error.code === 'write.stale_version') handlers.onStale();
    setSendError(error.code === 'write.stale_version' ? t('practitioner.exercises.feedback.stale') : errorText(error, t));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setSendError(undefined);
    if (!form.check(localErrors())) return;
    setBusy(true);
    const result = await send();
    setBusy(false);
    if (result.ok) handlers.onSent(entry.id, result.data);
    else refuse(result.error);
  }

  const choices = handlers.templates.map((template) => ({
    value: template.id,
    label: template.shared ? t('practitioner.exercises.feedback.serviceWording', { title: template.title }) : template.title,
  }));
  return (
    <form className="episode-form" noValidate onSubmit={submit} aria-busy={busy}>
      <ErrorSummary problems={[...(sendError ? [{ message: sendError }] : []), ...form.problems]} attempt={form.attempt} />
      {choices.length ? (
        <SelectField
          id={`${id}-template`}
          label={t('practitioner.exercises.feedback.template')}
          hint={t('practitioner.exercises.feedback.templateHint')}
          placeholder={t('practitioner.exercises.feedback.templateNone')}
          options={choices}
          value={templateId}
          onChange={(chosen) => {
            setTemplateId(chosen);
            setText(handlers.templates.find((template) => template.id === chosen)?.text ?? text);
          }}
        />
      ) : null}
      <TextAreaField id={fieldIds.text} label={t('practitioner.exercises.feedback.text')} hint={t('practitioner.exercises.feedback.textHint', { max: feedbackMaxLength })} value={text} onChange={setText} error={form.errors.text} />
      <CheckboxField id={`${id}-keep`} label={t('practitioner.exercises.feedback.keep')} hint={t('practitioner.exercises.feedback.keepHint')} checked={keep} onChange={setKeep} />
      {keep ? <TextField id={fieldIds.title} label={t('practitioner.exercises.feedback.title')} hint={t('practitioner.exercises.feedback.titleHint')} value={title} onChange={setTitle} error={form.errors.title} autoComplete="off" /> : null}
      <button type="submit" className="button">
        {t('practitioner.exercises.feedback.submit')}
      </button>
    </form>
  );
}
