import type { Me } from '@tandem/domain';
import { useEffect, useState } from 'react';
import { onSessionHeld, type ApiError } from '../shared/api';
import { LoadingFrame } from '../shared/AppFrame';
import { InvitationPage } from '../shared/InvitationPage';
import { navigate, usePathname } from '../shared/navigation';
import { useSession } from '../shared/session';
import { UnavailablePage } from '../shared/UnavailablePage';
import { CalendarPage } from './calendar/CalendarPage';
import { CheckInPage } from './CheckInPage';
import { ChoicesPage } from './consent/ChoicesPage';
import { ConsentGate, type ConsentView } from './consent/ConsentGate';
import { HelpPage } from './HelpPage';
import { HomePage } from './HomePage';
import { MessagesPage } from './messages/MessagesPage';
import { NotificationsPage } from './notifications/NotificationsPage';
import { dropOthersPush, forgetPushOnSignOut } from './notifications/push-device';
import { forgetDeviceCopies } from './device/service-worker';
import { clearDeviceStorage, flushOutbox } from './outbox/outbox';
import { draftDbName } from './programme/draft-store';
import { parseProgrammePath } from './programme/paths';
import { ProgrammeRoute } from './programme/ProgrammeRoute';
import { PlanPage } from './plan/PlanPage';
import { ProgressPage } from './progress/ProgressPage';
import { parseQuestionnairePath } from './questionnaires/paths';
import { QuestionnaireFlow } from './questionnaires/QuestionnaireFlow';
import { RemindersPage } from './reminders/RemindersPage';
import { appLock, useAppLock } from './lock/use-app-lock';
import { AppPinPage, appPinPath } from './lock/AppPinPage';
import { LockScreen } from './lock/LockScreen';
import { sendNow } from './outbox/useOutbox';
import { SignInPage, type SignInStep } from './SignInPage';
import { StaffAccountPage } from './StaffAccountPage';
import { TalkAboutPage } from './talk-about/TalkAboutPage';
import { parseTwoStepPath, TwoStepPage } from './two-step/TwoStepPage';
import { YourDataPage } from './your-data/YourDataPage';

/**
 * The client app (mobile-first). `/help` is for everyone, and never waits for the server;
 * `/invite` sets up an account from an invitation link. Signed in, a client first answers the
 * consent questions (ConsentGate); then `/check-in` records mood; `/questionnaires/…` fills in a
 * questionnaire due before a session; `/reminders` sets when they are asked how they feel;
 * `/progress` shows their check-ins and scores over time; `/plan` their treatment plan and where they are in it; `/talk-about` the things they want to talk
 * about in their next session; `/calendar` their private calendar feed; `/messages` their messages with their care team (readable after care ends); `/programme/…` is the self-help
 * programme and its exercises (readable after care ends); `/choices` shows and changes their
 * consent; `/notifications` turns notifications on this phone on or off; every other path shows the home page, or the sign-in page when nobody is signed in.
 * `/choices/two-step…` turns optional two-step sign-in on or off and makes new recovery codes;
 * `/choices/pin` sets the app PIN of a remembered phone. When the app is locked (lock/), the lock
 * screen replaces every page but `/help`; nothing of the client's stays mounted behind it.
 */
export function ClientApp() {
  const path = usePathname();
  // Both listen before the first request: GET /api/me may already say "locked" or "half-way".
  const lock = useAppLock();
  const [step, setStep] = useHeldSignIn();
  const [endedMessage, setEndedMessage] = useState<string | null>(null);
  const session = useSession();
  const { state } = session;
  const me = state.status === 'signed-in' ? state.me : null;
  // A session that ended (or a sign-out) leaves no lock behind. A lock the server set stays,
  // though GET /api/me answered 401: the PIN opens the session again.
  const staleLock = state.status === 'signed-out' && !(lock.locked && lock.why === 'server');
  useEffect(() => {
    if (staleLock) appLock().forget();
  }, [staleLock]);
  const pinSet = me?.actor.type === 'client' && me.session.remember && me.session.pinSet;
  useEffect(() => {
    if (me) appLock().setPinSet(pinSet);
  }, [me, pinSet]);
  // A new sign-in starts with no copies of anybody's reads on the phone (a shared phone).
  // Nor a subscription to someone else's notifications (a session that ended without a sign-out).
  const signedIn = (me: Me) => {
    setStep(null);
    setEndedMessage(null);
    void Promise.all([forgetDeviceCopies(), dropOthersPush(me.actor.accountId)]).then(() => session.signedIn(me));
  };
  const locked = lock.locked && !staleLock;

  // Help is there for everyone, signed in or not, locked or not, before anyone knows who is signed in.
  if (path === '/help' || path === '/help/') return <HelpPage backHref="/" me={locked ? null : me} />;
  if (locked) {
    return (
      <LockScreen
        onUnlocked={async () => {
          // Who is signed in first (a lock found on opening the app left nobody known), then open:
          // the app carries on where it was, and what waits in the outbox goes now.
          await session.refresh();
          appLock().unlocked();
          if (me?.actor.clientId) void sendNow(me.actor.clientId);
        }}
        onEnded={(message) => {
          appLock().forget();
          setEndedMessage(message);
          void session.refresh();
        }}
        onSignOut={async () => {
          // The outbox and exercise drafts stay on the phone (only this client's next session
          // sends them; HAZ-096); copies of what they read and this phone's notifications go.
          if (me) await forgetPushOnSignOut(me.actor.accountId);
          const failure = await session.signOut();
          if (!failure) {
            appLock().forget();
            await forgetDeviceCopies();
          }
          return failure;
        }}
      />
    );
  }
  if (path === '/invite' || path === '/invite/') {
    return (
      <InvitationPage
        signInHref="/"
        onAccepted={(me) => {
          signedIn(me);
          navigate('/', { replace: true });
        }}
      />
    );
  }
  switch (state.status) {
    case 'loading':
      return <LoadingFrame page="loading" />;
    case 'unavailable':
      return <UnavailablePage error={state.error} onRetry={() => void session.refresh()} />;
    case 'signed-out':
      return (
        <SignInPage
          ended={state.ended}
          endedMessage={endedMessage}
          step={step}
          onStep={setStep}
          onSignedIn={signedIn}
          onEnrolled={() => {
            setStep(null);
            void session.refresh();
          }}
        />
      );
    case 'signed-in': {
      if (state.me.actor.type !== 'client') return <StaffAccountPage onSignOut={session.signOut} />;
      const me = state.me;
      // Signing out leaves nothing of the client's on the phone: what is waiting is sent first,
      // then the outbox, exercise drafts and kept copies are removed (a shared phone shows the
      // next person nothing).
      const onSignOut = async (everywhere = false) => {
        const flushed = await flushOutbox(me.actor.clientId ?? '').catch(() => null);
        // Locked meanwhile (the server's 5 minutes): the lock screen is shown instead, and what
        // waits is kept — "Forgot your PIN? Sign out" there keeps it too (HAZ-096).
        if (flushed?.stop === 'signed-out' && appLock().getState().locked) return null;
        // While still signed in: the server forgets this phone, so the next person gets none of
        // this client's notifications. Never stops signing out. (Everywhere: the server forgets
        // every phone of theirs as well.)
        await forgetPushOnSignOut(me.actor.accountId);
        const failure = await session.signOut(everywhere);
        if (!failure) await Promise.all([clearDeviceStorage([draftDbName]), forgetDeviceCopies()]);
        return failure;
      };
      const onSessionEnded = () => {
        // Back to home after signing in again: what was kept on the phone is sent from there.
        navigate('/', { replace: true });
        void session.refresh();
      };
      return (
        <ConsentGate me={me} onSignOut={onSignOut}>
          {(view) => (
            <ClientPage path={path} me={me} view={view} onSignOut={onSignOut} onSessionEnded={onSessionEnded} onSessionChanged={() => void session.refresh()} />
          )}
        </ConsentGate>
      );
    }
  }
}

/**
 * The step of signing in that a held session is at, when an API call says so (401
 * `auth.mfa_required` or `auth.mfa_enrolment_required`, e.g. GET /api/me after a reload).
 */
function useHeldSignIn(): [SignInStep, (step: SignInStep) => void] {
  const [step, setStep] = useState<SignInStep>(null);
  useEffect(
    () =>
      onSessionHeld((code) => {
        if (code === 'auth.mfa_required') setStep('mfa');
        else if (code === 'auth.mfa_enrolment_required') setStep('enrol');
      }),
    [],
  );
  return [step, setStep];
}

/** The signed-in client's pages, once consent allows. Care ended: no check-ins, questionnaires, reminders or new exercise work. */
function ClientPage({
  path,
  me,
  view,
  onSignOut,
  onSessionEnded,
  onSessionChanged,
}: {
  path: string;
  me: Me;
  view: ConsentView;
  onSignOut(everywhere?: boolean): Promise<ApiError | null>;
  onSessionEnded(): void;
  /** After a change to this session (an app PIN set or removed): read who is signed in again. */
  onSessionChanged(): void;
}) {
  const at = (page: string) => path === page || path === `${page}/`;
  const inCare = me.care?.status !== 'ended';
  const twoStep = parseTwoStepPath(path);
  if (twoStep) return <TwoStepPage key={twoStep} mode={twoStep} />;
  if (at(appPinPath)) {
    return (
      <AppPinPage
        me={me}
        onSaved={() => {
          onSessionChanged();
          navigate('/choices?done=pin-set');
        }}
      />
    );
  }
  if (at('/choices')) return <ChoicesPage me={me} view={view} onSignOutEverywhere={() => onSignOut(true)} onSessionChanged={onSessionChanged} />;
  if (at('/notifications')) return <NotificationsPage me={me} view={view} />;
  if (at('/your-data')) return <YourDataPage />;
  if (at('/progress')) return <ProgressPage me={me} />;
  if (at('/plan')) return <PlanPage me={me} />;
  if (at('/calendar')) return <CalendarPage me={me} />;
  if (at('/talk-about')) return <TalkAboutPage me={me} onSessionEnded={onSessionEnded} />;
  if (at('/messages')) return <MessagesPage me={me} onSessionEnded={onSessionEnded} />;
  const programme = parseProgrammePath(path);
  if (programme) return <ProgrammeRoute me={me} address={programme} onSessionEnded={onSessionEnded} />;
  if (inCare && at('/reminders')) return <RemindersPage me={me} />;
  if (inCare && at('/check-in')) return <CheckInPage me={me} onSessionEnded={onSessionEnded} />;
  const questionnaire = inCare ? parseQuestionnairePath(path) : null;
  if (questionnaire) {
    return (
      <QuestionnaireFlow
        key={`${questionnaire.appointmentKey}/${questionnaire.instrumentId}`}
        me={me}
        address={questionnaire}
        onSessionEnded={onSessionEnded}
      />
    );
  }
  return <HomePage me={me} onSignOut={onSignOut} justSaved={new URLSearchParams(window.location.search).get('saved') === 'check-in'} />;
}
