import type { ConsentRecord, Me } from '@tandem/domain';
import { useState } from 'react';
import type { ApiError } from '../../shared/api';
import { formatDateTime } from '../../shared/dates';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { SignOutEverywhere } from '../../shared/SignOutButton';
import { Link } from '../../shared/navigation';
import { BackHomeLink } from '../BackHomeLink';
import { AppPinSection } from '../lock/AppPinSection';
import { TwoStepSection } from '../two-step/TwoStepSection';
import { ClientFrame } from '../ClientFrame';
import { currentAnswer, startingAnswers } from './consent-answers';
import { ConsentForm } from './ConsentForm';
import type { ConsentView } from './ConsentGate';

/**
 * "Your choices": what the client agreed to, when and who recorded it, and the same questions to
 * change any part. Each change is a new version; a way of contacting them that they untick stops
 * at once (the server checks the current record before every send).
 */
export function ChoicesPage({
  me,
  view,
  onSignOutEverywhere,
  onSessionChanged,
}: {
  me: Me;
  view: ConsentView;
  onSignOutEverywhere(): Promise<ApiError | null>;
  /** After the app PIN was removed: read the session again. */
  onSessionChanged(): void;
}) {
  const t = useT<ClientKey>();
  const [saved, setSaved] = useState(false);
  const [done, setDone] = useState(() => doneKey(new URLSearchParams(window.location.search).get('done')));
  const { consent } = view;
  const current = consent.status === 'ok' ? currentAnswer(consent.data) : null;
  return (
    <ClientFrame title={t('client.title.choices')} page="choices">
      <BackHomeLink />
      <h1>{t('client.choices.heading')}</h1>
      {saved ? (
        <p className="notice notice-success" role="status">
          {t('client.choices.saved')}
        </p>
      ) : null}
      {done ? (
        <p className="notice notice-success" role="status">
          {t(done)}
        </p>
      ) : null}
      <LoadState resource={consent} onRetry={view.reload} />
      {consent.status === 'ok' ? (
        <>
          {current ? <ChoicesSummary record={current} timeZone={me.actor.timeZone} /> : <p>{t('client.choices.none')}</p>}
          <h2>{t('client.choices.changeHeading')}</h2>
          <p>{t('client.choices.changeIntro')}</p>
          <ConsentForm
            key={current?.id ?? 'none'}
            clientId={me.actor.clientId ?? ''}
            wordingVersion={consent.data.wordingVersion}
            initial={startingAnswers(current)}
            changing
            onRecorded={(record) => {
              view.recorded(record);
              setSaved(true);
              window.scrollTo(0, 0);
            }}
          />
        </>
      ) : null}
      <h2>{t('client.choices.notificationsHeading')}</h2>
      <p>
        <Link href="/notifications">{t('client.choices.notificationsLink')}</Link>
      </p>
      <h2>{t('client.choices.calendarHeading')}</h2>
      <p>
        <Link href="/calendar">{t('client.choices.calendarLink')}</Link>
      </p>
      <h2>{t('client.choices.yourDataHeading')}</h2>
      <p>
        <Link href="/your-data">{t('client.choices.yourDataLink')}</Link>
      </p>
      <TwoStepSection />
      <AppPinSection
        me={me}
        onChanged={(what) => {
          setDone(doneKey(what));
          onSessionChanged();
        }}
      />
      <SignOutEverywhere onSignOut={onSignOutEverywhere} more={t('client.choices.signOutEverywhereMore')} />
    </ClientFrame>
  );
}

/** What a page opened from here changed (`?done=`), as the words to say so. */
const doneWords = {
  'two-step-on': 'client.twoStep.turnedOn',
  'two-step-off': 'client.twoStep.turnedOff',
  'pin-set': 'client.pin.saved',
  'pin-removed': 'client.pin.removed',
} as const satisfies Record<string, ClientKey>;

function doneKey(done: string | null): ClientKey | null {
  return done && done in doneWords ? doneWords[done as keyof typeof doneWords] : null;
}

/** The current choices as a list of facts, and when and by whom they were recorded. */
function ChoicesSummary({ record, timeZone }: { record: ConsentRecord; timeZone: string }) {
  const t = useT<ClientKey>();
  const { choices } = record;
  const yesNo = (value: boolean) => t(value ? 'client.choices.yes' : 'client.choices.no');
  const rows: [ClientKey, string][] = [
    ['client.choices.useTandem', yesNo(choices.blendedTreatment)],
    ['client.choices.messages', t(choices.messagingUnderstood ? 'client.choices.understood' : 'client.choices.notConfirmed')],
    ['client.consent.channelEmail', yesNo(choices.channels.email)],
    ['client.consent.channelSms', yesNo(choices.channels.sms)],
    ['client.consent.channelPush', yesNo(choices.channels.push)],
    ['client.choices.research', yesNo(choices.research)],
  ];
  const when = formatDateTime(record.recordedAt, timeZone, t);
  return (
    <>
      <dl className="summary-list">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">
        {t(record.recordedBy.type === 'client' ? 'client.choices.recordedByYou' : 'client.choices.recordedByPractitioner')}{' '}
        <span translate="no">{when}</span>
      </p>
    </>
  );
}
