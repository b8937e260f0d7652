import { formatDateTime } from '../../shared/dates';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import type { MessageLine } from './messages-data';

/**
 * The conversation, oldest first: who wrote each message and when; one still on this phone says
 * "Waiting to send", and one the server refused says why, with a way to take it off the phone
 * (never silently dropped).
 */
export function MessageList({ lines, timeZone, onDismiss }: { lines: MessageLine[]; timeZone: string; onDismiss(id: string): void }) {
  const t = useT<ClientKey>();
  if (!lines.length) return <p>{t('client.messages.none')}</p>;
  return (
    <ol className="message-list">
      {lines.map((line) => {
        const id = line.kind === 'sent' ? line.message.id : line.id;
        const mine = line.kind === 'kept' || line.message.from === 'client';
        const who = mine ? t('client.messages.fromYou') : line.message.authorName ? t('client.messages.fromStaff', { name: line.message.authorName }) : t('client.messages.fromTeam');
        const when = line.kind === 'sent' ? line.message.receivedAt : line.recordedAt;
        return (
          <li key={id} className={mine ? 'message message-mine' : 'message message-theirs'}>
            <p className="message-meta">
              <strong>{who}</strong> <span translate="no">{formatDateTime(when, timeZone, t)}</span>
            </p>
            <p className="message-text" translate="no" dir="auto">
              {line.kind === 'sent' ? line.message.text : line.text}
            </p>
            {line.kind === 'kept' ? (
              line.outbox.state === 'refused' ? (
                <p className="message-state">
                  {t('client.home.refused', { problem: line.outbox.problem ?? '' })}{' '}
                  <button type="button" className="button-link" onClick={() => onDismiss(id)}>
                    {t('client.home.dismiss')}
                  </button>
                </p>
              ) : (
                <p className="message-state">{t('client.messages.waiting')}</p>
              )
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
