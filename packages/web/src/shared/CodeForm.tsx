import type { ReactNode } from 'react';
import { ErrorSummary } from './ErrorSummary';
import { TextField } from './FormFields';
import type { useCodeForm } from './use-code-form';

/**
 * A one-field form for a code from an authenticator app — numeric keyboard, `one-time-code` so
 * phones offer the code — or, with `recovery`, a recovery code (letters and numbers). Its state
 * comes from `useCodeForm`. `intro` goes above the field, `actions` beside the submit button.
 */
export function CodeForm({ form, label, hint, submitLabel, recovery = false, intro, actions }: {
  form: ReturnType<typeof useCodeForm>;
  label: string;
  hint: string;
  submitLabel: string;
  recovery?: boolean;
  intro?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <form noValidate onSubmit={form.onSubmit} aria-busy={form.busy}>
      <ErrorSummary problems={form.problems} attempt={form.attempt} />
      {intro}
      <TextField
        key={recovery ? 'recovery' : 'code'}
        id={form.fieldId}
        label={label}
        hint={hint}
        inputMode={recovery ? undefined : 'numeric'}
        autoComplete={recovery ? 'off' : 'one-time-code'}
        spellCheck={false}
        width={recovery ? 'medium' : 'short'}
        value={form.code}
        onChange={form.setCode}
        error={form.fieldError}
      />
      <div className="button-row">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        {actions}
      </div>
    </form>
  );
}
