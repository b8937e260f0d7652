import { LoadingFrame } from '../shared/AppFrame';
import { InvitationPage } from '../shared/InvitationPage';
import { navigate, usePathname } from '../shared/navigation';
import { useSession } from '../shared/session';
import { UnavailablePage } from '../shared/UnavailablePage';
import { HomePage } from './HomePage';
import { SignInPage } from './SignInPage';
import { StaffAccountPage } from './StaffAccountPage';

/**
 * The client app (mobile-first). `/invite` sets up an account from an invitation link; every
 * other path shows the home page, or the sign-in page when nobody is signed in.
 */
export function ClientApp() {
  const path = usePathname();
  const session = useSession();
  const { state } = session;

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
    case 'signed-in':
      return state.me.actor.type === 'client' ? (
        <HomePage me={state.me} onSignOut={session.signOut} />
      ) : (
        <StaffAccountPage onSignOut={session.signOut} />
      );
  }
}
