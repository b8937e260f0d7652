import { useT } from '../shared/i18n/I18nProvider';
import type { ClientKey } from '../shared/i18n/keys';
import { Link } from '../shared/navigation';

/** "Back to home", at the top of the pages opened from home. */
export function BackHomeLink() {
  const t = useT<ClientKey>();
  return (
    <p>
      <Link className="back-link" href="/">
        {t('client.checkIn.backHome')}
      </Link>
    </p>
  );
}
