import type { ApiError } from '../shared/api';
import { AppFrame } from '../shared/AppFrame';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { SignOutButton } from '../shared/SignOutButton';

/** A client signed in on the staff app (one session cookie serves both apps). */
export function NotStaffPage({ onSignOut }: { onSignOut(): Promise<ApiError | null> }) {
  const t = useT<PractitionerKey>();
  return (
    <AppFrame title={t('practitioner.title.notStaff')} page="not-staff" wide>
      <h1>{t('practitioner.notStaff.heading')}</h1>
      <p>{t('practitioner.notStaff.text')}</p>
      <p>
        <a href="/">{t('practitioner.notStaff.link')}</a>
      </p>
      <SignOutButton onSignOut={onSignOut} />
    </AppFrame>
  );
}
