import { useState } from 'react';
import type { ApiError } from './api';
import { errorText } from './error-text';
import { useT } from './i18n/I18nProvider';
import type { CommonKey } from './i18n/keys';

/**
 * "Sign out": a real button. If the server cannot be reached the person stays signed in and is
 * told so — never shown a sign-in page while their session still works.
 */
export function SignOutButton({ onSignOut, className = 'button button-secondary' }: { onSignOut(): Promise<ApiError | null>; className?: string }) {
  const t = useT<CommonKey>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="sign-out">
      <button
        type="button"
        className={className}
        onClick={async () => {
          if (busy) return;
          setBusy(true);
          const failure = await onSignOut();
          setBusy(false);
          setError(failure);
        }}
      >
        {t('common.signOut')}
      </button>
      <div role="alert" className="sign-out-error">
        {error ? errorText(error, t) : null}
      </div>
    </div>
  );
}
