import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { Conversation } from './Conversation';

/** The client page's "Messages" section: the conversation with this client (care team). */
export function ClientMessages({ clientId, timeZone }: { clientId: string; timeZone: string }) {
  const t = useT<PractitionerKey>();
  return (
    <section aria-labelledby="client-messages-heading">
      <h2 id="client-messages-heading">{t('practitioner.messages.heading')}</h2>
      <Conversation clientId={clientId} timeZone={timeZone} />
    </section>
  );
}
