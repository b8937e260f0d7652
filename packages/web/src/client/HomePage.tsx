import type { ApiError } from '../shared/api';
import type { Me } from '@tandem/domain';
import { AppFrame } from '../shared/AppFrame';
import { useT } from '../shared/i18n/I18nProvider';
import type { ClientKey } from '../shared/i18n/keys';
import { SignOutButton } from '../shared/SignOutButton';

/** The first word of a name, to greet people the way they are usually called. */
function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] ?? '';
}

/** Signed in: a calm home page. The practitioner's online steps will appear here. */
export function HomePage({ me, onSignOut }: { me: Me; onSignOut(): Promise<ApiError | null> }) {
  const t = useT<ClientKey>();
  return (
    <AppFrame title={t('client.title.home')} page="home">
      <h1>{t('client.home.hello', { name: firstName(me.actor.displayName) })}</h1>
      <p>{t('client.home.comingSoon')}</p>
      <p className="notice">{t('client.home.notMonitored')}</p>
      <SignOutButton onSignOut={onSignOut} />
    </AppFrame>
  );
}
