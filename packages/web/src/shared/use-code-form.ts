import { useId, useState, type FormEvent } from 'react';
import type { ApiResult } from './api';
import { bodyPath, errorText } from './error-text';
import type { FormProblem } from './ErrorSummary';
import { useT } from './i18n/I18nProvider';
import type { CommonKey } from './i18n/keys';

/** A code as the server reads it: spaces and dashes ignored (normaliseCode in @tandem/domain). */
export function tidyCode(input: string): string {
  return input.replace(/[\s-]/g, '').toLowerCase();
}

/**
 * The state of a one-field form asking for a code from an authenticator app (or, with
 * `recovery`, a recovery code): checks it locally, sends it with `send`, and turns the answer into
 * the field's error (a wrong code) or the form's (anything else). Used by the second step of
 * sign-in, setting up the app and making new recovery codes.
 */
export function useCodeForm<T>({ send, onDone, recovery = false }: { send(code: string): Promise<ApiResult<T>>; onDone(data: T): void; recovery?: boolean }) {
  const t = useT<CommonKey>();
  const fieldId = `${useId()}-code`;
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const formatText = t(recovery ? 'common.secondStep.recoveryFormat' : 'common.secondStep.codeFormat');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const tidy = tidyCode(code);
    const local = !tidy
      ? t(recovery ? 'common.secondStep.recoveryMissing' : 'common.secondStep.codeMissing')
      : !recovery && !/^\d{6}$/.test(tidy)
        ? formatText
        : undefined;
    setFieldError(local);
    setFormError(undefined);
    if (local) return;
    setBusy(true);
    const result = await send(tidy);
    setBusy(false);
    if (result.ok) {
      onDone(result.data);
      return;
    }
    const { error } = result;
    if (error.code === 'auth.wrong_code') setFieldError(errorText(error, t));
    else if (error.details.some((d) => d.path === bodyPath('code'))) setFieldError(formatText);
    else setFormError(errorText(error, t));
  }

  /** Empties the field and forgets its errors (after switching between an app code and a recovery code). */
  function reset() {
    setCode('');
    setFieldError(undefined);
    setFormError(undefined);
  }

  const problems: FormProblem[] = [...(formError ? [{ message: formError }] : []), ...(fieldError ? [{ message: fieldError, fieldId }] : [])];
  return { fieldId, code, setCode, busy, fieldError, problems, attempt, onSubmit, reset };
}
