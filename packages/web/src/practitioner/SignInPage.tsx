import type { Me } from '@tandem/domain';
import { useState } from 'react';
import { AppFrame } from '../shared/AppFrame';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { SecondStep } from '../shared/SecondStep';
import { SignInForm } from '../shared/SignInForm';
import { SsoSignIn } from './SsoSignIn';
import { readMeAfterEnrolment, TwoStepEnrolment } from '../shared/TwoStepEnrolment';

type Step = 'password' | 'mfa' | 'enrol';

/**
 * Staff sign-in. No "remember this device": staff work on shared workstations. Staff must use
 * two-step sign-in (issue 11): after the password comes the code from their app, or — the first
 * time, or after an admin reset — setting the app up. `resume` is the step a half-way session
 * was at when the page loaded (GET /api/me said so).
 */
export function SignInPage({ ended, resume, onSignedIn }: { ended: boolean; resume?: 'mfa' | 'enrol'; onSignedIn(me: Me): void }) {
  const t = useT<PractitionerKey>();
  const [step, setStep] = useState<Step>(resume ?? 'password');
  const back = () => setStep('password');

  if (step === 'mfa') {
    return (
      <AppFrame title={t('common.secondStep.title')} page="second-step" wide>
        <div className="narrow">
          <SecondStep onSignedIn={onSignedIn} onStartAgain={back} />
        </div>
      </AppFrame>
    );
  }
  if (step === 'enrol') {
    return (
      <AppFrame title={t('common.enrol.title')} page="enrol" wide>
        <div className="narrow">
          <p className="notice">{t('practitioner.signIn.enrolRequired')}</p>
          <TwoStepEnrolment onComplete={() => void readMeAfterEnrolment(onSignedIn)} onStartAgain={back} />
        </div>
      </AppFrame>
    );
  }
  return (
    <AppFrame title={t('practitioner.title.signIn')} page="sign-in" wide>
      <div className="narrow">
        <h1>{t('practitioner.signIn.heading')}</h1>
        {ended ? (
          <p className="notice" role="status">
            {t('practitioner.signIn.ended')}
          </p>
        ) : null}
        <SignInForm offerRemember={false} onSignedIn={onSignedIn} onSecondStep={(needed) => setStep(needed.next)} />
        <SsoSignIn />
      </div>
    </AppFrame>
  );
}
