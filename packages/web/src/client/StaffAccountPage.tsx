import type { ApiError } from '../shared/api';
import { AppFrame } from '../shared/AppFrame';
import { useT } from '../shared/i18n/I18nProvider';
import type { ClientKey } from '../shared/i18n/keys';
import { SignOutButton } from '../shared/SignOutButton';

/** A member of staff signed in on the client app (one session cookie serves both apps). */
export function StaffAccountPage({ onSignOut }: { onSignOut(): Promise<ApiError | null> }) {
  const t = useT<ClientKey>();
  return (
    <AppFrame title={t('client.title.staffAccount')} page="staff-account">
      <h1>{t('client.staffAccount.heading')}</h1>
      <p>{t('client.staffAccount.text')}</p>
      <p>
        <a href="/staff/">{t('client.staffAccount.link')}</a>
      </p>
      <SignOutButton onSignOut={onSignOut} />
    </AppFrame>
  );
}
