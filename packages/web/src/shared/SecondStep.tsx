import type { Me, SecondStepRequest } from '@tandem/domain';
import { useState } from 'react';
import { apiPost } from './api';
import { CodeForm } from './CodeForm';
import { useT } from './i18n/I18nProvider';
import type { CommonKey } from './i18n/keys';
import { useCodeForm } from './use-code-form';

/**
 * Signs out a half-way session (or any session) and goes back to the password. Failure is
 * ignored: a half-way session ends by itself after 10 minutes.
 */
export async function startAgain(then: () => void): Promise<void> {
  await apiPost<unknown>('/api/auth/sign-out');
  then();
}

/**
 * The step after the password (POST /api/auth/mfa/verify): the 6 numbers from the authenticator
 * app, or one recovery code. Used by both apps, inside the page's own AppFrame (title
 * `common.secondStep.title`). `onStartAgain` runs after the half-way session is signed out.
 */
export function SecondStep({ onSignedIn, onStartAgain }: { onSignedIn(me: Me): void; onStartAgain(): void }) {
  const t = useT<CommonKey>();
  const [recovery, setRecovery] = useState(false);
  const form = useCodeForm<Me>({ send: (code) => apiPost<Me>('/api/auth/mfa/verify', { code } satisfies SecondStepRequest), onDone: onSignedIn, recovery });

  function switchMode() {
    setRecovery(!recovery);
    form.reset();
  }

  return (
    <>
      <h1>{t('common.secondStep.heading')}</h1>
      <p>{t(recovery ? 'common.secondStep.recoveryIntro' : 'common.secondStep.intro')}</p>
      <CodeForm
        form={form}
        recovery={recovery}
        label={t(recovery ? 'common.secondStep.recoveryLabel' : 'common.secondStep.codeLabel')}
        hint={t(recovery ? 'common.secondStep.recoveryHint' : 'common.secondStep.codeHint')}
        submitLabel={t('common.secondStep.submit')}
      />
      <p>
        <button type="button" className="button-link" onClick={switchMode}>
          {t(recovery ? 'common.secondStep.useApp' : 'common.secondStep.useRecovery')}
        </button>
      </p>
      <p>
        <button type="button" className="button-link" onClick={() => void startAgain(onStartAgain)}>
          {t('common.secondStep.startAgain')}
        </button>
      </p>
    </>
  );
}
