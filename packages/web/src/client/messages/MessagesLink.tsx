import type { UnreadCount } from '@tandem/domain';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { Link } from '../../shared/navigation';
import type { Resource } from '../../shared/use-api-get';

/**
 * The home page's way to messages, with how many replies are unread (a count only: no words, no
 * names). Home reads the count (from `unreadUrl`), so the page shows once its reads are in.
 */
export function MessagesLink({ unread: resource }: { unread: Resource<UnreadCount> }) {
  const t = useT<ClientKey>();
  const unread = resource.status === 'ok' ? resource.data.unread : 0;
  return (
    <p>
      <Link href="/messages">
        {t('client.messages.homeLink')}
        {unread > 0 ? <span className="unread-badge">{t('client.messages.unread', { count: unread })}</span> : null}
      </Link>
    </p>
  );
}
