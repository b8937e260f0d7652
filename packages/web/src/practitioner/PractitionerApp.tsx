import { useCallback } from 'react';
import { LoadingFrame } from '../shared/AppFrame';
import { InvitationPage } from '../shared/InvitationPage';
import { navigate, usePathname } from '../shared/navigation';
import { useSession } from '../shared/session';
import { UnavailablePage } from '../shared/UnavailablePage';
import { AlertsPage } from './AlertsPage';
import { CaseloadPage } from './CaseloadPage';
import { ClientPage } from './ClientPage';
import { NotFoundPage } from './NotFoundPage';
import { RegisterClientPage } from './RegisterClientPage';
import { matchStaffRoute, staffPaths } from './routes';
import { SignInPage } from './SignInPage';
import { NotStaffPage } from './NotStaffPage';
import type { StaffContext } from './StaffFrame';

/**
 * The practitioner app (desktop-first, online only), served at /staff/. Signed out — or when the
 * session ends, which any API call may reveal — it shows the sign-in page at the same address, so
 * signing in again returns the person to the page they were on.
 */
export function PractitionerApp() {
  const route = matchStaffRoute(usePathname());
  const session = useSession();
  const { state, signOut } = session;

  const signOutToCaseload = useCallback(async () => {
    const error = await signOut();
    if (!error) navigate(staffPaths.caseload, { replace: true });
    return error;
  }, [signOut]);

  if (route.name === 'invite') {
    return (
      <InvitationPage
        signInHref={staffPaths.caseload}
        onAccepted={(me) => {
          session.signedIn(me);
          navigate(staffPaths.caseload, { replace: true });
        }}
      />
    );
  }
  switch (state.status) {
    case 'loading':
      return <LoadingFrame page="loading" wide />;
    case 'unavailable':
      return <UnavailablePage error={state.error} onRetry={() => void session.refresh()} wide />;
    case 'signed-out':
      return <SignInPage ended={state.ended} onSignedIn={session.signedIn} />;
    case 'signed-in':
      break;
  }
  if (state.me.actor.type !== 'staff') return <NotStaffPage onSignOut={signOutToCaseload} />;
  const staff: StaffContext = { me: state.me, onSignOut: signOutToCaseload };
  switch (route.name) {
    case 'caseload':
      return <CaseloadPage staff={staff} />;
    case 'register':
      return state.me.allowed.registerClients ? <RegisterClientPage staff={staff} /> : <NotFoundPage staff={staff} />;
    case 'alerts':
      return <AlertsPage staff={staff} />;
    case 'client':
      return <ClientPage key={route.clientId} staff={staff} clientId={route.clientId} />;
    case 'not-found':
      return <NotFoundPage staff={staff} />;
  }
}
