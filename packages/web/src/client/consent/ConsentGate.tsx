import type { ConsentRecord, Me } from '@tandem/domain';
import { useState, type ReactNode } from 'react';
import type { ApiError } from '../../shared/api';
import { LoadingFrame } from '../../shared/AppFrame';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { useApiGet, type Resource } from '../../shared/use-api-get';
import { ClientFrame } from '../ClientFrame';
import { consentStanding, withRecord, type ConsentHistory } from './consent-answers';
import { ConsentPage, DeclinedPage } from './ConsentPage';

/** What the pages behind the gate get: the consent on file, and how to show a new record at once. */
export interface ConsentView {
  consent: Resource<ConsentHistory>;
  reload(): void;
  recorded(record: ConsentRecord): void;
}

/**
 * The app opens for a client in care only once they have agreed to the current wording: to use
 * Tandem alongside their sessions, and that they understand how messages work. Until then it shows
 * the consent page; after a "no", a calm page. A client whose care has ended is not asked again
 * (they can still see and change their choices). A new record takes effect at once: the gate
 * shows it without asking the server again.
 */
export function ConsentGate({ me, onSignOut, children }: { me: Me; onSignOut(): Promise<ApiError | null>; children(view: ConsentView): ReactNode }) {
  const t = useT<ClientKey>();
  const { resource, reload, replace } = useApiGet<ConsentHistory>(`/api/clients/${me.actor.clientId ?? ''}/consent`);
  const [changingMind, setChangingMind] = useState(false);
  const recorded = (record: ConsentRecord) => {
    if (resource.status === 'ok') replace(withRecord(resource.data, record));
    setChangingMind(false);
  };
  if (me.care?.status !== 'ended') {
    if (resource.status === 'loading') return <LoadingFrame page="loading" />;
    if (resource.status === 'error') {
      return (
        <ClientFrame title={t('client.title.consent')} page="consent-unavailable">
          <h1>{t('client.consent.loadFailedHeading')}</h1>
          <LoadState resource={resource} onRetry={reload} />
        </ClientFrame>
      );
    }
    const standing = consentStanding(resource.data);
    if (standing === 'needed' || (standing === 'declined' && changingMind)) {
      return <ConsentPage me={me} consent={resource.data} onRecorded={recorded} onSignOut={onSignOut} />;
    }
    if (standing === 'declined') return <DeclinedPage onChangeMind={() => setChangingMind(true)} onSignOut={onSignOut} />;
  }
  return children({ consent: resource, reload, recorded });
}
