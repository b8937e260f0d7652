import type { FormEvent } from 'react';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { FieldError } from '../../shared/FormFields';
import type { useOutboxTextForm } from './useOutboxTextForm';

/**
 * The form of a short text box whose words go through the outbox: the problems, the label and
 * hint, the box (described by the hint, the page's notice `noticeId` and any problem) and the
 * button. The hint's id is `${fieldId}-hint`.
 */
export function OutboxTextForm({
  form,
  fieldId,
  noticeId,
  label,
  hint,
  button,
  rows,
  onSubmit,
}: {
  form: ReturnType<typeof useOutboxTextForm>;
  fieldId: string;
  noticeId: string;
  label: string;
  hint: string;
  button: string;
  rows: number;
  onSubmit(event: FormEvent): void;
}) {
  const { fieldError } = form;
  const describedBy = [`${fieldId}-hint`, noticeId, fieldError ? `${fieldId}-error` : null].filter(Boolean).join(' ');
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary problems={form.problems} attempt={form.attempt} />
      <div className={fieldError ? 'field field-has-error' : 'field'}>
        <label className="label" htmlFor={fieldId}>
          {label}
        </label>
        <p id={`${fieldId}-hint`} className="hint">
          {hint}
        </p>
        <FieldError id={fieldId} text={fieldError} />
        <textarea
          id={fieldId}
          className="textarea"
          rows={rows}
          value={form.text}
          onChange={(event) => form.setText(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={fieldError ? true : undefined}
        />
      </div>
      <button type="submit" className="button" disabled={form.busy}>
        {button}
      </button>
    </form>
  );
}
