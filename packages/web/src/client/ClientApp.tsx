import { LoadingFrame } from '../shared/AppFrame';
import { InvitationPage } from '../shared/InvitationPage';
import { navigate, usePathname } from '../shared/navigation';
import { useSession } from '../shared/session';
import { UnavailablePage } from '../shared/UnavailablePage';
import { CheckInPage } from './CheckInPage';
import { HelpPage } from './HelpPage';
import { HomePage } from './HomePage';
import { parseQuestionnairePath } from './questionnaires/paths';
import { QuestionnaireFlow } from './questionnaires/QuestionnaireFlow';
import { SignInPage } from './SignInPage';
import { StaffAccountPage } from './StaffAccountPage';

/**
 * The client app (mobile-first). `/help` is for everyone, and never waits for the server;
 * `/invite` sets up an account from an invitation link; `/check-in` records mood;
 * `/questionnaires/…` fills in a questionnaire due before a session; every other path shows the
 * home page, or the sign-in page when nobody is signed in.
 */
export function ClientApp() {
  const path = usePathname();
  const session = useSession();
  const { state } = session;

  // Help is there for everyone, signed in or not, before anyone knows who is signed in.
  if (path === '/help' || path === '/help/') return <HelpPage backHref="/" me={state.status === 'signed-in' ? state.me : null} />;
  if (path === '/invite' || path === '/invite/') {
    return (
      <InvitationPage
        signInHref="/"
        onAccepted={(me) => {
          session.signedIn(me);
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
      return <SignInPage ended={state.ended} onSignedIn={session.signedIn} />;
    case 'signed-in': {
      if (state.me.actor.type !== 'client') return <StaffAccountPage onSignOut={session.signOut} />;
      const onSessionEnded = () => {
        // Back to home after signing in again: what was kept on the phone is sent from there.
        navigate('/', { replace: true });
        void session.refresh();
      };
      if ((path === '/check-in' || path === '/check-in/') && state.me.care?.status !== 'ended') {
        return <CheckInPage me={state.me} onSessionEnded={onSessionEnded} />;
      }
      const questionnaire = state.me.care?.status === 'ended' ? null : parseQuestionnairePath(path);
      if (questionnaire) {
        return (
          <QuestionnaireFlow
            key={`${questionnaire.appointmentKey}/${questionnaire.instrumentId}`}
            me={state.me}
            address={questionnaire}
            onSessionEnded={onSessionEnded}
          />
        );
      }
      return <HomePage me={state.me} onSignOut={session.signOut} justSaved={new URLSearchParams(window.location.search).get('saved') === 'check-in'} />;
    }
  }
}
