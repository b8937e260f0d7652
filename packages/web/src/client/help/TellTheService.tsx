import { newId, type Me, type RiskNotice } from '@tandem/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { useLocale, useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { onOutcome, outcomeOf } from '../outbox/outbox';
import { useOutbox } from '../outbox/useOutbox';
import { whenSomeoneSees } from '../when-seen';

type Told =
  | { state: 'idle' }
  | { state: 'sending' }
  | { state: 'sent'; notice: RiskNotice; at: number }
  | { state: 'offline'; id: string }
  | { state: 'signed-out'; id: string }
  | { state: 'care-ended' }
  | { state: 'refused' };

/** How long to wait for the server before saying the request is kept on the phone. */
const waitMs = 8000;

function wait(ms: number): Promise<null> {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms));
}

/**
 * "Let the service know I need help": POST /api/help-requests through the outbox (so without a
 * connection it waits on the phone and is sent later, once), then the honest line saying when a
 * person from the service will see it. Never says anyone will call back. After care has ended
 * nobody would see it: the client is told so, kindly, and pointed to the numbers on the page.
 */
export function TellTheService({ me }: { me: Me }) {
  const t = useT<ClientKey>();
  const { locale } = useLocale();
  const headingId = useId();
  const outbox = useOutbox(me.actor.clientId ?? '');
  const [told, setTold] = useState<Told>(me.care?.status === 'ended' ? { state: 'care-ended' } : { state: 'idle' });
  const result = useRef<HTMLParagraphElement>(null);
  // Focus moves to the answer only after the client pressed the button (not on arrival).
  const pressed = useRef(false);
  const waitingId = told.state === 'offline' || told.state === 'signed-out' ? told.id : null;

  // A request kept on the phone is sent when the connection returns: then say when it will be seen.
  useEffect(() => {
    if (!waitingId) return;
    return onOutcome((id) => {
      if (id !== waitingId) return;
      const outcome = outcomeOf(id);
      if (outcome?.state === 'delivered') setTold({ state: 'sent', notice: outcome.body as RiskNotice, at: Date.now() });
    });
  }, [waitingId]);

  useEffect(() => {
    if (pressed.current && told.state !== 'idle' && told.state !== 'sending') result.current?.focus();
  }, [told.state]);

  async function tell() {
    if (told.state !== 'idle') return;
    pressed.current = true;
    setTold({ state: 'sending' });
    const id = newId(new Date());
    try {
      await outbox.add({ id, kind: 'help-request', url: '/api/help-requests', body: { id, recordedAt: new Date().toISOString() }, createdAt: new Date().toISOString() });
    } catch {
      setTold({ state: 'refused' });
      return;
    }
    const sent = await Promise.race([outbox.send(), wait(waitMs)]);
    const outcome = outcomeOf(id);
    if (outcome?.state === 'delivered') setTold({ state: 'sent', notice: outcome.body as RiskNotice, at: Date.now() });
    else if (outcome?.state === 'refused') {
      await outbox.dismiss(id);
      setTold(outcome.code === 'episode.closed' ? { state: 'care-ended' } : { state: 'refused' });
    } else setTold({ state: sent?.stop === 'signed-out' ? 'signed-out' : 'offline', id });
  }

  let line: string | null = null;
  if (told.state === 'sent') line = `${t('client.help.told')} ${whenSomeoneSees(told.notice, new Date(told.at), locale, t)} ${t('client.help.beforeThen')}`;
  else if (told.state === 'offline') line = t('client.help.toldKeptOffline');
  else if (told.state === 'signed-out') line = t('client.help.toldKeptSignIn');
  else if (told.state === 'care-ended') line = t('client.help.careEnded');
  else if (told.state === 'refused') line = t('client.help.toldRefused');

  return (
    <section aria-labelledby={headingId} className="tell-service">
      <h2 id={headingId}>{t('client.help.tellHeading')}</h2>
      {told.state === 'idle' || told.state === 'sending' ? (
        <>
          <p>{t('client.help.tellText')}</p>
          <button type="button" className="button" onClick={() => void tell()} aria-disabled={told.state === 'sending'}>
            {t('client.help.tellButton')}
          </button>
        </>
      ) : null}
      <div role="status">
        {told.state === 'sending' ? <p>{t('client.help.telling')}</p> : null}
        {line ? (
          <p ref={result} tabIndex={-1} className={told.state === 'sent' ? 'notice notice-success' : 'notice'}>
            {line}
          </p>
        ) : null}
      </div>
    </section>
  );
}
