import type { Me, SecondStepNeeded, SignInRequest } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { apiPost } from './api';
import { bodyPath, errorText } from './error-text';
import { ErrorSummary, type FormProblem } from './ErrorSummary';
import { CheckboxField, TextField } from './FormFields';
import { useT } from './i18n/I18nProvider';
import type { CommonKey } from './i18n/keys';

type Field = 'email' | 'password';

/**
 * The sign-in form of both apps. `offerRemember` adds "Remember this device for 30 days"
 * (client app only, unticked by default): staff work on shared workstations. A 202 (the password
 * was right and a second step is due: a code, or setting up two-step sign-in) goes to
 * `onSecondStep`.
 */
export function SignInForm({ offerRemember, onSignedIn, onSecondStep }: {
  offerRemember: boolean;
  onSignedIn(me: Me): void;
  onSecondStep?(needed: SecondStepNeeded): void;
}) {
  const t = useT<CommonKey>();
  const id = useId();
  const ids: Record<Field, string> = { email: `${id}-email`, password: `${id}-password` };
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: Partial<Record<Field, string>> = {};
    if (!email.trim()) found.email = t('common.signIn.emailMissing');
    if (!password) found.password = t('common.signIn.passwordMissing');
    setAttempt((n) => n + 1);
    if (found.email || found.password) {
      setFieldErrors(found);
      setFormErrors([]);
      return;
    }
    setBusy(true);
    const body: SignInRequest = offerRemember ? { email, password, remember } : { email, password };
    const result = await apiPost<Me | SecondStepNeeded>('/api/auth/sign-in', body);
    setBusy(false);
    if (result.ok && result.status === 202) {
      onSecondStep?.(result.data as SecondStepNeeded);
      return;
    }
    if (result.ok) {
      onSignedIn(result.data as Me);
      return;
    }
    const emailDetail = result.error.details.some((d) => d.path === bodyPath('email'));
    setFieldErrors(emailDetail ? { email: t('common.signIn.emailInvalid') } : {});
    setFormErrors(emailDetail ? [] : [errorText(result.error, t)]);
  }

  const problems: FormProblem[] = [
    ...formErrors.map((message) => ({ message })),
    ...(['email', 'password'] as const).flatMap((field) => {
      const message = fieldErrors[field];
      return message ? [{ message, fieldId: ids[field] }] : [];
    }),
  ];

  return (
    <form noValidate onSubmit={submit} aria-busy={busy}>
      <ErrorSummary problems={problems} attempt={attempt} />
      <TextField
        id={ids.email}
        label={t('common.signIn.email')}
        type="email"
        autoComplete="username"
        spellCheck={false}
        value={email}
        onChange={setEmail}
        error={fieldErrors.email}
      />
      <TextField
        id={ids.password}
        label={t('common.signIn.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={fieldErrors.password}
      />
      {offerRemember ? (
        <CheckboxField
          id={`${id}-remember`}
          label={t('common.signIn.remember')}
          hint={t('common.signIn.rememberHint')}
          checked={remember}
          onChange={setRemember}
        />
      ) : null}
      <button type="submit" className="button">
        {t('common.signIn.submit')}
      </button>
    </form>
  );
}
