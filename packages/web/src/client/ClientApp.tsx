import { AppFrame } from '../shared/AppFrame';
import { useT } from '../shared/i18n/I18nProvider';
import type { ClientKey } from '../shared/i18n/keys';

/** The client app (mobile-first). Its first page, until sign-in arrives. */
export function ClientApp() {
  const t = useT<ClientKey>();
  return (
    <AppFrame title={t('client.title')}>
      <h1>{t('client.home.heading')}</h1>
      <p>{t('client.home.intro')}</p>
      <p>{t('client.home.notReady')}</p>
      <p className="notice">{t('client.home.notMonitored')}</p>
    </AppFrame>
  );
}
