import type { Me } from '@tandem/domain';
import { AppFrame } from '../shared/AppFrame';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { SignInForm } from '../shared/SignInForm';

/** Staff sign-in. No "remember this device": staff work on shared workstations. */
export function SignInPage({ ended, onSignedIn }: { ended: boolean; onSignedIn(me: Me): void }) {
  const t = useT<PractitionerKey>();
  return (
    <AppFrame title={t('practitioner.title.signIn')} page="sign-in" wide>
      <div className="narrow">
        <h1>{t('practitioner.signIn.heading')}</h1>
        {ended ? (
          <p className="notice" role="status">
            {t('practitioner.signIn.ended')}
          </p>
        ) : null}
        <SignInForm offerRemember={false} onSignedIn={onSignedIn} />
      </div>
    </AppFrame>
  );
}
