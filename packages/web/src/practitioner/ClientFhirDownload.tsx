import type { DataRightsStatus } from '@tandem/domain';
import { useT } from '../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../shared/i18n/keys';
import { useApiGet } from '../shared/use-api-get';

/**
 * "Download FHIR record": the client's record as a FHIR R4 file for another clinical system
 * (decision 0038). A plain link: the browser saves what the server sends as an attachment, with the
 * session cookie; the server checks access and records the download. While the client's processing
 * is restricted (decision 0042) the server refuses, so the page says so instead of offering the link.
 */
export function ClientFhirDownload({ clientId }: { clientId: string }) {
  const t = useT<PractitionerKey>();
  const rights = useApiGet<DataRightsStatus>(`/api/clients/${encodeURIComponent(clientId)}/data-rights`);
  const restricted = rights.resource.status === 'ok' && rights.resource.data.restricted;
  return (
    <section aria-labelledby="client-fhir-heading">
      <h2 id="client-fhir-heading">{t('practitioner.client.fhirHeading')}</h2>
      <p>{t('practitioner.client.fhirText')}</p>
      {restricted ? (
        <p>{t('practitioner.client.fhirRestricted')}</p>
      ) : (
        <p>
          <a href={`/api/clients/${encodeURIComponent(clientId)}/fhir`} download>
            {t('practitioner.client.fhirDownload')}
          </a>
        </p>
      )}
    </section>
  );
}
