import { appPinRules, pinIsTooEasy, type Me } from '@tandem/domain';
import { useId, useState, type FormEvent } from 'react';
import { apiPut } from '../../shared/api';
import { bodyPath, errorText } from '../../shared/error-text';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { ClientFrame } from '../ClientFrame';
import { PinField } from './PinField';
import { BackToChoicesLink } from '../consent/BackToChoicesLink';

export const appPinPath = '/choices/pin';

type Field = 'pin' | 'again';

const pinPattern = new RegExp(`^\\d{${appPinRules.minLength},${appPinRules.maxLength}}$`);

/** What is wrong with a new PIN and its repeat, before asking the server (which checks the same). */
export function pinProblems(pin: string, again: string): Partial<Record<Field, 'missing' | 'format' | 'easy' | 'againMissing' | 'different'>> {
  if (!pin) return { pin: 'missing' };
  if (!pinPattern.test(pin)) return { pin: 'format' };
  if (pinIsTooEasy(pin)) return { pin: 'easy' };
  if (!again) return { again: 'againMissing' };
  if (again !== pin) return { again: 'different' };
  return {};
}

const problemKey = {
  missing: 'client.pin.missing',
  format: 'client.pin.format',
  easy: 'client.pin.easy',
  againMissing: 'client.pin.againMissing',
  different: 'client.pin.different',
} as const satisfies Record<string, ClientKey>;

/** Setting or changing the app PIN of this remembered phone (PUT /api/auth/pin): the PIN, twice. */
export function AppPinPage({ me, onSaved }: { me: Me; onSaved(): void }) {
  const t = useT<ClientKey>();
  const id = useId();
  const ids: Record<Field, string> = { pin: `${id}-pin`, again: `${id}-again` };
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const changing = me.session.pinSet;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setFormError(undefined);
    const found = pinProblems(pin, again);
    const local: Partial<Record<Field, string>> = {};
    if (found.pin) local.pin = t(problemKey[found.pin]);
    if (found.again) local.again = t(problemKey[found.again]);
    setFieldErrors(local);
    if (local.pin || local.again) return;
    setBusy(true);
    const result = await apiPut<null>('/api/auth/pin', { pin });
    setBusy(false);
    if (result.ok) {
      onSaved();
      return;
    }
    if (result.error.details.some((d) => d.path === bodyPath('pin'))) setFieldErrors({ pin: t('client.pin.easy') });
    else setFormError(errorText(result.error, t));
  }

  const problems = [
    ...(formError ? [{ message: formError }] : []),
    ...(['pin', 'again'] as const).flatMap((field) => {
      const message = fieldErrors[field];
      return message ? [{ message, fieldId: ids[field] }] : [];
    }),
  ];

  return (
    <ClientFrame title={t(changing ? 'client.title.pinChange' : 'client.title.pinSet')} page="app-pin">
      <BackToChoicesLink />
      <h1>{t(changing ? 'client.pin.changeHeading' : 'client.pin.setHeading')}</h1>
      <p>{t('client.pin.intro')}</p>
      <form noValidate onSubmit={submit} aria-busy={busy}>
        <ErrorSummary problems={problems} attempt={attempt} />
        <PinField
          id={ids.pin}
          label={t('client.pin.newLabel')}
          hint={t('client.pin.newHint')}
          value={pin}
          onChange={setPin}
          error={fieldErrors.pin}
        />
        <PinField
          id={ids.again}
          label={t('client.pin.againLabel')}
          value={again}
          onChange={setAgain}
          error={fieldErrors.again}
        />
        <button type="submit" className="button">
          {t('client.pin.save')}
        </button>
      </form>
    </ClientFrame>
  );
}
