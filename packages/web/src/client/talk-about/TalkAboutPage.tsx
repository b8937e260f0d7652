import type { AgendaItem, Me } from '@tandem/domain';
import { useId, useRef, useState, type FormEvent } from 'react';
import { apiPost } from '../../shared/api';
import { ErrorSummary, type FormProblem } from '../../shared/ErrorSummary';
import { FieldError } from '../../shared/FormFields';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { useApiGet } from '../../shared/use-api-get';
import { BackHomeLink } from '../BackHomeLink';
import { ClientFrame } from '../ClientFrame';
import { outcomeOf } from '../outbox/outbox';
import { useOutbox } from '../outbox/useOutbox';
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
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
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
    if (busy) return;
    const checked = checkAgendaText(text);
    const found: FormProblem[] =
      checked.kind === 'empty'
        ? [{ message: t('client.talkAbout.empty'), fieldId }]
        : checked.kind === 'too-long'
          ? [{ message: t('client.talkAbout.tooLong', { count: checked.count }), fieldId }]
          : [];
    setProblems(found);
    setAttempt((n) => n + 1);
    setNotice(null);
    if (checked.kind !== 'ok') return;
    setBusy(true);
    const item = agendaOutboxItem(checked.text);
    await outbox.add(item);
    setText('');
    const { stop } = await outbox.send();
    setBusy(false);
    const outcome = outcomeOf(item.id);
    if (outcome?.state === 'refused') {
      // Shown in the list with the server's reason, and the words put back to change them.
      setText(checked.text);
      setProblems([{ message: outcome.problem, fieldId }]);
      setAttempt((n) => n + 1);
      return;
    }
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

  const fieldError = problems.find((p) => p.fieldId === fieldId)?.message;
  const describedBy = [`${ids}-hint`, `${ids}-monitored`, fieldError ? `${fieldId}-error` : null].filter(Boolean).join(' ');
  return (
    <ClientFrame title={t('client.title.talkAbout')} page="talk-about">
      <BackHomeLink />
      <h1>{t('client.talkAbout.heading')}</h1>
      <p>{t('client.talkAbout.intro')}</p>
      <p id={`${ids}-monitored`} className="notice">
        {t('client.talkAbout.notMonitored')} <Link href="/help">{t('client.checkIn.helpLink')}</Link>
      </p>
      <form onSubmit={add} noValidate>
        <ErrorSummary problems={problems} attempt={attempt} />
        <div className={fieldError ? 'field field-has-error' : 'field'}>
          <label className="label" htmlFor={fieldId}>
            {t('client.talkAbout.label')}
          </label>
          <p id={`${ids}-hint`} className="hint">
            {t('client.talkAbout.hint')}
          </p>
          <FieldError id={fieldId} text={fieldError} />
          <textarea
            id={fieldId}
            className="textarea"
            rows={3}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-describedby={describedBy}
            aria-invalid={fieldError ? true : undefined}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t('client.talkAbout.add')}
        </button>
      </form>
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
