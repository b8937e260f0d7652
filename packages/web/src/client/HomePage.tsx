import { zonedParts, type CheckIn, type ClientHomework, type DueQuestionnaire, type Me, type Programme, type ProgrammeProgress, type UnreadCount } from '@tandem/domain';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ApiError } from '../shared/api';
import { formatDateTime } from '../shared/dates';
import { useLocale, useT } from '../shared/i18n/I18nProvider';
import type { ClientKey } from '../shared/i18n/keys';
import { Link } from '../shared/navigation';
import { SignOutButton } from '../shared/SignOutButton';
import { useApiGet } from '../shared/use-api-get';
import { ClientFrame } from './ClientFrame';
import { homeworkUrl } from './homework/homework-data';
import { HomeworkCard } from './homework/HomeworkCard';
import { unreadUrl } from './messages/messages-data';
import { MessagesLink } from './messages/MessagesLink';
import type { OutboxItem } from './outbox/outbox';
import { useOutbox } from './outbox/useOutbox';
import { NextStepCard } from './programme/NextStepCard';
import { programmeUrl } from './programme/programme-data';
import { DueQuestionnaires } from './questionnaires/DueQuestionnaires';

/** The first word of a name, to greet people the way they are usually called. */
function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] ?? '';
}

/** How long home waits for its first reads before showing what it has (a slow or stuck request). */
const waitAtMostMs = 3000;

/**
 * True once the first reads are all in (`settled`), or after `waitAtMostMs`; it stays true while
 * the page reads again. Until then home holds back everything that depends on them, so nothing
 * moves under the client's finger as each answer arrives (no layout shift).
 */
function useFirstReadsIn(settled: boolean): boolean {
  const [shown, setShown] = useState(settled);
  if (settled && !shown) setShown(true);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), waitAtMostMs);
    return () => clearTimeout(timer);
  }, []);
  return shown;
}

/**
 * Makes the client's time-zone formatter (kept by zonedParts) while the first reads are in flight.
 * Making it is the slowest step of showing the check-ins on a phone (tens of milliseconds); done
 * here, in its own task, it no longer lengthens the task that shows the page.
 */
function usePrepareTimeZone(timeZone: string): void {
  useEffect(() => {
    const timer = setTimeout(() => zonedParts(new Date(), timeZone));
    return () => clearTimeout(timer);
  }, [timeZone]);
}

/**
 * Signed in: a calm home page — check in, questionnaires and homework due before the next
 * session, things to talk about, recent check-ins (including any still waiting on this phone),
 * links to how they have been, reminders and their choices, get help, sign out. After care has ended: that it has, where to get help,
 * and their past (read-only) — nothing that asks for new check-ins or answers.
 * The greeting and "Check in" show at once; the rest shows in one go once its reads are in (each
 * read once: the homework and the next step share the programme).
 */
export function HomePage({ me, onSignOut, justSaved }: { me: Me; onSignOut(): Promise<ApiError | null>; justSaved: boolean }) {
  const t = useT<ClientKey>();
  const { locale } = useLocale();
  const checkIns = useApiGet<{ checkIns: CheckIn[] }>('/api/check-ins?days=14');
  const due = useApiGet<{ due: DueQuestionnaire[] }>('/api/questionnaires/due');
  const homework = useApiGet<ClientHomework>(homeworkUrl(locale));
  const programme = useApiGet<Programme>(programmeUrl(locale));
  const progress = useApiGet<ProgrammeProgress>('/api/me/programme');
  const unread = useApiGet<UnreadCount>(unreadUrl);
  const { reload: reloadCheckIns } = checkIns;
  const { reload: reloadDue } = due;
  const { reload: reloadHomework } = homework;
  const { reload: reloadProgress } = progress;
  // What was kept on the phone is sent when home opens; then what it changes is read again (a
  // step marked done offline then counts in the next step and the homework).
  const outbox = useOutbox(
    me.actor.clientId ?? '',
    useCallback(() => {
      reloadCheckIns();
      reloadDue();
      reloadHomework();
      reloadProgress();
    }, [reloadCheckIns, reloadDue, reloadHomework, reloadProgress]),
  );
  usePrepareTimeZone(me.actor.timeZone);
  const shown = useFirstReadsIn([checkIns, due, homework, programme, progress, unread].every((read) => read.resource.status !== 'loading'));
  const ended = me.care?.status === 'ended';
  return (
    <ClientFrame title={t('client.title.home')} page="home">
      <h1>{t('client.home.hello', { name: firstName(me.actor.displayName) })}</h1>
      {justSaved ? (
        <p className="notice notice-success" role="status">
          {t('client.checkIn.saved')}
        </p>
      ) : null}
      {ended ? (
        <div className="notice">
          <h2 className="notice-heading">{t('client.home.careEndedHeading')}</h2>
          <p>{t('client.home.careEnded', { organisation: me.actor.organisationName })}</p>
          <p>{t('client.home.careEndedHelp')}</p>
          <p>
            <Link href="/help">{t('client.checkIn.helpLink')}</Link>
          </p>
        </div>
      ) : (
        <p>
          <Link className="button" href="/check-in">
            {t('client.home.checkIn')}
          </Link>
        </p>
      )}
      {shown ? null : (
        // Holds the page's height, so the footer does not jump down when the rest arrives; the
        // line shows only if the wait is long enough to notice (styles.css), so it never flashes.
        <div className="home-waiting">
          <p role="status" className="home-waiting-text">
            {t('common.loading')}
          </p>
        </div>
      )}
      {shown && !ended ? (
        <>
          <DueQuestionnaires due={due.resource} timeZone={me.actor.timeZone} waiting={outbox.items} />
          <HomeworkCard homework={homework.resource} programme={programme.resource} timeZone={me.actor.timeZone} waiting={outbox.items} />
          <NextStepCard
            programme={programme.resource}
            progress={progress.resource}
            onRetry={() => {
              programme.reload();
              progress.reload();
            }}
          />
          <p>
            <Link href="/plan">{t('client.home.planLink')}</Link>
          </p>
          <p>
            <Link href="/talk-about">{t('client.home.talkAboutLink')}</Link>
          </p>
        </>
      ) : null}
      {shown ? (
        <>
          <MessagesLink unread={unread.resource} />
          <NotSent items={outbox.items} onDismiss={(id) => void outbox.dismiss(id)} />
          <h2>{t('client.home.recentHeading')}</h2>
          <RecentCheckIns
            saved={checkIns.resource.status === 'ok' ? checkIns.resource.data.checkIns : []}
            waiting={outbox.items.filter((item) => item.kind === 'check-in')}
            loading={checkIns.resource.status === 'loading'}
            timeZone={me.actor.timeZone}
            onDismiss={(id) => void outbox.dismiss(id)}
          />
          <h2>{t('client.home.moreHeading')}</h2>
          <ul className="home-links">
            {ended ? (
              <li>
                <Link href="/programme">{t('client.home.programmeLink')}</Link>
              </li>
            ) : null}
            <li>
              <Link href="/progress">{t('client.home.progressLink')}</Link>
            </li>
            {ended ? null : (
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
        </>
      ) : null}
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
