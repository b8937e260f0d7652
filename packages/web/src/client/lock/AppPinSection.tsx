import type { Me } from '@tandem/domain';
import { useState } from 'react';
import { apiDelete } from '../../shared/api';
import { errorText } from '../../shared/error-text';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { Link } from '../../shared/navigation';
import { appPinPath } from './AppPinPage';

/**
 * "App PIN" in Your choices, only for a phone that stays signed in ("remember this device"): what
 * a PIN does, and setting, changing or removing it.
 */
export function AppPinSection({ me, onChanged }: { me: Me; onChanged(done: string): void }) {
  const t = useT<ClientKey>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!me.session.remember) return null;
  async function remove() {
    if (busy) return;
    setBusy(true);
    const result = await apiDelete<null>('/api/auth/pin');
    setBusy(false);
    setProblem(result.ok ? null : errorText(result.error, t));
    if (result.ok) onChanged('pin-removed');
  }
  return (
    <section aria-labelledby="app-pin-heading">
      <h2 id="app-pin-heading">{t('client.pin.heading')}</h2>
      <p>{t('client.pin.intro')}</p>
      <p>{t('client.pin.wrongTries')}</p>
      {me.session.pinSet ? (
        <>
          <p>{t('client.pin.isSet')}</p>
          <p>
            <Link href={appPinPath}>{t('client.pin.change')}</Link>
          </p>
          <button type="button" className="button button-secondary" onClick={() => void remove()} aria-busy={busy}>
            {t('client.pin.remove')}
          </button>
          <div role="alert">{problem ? <p className="field-error">{problem}</p> : null}</div>
        </>
      ) : (
        <p>
          <Link className="button" href={appPinPath}>
            {t('client.pin.set')}
          </Link>
        </p>
      )}
    </section>
  );
}
