import type { ConsentRecord, Me } from '@tandem/domain';
import type { ApiError } from '../../shared/api';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { Link } from '../../shared/navigation';
import { SignOutButton } from '../../shared/SignOutButton';
import { ClientFrame } from '../ClientFrame';
import { startingAnswers, type ConsentHistory } from './consent-answers';
import { ConsentForm } from './ConsentForm';

/**
 * Before the app opens: at first sign-in, when the wording has changed, or after a "no" when the
 * client changes their mind. Nothing is ticked for them (`startingAnswers(null)`).
 */
export function ConsentPage({ me, consent, onRecorded, onSignOut }: { me: Me; consent: ConsentHistory; onRecorded(record: ConsentRecord): void; onSignOut(): Promise<ApiError | null> }) {
  const t = useT<ClientKey>();
  return (
    <ClientFrame title={t('client.title.consent')} page="consent">
      <h1>{t('client.consent.heading')}</h1>
      <p>{t('client.consent.intro', { organisation: me.actor.organisationName })}</p>
      <ConsentForm clientId={me.actor.clientId ?? ''} wordingVersion={consent.wordingVersion} initial={startingAnswers(null)} changing={false} onRecorded={onRecorded} />
      <SignOutButton onSignOut={onSignOut} />
    </ClientFrame>
  );
}

/**
 * After the client said no to using Tandem: calm, and clear that their sessions go on as usual.
 * Help stays one tap away; they can change their mind or sign out.
 */
export function DeclinedPage({ onChangeMind, onSignOut }: { onChangeMind(): void; onSignOut(): Promise<ApiError | null> }) {
  const t = useT<ClientKey>();
  return (
    <ClientFrame title={t('client.title.declined')} page="consent-declined">
      <h1>{t('client.declined.heading')}</h1>
      <p>{t('client.declined.sessions')}</p>
      <p>{t('client.declined.talk')}</p>
      <p>{t('client.declined.noContact')}</p>
      <p className="notice">
        {t('client.declined.helpNow')} <Link href="/help">{t('client.checkIn.helpLink')}</Link>
      </p>
      <button type="button" className="button button-secondary" onClick={onChangeMind}>
        {t('client.declined.changeMind')}
      </button>
      <SignOutButton onSignOut={onSignOut} />
    </ClientFrame>
  );
}
