import type { CrisisPage } from '@tandem/domain';
import { useId } from 'react';
import { formatDate } from '../../shared/dates';
import { useT } from '../../shared/i18n/I18nProvider';
import type { ClientKey } from '../../shared/i18n/keys';

type Local = NonNullable<CrisisPage['local']>;

/** "0800 123 4567" → "08001234567" for a tel: or sms: link. */
function dialable(number: string): string {
  return number.replace(/\s+/g, '');
}

/**
 * The organisation's own crisis contacts, under the national ones, with who checked them and
 * when. Their names and words are the organisation's reviewed text, shown as written.
 */
export function LocalContacts({ local }: { local: Local }) {
  const t = useT<ClientKey>();
  const headingId = useId();
  if (!local.contacts.length) return null;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('client.help.localHeading', { organisation: local.organisationName })}</h2>
      <ul className="help-list local-contacts">
        {local.contacts.map((contact, index) => (
          <li key={index} className="local-contact">
            <p className="local-contact-name" translate="no">
              {contact.name}
            </p>
            <p translate="no">{contact.description}</p>
            <ul className="local-contact-ways">
              {contact.phone ? (
                <li>
                  <a href={`tel:${dialable(contact.phone)}`}>
                    {t('client.help.callNumber', { number: contact.phone })}
                  </a>
                </li>
              ) : null}
              {contact.textNumber ? (
                <li>
                  <a href={`sms:${dialable(contact.textNumber)}`}>
                    {t('client.help.textNumber', { number: contact.textNumber })}
                  </a>
                </li>
              ) : null}
              {contact.url ? (
                <li>
                  <a href={contact.url} rel="noopener noreferrer">
                    {t('client.help.website', { name: contact.name })}
                  </a>
                </li>
              ) : null}
            </ul>
          </li>
        ))}
      </ul>
      <p className="hint">{t('client.help.checkedBy', { name: local.reviewedBy, date: formatDate(local.reviewedOn, t) })}</p>
    </section>
  );
}
