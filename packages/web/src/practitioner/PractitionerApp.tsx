import { useCallback } from 'react';
import { LoadingFrame } from '../shared/AppFrame';
import { InvitationPage } from '../shared/InvitationPage';
import { navigate, usePathname } from '../shared/navigation';
import { useSession } from '../shared/session';
import { UnavailablePage } from '../shared/UnavailablePage';
import { AlertsPage } from './AlertsPage';
import { BriefPage } from './brief/BriefPage';
import { CaseloadPage } from './CaseloadPage';
import { ClientPage } from './ClientPage';
import { StaffCalendarPage } from './calendar/StaffCalendarPage';
import { ConversationPage, MessagesPage } from './messages/MessagesPage';
import { DeliveryLogPage } from './service/DeliveryLogPage';
import { DataRequestsPage } from './data-rights/DataRequestsPage';
import { NotificationsPage } from './notifications/NotificationsPage';
import { ExportsPage } from './exports/ExportsPage';
import { exportPermissions } from './exports/export-permissions';
import { FiguresPage } from './figures/FiguresPage';
import { NotFoundPage } from './NotFoundPage';
import { PlanPage } from './plan/PlanPage';
import { RegisterClientPage } from './RegisterClientPage';
import { matchStaffRoute, staffPaths } from './routes';
import { AwayPage } from './service/AwayPage';
import { CareSettingsPage } from './service/CareSettingsPage';
import { PlanTemplatesPage } from './service/PlanTemplatesPage';
import { RiskPolicyPage } from './service/RiskPolicyPage';
import { ServiceSettingsPage } from './service/ServiceSettingsPage';
import { SiteDutyPage } from './service/SiteDutyPage';
import { SupervisionPage } from './service/SupervisionPage';
import { SessionPage } from './session/SessionPage';
import { SignInPage } from './SignInPage';
import { NotStaffPage } from './NotStaffPage';
import { hasRole, type StaffContext } from './StaffFrame';

/**
 * The practitioner app (desktop-first, online only), served at /staff/. Signed out — or when the
 * session ends, which any API call may reveal — it shows the sign-in page at the same address, so
 * signing in again returns the person to the page they were on.
 */
export function PractitionerApp() {
  const route = matchStaffRoute(usePathname());
  const session = useSession();
  const { state, signOut } = session;

  const signOutToCaseload = useCallback(async (everywhere = false) => {
    const error = await signOut(everywhere);
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
      return <SignInPage ended={state.ended} resume={state.secondStep} onSignedIn={session.signedIn} />;
    case 'signed-in':
      break;
  }
  if (state.me.actor.type !== 'staff') return <NotStaffPage onSignOut={signOutToCaseload} />;
  const staff: StaffContext = { me: state.me, onSignOut: signOutToCaseload };
  // Pages for one role are not found by others: the address says nothing of what is behind it.
  const admin = hasRole(staff, 'admin');
  const notFound = <NotFoundPage staff={staff} />;
  switch (route.name) {
    case 'caseload':
      return <CaseloadPage staff={staff} />;
    case 'register':
      return state.me.allowed.registerClients ? <RegisterClientPage staff={staff} /> : <NotFoundPage staff={staff} />;
    case 'alerts':
      return <AlertsPage staff={staff} />;
    case 'client':
      return <ClientPage key={route.clientId} staff={staff} clientId={route.clientId} />;
    case 'brief':
      return <BriefPage key={route.clientId} staff={staff} clientId={route.clientId} />;
    case 'plan':
      return <PlanPage key={`${route.clientId} ${route.episodeId}`} staff={staff} clientId={route.clientId} episodeId={route.episodeId} />;
    case 'session':
      return <SessionPage key={route.appointmentId} staff={staff} appointmentId={route.appointmentId} />;
    case 'away':
      return <AwayPage staff={staff} />;
    case 'notifications':
      return <NotificationsPage staff={staff} />;
    case 'messages':
      return <MessagesPage staff={staff} />;
    case 'conversation':
      return <ConversationPage key={route.clientId} staff={staff} clientId={route.clientId} />;
    case 'calendar':
      return <StaffCalendarPage staff={staff} />;
    case 'supervision':
      return hasRole(staff, 'supervisor') ? <SupervisionPage staff={staff} /> : notFound;
    case 'figures':
      return <FiguresPage staff={staff} />;
    case 'exports':
      return exportPermissions(admin, hasRole(staff, 'supervisor')).any ? <ExportsPage staff={staff} /> : notFound;
    case 'service':
      return admin ? <ServiceSettingsPage staff={staff} /> : notFound;
    case 'site-duty':
      return admin ? <SiteDutyPage key={route.siteId} staff={staff} siteId={route.siteId} /> : notFound;
    case 'risk-policy':
      return admin ? <RiskPolicyPage staff={staff} /> : notFound;
    case 'care-settings':
      return admin ? <CareSettingsPage staff={staff} /> : notFound;
    case 'plan-templates':
      return admin ? <PlanTemplatesPage staff={staff} /> : notFound;
    case 'delivery-log':
      return admin ? <DeliveryLogPage staff={staff} /> : notFound;
    case 'data-requests':
      return admin ? <DataRequestsPage staff={staff} /> : notFound;
    case 'not-found':
      return notFound;
  }
}
