import { Link } from '../shared/navigation';
import type { Me } from '@tandem/domain';
import { AppFrame } from '../shared/AppFrame';
import { useT } from '../shared/i18n/I18nProvider';
import type { ClientKey } from '../shared/i18n/keys';
import { SignInForm } from '../shared/SignInForm';

/** Signed out: a short welcome, the sign-in form, and where to get help now. */
export function SignInPage({ ended, onSignedIn }: { ended: boolean; onSignedIn(me: Me): void }) {
  const t = useT<ClientKey>();
  return (
    <AppFrame title={t('client.title.signIn')} page="sign-in">
      <h1>{t('client.signIn.heading')}</h1>
      {ended ? (
        <p className="notice" role="status">
          {t('client.signIn.ended')}
        </p>
      ) : (
        <p>{t('client.signIn.intro')}</p>
      )}
      <SignInForm offerRemember onSignedIn={onSignedIn} />
      <p>{t('client.signIn.noAccount')}</p>
      <p className="notice">
        {t('client.signIn.helpNow')} <Link href="/help">{t('client.checkIn.helpLink')}</Link>
      </p>
    </AppFrame>
  );
}
