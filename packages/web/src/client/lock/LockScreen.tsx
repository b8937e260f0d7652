import { useEffect, useId, useState, type FormEvent } from 'react';
import { apiPost, type ApiError } from '../../shared/api';
import { AppFrame } from '../../shared/AppFrame';
import { bodyPath, errorText } from '../../shared/error-text';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { SignOutButton } from '../../shared/SignOutButton';
import { HelpNowButton } from '../ClientFrame';
import { PinField } from './PinField';

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/**
 * The lock screen (decision 0035): shown instead of every page — nothing of the client's is on
 * the page behind it — until the PIN is right. The server checks the PIN; 5 wrong tries end the
 * session (`onEnded`), and the person signs in again with their password. "I need help now" stays
 * in the header, as on every page (HAZ-095). "Forgot your PIN?" signs out; what waits in the
 * outbox stays on the phone and is sent after the next sign-in (HAZ-096).
 */
export function LockScreen({ onUnlocked, onEnded, onSignOut }: { onUnlocked(): Promise<void>; onEnded(message: string): void; onSignOut(): Promise<ApiError | null> }) {
  const t = useT<ClientKey>();
  const id = useId();
  const fieldId = `${id}-pin`;
  const online = useOnline();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const [offline, setOffline] = useState(false);
  const [attempt, setAttempt] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setFormError(undefined);
    const local = !pin ? t('client.lock.pinMissing') : /^\d{4,6}$/.test(pin) ? undefined : t('client.lock.pinFormat');
    setFieldError(local);
    if (local) return;
    setBusy(true);
    const result = await apiPost<null>('/api/auth/pin/unlock', { pin });
    setBusy(false);
    setPin('');
    if (result.ok) {
      await onUnlocked();
      return;
    }
    const { error } = result;
    setOffline(error.code === 'network');
    if (error.code === 'network') return;
    if (error.code === 'auth.unauthenticated') onEnded(errorText(error, t));
    else if (error.code === 'auth.wrong_pin') setFieldError(t('client.lock.wrongPin'));
    else if (error.details.some((d) => d.path === bodyPath('pin'))) setFieldError(t('client.lock.pinFormat'));
    else setFormError(errorText(error, t));
  }

  const problems = [...(formError ? [{ message: formError }] : []), ...(fieldError ? [{ message: fieldError, fieldId }] : [])];

  return (
    <AppFrame
      title={t('client.title.locked')}
      page="locked"
      header={<HelpNowButton />}
    >
      <h1>{t('client.lock.heading')}</h1>
      <p>{t('client.lock.intro')}</p>
      <div role="status">{!online || offline ? <p className="notice">{t('client.lock.offline')}</p> : null}</div>
      <form noValidate onSubmit={submit} aria-busy={busy}>
        <ErrorSummary problems={problems} attempt={attempt} />
        <PinField
          id={fieldId}
          label={t('client.lock.pinLabel')}
          hint={t('client.lock.pinHint')}
          value={pin}
          onChange={setPin}
          error={fieldError}
        />
        <button type="submit" className="button">
          {t('client.lock.open')}
        </button>
      </form>
      <h2>{t('client.lock.forgotHeading')}</h2>
      <p>{t('client.lock.forgotText')}</p>
      <SignOutButton onSignOut={onSignOut} />
    </AppFrame>
  );
}
