import type { DataRightsStatus } from '@tandem/domain';
import { formatDate } from '../../shared/dates';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { useApiGet } from '../../shared/use-api-get';

/**
 * "Processing restricted" at the top of a client's record (decision 0042, HAZ-106): the client
 * asked Tandem to stop using their data, so staff add records only where the law requires it.
 * Nothing shows while it loads, when it fails or when there is no restriction.
 */
export function RestrictionBanner({ clientId }: { clientId: string }) {
  const t = useT<PractitionerKey>();
  const { resource } = useApiGet<DataRightsStatus>(`/api/clients/${encodeURIComponent(clientId)}/data-rights`);
  if (resource.status !== 'ok' || !resource.data.restricted) return null;
  const since = resource.data.restrictions.find((r) => r.liftedAt === null)?.requestedOn;
  return (
    <p className="notice notice-warning restriction-banner" role="status">
      <strong>{t('dataRights.banner')}</strong>
      {since ? <> {t('dataRights.banner.since', { date: formatDate(since, t) })}</> : null}
    </p>
  );
}
