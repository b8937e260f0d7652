import type { CaseloadUnread } from '@tandem/domain';
import { useState } from 'react';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { useApiGet } from '../../shared/use-api-get';
import { staffPaths } from '../routes';
import { StaffFrame, type StaffContext } from '../StaffFrame';
import { Conversation } from './Conversation';
import { QuickReplies } from './QuickReplies';
import { caseloadUnreadUrl } from './unread-messages';

/**
 * Messages (staff): the clients with unread messages — on the person's caseload, or routed to them
 * to cover a colleague who is away — each linking to the conversation; and their own quick replies.
 */
export function MessagesPage({ staff }: { staff: StaffContext }) {
  const t = useT<PractitionerKey>();
  const { resource, reload } = useApiGet<CaseloadUnread>(caseloadUnreadUrl);
  return (
    <StaffFrame staff={staff} title={t('practitioner.messages.title')} page="messages">
      <h1>{t('practitioner.messages.pageHeading')}</h1>
      <h2>{t('practitioner.messages.unreadHeading')}</h2>
      {resource.status === 'ok' ? (
        resource.data.clients.length ? (
          <ul className="plain-list">
            {resource.data.clients.map((client) => (
              <li key={client.clientId}>
                <Link href={staffPaths.conversation(client.clientId)}>
                  <span translate="no">{client.name}</span>
                </Link>{' '}
                <span className="unread-badge">{t('practitioner.messages.unreadCount', { count: client.unread })}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('practitioner.messages.allRead')}</p>
        )
      ) : (
        <LoadState resource={resource} onRetry={reload} />
      )}
      <QuickReplies />
    </StaffFrame>
  );
}

/** One client's conversation on its own page: for the care team, and for a colleague covering who cannot open the record. */
export function ConversationPage({ staff, clientId }: { staff: StaffContext; clientId: string }) {
  const t = useT<PractitionerKey>();
  const [name, setName] = useState<string | null>(null);
  return (
    // The title names no client: it shows in tabs, history and taskbars on shared computers.
    <StaffFrame staff={staff} title={t('practitioner.messages.conversationTitle')} page={`conversation ${clientId}`}>
      <p>
        <Link href={staffPaths.messages}>{t('practitioner.messages.back')}</Link>
      </p>
      <h1>{name ? t('practitioner.messages.conversationHeading', { name }) : t('practitioner.messages.pageHeading')}</h1>
      <Conversation clientId={clientId} timeZone={staff.me.actor.timeZone} onLoaded={setName} />
    </StaffFrame>
  );
}
