import { ssoRefusals, type SignInOptions, type SsoRefusal } from '@tandem/domain';
import { useEffect, useState } from 'react';
import { apiGet } from '../shared/api';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';

const refusalWords: Record<SsoRefusal, PractitionerKey> = {
  unverified: 'practitioner.sso.refused.unverified',
  no_account: 'practitioner.sso.refused.noAccount',
  other_person: 'practitioner.sso.refused.otherPerson',
  expired: 'practitioner.sso.refused.expired',
  failed: 'practitioner.sso.refused.failed',
};

/** The reason the server gave for refusing a single sign-on (`/staff/?sso=<code>`), if it is one we know. */
function refusalOf(search: string): SsoRefusal | null {
  const code = new URLSearchParams(search).get('sso');
  return (ssoRefusals as readonly string[]).includes(code ?? '') ? (code as SsoRefusal) : null;
}

/**
 * "Sign in with NHSmail": staff single sign-on with the organisation's provider (decision 0036).
 * Shows nothing unless the server says single sign-on is set up. The link is a plain navigation to
 * the server, which sends the browser on to the provider. When a sign-in there was refused, says
 * why in plain words (the server's reason code in the address).
 */
export function SsoSignIn() {
  const t = useT<PractitionerKey>();
  const [options, setOptions] = useState<SignInOptions | null>(null);
  const [refusal] = useState(() => refusalOf(window.location.search));

  useEffect(() => {
    // Said once: the reason leaves the address, so a reload or a bookmark does not repeat it.
    const url = new URL(window.location.href);
    if (!url.searchParams.has('sso')) return;
    url.searchParams.delete('sso');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }, []);

  useEffect(() => {
    let live = true;
    void apiGet<SignInOptions>('/api/auth/options').then((result) => {
      if (live && result.ok) setOptions(result.data);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <>
      {refusal ? (
        <p className="notice" role="alert">
          {t(refusalWords[refusal])}
        </p>
      ) : null}
      {options?.sso ? (
        <section aria-labelledby="sso-heading">
          <h2 id="sso-heading">{t('practitioner.sso.heading')}</h2>
          <p>
            <a className="button" href="/api/auth/oidc/start">
              {t('practitioner.sso.button', { label: options.sso.label })}
            </a>
          </p>
        </section>
      ) : null}
    </>
  );
}
