import type { ApiResult } from '../../shared/api';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { TextField } from '../../shared/FormFields';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { useCodeForm } from '../../shared/use-code-form';

/**
 * One field for the 6 numbers from the authenticator app, and a button: confirms a change to
 * two-step sign-in (new recovery codes, turning it off). `send` asks the server; `onDone` gets its answer.
 */
export function CodeForm<T>({ submitLabel, send, onDone }: { submitLabel: string; send(code: string): Promise<ApiResult<T>>; onDone(data: T): void }) {
  const t = useT<ClientKey>();
  const form = useCodeForm<T>({ send, onDone });
  return (
    <form noValidate onSubmit={form.onSubmit} aria-busy={form.busy}>
      <ErrorSummary problems={form.problems} attempt={form.attempt} />
      <TextField
        id={form.fieldId}
        label={t('common.secondStep.codeLabel')}
        hint={t('common.secondStep.codeHint')}
        inputMode="numeric"
        autoComplete="one-time-code"
        spellCheck={false}
        width="short"
        value={form.code}
        onChange={form.setCode}
        error={form.fieldError}
      />
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </form>
  );
}
