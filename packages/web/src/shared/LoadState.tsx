import { errorText } from './error-text';
import { useT } from './i18n/I18nProvider';
import type { CommonKey } from './i18n/keys';
import type { Resource } from './use-api-get';

/**
 * What a section shows while its data loads, or when loading failed: a status line, or the error
 * in words with "Try again". Nothing once the data is there.
 */
export function LoadState<T>({ resource, onRetry }: { resource: Resource<T>; onRetry(): void }) {
  const t = useT<CommonKey>();
  if (resource.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (resource.status === 'error') {
    return (
      <>
        <p role="alert" className="error-text">
          {errorText(resource.error, t)}
        </p>
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      </>
    );
  }
  return null;
}
