import { useState } from 'react';
import type { ApiError } from './api';
import { errorText } from './error-text';
import { useT } from './i18n/I18nProvider';
import type { CommonKey } from './i18n/keys';

/**
 * "Sign out": a real button. If the server cannot be reached the person stays signed in and is
 * told so — never shown a sign-in page while their session still works.
 */
export function SignOutButton({
  onSignOut,
  className = 'button button-secondary',
  everywhere = false,
}: {
  onSignOut(): Promise<ApiError | null>;
  className?: string;
  /** "Sign out on all devices" instead of "Sign out" (the caller's `onSignOut` signs out everywhere). */
  everywhere?: boolean;
}) {
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
        {t(everywhere ? 'common.signOutEverywhere' : 'common.signOut')}
      </button>
      <div role="alert" className="sign-out-error">
        {error ? errorText(error, t) : null}
      </div>
    </div>
  );
}

/**
 * "Sign out on all devices", with what it does: for a phone left somewhere, or a shared computer
 * the person forgot to sign out of. Every session of the account ends, this one too, and no device
 * gets Tandem's notifications any more.
 */
export function SignOutEverywhere({ onSignOut, more }: { onSignOut(): Promise<ApiError | null>; /** A line of the app's own (the client's phones stop notifying). */ more?: string }) {
  const t = useT<CommonKey>();
  return (
    <section aria-labelledby="sign-out-everywhere-heading">
      <h2 id="sign-out-everywhere-heading">{t('common.signOutEverywhere.heading')}</h2>
      <p>
        {t('common.signOutEverywhere.hint')}
        {more ? ` ${more}` : null}
      </p>
      <SignOutButton onSignOut={onSignOut} everywhere />
    </section>
  );
}
