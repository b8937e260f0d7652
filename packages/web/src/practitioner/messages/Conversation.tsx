import { messageMaxLength, newId, SendStaffMessageRequestSchema, type Conversation as ConversationData, type Message, type QuickReply } from '@tandem/domain';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { apiPost } from '../../shared/api';
import { formatDateTime } from '../../shared/dates';
import { ErrorSummary } from '../../shared/ErrorSummary';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { useApiGet } from '../../shared/use-api-get';
import { useActionForm } from '../episode-form';
import { SelectField, TextAreaField } from '../EpisodeFields';
import { staffPaths } from '../routes';
import { announceMessagesChanged, conversationUrl, markReadUrl, quickRepliesUrl } from './unread-messages';

const routeKeys = {
  assigned_practitioner: null,
  care_team: 'practitioner.messages.route.careTeam',
  duty: 'practitioner.messages.route.duty',
  site_lead: 'practitioner.messages.route.lead',
} as const;

/**
 * One client's conversation for the care team or the colleague covering (decision 0027): the
 * messages oldest first, who read each and how it was routed, and a reply box that a saved quick
 * reply can fill (the words stay editable). Opening it marks the client's messages read (audited on
 * the server; a supervisor's look marks nothing). On a closed episode it is read-only, plainly.
 */
export function Conversation({ clientId, timeZone, onLoaded }: { clientId: string; timeZone: string; onLoaded?(clientName: string): void }) {
  const t = useT<PractitionerKey>();
  const { resource, reload } = useApiGet<ConversationData>(conversationUrl(clientId));
  const [shown, setShown] = useState<ConversationData | null>(null);
  const loaded = resource.status === 'ok' ? resource.data : null;
  if (loaded && loaded !== shown) setShown(loaded);
  const data = loaded ?? shown;
  const unread = loaded?.unread ?? 0;
  const clientName = loaded?.clientName;
  useEffect(() => {
    if (clientName) onLoaded?.(clientName);
  }, [clientName, onLoaded]);
  useEffect(() => {
    if (unread > 0) void apiPost(markReadUrl(clientId)).then(announceMessagesChanged);
  }, [unread, clientId]);
  if (!data) return <LoadState resource={resource} onRetry={reload} />;
  return (
    <>
      {unread > 0 ? <p className="notice">{t('practitioner.messages.newSince', { count: unread })}</p> : null}
      <MessageList messages={data.messages} timeZone={timeZone} />
      {data.open ? (
        <ReplyForm clientId={clientId} onSent={reload} />
      ) : (
        <p className="notice">{t(data.episodeId ? 'practitioner.messages.closed' : 'practitioner.messages.noEpisode')}</p>
      )}
    </>
  );
}

function MessageList({ messages, timeZone }: { messages: Message[]; timeZone: string }) {
  const t = useT<PractitionerKey>();
  if (!messages.length) return <p>{t('practitioner.messages.none')}</p>;
  return (
    <ol className="message-list">
      {messages.map((message) => {
        const route = message.route ? routeKeys[message.route] : null;
        return (
          <li key={message.id} className={message.from === 'client' ? 'message message-theirs' : 'message message-mine'}>
            <p className="message-meta">
              <strong translate={message.from === 'staff' ? 'no' : undefined}>{message.from === 'client' ? t('practitioner.messages.fromClient') : (message.authorName ?? '')}</strong>{' '}
              <span translate="no">{formatDateTime(message.receivedAt, timeZone, t)}</span>
              {message.from === 'client' && !message.readAt ? <span className="unread-badge">{t('practitioner.messages.unreadMark')}</span> : null}
            </p>
            <p className="message-text" translate="no" dir="auto">
              {message.text}
            </p>
            {route ? <p className="message-state">{t(route)}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}

function ReplyForm({ clientId, onSent }: { clientId: string; onSent(): void }) {
  const t = useT<PractitionerKey>();
  const id = useId();
  const fieldIds = { text: `${id}-text`, quickReplyId: `${id}-quick` };
  const replies = useApiGet<{ items: QuickReply[] }>(quickRepliesUrl);
  // One id per message being written: a retry after a lost answer is not sent twice.
  const [messageId, setMessageId] = useState(() => newId(new Date()));
  const [text, setText] = useState('');
  const [quickReplyId, setQuickReplyId] = useState('');
  const [sent, setSent] = useState(false);
  const form = useActionForm(fieldIds);
  const items = replies.resource.status === 'ok' ? replies.resource.data.items : [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSent(false);
    const body = { id: messageId, text, ...(quickReplyId ? { quickReplyId } : {}) };
    const local = SendStaffMessageRequestSchema.safeParse(body).success
      ? {}
      : { text: text.trim() ? t('practitioner.messages.tooLong', { max: messageMaxLength }) : t('practitioner.messages.empty') };
    const saved = await form.run(local, () => apiPost<Message>(conversationUrl(clientId), body));
    if (!saved) {
      // A quick reply deleted meanwhile: the words stay, the choice goes, and the list is read again.
      if (quickReplyId) {
        setQuickReplyId('');
        replies.reload();
      }
      return;
    }
    setText('');
    setQuickReplyId('');
    setMessageId(newId(new Date()));
    setSent(true);
    onSent();
  }

  return (
    <form className="episode-form" noValidate onSubmit={submit} aria-busy={form.busy}>
      <ErrorSummary problems={form.problems} attempt={form.attempt} />
      {items.length || form.errors.quickReplyId ? (
        <SelectField
          id={fieldIds.quickReplyId}
          label={t('practitioner.messages.quickReply')}
          hint={t('practitioner.messages.quickReplyHint')}
          placeholder={t('practitioner.messages.quickReplyNone')}
          options={items.map((item) => ({ value: item.id, label: item.text.length > 60 ? `${item.text.slice(0, 57)}…` : item.text, isData: true }))}
          value={quickReplyId}
          error={form.errors.quickReplyId}
          onChange={(chosen) => {
            setQuickReplyId(chosen);
            setText(items.find((item) => item.id === chosen)?.text ?? text);
          }}
        />
      ) : (
        <p>
          <Link href={staffPaths.messages}>{t('practitioner.messages.quickRepliesLink')}</Link>
        </p>
      )}
      <TextAreaField id={fieldIds.text} label={t('practitioner.messages.reply')} hint={t('practitioner.messages.replyHint', { max: messageMaxLength })} value={text} onChange={setText} error={form.errors.text} />
      <button type="submit" className="button">
        {t('practitioner.messages.send')}
      </button>
      {sent ? (
        <p role="status" className="notice notice-success">
          {t('practitioner.messages.sent')}
        </p>
      ) : null}
    </form>
  );
}
