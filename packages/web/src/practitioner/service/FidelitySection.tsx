import { driftFlagCodes, type Fidelity, type SupervisionEpisode } from '@tandem/domain';
import { useT } from '../../shared/i18n/I18nProvider';
import type { PractitionerKey } from '../../shared/i18n/keys';
import { LoadState } from '../../shared/LoadState';
import { Link } from '../../shared/navigation';
import { ScrollTable } from '../../shared/ScrollTable';
import { useApiGet } from '../../shared/use-api-get';
import { staffPaths } from '../routes';

/**
 * Keeping to the plan, for supervision (decision 0024): per supervisee, their open referrals with a
 * plan, how many have something to look at and what, in words, with links to those plans. Counts
 * to talk through together, not a score or a ranking (HAZ-050). Clients are named from the
 * supervision list already on the page; the fidelity answer names none.
 */
export function FidelitySection({ episodes }: { episodes: readonly SupervisionEpisode[] }) {
  const t = useT<PractitionerKey>();
  const { resource, reload } = useApiGet<Fidelity>('/api/supervision/fidelity');
  const names = new Map(episodes.map((e) => [e.episodeId, e.clientName]));
  return (
    <section className="fidelity" aria-labelledby="fidelity-heading">
      <h2 id="fidelity-heading">{t('practitioner.fidelity.heading')}</h2>
      <p>{t('practitioner.fidelity.intro')}</p>
      <LoadState resource={resource} onRetry={reload} />
      {resource.status === 'ok' && !resource.data.supervisees.length ? <p>{t('practitioner.fidelity.none')}</p> : null}
      {resource.status === 'ok' && resource.data.supervisees.length ? (
        <ScrollTable
          caption={t('practitioner.fidelity.caption')}
          columns={[t('service.supervision.practitioner'), t('practitioner.fidelity.withPlan'), t('practitioner.fidelity.withFlags'), t('practitioner.fidelity.what'), t('practitioner.fidelity.plans')]}
        >
          {resource.data.supervisees.map((s) => (
            <tr key={s.practitionerId}>
              <td translate="no">{s.practitionerName}</td>
              <td translate="no">{s.openEpisodesWithPlan}</td>
              <td translate="no">{s.episodesWithFlags}</td>
              <td>
                {s.episodesWithFlags ? (
                  <ul className="plain-list">
                    {driftFlagCodes
                      .filter((code) => s.byCode[code] > 0)
                      .map((code) => (
                        <li key={code}>{t(`practitioner.fidelity.code.${code}`, { count: s.byCode[code] })}</li>
                      ))}
                  </ul>
                ) : (
                  t('practitioner.fidelity.nothing')
                )}
              </td>
              <td>
                {s.flaggedEpisodes.length ? (
                  <ul className="plain-list">
                    {s.flaggedEpisodes.map((e) => (
                      <li key={e.episodeId}>
                        <Link href={staffPaths.plan(e.clientId, e.episodeId)}>
                          {t('practitioner.fidelity.planOf')} <span translate="no">{names.get(e.episodeId) ?? ''}</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                ) : (
                  t('practitioner.fidelity.nothing')
                )}
              </td>
            </tr>
          ))}
        </ScrollTable>
      ) : null}
    </section>
  );
}
