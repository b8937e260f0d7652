import { messageMaxLength, type Conversation, type Me } from '@tandem/domain';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { apiPost } from '../../shared/api';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { useApiGet } from '../../shared/use-api-get';
import { BackHomeLink } from '../BackHomeLink';
import { ClientFrame } from '../ClientFrame';
import { useOutbox } from '../outbox/useOutbox';
import { OutboxTextForm } from '../outbox/OutboxTextForm';
import { checkedText, useOutboxTextForm } from '../outbox/useOutboxTextForm';
import { MessageList } from './MessageList';
import { checkMessageText, messageLines, messageOutboxItem, messagesReadUrl, messagesUrl } from './messages-data';

type Notice = 'client.messages.sent' | 'client.messages.savedOffline' | 'client.messages.savedSignIn';

const awayKeys = {
  care_team: 'client.messages.away.careTeam',
  duty: 'client.messages.away.duty',
  site_lead: 'client.messages.away.lead',
  assigned_practitioner: null,
} as const;

/**
 * Messages with the care team (issue 9 item 3; decision 0027): the conversation, oldest first, and
 * a box to write. Beside the box, plainly: when the service replies, that messages are not read
 * around the clock, and where to get help now (HAZ-064). When the practitioner is away, who reads
 * a new message instead, by role. A message goes through the outbox with its phone-made id, so it
 * is kept offline ("Waiting to send") and sent once. Care ended: the messages stay readable, and a
 * kind line says no new ones can be sent, with the help link. Opening the page marks replies read.
 */
export function MessagesPage({ me, onSessionEnded }: { me: Me; onSessionEnded(): void }) {
  const t = useT<ClientKey>();
  const conversation = useApiGet<Conversation>(messagesUrl);
  const outbox = useOutbox(me.actor.clientId ?? '', conversation.reload);
  // The conversation last read stays on screen while it is read again (after each send): no flicker.
  const [shown, setShown] = useState<Conversation | null>(null);
  const loaded = conversation.resource.status === 'ok' ? conversation.resource.data : null;
  if (loaded && loaded !== shown) setShown(loaded);
  const data = loaded ?? shown;
  const unread = loaded?.unread ?? 0;
  useEffect(() => {
    if (unread > 0) void apiPost(messagesReadUrl);
  }, [unread]);

  return (
    <ClientFrame title={t('client.messages.title')} page="messages">
      <BackHomeLink />
      <h1>{t('client.messages.heading')}</h1>
      {data ? null : <LoadState resource={conversation.resource} onRetry={conversation.reload} />}
      {data && !data.open ? (
        <p className="notice">
          {t(data.episodeId ? 'client.messages.closed' : 'client.messages.noConversation')} <Link href="/help">{t('client.checkIn.helpLink')}</Link>
        </p>
      ) : null}
      {data ? (
        <>
          <h2>{t('client.messages.listHeading')}</h2>
          <MessageList lines={messageLines(data.messages, outbox.items)} timeZone={me.actor.timeZone} onDismiss={(id) => void outbox.dismiss(id)} />
        </>
      ) : null}
      {data?.open ? <MessageForm conversation={data} outbox={outbox} onSessionEnded={onSessionEnded} onSent={conversation.reload} /> : null}
    </ClientFrame>
  );
}

function MessageForm({
  conversation,
  outbox,
  onSessionEnded,
  onSent,
}: {
  conversation: Conversation;
  outbox: ReturnType<typeof useOutbox>;
  onSessionEnded(): void;
  onSent(): void;
}) {
  const t = useT<ClientKey>();
  const ids = useId();
  const fieldId = `${ids}-text`;
  const form = useOutboxTextForm(outbox, fieldId);
  const [notice, setNotice] = useState<Notice | null>(null);
  const awayKey = conversation.away ? awayKeys[conversation.away.readBy] : null;

  async function send(event: FormEvent) {
    event.preventDefault();
    if (form.busy) return;
    setNotice(null);
    const words = { empty: t('client.messages.empty'), tooLong: (count: number) => t('client.messages.tooLong', { max: messageMaxLength, count }) };
    const stop = await form.submit(checkedText(checkMessageText(form.text), words), (text) => messageOutboxItem(text));
    if (stop === 'done') onSent();
    if (stop) setNotice(stop === 'done' ? 'client.messages.sent' : stop === 'signed-out' ? 'client.messages.savedSignIn' : 'client.messages.savedOffline');
  }

  const days = conversation.replyWithinWorkingDays;
  return (
    <>
      <div id={`${ids}-reply`} className="notice">
        <p>{days === 1 ? t('client.messages.replyTimeOne') : t('client.messages.replyTime', { days })}</p>
        {awayKey ? <p>{t(awayKey)}</p> : null}
        <p>
          {t('client.messages.notMonitored')} <Link href="/help">{t('client.checkIn.helpLink')}</Link>
        </p>
      </div>
      <OutboxTextForm form={form} fieldId={fieldId} noticeId={`${ids}-reply`} label={t('client.messages.label')} hint={t('client.messages.hint', { max: messageMaxLength })} button={t('client.messages.send')} rows={4} onSubmit={send} />
      {notice ? (
        <div role="status" className="notice notice-success">
          <p>{t(notice)}</p>
          {notice === 'client.messages.savedSignIn' ? (
            <button type="button" className="button" onClick={onSessionEnded}>
              {t('client.talkAbout.signInAgain')}
            </button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
