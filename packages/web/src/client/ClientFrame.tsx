import type { ComponentProps } from 'react';
import { AppFrame } from '../shared/AppFrame';
import { useT } from '../shared/i18n/I18nProvider';
import type { ClientKey } from '../shared/i18n/keys';
import { Link } from '../shared/navigation';
import { DeviceNotices } from './device/DeviceNotices';

/**
 * The frame of every signed-in client page: the shared landmarks, with "I need help now" in the
 * header so the crisis page is one tap away wherever the client is (BRIEF.md, "Safety
 * principles"). The crisis page itself does not carry it. Above the page: whether it shows what
 * the phone kept offline, and whether a new version is ready.
 */
export function ClientFrame(props: Omit<ComponentProps<typeof AppFrame>, 'header'>) {
  return (
    <AppFrame
      {...props}
      notices={<DeviceNotices />}
      header={<HelpNowButton />}
    />
  );
}

/** "I need help now" in the header: also on the lock screen and the code step, which have no ClientFrame. */
export function HelpNowButton() {
  const t = useT<ClientKey>();
  return (
    <Link className="button button-header help-now" href="/help">
      {t('client.helpNow.button')}
    </Link>
  );
}
