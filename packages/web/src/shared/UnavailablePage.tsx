import type { ApiError } from './api';
import { AppFrame } from './AppFrame';
import { errorText } from './error-text';
import { useT } from './i18n/I18nProvider';
import type { CommonKey } from './i18n/keys';

/** Shown when the app cannot learn who is signed in: the server or the network is down. */
export function UnavailablePage({ error, onRetry, wide }: { error: ApiError; onRetry(): void; wide?: boolean }) {
  const t = useT<CommonKey>();
  return (
    <AppFrame title={t('common.unavailable.title')} page="unavailable" wide={wide}>
      <h1>{t('common.unavailable.heading')}</h1>
      <p>{errorText(error, t)}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('common.tryAgain')}
      </button>
    </AppFrame>
  );
}
