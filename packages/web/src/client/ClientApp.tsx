import type { Me } from '@tandem/domain';
import type { ApiError } from '../shared/api';
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
import { SignInPage } from './SignInPage';
import { StaffAccountPage } from './StaffAccountPage';
import { TalkAboutPage } from './talk-about/TalkAboutPage';

/**
 * The client app (mobile-first). `/help` is for everyone, and never waits for the server;
 * `/invite` sets up an account from an invitation link. Signed in, a client first answers the
 * consent questions (ConsentGate); then `/check-in` records mood; `/questionnaires/…` fills in a
 * questionnaire due before a session; `/reminders` sets when they are asked how they feel;
 * `/progress` shows their check-ins and scores over time; `/plan` their treatment plan and where they are in it; `/talk-about` the things they want to talk
 * about in their next session; `/calendar` their private calendar feed; `/messages` their messages with their care team (readable after care ends); `/programme/…` is the self-help
 * programme and its exercises (readable after care ends); `/choices` shows and changes their
 * consent; `/notifications` turns notifications on this phone on or off; every other path shows the home page, or the sign-in page when nobody is signed in.
 */
export function ClientApp() {
  const path = usePathname();
  const session = useSession();
  const { state } = session;
  // A new sign-in starts with no copies of anybody's reads on the phone (a shared phone).
  // Nor a subscription to someone else's notifications (a session that ended without a sign-out).
  const signedIn = (me: Me) => void Promise.all([forgetDeviceCopies(), dropOthersPush(me.actor.accountId)]).then(() => session.signedIn(me));

  // Help is there for everyone, signed in or not, before anyone knows who is signed in.
  if (path === '/help' || path === '/help/') return <HelpPage backHref="/" me={state.status === 'signed-in' ? state.me : null} />;
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
      return <SignInPage ended={state.ended} onSignedIn={signedIn} />;
    case 'signed-in': {
      if (state.me.actor.type !== 'client') return <StaffAccountPage onSignOut={session.signOut} />;
      const me = state.me;
      // Signing out leaves nothing of the client's on the phone: what is waiting is sent first,
      // then the outbox, exercise drafts and kept copies are removed (a shared phone shows the
      // next person nothing).
      const onSignOut = async (everywhere = false) => {
        await flushOutbox(me.actor.clientId ?? '').catch(() => null);
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
          {(view) => <ClientPage path={path} me={me} view={view} onSignOut={onSignOut} onSessionEnded={onSessionEnded} />}
        </ConsentGate>
      );
    }
  }
}

/** The signed-in client's pages, once consent allows. Care ended: no check-ins, questionnaires, reminders or new exercise work. */
function ClientPage({ path, me, view, onSignOut, onSessionEnded }: { path: string; me: Me; view: ConsentView; onSignOut(everywhere?: boolean): Promise<ApiError | null>; onSessionEnded(): void }) {
  const at = (page: string) => path === page || path === `${page}/`;
  const inCare = me.care?.status !== 'ended';
  if (at('/choices')) return <ChoicesPage me={me} view={view} onSignOutEverywhere={() => onSignOut(true)} />;
  if (at('/notifications')) return <NotificationsPage me={me} view={view} />;
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
