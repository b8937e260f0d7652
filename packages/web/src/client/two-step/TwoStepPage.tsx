import type { RecoveryCodes, TotpConfirmRequest } from '@tandem/domain';
import { useState } from 'react';
import { apiPost } from '../../shared/api';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { navigate } from '../../shared/navigation';
import { RecoveryCodeList, TwoStepEnrolment } from '../../shared/TwoStepEnrolment';
import { ClientFrame } from '../ClientFrame';
import { BackToChoicesLink } from '../consent/BackToChoicesLink';
import { CodeForm } from './CodeForm';

export const twoStepPaths = { on: '/choices/two-step', newCodes: '/choices/two-step/new-codes', off: '/choices/two-step/turn-off' } as const;
export type TwoStepMode = keyof typeof twoStepPaths;

/** Which two-step page a path is, or null. */
export function parseTwoStepPath(path: string): TwoStepMode | null {
  const bare = path.replace(/\/$/, '');
  const found = (Object.keys(twoStepPaths) as TwoStepMode[]).find((mode) => twoStepPaths[mode] === bare);
  return found ?? null;
}

/** Back to Your choices, saying what changed. */
function backToChoices(done?: string) {
  navigate(done ? `/choices?done=${done}` : '/choices');
}

/**
 * The pages behind "Two-step sign-in" in Your choices: turning it on (the shared set-up steps),
 * making new recovery codes, and turning it off — each confirmed with a code from the app.
 */
export function TwoStepPage({ mode }: { mode: TwoStepMode }) {
  const t = useT<ClientKey>();
  const [codes, setCodes] = useState<string[] | null>(null);
  const title = t(mode === 'on' ? 'common.enrol.title' : mode === 'newCodes' ? 'client.title.newCodes' : 'client.title.twoStepOff');
  return (
    <ClientFrame title={title} page={`two-step-${mode}`}>
      <BackToChoicesLink />
      {mode === 'on' ? <TwoStepEnrolment onComplete={() => backToChoices('two-step-on')} /> : null}
      {mode === 'newCodes' && codes ? <RecoveryCodeList codes={codes} onContinue={() => backToChoices()} continueLabel={t('client.choices.back')} /> : null}
      {mode === 'newCodes' && !codes ? (
        <>
          <h1>{t('client.twoStep.newCodesHeading')}</h1>
          <p>{t('client.twoStep.newCodesIntro')}</p>
          <CodeForm
            submitLabel={t('client.twoStep.newCodesSubmit')}
            send={(code) => apiPost<RecoveryCodes>('/api/auth/mfa/recovery-codes', { code } satisfies TotpConfirmRequest)}
            onDone={(data) => setCodes(data.recoveryCodes)}
          />
        </>
      ) : null}
      {mode === 'off' ? (
        <>
          <h1>{t('client.twoStep.offHeading')}</h1>
          <p>{t('client.twoStep.offIntro')}</p>
          <CodeForm
            submitLabel={t('client.twoStep.offSubmit')}
            send={(code) => apiPost<null>('/api/auth/mfa/turn-off', { code } satisfies TotpConfirmRequest)}
            onDone={() => backToChoices('two-step-off')}
          />
        </>
      ) : null}
    </ClientFrame>
  );
}
