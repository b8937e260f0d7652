import { useSyncExternalStore } from 'react';
import { lastAnswerFromDevice, onDeviceCopyChange } from '../../shared/api';
import { formatDateTime } from '../../shared/dates';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { newVersionReady, onNewVersion } from './service-worker';

/**
 * Two calm lines at the top of a signed-in page, when they apply: the page shows what this phone
 * kept because the connection is gone (and when it was saved), and a new version of the app is
 * ready. Both are status messages, read out by screen readers without moving focus. The time a
 * copy was saved is shown on the phone's own clock: it is about this phone, not an appointment.
 */
const phoneTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function DeviceNotices() {
  const t = useT<ClientKey>();
  const savedAt = useSyncExternalStore(onDeviceCopyChange, lastAnswerFromDevice);
  const newVersion = useSyncExternalStore(onNewVersion, newVersionReady);
  return (
    <div role="status" className="device-notices">
      {savedAt && <p className="notice">{t('client.device.offline', { time: formatDateTime(savedAt, phoneTimeZone(), t) })}</p>}
      {newVersion && (
        <p className="notice">
          {t('client.device.newVersion')}{' '}
          <button type="button" className="button button-secondary" onClick={() => window.location.reload()}>
            {t('client.device.loadNewVersion')}
          </button>
        </p>
      )}
    </div>
  );
}
