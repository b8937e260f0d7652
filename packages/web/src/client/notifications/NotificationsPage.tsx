import { newId, type Me } from '@tandem/domain';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { BackHomeLink } from '../BackHomeLink';
import { ClientFrame } from '../ClientFrame';
import { currentAnswer } from '../consent/consent-answers';
import type { ConsentView } from '../consent/ConsentGate';
import { browserFacts, pushSupport, readDeviceState, turnOff, turnOn, type ChangeResult, type DeviceState } from './push-device';

type Shown = DeviceState | 'checking';

const failureKey: Record<'on' | 'off', Record<Exclude<ChangeResult, { ok: true }>['reason'], ClientKey>> = {
  on: { blocked: 'client.notifications.nowBlocked', dismissed: 'client.notifications.dismissed', offline: 'client.notifications.offline', failed: 'client.notifications.failedOn' },
  off: { blocked: 'client.notifications.failedOff', dismissed: 'client.notifications.failedOff', offline: 'client.notifications.offline', failed: 'client.notifications.failedOff' },
};

/**
 * "Notifications on this phone" (decision 0030, "Client side"): turns web push on or off for this
 * phone, and says plainly which way Tandem will reach the client when it cannot — email, if they
 * said yes to it. Each state that stops notifications (no consent, a browser without them, an
 * iPhone not yet on the Home Screen, notifications blocked) says why and what to do.
 */
export function NotificationsPage({ me, view }: { me: Me; view: ConsentView }) {
  const t = useT<ClientKey>();
  const { consent } = view;
  const allowed = consent.status === 'ok' ? currentAnswer(consent.data)?.choices.channels.push === true : null;
  return (
    <ClientFrame title={t('client.title.notifications')} page="notifications">
      <BackHomeLink />
      <h1>{t('client.notifications.heading')}</h1>
      <p>{t('client.notifications.intro')}</p>
      <LoadState resource={consent} onRetry={view.reload} />
      {allowed === false ? (
        <>
          <p className="notice">{t('client.notifications.consentOff')}</p>
          <p>
            <Link href="/choices">{t('client.notifications.choicesLink')}</Link>
          </p>
        </>
      ) : null}
      {allowed ? <DeviceSection accountId={me.actor.accountId} /> : null}
      {me.care?.status !== 'ended' ? (
        <p>
          {t('client.notifications.quiet')} <Link href="/reminders">{t('client.notifications.quietLink')}</Link>
        </p>
      ) : null}
    </ClientFrame>
  );
}

/** This phone: what the browser can do, and the button to turn notifications on or off. */
function DeviceSection({ accountId }: { accountId: string }) {
  const t = useT<ClientKey>();
  const [support] = useState(() => pushSupport(browserFacts()));
  const [shown, setShown] = useState<Shown>('checking');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ClientKey | null>(null);
  // One id for this phone's save until it succeeds: a retried save is the same save.
  const pendingId = useRef<string | null>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (support !== 'supported') return;
    let live = true;
    void readDeviceState(accountId)
      .catch((): DeviceState => 'off')
      .then((state) => {
        if (live) setShown(state);
      });
    return () => {
      live = false;
    };
  }, [accountId, support]);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  if (support === 'unsupported') return <p className="notice">{t('client.notifications.unsupported')}</p>;
  if (support === 'home-screen') {
    return (
      <section className="notice" aria-labelledby="home-screen-heading">
        <h2 id="home-screen-heading" className="notice-heading">
          {t('client.notifications.homeScreenHeading')}
        </h2>
        <p>{t('client.notifications.homeScreenIntro')}</p>
        <ol>
          <li>{t('client.notifications.homeScreenStep1')}</li>
          <li>{t('client.notifications.homeScreenStep2')}</li>
          <li>{t('client.notifications.homeScreenStep3')}</li>
        </ol>
        <p>{t('client.notifications.emailUntilThen')}</p>
      </section>
    );
  }

  async function change(to: 'on' | 'off') {
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    let result: ChangeResult;
    if (to === 'on') {
      pendingId.current ??= newId(new Date());
      result = await turnOn(accountId, pendingId.current);
      if (result.ok) pendingId.current = null;
    } else {
      result = await turnOff(accountId);
    }
    setBusy(false);
    if (result.ok) {
      setShown(to);
      setOutcome(to === 'on' ? 'client.notifications.turnedOn' : 'client.notifications.turnedOff');
    } else {
      if (result.reason === 'blocked') setShown('blocked');
      setOutcome(failureKey[to][result.reason]);
    }
  }

  const failed = outcome !== null && outcome !== 'client.notifications.turnedOn' && outcome !== 'client.notifications.turnedOff';
  return (
    <section aria-labelledby="this-phone-heading">
      <h2 id="this-phone-heading">{t('client.notifications.thisPhoneHeading')}</h2>
      <div role="status">
        {outcome ? (
          <p ref={outcomeRef} tabIndex={-1} className={failed ? 'notice notice-warning' : 'notice notice-success'}>
            {t(outcome)}
          </p>
        ) : null}
      </div>
      {shown === 'checking' ? <p>{t('client.notifications.checking')}</p> : null}
      {shown === 'blocked' ? (
        <>
          <p>{t('client.notifications.blocked')}</p>
          <p>{t('client.notifications.blockedHow')}</p>
          <p>{t('client.notifications.emailUntilThen')}</p>
        </>
      ) : null}
      {shown === 'on' || shown === 'off' ? (
        <>
          {shown === 'on' ? (
            <>
              <p>
                <strong>{t('client.notifications.on')}</strong>
              </p>
              <p>{t('client.notifications.onMeans')}</p>
            </>
          ) : (
            <p>{t('client.notifications.off')}</p>
          )}
          <p className="hint">{t('client.notifications.needsConnection')}</p>
          <button type="button" className={shown === 'on' ? 'button button-secondary' : 'button'} disabled={busy} onClick={() => void change(shown === 'on' ? 'off' : 'on')}>
            {t(shown === 'on' ? 'client.notifications.turnOff' : 'client.notifications.turnOn')}
          </button>
        </>
      ) : null}
    </section>
  );
}
