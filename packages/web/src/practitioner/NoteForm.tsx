import { actionNoteMaxLength } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../shared/api';
import { bodyPath, errorText } from '../shared/error-text';
import { ErrorSummary, type FormProblem } from '../shared/ErrorSummary';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';

interface NoteFormProps {
  label: string;
  hint: string;
  submitLabel: string;
  /** Said when the note is left empty. */
  missing: string;
  /**
   * Sends the note. Returns null when done (the caller then shows the result elsewhere), the
   * error to show in the form, or 'handled' when the caller dealt with the failure itself.
   */
  onSubmit(note: string): Promise<ApiError | null | 'handled'>;
}

/**
 * A required note of what was done, and one button: acknowledging a risk alert, closing a
 * follow-up task. The note is the record of the action, so an empty one is refused here before
 * the server would refuse it. Errors follow the GOV.UK pattern (summary, then the field).
 */
export function NoteForm({ label, hint, submitLabel, missing, onSubmit }: NoteFormProps) {
  const t = useT<PractitionerKey>();
  const id = useId();
  const fieldId = `${id}-note`;
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const trimmed = note.trim();
    const problem = !trimmed ? missing : trimmed.length > actionNoteMaxLength ? t('practitioner.note.tooLong', { max: actionNoteMaxLength }) : undefined;
    setFormError(undefined);
    setFieldError(problem);
    if (problem) return;
    setBusy(true);
    const result = await onSubmit(trimmed);
    setBusy(false);
    if (result === null || result === 'handled') return;
    if (result.details.some((d) => d.path === bodyPath('note'))) setFieldError(missing);
    else setFormError(errorText(result, t));
  }

  const problems: FormProblem[] = [...(formError ? [{ message: formError }] : []), ...(fieldError ? [{ message: fieldError, fieldId }] : [])];
  const describedBy = [`${fieldId}-hint`, fieldError ? `${fieldId}-error` : ''].filter(Boolean).join(' ');
  return (
    <form className="note-form" noValidate onSubmit={submit} aria-busy={busy}>
      <ErrorSummary problems={problems} attempt={attempt} />
      <div className={fieldError ? 'field field-has-error' : 'field'}>
        <label className="label" htmlFor={fieldId}>
          {label}
        </label>
        <p id={`${fieldId}-hint`} className="hint">
          {hint}
        </p>
        {fieldError ? (
          <p id={`${fieldId}-error`} className="field-error">
            <span className="visually-hidden">{t('common.errorPrefix')} </span>
            {fieldError}
          </p>
        ) : null}
        <textarea
          id={fieldId}
          className="textarea"
          rows={3}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={fieldError ? true : undefined}
          spellCheck
        />
      </div>
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </form>
  );
}
