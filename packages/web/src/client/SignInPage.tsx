import type { Me, SecondStepNeeded } from '@tandem/domain';
import { Link } from '../shared/navigation';
import { AppFrame } from '../shared/AppFrame';
import { useT } from '../shared/i18n/I18nProvider';
import type { ClientKey } from '../shared/i18n/keys';
import { SecondStep } from '../shared/SecondStep';
import { SignInForm } from '../shared/SignInForm';
import { TwoStepEnrolment } from '../shared/TwoStepEnrolment';
import { HelpNowButton } from './ClientFrame';

/** The step due after the password, or null on the password page. */
export type SignInStep = SecondStepNeeded['next'] | null;

interface SignInPageProps {
  ended: boolean;
  /** Why the person is here again, in the server's words (5 wrong PINs), instead of `ended`'s. */
  endedMessage?: string | null;
  step: SignInStep;
  onStep(step: SignInStep): void;
  onSignedIn(me: Me): void;
  /** After setting up two-step sign-in half-way through signing in: read who is signed in. */
  onEnrolled(): void;
}

/**
 * Signed out: a short welcome, the sign-in form, and where to get help now. With two-step sign-in
 * on, the code from the authenticator app comes next (also after a reload half-way through: GET
 * /api/me answers 401 `auth.mfa_required`). "I need help now" is on every step.
 */
export function SignInPage({ ended, endedMessage, step, onStep, onSignedIn, onEnrolled }: SignInPageProps) {
  const t = useT<ClientKey>();
  const helpNow = (
    <p className="notice">
      {t('client.signIn.helpNow')} <Link href="/help">{t('client.checkIn.helpLink')}</Link>
    </p>
  );
  if (step) {
    return (
      <AppFrame title={t(step === 'mfa' ? 'common.secondStep.title' : 'common.enrol.title')} page={`sign-in-${step}`} header={<HelpNowButton />}>
        {step === 'mfa' ? (
          <SecondStep onSignedIn={onSignedIn} onStartAgain={() => onStep(null)} />
        ) : (
          <TwoStepEnrolment onComplete={onEnrolled} onStartAgain={() => onStep(null)} />
        )}
        {helpNow}
      </AppFrame>
    );
  }
  return (
    <AppFrame title={t('client.title.signIn')} page="sign-in">
      <h1>{t('client.signIn.heading')}</h1>
      {ended || endedMessage ? (
        <p className="notice" role="status">
          {endedMessage ? `${endedMessage} ${t('client.signIn.nothingLost')}` : t('client.signIn.ended')}
        </p>
      ) : (
        <p>{t('client.signIn.intro')}</p>
      )}
      <SignInForm offerRemember onSignedIn={onSignedIn} onSecondStep={(needed) => onStep(needed.next)} />
      <p>{t('client.signIn.noAccount')}</p>
      {helpNow}
    </AppFrame>
  );
}
