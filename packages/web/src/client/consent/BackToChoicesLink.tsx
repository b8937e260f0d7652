import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';
import { Link } from '../../shared/navigation';

/** "Back to your choices", at the top of the pages opened from Your choices. */
export function BackToChoicesLink() {
  const t = useT<ClientKey>();
  return (
    <p>
      <Link className="back-link" href="/choices">
        {t('client.choices.back')}
      </Link>
    </p>
  );
}
