import type { CheckIn, DueQuestionnaire, Me } from '@tandem/domain';
import { useCallback, useState, type ReactNode } from 'react';
import type { ApiError } from '../shared/api';
import { formatDateTime } from '../shared/dates';
import { useT } from '../shared/i18n/I18nProvider';
import type { ClientKey } from '../shared/i18n/keys';
import { Link } from '../shared/navigation';
import { SignOutButton } from '../shared/SignOutButton';
import { useApiGet } from '../shared/use-api-get';
import { ClientFrame } from './ClientFrame';
import { HomeworkCard } from './homework/HomeworkCard';
import { MessagesLink } from './messages/MessagesLink';
import type { OutboxItem } from './outbox/outbox';
import { useOutbox } from './outbox/useOutbox';
import { NextStepCard } from './programme/NextStepCard';
import { DueQuestionnaires } from './questionnaires/DueQuestionnaires';

/** The first word of a name, to greet people the way they are usually called. */
function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] ?? '';
}

/**
 * Signed in: a calm home page — check in, questionnaires and homework due before the next
 * session, things to talk about, recent check-ins (including any still waiting on this phone),
 * links to how they have been, reminders and their choices, get help, sign out. After care has ended: that it has, where to get help,
 * and their past (read-only) — nothing that asks for new check-ins or answers.
 */
export function HomePage({ me, onSignOut, justSaved }: { me: Me; onSignOut(): Promise<ApiError | null>; justSaved: boolean }) {
  const t = useT<ClientKey>();
  const { resource, reload } = useApiGet<{ checkIns: CheckIn[] }>('/api/check-ins?days=14');
  const due = useApiGet<{ due: DueQuestionnaire[] }>('/api/questionnaires/due');
  const reloadDue = due.reload;
  const [sends, setSends] = useState(0);
  // What was kept on the phone is sent when home opens; then the lists are read again.
  const outbox = useOutbox(
    me.actor.clientId ?? '',
    useCallback(() => {
      reload();
      reloadDue();
      setSends((n) => n + 1);
    }, [reload, reloadDue]),
  );
  return (
    <ClientFrame title={t('client.title.home')} page="home">
      <h1>{t('client.home.hello', { name: firstName(me.actor.displayName) })}</h1>
      {justSaved ? (
        <p className="notice notice-success" role="status">
          {t('client.checkIn.saved')}
        </p>
      ) : null}
      {me.care?.status === 'ended' ? (
        <div className="notice">
          <h2 className="notice-heading">{t('client.home.careEndedHeading')}</h2>
          <p>{t('client.home.careEnded', { organisation: me.actor.organisationName })}</p>
          <p>{t('client.home.careEndedHelp')}</p>
          <p>
            <Link href="/help">{t('client.checkIn.helpLink')}</Link>
          </p>
        </div>
      ) : (
        <>
          <p>
            <Link className="button" href="/check-in">
              {t('client.home.checkIn')}
            </Link>
          </p>
          <DueQuestionnaires due={due.resource} timeZone={me.actor.timeZone} waiting={outbox.items} />
          <HomeworkCard timeZone={me.actor.timeZone} waiting={outbox.items} version={sends} />
          <NextStepCard version={sends} />
          <p>
            <Link href="/plan">{t('client.home.planLink')}</Link>
          </p>
          <p>
            <Link href="/talk-about">{t('client.home.talkAboutLink')}</Link>
          </p>
        </>
      )}
      <MessagesLink />
      <NotSent items={outbox.items} onDismiss={(id) => void outbox.dismiss(id)} />
      <h2>{t('client.home.recentHeading')}</h2>
      <RecentCheckIns
        saved={resource.status === 'ok' ? resource.data.checkIns : []}
        waiting={outbox.items.filter((item) => item.kind === 'check-in')}
        loading={resource.status === 'loading'}
        timeZone={me.actor.timeZone}
        onDismiss={(id) => void outbox.dismiss(id)}
      />
      <h2>{t('client.home.moreHeading')}</h2>
      <ul className="home-links">
        {me.care?.status === 'ended' ? (
          <li>
            <Link href="/programme">{t('client.home.programmeLink')}</Link>
          </li>
        ) : null}
        <li>
          <Link href="/progress">{t('client.home.progressLink')}</Link>
        </li>
        {me.care?.status === 'ended' ? null : (
          <li>
            <Link href="/reminders">{t('client.home.remindersLink')}</Link>
          </li>
        )}
        <li>
          <Link href="/choices">{t('client.home.choicesLink')}</Link>
        </li>
      </ul>
      <p className="notice">
        {t('client.home.notMonitored')} <Link href="/help">{t('client.checkIn.helpLink')}</Link>
      </p>
      <SignOutButton onSignOut={onSignOut} />
    </ClientFrame>
  );
}

/** One check-in in the list: when, how they felt, their note, and (if not yet sent) its state. */
function CheckInLine({ checkIn, timeZone, state }: { checkIn: { mood: number; note: string | null; recordedAt: string }; timeZone: string; state?: ReactNode }) {
  const t = useT<ClientKey>();
  return (
    <li className={state ? 'check-in-item check-in-waiting' : 'check-in-item'}>
      <span className="check-in-when" translate="no">
        {formatDateTime(checkIn.recordedAt, timeZone, t)}
      </span>
      <span className="check-in-mood">{t('client.home.moodOutOf', { mood: checkIn.mood })}</span>
      {checkIn.note ? (
        <span className="check-in-note" translate="no">
          {checkIn.note}
        </span>
      ) : null}
      {state ? <span className="check-in-state">{state}</span> : null}
    </li>
  );
}

function RecentCheckIns({
  saved,
  waiting,
  loading,
  timeZone,
  onDismiss,
}: {
  saved: CheckIn[];
  waiting: OutboxItem[];
  loading: boolean;
  timeZone: string;
  onDismiss(id: string): void;
}) {
  const t = useT<ClientKey>();
  const sent = new Set(saved.map((c) => c.id));
  const pending = waiting.filter((item) => !sent.has(item.id));
  if (loading && !pending.length) return <p role="status">{t('common.loading')}</p>;
  if (!saved.length && !pending.length) return <p>{t('client.home.noneYet')}</p>;
  return (
    <ul className="check-in-list">
      {pending.map((item) => (
        <CheckInLine
          key={item.id}
          checkIn={item.body as { mood: number; note: string | null; recordedAt: string }}
          timeZone={timeZone}
          state={
            item.state === 'refused' ? (
              <>
                {t('client.home.refused', { problem: item.problem ?? '' })}{' '}
                <button type="button" className="button-link" onClick={() => onDismiss(item.id)}>
                  {t('client.home.dismiss')}
                </button>
              </>
            ) : (
              t('client.home.waiting')
            )
          }
        />
      ))}
      {saved.map((checkIn) => (
        <CheckInLine key={checkIn.id} checkIn={checkIn} timeZone={timeZone} />
      ))}
    </ul>
  );
}

const notSentKey: Record<OutboxItem['kind'], ClientKey> = {
  'check-in': 'client.home.answersNotSent',
  answer: 'client.home.answersNotSent',
  questionnaire: 'client.home.answersNotSent',
  'help-request': 'client.home.helpNotSent',
  'step-done': 'client.home.stepNotSent',
  exercise: 'client.home.exerciseNotSent',
  'agenda-item': 'client.home.agendaNotSent',
  message: 'client.messages.notSent',
};

/**
 * Answers, questionnaires, help requests, steps, exercise entries or things to talk about the server refused (check-ins show in their list):
 * kept and shown, never silently dropped, until the client removes them.
 */
function NotSent({ items, onDismiss }: { items: OutboxItem[]; onDismiss(id: string): void }) {
  const t = useT<ClientKey>();
  // One line per questionnaire, however many of its answers were refused.
  const groups = new Map<string, OutboxItem[]>();
  for (const item of items) {
    if (item.kind === 'check-in' || item.state !== 'refused') continue;
    const key = item.kind === 'answer' ? item.id.split(':').slice(0, 2).join(':') : item.id;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  if (!groups.size) return null;
  return (
    <ul className="check-in-list not-sent">
      {[...groups.entries()].map(([key, group]) => (
        <li key={key} className="check-in-item check-in-waiting">
          <span className="check-in-state">
            {t(notSentKey[group[0]!.kind], { problem: group[0]!.problem ?? '' })}{' '}
            <button type="button" className="button-link" onClick={() => group.forEach((item) => onDismiss(item.id))}>
              {t('client.home.dismiss')}
            </button>
          </span>
        </li>
      ))}
    </ul>
  );
}
