import type { AgendaItem, Me } from '@tandem/domain';
import { useId, useRef, useState, type FormEvent } from 'react';
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
import { AgendaList } from './AgendaList';
import { agendaItemsUrl, agendaLines, agendaOutboxItem, checkAgendaText, removeAgendaItemUrl } from './talk-about-data';

type Notice = 'client.talkAbout.added' | 'client.talkAbout.savedOffline' | 'client.talkAbout.savedSignIn' | 'client.talkAbout.removed' | 'client.talkAbout.removeFailed';

/**
 * "Things I want to talk about" (issue 8 item 5; decision 0023): a short box to note something for
 * the next session, and the list of what is noted. An item goes through the outbox with its
 * phone-made id, so it is kept offline and sent once. Beside the box, plainly: nobody reads these
 * before the session, and where to get help now (BRIEF.md safety principles; HAZ-045). After
 * care has ended there is no next session: a kind line and the help link instead.
 */
export function TalkAboutPage({ me, onSessionEnded }: { me: Me; onSessionEnded(): void }) {
  const t = useT<ClientKey>();
  if (me.care?.status === 'ended') {
    return (
      <ClientFrame title={t('client.title.talkAbout')} page="talk-about-ended">
        <BackHomeLink />
        <h1>{t('client.talkAbout.heading')}</h1>
        <p>
          {t('client.talkAbout.careEnded')} <Link href="/help">{t('client.checkIn.helpLink')}</Link>
        </p>
      </ClientFrame>
    );
  }
  return <TalkAboutForm me={me} onSessionEnded={onSessionEnded} />;
}

function TalkAboutForm({ me, onSessionEnded }: { me: Me; onSessionEnded(): void }) {
  const t = useT<ClientKey>();
  const ids = useId();
  const fieldId = `${ids}-text`;
  const list = useApiGet<{ items: AgendaItem[] }>(agendaItemsUrl);
  const outbox = useOutbox(me.actor.clientId ?? '', list.reload);
  const form = useOutboxTextForm(outbox, fieldId);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  // Items removed on the server stay off the screen whatever list is shown: one read before the
  // removal, or the list as it was when a newly added item was still on its way.
  const [removed, setRemoved] = useState<ReadonlySet<string>>(() => new Set());
  const listHeading = useRef<HTMLHeadingElement>(null);
  // The list last read stays on screen while it is read again (after each send): no flicker.
  const [shown, setShown] = useState<{ items: AgendaItem[] } | null>(null);
  const loaded = list.resource.status === 'ok' ? list.resource.data : null;
  if (loaded && loaded !== shown) setShown(loaded);
  const items = loaded ?? shown;

  async function add(event: FormEvent) {
    event.preventDefault();
    if (form.busy) return;
    setNotice(null);
    const words = { empty: t('client.talkAbout.empty'), tooLong: (count: number) => t('client.talkAbout.tooLong', { count }) };
    const stop = await form.submit(checkedText(checkAgendaText(form.text), words), (text) => agendaOutboxItem(text));
    // Refused: shown in the list with the server's reason, and the words put back to change them.
    if (!stop) return;
    if (stop === 'done') list.reload();
    setNotice(stop === 'done' ? 'client.talkAbout.added' : stop === 'signed-out' ? 'client.talkAbout.savedSignIn' : 'client.talkAbout.savedOffline');
  }

  async function remove(id: string) {
    setRemoving(id);
    setNotice(null);
    const result = await apiPost<AgendaItem>(removeAgendaItemUrl(id));
    setRemoving(null);
    if (result.ok) {
      setRemoved((before) => new Set(before).add(id));
      list.reload();
    }
    setNotice(result.ok ? 'client.talkAbout.removed' : 'client.talkAbout.removeFailed');
    // The button is gone: keep the keyboard's place at the list.
    if (result.ok) listHeading.current?.focus();
  }

  return (
    <ClientFrame title={t('client.title.talkAbout')} page="talk-about">
      <BackHomeLink />
      <h1>{t('client.talkAbout.heading')}</h1>
      <p>{t('client.talkAbout.intro')}</p>
      <p id={`${ids}-monitored`} className="notice">
        {t('client.talkAbout.notMonitored')} <Link href="/help">{t('client.checkIn.helpLink')}</Link>
      </p>
      <OutboxTextForm form={form} fieldId={fieldId} noticeId={`${ids}-monitored`} label={t('client.talkAbout.label')} hint={t('client.talkAbout.hint')} button={t('client.talkAbout.add')} rows={3} onSubmit={add} />
      {notice ? (
        <div role="status" className={notice === 'client.talkAbout.removeFailed' ? 'notice' : 'notice notice-success'}>
          <p>{t(notice)}</p>
          {notice === 'client.talkAbout.savedSignIn' ? (
            <button type="button" className="button" onClick={onSessionEnded}>
              {t('client.talkAbout.signInAgain')}
            </button>
          ) : null}
        </div>
      ) : null}
      <h2 ref={listHeading} tabIndex={-1}>
        {t('client.talkAbout.listHeading')}
      </h2>
      {items ? null : <LoadState resource={list.resource} onRetry={list.reload} />}
      {items ? (
        <AgendaList
          lines={agendaLines(
            items.items.filter((item) => !removed.has(item.id)),
            outbox.items,
          )}
          busyId={removing}
          onRemove={(id) => void remove(id)}
          onDismiss={(id) => void outbox.dismiss(id)}
        />
      ) : null}
    </ClientFrame>
  );
}
