import { formatNhsNumber } from '@tandem/domain';
import { formatDate } from '../shared/dates';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';

/**
 * Who this client is, at the top of every clinical screen: full name, date of birth and NHS
 * number (when known), so nobody acts on the wrong person's record (brief: safety principles).
 * The name is the page's heading.
 */
export function IdentityBanner({ client }: { client: { givenName: string; familyName: string; dateOfBirth: string; nhsNumber: string | null } }) {
  const t = useT<PractitionerKey>();
  return (
    <section className="identity-banner" aria-label={t('practitioner.client.banner')}>
      <h1 className="identity-name" translate="no">
        {`${client.givenName} ${client.familyName}`}
      </h1>
      <dl className="identity-facts">
        <div>
          <dt>{t('practitioner.client.dateOfBirth')}</dt>
          <dd translate="no">{formatDate(client.dateOfBirth, t)}</dd>
        </div>
        <div>
          <dt>{t('practitioner.client.nhsNumber')}</dt>
          {client.nhsNumber ? <dd translate="no">{formatNhsNumber(client.nhsNumber)}</dd> : <dd>{t('practitioner.client.nhsNumberNone')}</dd>}
        </div>
      </dl>
    </section>
  );
}
